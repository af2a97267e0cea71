"""The scheduler's scan: find what is due with an indexed query, claim it,
and owe the messages — reminders, breaches, escalations, rating questions,
auto-closing and the daily stuck list — in the same transaction.

Claiming is a locking read of the due rows (``FOR UPDATE SKIP LOCKED`` on
PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` admits one writer) that moves their
``next_alert_at`` on, plus a unique ``alerts_sent`` row per alert: a restart,
an overlapping scan or a second instance never sends an alert twice, and the
outbox retries a failed send rather than losing it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Row, bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.alerts import Alert, Clocks, plan, select_due, sent_keys
from core.context import Services
from core.lifecycle import OPEN_STATUSES, Action, Status
from core.outgoing import digests as owe_digests
from core.outgoing import notify, refresh_card
from core.payloads import Digest, DigestLine
from core.weekly import owe as owe_weekly
from db import approvals, requests, users
from db.models import AlertSent, Rating, Request, ScheduleMark, full_name
from db.session import insert_ignore
from db.statuses import RATED_STATUSES

BATCH = 1000
STUCK_LISTED = 50  # the oldest; a manager of a neglected department is told how many more
_REQUESTS = Request.__table__
_COLUMNS = (Request.id, Request.status, Request.department_key, Request.type_name,
            Request.requester_id, Request.assignee_id, Request.response_due_at,
            Request.response_seconds, Request.resolve_due_at, Request.resolve_seconds,
            Request.done_at, Request.auto_closed, Request.needed_by,
            Request.approval_asked_at, Request.approval_remind_s)


@dataclass
class ScanReport:
    claimed: int = 0
    sent: int = 0
    auto_closed: int = 0
    messages: int = 0
    stuck_lists: int = 0
    handed_over: int = 0  # requests of people away from today, given away
    weekly: int = 0  # the managers' week: messages owed
    by_kind: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def clocks_of(row: Any, rated: bool) -> Clocks:
    return Clocks(row.status, row.response_due_at, row.response_seconds, row.resolve_due_at,
                  row.resolve_seconds, row.done_at, rated, row.auto_closed,
                  row.approval_asked_at, row.approval_remind_s)


async def reschedule(session: AsyncSession, svc: Services, request: Request,
                     now: datetime) -> None:
    """After any change: when must the scheduler look at this request next."""
    sent = sent_keys(set(await session.scalars(
        select(AlertSent.key).where(AlertSent.request_id == request.id))))
    rated = request.status in RATED_STATUSES and await session.get(Rating, request.id) is not None
    open_at = [a.at for a in plan(clocks_of(request, rated), svc.org) if a.key not in sent]
    await session.execute(
        update(Request).where(Request.id == request.id)
        .values(next_alert_at=min(open_at, default=None), last_event_at=now)
        .execution_options(synchronize_session=False)
    )


async def _claim(session: AsyncSession, now: datetime, limit: int) -> list[Any]:
    """The due rows, held by this transaction until it commits their new
    ``next_alert_at``: SQLite's BEGIN IMMEDIATE admits one writer at a time, and
    PostgreSQL's FOR UPDATE SKIP LOCKED gives a second scanner other rows."""
    due = select(*_COLUMNS).where(Request.next_alert_at <= now) \
        .order_by(Request.next_alert_at).limit(limit)
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    return list((await session.execute(due)).all())


async def scan(svc: Services, *, limit: int = BATCH) -> ScanReport:
    """One pass over what is due now."""
    report = ScanReport()
    now = svc.clock.now()
    async with svc.db.transaction() as session:
        rows = await _claim(session, now, limit)
        report.claimed = len(rows)
        if rows:
            await _handle(session, svc, rows, now, report)
    await stuck_lists(svc, report)
    report.weekly = await owe_weekly(svc)
    report.messages += report.weekly
    # imported here: the hand-over applies lifecycle actions (core.workflow), which
    # import this module for their rescheduling
    from core.away import hand_overs

    report.handed_over = await hand_overs(svc)
    return report


