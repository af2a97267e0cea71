"""Turning a completed form into a request: numbers, SLA clocks, the card owed, and
its assignee when the department assigns by itself."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from core import sla
from core.approvals import approvers_for
from core.assigning import auto_pick
from core.context import Services
from core.lifecycle import Status
from core.org import Department, RequestType
from core.outgoing import approval_copy, notify, refresh_card
from core.sweep import reschedule
from core.workflow import assign_now
from db import approvals, requests, search, users, watchers
from db.models import Request, full_name


async def create_request(
    session: AsyncSession,
    svc: Services,
    requester_id: int,
    department: Department,
    request_type: RequestType,
    answers: list[dict[str, Any]],
    priority: str,
    needed_by: date | None,
    watcher_ids: Sequence[int] = (),
    found_in: Sequence[str] = (),
) -> tuple[Request, bool]:
    """Store the request before anything is sent; return it and whether its chat is bound.
    ``watcher_ids``: the people it keeps informed, added before anything is announced
    (an auto-assignment's "taken" reaches them too). ``found_in``: the departments whose
    bound chats the requester is in now, asked of Telegram at Send (see
    :func:`department_found`)."""
    now = svc.clock.now()
    calendar = svc.org.work_calendar
    urgent = priority == "urgent"
    response_s = sla.sla_seconds(calendar, request_type.response, urgent=urgent,
                                 urgent_factor=request_type.urgent_factor)
    resolve_s = sla.sla_seconds(calendar, request_type.resolve, urgent=urgent,
                                urgent_factor=request_type.urgent_factor)
    found = department_found(svc, found_in, department)
    if found is not None:  # kept as their department, the newest (db.approvals.member_of)
        await approvals.join(session, found, requester_id, now)
    home = await requests.home_department(session, svc.org, requester_id, found)
    approvers = approvers_for(svc.org, request_type, department, requester_id, home)
    # a request that needs approval: no SLA clock runs until it is approved
    status = Status.APPROVAL if approvers else Status.NEW
    request = await requests.add_request(session, Request(
        department_key=department.key, type_key=request_type.key, type_name=request_type.name,
        requester_id=requester_id, status=status.value, priority=priority, answers=answers,
        needed_by=needed_by, created_at=now, status_changed_at=now,
        response_seconds=response_s, resolve_seconds=resolve_s,
        response_due_at=None if approvers else calendar.add(now, response_s),
        resolve_due_at=None if approvers else calendar.add(now, resolve_s),
        transfers=0, reopens=0, last_event_at=now, requester_department=home,
        approval_asked_at=now if approvers else None,
        approval_remind_s=calendar.seconds(request_type.approval_remind) if approvers else None,
    ))
    requests.add_event(session, request.id, now, "created", requester_id,
                       to_status=status.value, to_department=department.key)
    await search.index_request(session, request)  # /find reads it, in step with the request
    await reschedule(session, svc, request, now)
    bound = await users.binding_for(session, department.key) is not None
    if approvers:
        await _ask_approval(session, svc, request, approvers, watcher_ids, now)
        return request, bound
    notify(session, now, requester_id, "submitted", request, bound=bound)
    await refresh_card(session, now, request)
    await watchers.add(session, request.id, [w for w in watcher_ids if w != requester_id],
                       requester_id, now)
    # a department that assigns by itself: to an executor who is not away, at once
    pick = await auto_pick(session, svc, department, now)
    if pick is not None:
        request = await assign_now(session, svc, request, pick, now) or request
    if not bound:
        for admin in svc.org.organization.admins:
            notify(session, now, admin, "unbound", request)
    return request, bound


def department_found(svc: Services, found_in: Sequence[str], department: Department
                     ) -> str | None:
    """Of the departments whose bound chats the requester was found in at Send, the
    one they belong to: one other than the department asked (someone in IT's chat and
    in Sales' asks IT as Sales), else the one asked; None when in none."""
    known = [key for key in found_in if svc.org.department(key) is not None]
    return next((key for key in known if key != department.key),
                known[0] if known else None)


async def _ask_approval(session: AsyncSession, svc: Services, request: Request,
                        approvers: list[int], watcher_ids: Sequence[int], now: datetime) -> None:
    """The request waits for its approvers: each gets the brief privately with Approve,
    Decline and Ask; the requester learns its number and who approves it."""
    await approvals.add(session, request.id, approvers)
    known = await users.get_users(session, set(approvers))
    names = ", ".join(full_name(p.first_name, p.last_name) if (p := known.get(i)) is not None
                      else f"id {i}" for i in approvers)
    # with Cancel request: nobody else can end it while no approver answers
    notify(session, now, request.requester_id, "approval_submitted", request,
           keyboard="confirm", names=names)
    await watchers.add(session, request.id,
                       [w for w in watcher_ids if w != request.requester_id],
                       request.requester_id, now)
    for approver in approvers:
        approval_copy(session, now, request, approver)


async def department_chats(svc: Services) -> list[tuple[str, int]]:
    """Each bound department's key and chat, in the organisation file's order."""
    async with svc.db.reading() as session:
        bound = {b.department_key: b.chat_id for b in await users.bindings(session)}
    return [(d.key, bound[d.key]) for d in svc.org.departments if d.key in bound]
