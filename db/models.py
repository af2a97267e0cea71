"""The database is the source of truth: requests, their history, form drafts,
pending inputs, the messages that show each request, and the outbox."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON,
    }


def full_name(first_name: str | None, last_name: str | None) -> str:
    """A person's name as Telegram writes it (``telegram.User.full_name``)."""
    return " ".join(p for p in (first_name, last_name) if p)


class User(Base):
    """A Telegram user the bot has seen; ``started`` means it may write to them privately."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    first_name: Mapped[str] = mapped_column(String(128))
    last_name: Mapped[str | None] = mapped_column(String(128))
    username: Mapped[str | None] = mapped_column(String(64))
    language_code: Mapped[str | None] = mapped_column(String(16))
    started: Mapped[bool] = mapped_column(Boolean, default=False)
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime]


class ChatBinding(Base):
    """Where a department's cards go: a group, or a forum topic of a group."""

    __tablename__ = "chat_bindings"
    department_key: Mapped[str] = mapped_column(String(32), primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    thread_id: Mapped[int | None] = mapped_column(BigInteger)
    bound_by: Mapped[int | None] = mapped_column(BigInteger)
    bound_at: Mapped[datetime]


class KnownGroup(Base):
    """Groups the bot was added to; unbound ones are left after a while."""

    __tablename__ = "known_groups"
    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    title: Mapped[str | None] = mapped_column(String(256))
    added_by: Mapped[int | None] = mapped_column(BigInteger)
    added_at: Mapped[datetime]
    is_member: Mapped[bool] = mapped_column(Boolean, default=True)


class Request(Base):
    __tablename__ = "requests"
    # the id is the number people see as #N
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    department_key: Mapped[str] = mapped_column(String(32))
    type_key: Mapped[str] = mapped_column(String(32))
    # snapshots taken at submission: the type and its SLA travel with the request
    # when it is transferred to a department that has no such type
    type_name: Mapped[str] = mapped_column(String(100))
    response_seconds: Mapped[float] = mapped_column(Float)  # working seconds, urgency applied
    resolve_seconds: Mapped[float] = mapped_column(Float)
    requester_id: Mapped[int] = mapped_column(BigInteger, index=True)
    assignee_id: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(8), default="normal")
    # [{key, label, type, value, file_id?, file_kind?}], labels frozen at submission
    answers: Mapped[list[Any]] = mapped_column(JSON)
    needed_by: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime]
    taken_at: Mapped[datetime | None]
    done_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    status_changed_at: Mapped[datetime]
    # SLA clocks (UTC); while waiting the resolution clock is paused and the
    # working seconds left are kept in resolve_remaining_s
    response_due_at: Mapped[datetime | None]
    resolve_due_at: Mapped[datetime | None]
    resolve_remaining_s: Mapped[float | None] = mapped_column(Float)
    transfers: Mapped[int] = mapped_column(SmallInteger, default=0)
    reopens: Mapped[int] = mapped_column(SmallInteger, default=0)
    # figures for /stats, fixed when they happen so aggregates stay in SQL:
    # working seconds to the first take and on the resolution clock at Done,
    # and whether each SLA held
    take_work_s: Mapped[float | None] = mapped_column(Float)
    finish_work_s: Mapped[float | None] = mapped_column(Float)
    response_met: Mapped[bool | None] = mapped_column(Boolean)
    resolve_met: Mapped[bool | None] = mapped_column(Boolean)
    # the requester's own department, when known: the internal-customer map
    requester_department: Mapped[str | None] = mapped_column(String(32))
    auto_closed: Mapped[bool] = mapped_column(Boolean, default=False)
    # the scheduler's own index: the earliest instant something is due for this
    # request (a reminder, a breach, a rating question, auto-close); NULL = nothing
    next_alert_at: Mapped[datetime | None] = mapped_column(index=True)
    last_event_at: Mapped[datetime]
    # approvals (all NULL for a request that needed none): when it was asked for, the
    # working seconds after which the approvers are reminded (a snapshot of the type's
    # approval_remind; the admins are told after twice that), who decided and when, and
    # the working seconds it waited until approved (for /stats' median time to approve)
    approval_asked_at: Mapped[datetime | None]
    approval_remind_s: Mapped[float | None] = mapped_column(Float)
    approval_decided_by: Mapped[int | None] = mapped_column(BigInteger)
    approval_decided_at: Mapped[datetime | None]
    approval_work_s: Mapped[float | None] = mapped_column(Float)

    __table_args__ = (
        Index("ix_requests_department_status", "department_key", "status", "last_event_at"),
        Index("ix_requests_status_created", "status", "created_at"),
        Index("ix_requests_status_last_event", "status", "last_event_at"),
        # covering indexes for /stats: the period's rows are read from the index alone
        Index("ix_requests_department_created_sla", "department_key", "created_at",
              "requester_department", "response_met", "resolve_met", "status", "taken_at",
              "done_at", "response_due_at", "resolve_due_at"),
        Index("ix_requests_department_taken_work", "department_key", "taken_at", "take_work_s"),
        Index("ix_requests_department_done_work", "department_key", "done_at", "assignee_id",
              "finish_work_s"),
        # in value order, for percentiles: the value at rank k is read by walking the
        # index (LIMIT 1 OFFSET k-1) instead of sorting the period
        Index("ix_requests_department_take_order", "department_key", "take_work_s", "taken_at"),
        Index("ix_requests_department_finish_order", "department_key", "finish_work_s",
              "done_at"),
        # per executor (done, median) and per requester department (flows) in index
        # order, so the GROUP BY needs no sort
        Index("ix_requests_department_assignee_finish", "department_key", "assignee_id",
              "finish_work_s", "done_at"),
        Index("ix_requests_department_requester_created", "department_key",
              "requester_department", "created_at"),
        Index("ix_requests_assignee_status", "assignee_id", "status"),
        # the median time to approve, in value order (as the take and finish orders)
        Index("ix_requests_department_approve_order", "department_key", "approval_work_s",
              "approval_decided_at"),
    )