async def _handle(session: AsyncSession, svc: Services, rows: list[Row[Any]], now: datetime,
                  report: ScanReport) -> None:
    ids = [row.id for row in rows]
    sent: dict[int, set[str]] = defaultdict(set)
    for request_id, key in await session.execute(
            select(AlertSent.request_id, AlertSent.key).where(AlertSent.request_id.in_(ids))):
        sent[request_id].add(key)
    rated = set(await session.scalars(select(Rating.request_id).where(Rating.request_id.in_(ids))))
    digests: dict[tuple[int, int | None], list[DigestLine]] = defaultdict(list)
    marks: list[dict[str, Any]] = []
    next_at: list[dict[str, Any]] = []
    bindings = {b.department_key: b for b in await users.bindings(session)}
    for row in rows:
        to_send, skipped, upcoming = select_due(plan(clocks_of(row, row.id in rated), svc.org),
                                                sent[row.id], now)
        marks += [{"request_id": row.id, "key": a.key, "at": now} for a in to_send + skipped]
        closed = False
        for alert in to_send:
            report.sent += 1
            report.by_kind[alert.kind] += 1
            if alert.kind == "auto_close":
                closed = await _auto_close(session, svc, row.id, now)
                report.auto_closed += closed
            elif alert.kind in ("rate_ask", "rate_remind"):
                notify(session, now, row.requester_id, alert.kind, row.id, keyboard="rate")
            elif alert.kind in ("approval_remind", "approval_escalate"):
                await _approval_alert(session, svc, row, alert.kind, now)
            else:
                _route(svc, row, alert, bindings, digests)
        if closed:
            upcoming = None
        next_at.append({"rid": row.id, "next": upcoming})
    if marks:
        await session.execute(insert_ignore(session, AlertSent), marks)
    if next_at:
        await session.execute(
            # Core, not ORM: one executemany for the whole batch
            update(_REQUESTS)  # type: ignore[arg-type]
            .where(_REQUESTS.c.id == bindparam("rid"))
            .values(next_alert_at=bindparam("next")),
            next_at,
        )
    await _owe_digests(session, svc, digests, now, report)


async def _approval_alert(session: AsyncSession, svc: Services, row: Any, kind: str,
                          now: datetime) -> None:
    """Unanswered approval: the approvers are reminded once, then the admins told who
    has not answered. The type is named by the renderer, in each reader's language."""
    approvers = await approvals.approvers_of(session, row.id)
    if kind == "approval_remind":
        for approver in approvers:
            notify(session, now, approver, "approval_remind", row.id,
                   department=row.department_key)
        return
    known = await users.get_users(session, set(approvers))
    names = ", ".join(full_name(p.first_name, p.last_name) if (p := known.get(i)) is not None
                      else f"id {i}" for i in approvers)
    for admin in svc.org.organization.admins:
        notify(session, now, admin, "approval_escalated", row.id,
               department=row.department_key, names=names)


def _line(row: Any, alert: Alert) -> DigestLine:
    return {"kind": alert.kind, "clock": alert.clock, "id": row.id, "type": row.type_name,
            "department": row.department_key,
            "due": alert.due.isoformat() if alert.due else None,
            "needed_by": row.needed_by.isoformat() if row.needed_by else None}


def _route(svc: Services, row: Any, alert: Alert, bindings: dict[str, Any],
           digests: dict[tuple[int, int | None], list[DigestLine]]) -> None:
    """A reminder or breach goes to the department's chat, the assignee and, on
    breach, to the managers."""
    line = _line(row, alert)
    binding = bindings.get(row.department_key)
    if binding is not None:
        digests[(binding.chat_id, binding.thread_id)].append(line)
    if row.assignee_id and alert.clock == "resolve":
        digests[(row.assignee_id, None)].append(line)
    department = svc.org.department(row.department_key)
    if alert.kind == "breach" and svc.org.sla.escalate and department is not None:
        for manager in department.managers:
            if manager != row.assignee_id:
                digests[(manager, None)].append({**line, "kind": "escalate"})


async def _auto_close(session: AsyncSession, svc: Services, request_id: int,
                      now: datetime) -> bool:
    applied = await requests.conditional_update(
        session, request_id, [Status.ON_REVIEW.value],
        {"status": Status.CLOSED.value, "closed_at": now, "auto_closed": True,
         "status_changed_at": now, "last_event_at": now},
    )
    if not applied:
        return False
    requests.add_event(session, request_id, now, Action.AUTO_CLOSE.value, None,
                       from_status=Status.ON_REVIEW.value, to_status=Status.CLOSED.value)
    request = await requests.get_request(session, request_id)
    assert request is not None
    await refresh_card(session, now, request)
    notify(session, now, request.requester_id, "auto_closed", request, keyboard="closing")
    return True


