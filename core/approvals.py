"""Who approves a request (SPEC §5 "Approvals"): plain Python over the organisation."""

from __future__ import annotations

from core.org import Department, OrgConfig, RequestType


def approvers_for(org: OrgConfig, request_type: RequestType, department: Department,
                  requester_id: int, home: str | None) -> list[int]:
    """The people who decide on a request of ``request_type``: ``"managers"`` are the
    managers of the requester's own department (``home``), else of the executing one;
    or the ids listed. Nobody approves their own request: with no one else left, the
    request needs no approval (it never waits for nobody)."""
    wanted = request_type.approvers
    if wanted is None:
        return []
    if wanted == "managers":
        own = org.department(home) if home else None
        people = [m for m in (own.managers if own else []) if m != requester_id]
        if not people:
            people = [m for m in department.managers if m != requester_id]
    else:
        people = [i for i in wanted if i != requester_id]
    return sorted(set(people))