class RequestSearch(Base):
    """The words /find matches a request by (db.search): written with the request; the
    full-text index over it is the database's own (FTS5 on SQLite, GIN on PostgreSQL,
    migration 0004), outside these models."""

    __tablename__ = "request_search"
    request_id: Mapped[int] = mapped_column(
        ForeignKey("requests.id", ondelete="CASCADE"), primary_key=True, autoincrement=False)
    body: Mapped[str] = mapped_column(Text)


class AlertSent(Base):
    """A reminder, breach notice or rating question already claimed for a request.

    The key names the deadline it is about, so a new deadline (a transfer, a
    reopen, a pause) gets new reminders and an old one is never repeated.
    """

    __tablename__ = "alerts_sent"
    request_id: Mapped[int] = mapped_column(
        ForeignKey("requests.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    at: Mapped[datetime]


class ProcessedUpdate(Base):
    """Updates whose effect is done: Telegram delivers an update again after a
    restart that did not confirm it, and webhooks retry. Written in the same
    transaction as the effect, so the effect happens once."""

    __tablename__ = "processed_updates"
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(index=True)


class ScheduleMark(Base):
    """Once-a-day work already done (the stuck list of a department for a date)."""

    __tablename__ = "schedule_marks"
    key: Mapped[str] = mapped_column(String(96), primary_key=True)
    at: Mapped[datetime]


class RequestEvent(Base):
    """Every change of a request: who, when, from what to what, and why."""

    __tablename__ = "request_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    at: Mapped[datetime]
    actor_id: Mapped[int | None] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(24))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    from_department: Mapped[str | None] = mapped_column(String(32))
    to_department: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_request_events_request_at", "request_id", "at"),
        # transfers in and out for /stats, read from the index alone
        Index("ix_request_events_kind_at_departments", "kind", "at", "from_department",
              "to_department"),
    )


class Rating(Base):
    __tablename__ = "ratings"
    request_id: Mapped[int] = mapped_column(
        ForeignKey("requests.id", ondelete="CASCADE"), primary_key=True
    )
    score: Mapped[int] = mapped_column(SmallInteger)
    comment: Mapped[str | None] = mapped_column(Text)
    rater_id: Mapped[int] = mapped_column(BigInteger)
    assignee_id: Mapped[int | None] = mapped_column(BigInteger)
    # the request's department when rated (it cannot move while rated: a transfer
    # needs an open request, and a reopen drops the rating); /stats reads no join
    department_key: Mapped[str] = mapped_column(String(32))
    rated_at: Mapped[datetime]

    __table_args__ = (
        Index("ix_ratings_department_assignee_rated", "department_key", "assignee_id",
              "rated_at", "score"),
    )


class FormDraft(Base):
    """A half-filled /new form; written with every answer so a restart continues it."""

    __tablename__ = "form_drafts"
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    department_key: Mapped[str | None] = mapped_column(String(32))
    type_key: Mapped[str | None] = mapped_column(String(32))
    # "department" | "type" | "field" | "priority" | "summary"
    stage: Mapped[str] = mapped_column(String(16))
    field_index: Mapped[int] = mapped_column(SmallInteger, default=0)
    # the key of the field asked: a reload that moved it finds it again (engine.realign)
    field_key: Mapped[str | None] = mapped_column(String(32))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    priority: Mapped[str | None] = mapped_column(String(8))
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime]
    # Repeat: the answers of the request repeated ({field key: answer}), offered to keep
    earlier: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # the people picked to keep informed (Telegram user ids), added when it is sent
    watchers: Mapped[list[Any] | None] = mapped_column(JSON)


class PendingInput(Base):
    """A question the bot asked and waits a typed answer for (a reason, a comment)."""

    __tablename__ = "pending_inputs"
    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    # "reject_reason" | "transfer_reason" | "need_info" | "rating_comment"
    kind: Mapped[str] = mapped_column(String(24))
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prompt_message_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime]