async def _owe_digests(session: AsyncSession, svc: Services,
                       digests: dict[tuple[int, int | None], list[DigestLine]],
                       now: datetime, report: ScanReport, more: int = 0) -> None:
    """One message per chat for everything due in this scan (no alert fatigue);
    the sender splits it under Telegram's limit. ``more``: lines left out."""
    if not digests:
        return
    people = await users.get_users(session, {chat for chat, _ in digests if chat > 0})
    bindings: dict[str, Any] | None = None
    owed: list[tuple[int, int | None, Digest]] = []
    for (chat_id, thread_id), lines in digests.items():
        if chat_id > 0 and (people.get(chat_id) is None or not people[chat_id].started):
            # never started the bot: Telegram refuses a private message, so the
            # department's chat mentions them instead, with a hint to press /start
            if bindings is None:
                bindings = {b.department_key: b for b in await users.bindings(session)}
            for chat, thread, of_chat in _by_department_chat(lines, bindings):
                owed.append((chat, thread, Digest(of_chat, mention=chat_id, more=more)))
            continue
        owed.append((chat_id, thread_id, Digest(lines, private=chat_id > 0, more=more)))
    report.messages += len(owed)
    await owe_digests(session, now, owed)


def _by_department_chat(lines: list[DigestLine], bindings: dict[str, Any]
                        ) -> list[tuple[int, int | None, list[DigestLine]]]:
    """Each line goes to the chat of its own request's department, never another
    department's: a manager of several departments is mentioned in each one's chat
    with that department's lines. A department with no chat has nowhere to mention."""
    per_chat: dict[tuple[int, int | None], list[DigestLine]] = defaultdict(list)
    for line in lines:
        binding = bindings.get(line["department"])
        if binding is not None:
            per_chat[(binding.chat_id, binding.thread_id)].append(line)
    return [(chat, thread, of_chat) for (chat, thread), of_chat in per_chat.items()]


async def stuck_lists(svc: Services, report: ScanReport) -> None:
    """Once a working day, each department's managers get the requests with no movement."""
    now = svc.clock.now()
    cal = svc.org.work_calendar
    if not cal.is_working(now):
        return
    today = now.astimezone(ZoneInfo(svc.org.organization.timezone)).date().isoformat()
    keys = {d.key: f"stuck:{d.key}:{today}" for d in svc.org.departments if d.managers}
    async with svc.db.reading() as session:  # most scans find today's lists already sent
        done = set(await session.scalars(
            select(ScheduleMark.key).where(ScheduleMark.key.in_(list(keys.values())))))
    stale_since = cal.add(now, -cal.seconds(svc.org.sla.stale_after))
    for department in svc.org.departments:
        if department.key not in keys or keys[department.key] in done:
            continue
        async with svc.db.transaction() as session:
            claimed = await session.execute(
                insert_ignore(session, ScheduleMark).values(
                    key=f"stuck:{department.key}:{today}", at=now))
            if claimed.rowcount != 1:  # type: ignore[attr-defined]
                continue  # already listed today, here or by another instance
            stuck_now = (Request.department_key == department.key,
                         Request.status.in_([s.value for s in OPEN_STATUSES]),
                         Request.last_event_at < stale_since)
            stuck = list(await session.execute(
                select(*_COLUMNS, Request.last_event_at).where(*stuck_now)
                .order_by(Request.last_event_at, Request.id).limit(STUCK_LISTED)))
            if not stuck:
                continue
            more = 0
            if len(stuck) == STUCK_LISTED:
                more = int(await session.scalar(
                    select(func.count()).select_from(Request).where(*stuck_now)) or 0) \
                    - STUCK_LISTED
            lines: list[DigestLine] = [
                {"kind": "stuck", "clock": None, "id": row.id, "type": row.type_name,
                 "department": department.key, "status": row.status,
                 "due": row.last_event_at.isoformat(), "needed_by": None}
                for row in stuck]
            # the managers who never started the bot are mentioned in the department's chat
            await _owe_digests(session, svc, {(m, None): lines for m in department.managers},
                               now, report, more=more)
            report.stuck_lists += 1
