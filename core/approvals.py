"""Who approves a request (SPEC §5 "Approvals"): plain Python over the organisation."""

from __future__ import annotations

from core.context import Services
from core.org import Department, OrgConfig, RequestType
from core.outgoing import approval_copy
from db import approvals


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


async def copies_owed(svc: Services, user_id: int) -> int:
    """An approver who has just started the bot gets the copies that could not reach
    them before (the requester and the admins were told to ask them to press /start);
    how many."""
    async with svc.db.reading() as session:  # most people approve nothing: no write lock
        if not await approvals.waiting_without_copy(session, user_id):
            return 0
    now = svc.clock.now()
    async with svc.db.transaction() as session:
        waiting = await approvals.waiting_without_copy(session, user_id)
        for request in waiting:
            approval_copy(session, now, request, user_id)
    return len(waiting)