class Watcher(Base):
    """A person kept informed of a request: they get the requester's notices and may
    reply to them, but are never asked to rate."""

    __tablename__ = "watchers"
    request_id: Mapped[int] = mapped_column(
        ForeignKey("requests.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    added_by: Mapped[int] = mapped_column(BigInteger)
    added_at: Mapped[datetime]

    __table_args__ = (Index("ix_watchers_user", "user_id"),)


class RequestMessage(Base):
    """A message that shows a request: its card in a group, a notice to the
    requester, a relayed reply. Replies to any of them map back to #N."""

    __tablename__ = "request_messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    thread_id: Mapped[int | None] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))  # "card" | "notice" | "relay"
    created_at: Mapped[datetime]

    __table_args__ = (
        UniqueConstraint("chat_id", "message_id"),
        Index("ix_request_messages_request_kind", "request_id", "kind"),
    )


class OutboxMessage(Base):
    """A message owed to someone, committed with the change that owes it and
    delivered by the sender with retries."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime]
    due_at: Mapped[datetime]
    chat_id: Mapped[int] = mapped_column(BigInteger)
    thread_id: Mapped[int | None] = mapped_column(BigInteger)
    # "text" (payload has the rendered text), "card" (rendered when sent, so
    # repeated edits coalesce), "copy" (a user's message relayed)
    kind: Mapped[str] = mapped_column(String(8))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(8), default="pending")  # pending|sent|failed
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    locked_until: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_message_id: Mapped[int | None] = mapped_column(BigInteger)
    # parts of a multi-part send already posted (a card and its files, a text split
    # in parts): a retry resumes after them instead of posting them again
    parts_done: Mapped[int] = mapped_column(SmallInteger, default=0, server_default="0")

    __table_args__ = (
        Index("ix_outbox_status_due", "status", "due_at"),
        # the oldest pending message of each chat: the sender serves chats, not rows
        Index("ix_outbox_status_chat", "status", "chat_id", "id"),
    )


class SendBudget(Base):
    """Telegram's limits as one budget that every instance spends (PostgreSQL, several
    instances): the recent sends to a chat (``key`` = chat id; 0 = the whole bot) and
    a ``retry_after`` that holds it, in wall-clock seconds."""

    __tablename__ = "send_budget"
    key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    stamps: Mapped[list[float]] = mapped_column(JSON, default=list)
    paused_until: Mapped[float] = mapped_column(Float, default=0.0)


class DepartmentExecutor(Base):
    """Who works for a department: listed in the organisation file (``file``) or seen
    pressing a button of its card (``pressed``). Assign lists them; auto-assignment
    picks among them."""

    __tablename__ = "department_executors"
    department_key: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(8))  # "file" | "pressed"
    since: Mapped[datetime]


class AssignCursor(Base):
    """Round robin: whom a department assigned last. Moved on with a conditional
    UPDATE, so two instances never give the same turn twice."""

    __tablename__ = "assign_cursors"
    department_key: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_user_id: Mapped[int | None] = mapped_column(BigInteger)


class RequestApprover(Base):
    """Who may approve a request (its type's ``approvers``, fixed when it was sent)."""

    __tablename__ = "request_approvers"
    request_id: Mapped[int] = mapped_column(
        ForeignKey("requests.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)


class DepartmentMember(Base):
    """Who belongs to a department as a requester (``members`` in the organisation file,
    kept here like its executors): their requests' department, for approvals by its
    managers and /stats' who-asks-whom."""

    __tablename__ = "department_members"
    department_key: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    since: Mapped[datetime]


class AwayPeriod(Base):
    """An executor away from ``starts`` to ``ends`` (dates in the organisation's
    timezone, both included). On the first day their open requests go to the deputy
    or back to the queue, once: ``handed_over_at`` is set in that same transaction."""

    __tablename__ = "away_periods"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger)
    starts: Mapped[date] = mapped_column(Date)
    ends: Mapped[date] = mapped_column(Date)
    deputy_id: Mapped[int | None] = mapped_column(BigInteger)
    handed_over_at: Mapped[datetime | None]
    created_at: Mapped[datetime]

    __table_args__ = (
        Index("ix_away_periods_user_ends", "user_id", "ends"),
        Index("ix_away_periods_handed_starts", "handed_over_at", "starts"),
    )


class OrgVersion(Base):
    """Every organisation file an instance started with or was told to reload, in
    order: its text and hash, and ``error`` (the one-line refusal) when it was wrong.
    The running file is the newest row without an error; every instance polls it.
    ``parent_id`` is the newest row when this one was added (0 for the first): unique,
    so two instances recording a change at once add one row, and the admins are told
    once, by the outbox messages written in the same transaction."""

    __tablename__ = "org_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int] = mapped_column(Integer, unique=True)
    digest: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(200))  # who recorded it: "start on host:pid"
    created_at: Mapped[datetime]


class Instance(Base):
    """A running bot process: the organisation file version it runs and when it last
    said so (every poll); `baton check` lists them."""

    __tablename__ = "instances"
    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    version_id: Mapped[int | None] = mapped_column(Integer)
    started_at: Mapped[datetime]
    seen_at: Mapped[datetime]
