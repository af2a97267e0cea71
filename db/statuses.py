"""The statuses a request is stored with (``requests.status``).

Plain values that db/ and core/ both use; how a request moves between them is
core/lifecycle.py's alone.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    WAITING = "waiting"
    ON_REVIEW = "on_review"
    CLOSED = "closed"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
    # approvals (SPEC §5): a request whose type needs an approver waits in APPROVAL
    # before its department sees it; DECLINED is the approver's final no
    APPROVAL = "approval"
    DECLINED = "declined"


OPEN_STATUSES = frozenset({Status.NEW, Status.IN_PROGRESS, Status.WAITING, Status.ON_REVIEW})
# APPROVAL is in neither: the department has not got it yet (no card, no SLA clocks)
FINAL_STATUSES = frozenset({Status.CLOSED, Status.REJECTED, Status.CANCELLED,
                            Status.DECLINED})
# the only statuses a request has a rating in: it is asked after Done, and a reopen
# drops it (a read of ratings for any other status finds nothing)
RATED_STATUSES = frozenset({Status.ON_REVIEW, Status.CLOSED})
