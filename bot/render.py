"""What people see: cards, summaries, notices and lists, as HTML within Telegram's limits."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from bot.forms.engine import DraftState, Question
from bot.forms.fields import text_limit
from bot.i18n import Html, escape, moment, t
from bot.i18n import day as i18n_day
from core.org import Localized, OrgConfig, RequestType
from db.models import Request, User, full_name

TEXT_LIMIT = 4096  # Telegram's limit for a message, in UTF-16 code units after parsing
USER_CHUNK = 3500  # room for a header and a footer around a person's text
CARD_ANSWER_BUDGET = 3000
LIST_LIMIT = TEXT_LIMIT - 96  # a margin for whatever Telegram counts that we do not
_TAG = re.compile(r"<[^>]*>")  # user text is escaped, so every "<" opens a tag


def shown(text: str, lang: str) -> str:
    """A name, label or option of the organisation file in the reader's language (a
    Localized text); any other text as it is."""
    return text.in_(lang) if isinstance(text, Localized) else str(text)


def department_name(lang: str, org: OrgConfig, key: str) -> str:
    department = org.department(key)
    return department.name.in_(lang) if department else key


def type_of(org: OrgConfig, department_key: str, type_key: str) -> RequestType | None:
    """A request's type in the organisation file: in its department, else (moved by a
    transfer) in the first department that has it."""
    department = org.department(department_key)
    found = department.request_type(type_key) if department else None
    return found or next((rt for d in org.departments
                          if (rt := d.request_type(type_key)) is not None), None)


def type_name(lang: str, org: OrgConfig, request: Any) -> str:
    """The request's type name as stored (in the organisation's language when it was
    filed), in the reader's language while the file still names the type so."""
    found = type_of(org, request.department_key, request.type_key)
    if found is not None and request.type_name in found.name.variants():
        return found.name.in_(lang)
    return str(request.type_name)


def localized_answers(lang: str, org: OrgConfig | None, department_key: str, type_key: str,
                      answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The answers as stored (labels and choices in the organisation's language), with
    each label and chosen option shown in the reader's language while the file still
    has them; a label or option since renamed is shown as it was stored."""
    found = type_of(org, department_key, type_key) if org is not None else None
    if found is None:
        return answers
    specs = {spec.key: spec for spec in found.fields}
    result = []
    for answer in answers:
        spec = specs.get(answer.get("key", ""))
        if spec is None:
            result.append(answer)
            continue
        answer = dict(answer)
        if answer.get("label") in spec.label.variants():
            answer["label"] = spec.label.in_(lang)
        if spec.type == "choice" and answer.get("value") is not None:
            option = next((o for o in spec.options if answer["value"] in o.variants()), None)
            if option is not None:
                answer["display"] = option.in_(lang)
        result.append(answer)
    return result


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def visible_len(text: str) -> int:
    """What Telegram counts against its limit: the text once its HTML is parsed,
    so an escaped name full of "&" costs its characters, not its entities."""
    return utf16_len(html.unescape(_TAG.sub("", text)))


def clip(text: str, limit: int, lang: str) -> Html:
    """Escaped text cut visibly to ``limit`` UTF-16 units."""
    if utf16_len(text) <= limit:
        return Html(escape(text))
    kept = text
    while utf16_len(kept) > limit:
        kept = kept[: max(1, len(kept) - max(1, (utf16_len(kept) - limit)))]
    return Html(escape(kept) + "\n" + t(lang, "card.cut", count=len(text) - len(kept)))


def split_text(text: str, size: int = USER_CHUNK) -> list[str]:
    """Pieces of at most ``size`` UTF-16 units, cut at a line or a space where possible."""
    pieces: list[str] = []
    rest = text
    while utf16_len(rest) > size:
        cut = size
        while utf16_len(rest[:cut]) > size:
            cut -= 1
        window = rest[:cut]
        at = max(window.rfind("\n"), window.rfind(" "))
        if at > cut // 2:
            cut = at + 1
        pieces.append(rest[:cut])
        rest = rest[cut:]
    pieces.append(rest)
    return pieces


def pack(blocks: list[Html], limit: int = LIST_LIMIT) -> list[Html]:
    """Blocks joined into as few messages as fit Telegram's limit, so a long report
    is a few messages rather than a burst of many; a block too long for one
    message is cut between its lines."""
    messages: list[str] = []
    for block in blocks:
        if messages and visible_len(messages[-1]) + 2 + visible_len(block) <= limit:
            messages[-1] += "\n\n" + block
        elif visible_len(block) <= limit:
            messages.append(block)
        else:
            messages += _chunks([Html(line) for line in block.split("\n")], limit, limit)
    return [Html(m) for m in messages]


def _fit_line(line: Html, room: int) -> Html:
    """A line as it is, or, if longer than a whole message can hold (our own lines
    are bounded; a block of a report may not be), its plain text cut with "…"."""
    if visible_len(line) <= room:
        return line
    return Html(escape(split_text(html.unescape(_TAG.sub("", line)), room - 1)[0]) + "…")


def _chunks(lines: Sequence[Html], first: int, rest: int) -> list[Html]:
    """Lines joined into messages of at most ``first`` units, then ``rest``."""
    chunks: list[list[Html]] = [[]]
    used = 0
    for line in lines:
        room = first if len(chunks) == 1 else rest
        line = _fit_line(line, min(first, rest))
        size = visible_len(line) + 1
        if chunks[-1] and used + size > room:
            chunks.append([])
            used = 0
        chunks[-1].append(line)
        used += size
    return [Html("\n".join(chunk)) for chunk in chunks if chunk]


def paged(lang: str, title: Html, lines: Sequence[Html], *, lead: Html | None = None,
          limit: int = LIST_LIMIT) -> list[Html]:
    """Every line, in as few messages as fit (for lists where each line is owed,
    like reminders): the title heads each message, numbered when there are
    several; ``lead`` (a mention) opens the first only."""
    numbering = visible_len(t(lang, "list.part", part=99, parts=99))
    room = limit - visible_len(title) - numbering - 1
    first = room - (visible_len(lead) + 1 if lead is not None else 0)
    chunks = _chunks(lines, first, room) or [Html("")]
    messages = []
    for index, chunk in enumerate(chunks):
        head = title if len(chunks) == 1 else Html(
            title + t(lang, "list.part", part=index + 1, parts=len(chunks)))
        parts = [lead] if lead is not None and index == 0 else []
        messages.append(Html("\n".join([*parts, head, *([chunk] if chunk else [])])))
    return messages


def fitted(lang: str, title: Html, lines: Sequence[Html], total: int | None = None, *,
           footer: Sequence[Html] = (), limit: int = LIST_LIMIT) -> Html:
    """One message (for lists one reads at a glance, like /queue): as many lines
    as fit, then how many of ``total`` are not shown."""
    total = len(lines) if total is None else total
    more = visible_len(t(lang, "list.more", count=total)) + 1
    used = visible_len(title) + sum(visible_len(line) + 1 for line in footer) + more
    shown: list[Html] = []
    for line in lines:
        size = visible_len(line) + 1
        if used + size > limit:
            break
        shown.append(line)
        used += size
    parts = [title, *shown]
    if total > len(shown):
        parts.append(t(lang, "list.more", count=total - len(shown)))
    return Html("\n".join([*parts, *footer]))


class Person(Protocol):
    """Someone as the database (``db.models.User``) or Telegram (``telegram.User``) knows
    them: both are rendered by :func:`person`."""

    @property
    def id(self) -> int: ...
    @property
    def first_name(self) -> str: ...
    @property
    def last_name(self) -> str | None: ...


def person(user: Person | None, user_id: int | None = None, *, link: bool = False) -> Html:
    """A person's name (a link to them with ``link``), or their id when not seen."""
    if user is None:
        return Html(escape(f"id {user_id}")) if user_id else Html("—")
    name = full_name(user.first_name, user.last_name) or f"id {user.id}"
    if link:
        return Html(f'<a href="tg://user?id={user.id}">{escape(name)}</a>')
    return Html(escape(name))


def when(lang: str, at: datetime | None, org: OrgConfig) -> str:
    """A moment in the organisation's time zone, as ``lang`` writes a day and a time."""
    if at is None:
        return "—"
    return moment(lang, at.astimezone(ZoneInfo(org.organization.timezone)))


def day(lang: str, value: date | str | None) -> str:
    if value is None:
        return "—"
    parsed = date.fromisoformat(value) if isinstance(value, str) else value
    return i18n_day(lang, parsed)


def answer_lines(lang: str, answers: list[dict[str, Any]], budget: int = CARD_ANSWER_BUDGET
                 ) -> list[Html]:
    lines = []
    share = max(200, budget // max(1, len(answers)))
    for answer in answers:
        if answer.get("value") is None:
            value: Html = t(lang, "form.skipped")
        elif answer.get("file_id"):
            value = t(lang, "card.file", name=answer.get("display") or answer.get("file_kind"))
        else:
            value = clip(str(answer.get("display", answer["value"])), share, lang)
        lines.append(t(lang, "form.answer_line", label=answer["label"], value=value))
    return lines


def brief_lines(lang: str, request: Request, people: dict[int, User],
                org: OrgConfig | None = None) -> list[str | Html]:
    """The answers, then priority, status and assignee: what a card and /show share."""
    return [
        "",
        *answer_lines(lang, localized_answers(lang, org, request.department_key,
                                              request.type_key, request.answers)),
        "",
        t(lang, "card.priority", priority=t(lang, f"priority.{request.priority}")),
        t(lang, "card.status", status=t(lang, f"status.{request.status}")),
        t(lang, "card.assignee", assignee=person(people.get(request.assignee_id),
                                                 request.assignee_id, link=True)
          if request.assignee_id else t(lang, "card.nobody")),
    ]


def request_head(lang: str, org: OrgConfig, request: Request, people: dict[int, User],
                 title: str = "card.title", *, department: bool = True) -> list[Html]:
    """The lines a card, an approver's copy and /show open with: the number and type,
    the requester, and (but on the department's own card) the department."""
    lines = [
        t(lang, title, id=request.id, type=type_name(lang, org, request)),
        t(lang, "card.requester",
          requester=person(people.get(request.requester_id), request.requester_id, link=True)),
    ]
    if department:
        lines.append(t(lang, "show.department",
                       department=department_name(lang, org, request.department_key)))
    return lines


def card_text(lang: str, org: OrgConfig, request: Request, people: dict[int, User],
              now: datetime, rating: int | None = None, comment: str | None = None) -> Html:
    parts: list[str | Html] = [
        *request_head(lang, org, request, people, department=False),
        *brief_lines(lang, request, people, org),
    ]
    if request.status == "new" and request.response_due_at:
        parts.append(_due(lang, "card.response_due", request.response_due_at, org, now))
    if request.status == "waiting" and request.resolve_remaining_s is not None:
        left = max(0.0, request.resolve_remaining_s)
        parts.append(t(lang, "card.paused", left=f"{int(left // 3600)}h {int(left % 3600 // 60)}m"))
    elif request.status in ("new", "in_progress") and request.resolve_due_at:
        parts.append(_due(lang, "card.resolve_due", request.resolve_due_at, org, now))
    if rating is not None:
        parts.append(t(lang, "card.rating", stars=stars(rating)))
    if comment:
        parts.append(t(lang, "card.comment", comment=clip(comment, 500, lang)))
    return Html("\n".join(parts))


def approval_text(lang: str, org: OrgConfig, request: Request, people: dict[int, User]
                  ) -> Html:
    """An approver's copy: the brief and where the decision stands."""
    parts: list[str | Html] = [
        *request_head(lang, org, request, people, "approval.title"),
        "",
        *answer_lines(lang, localized_answers(lang, org, request.department_key,
                                              request.type_key, request.answers)),
        "",
        t(lang, "card.priority", priority=t(lang, f"priority.{request.priority}")),
    ]
    decider = request.approval_decided_by
    if request.status == "cancelled" and decider is None:  # by its requester, undecided
        parts.append(t(lang, "approval.cancelled_by",
                       actor=person(people.get(request.requester_id), request.requester_id),
                       when=when(lang, request.closed_at, org)))
    elif request.status == "approval" or decider is None:
        parts.append(t(lang, "approval.waiting"))
    else:
        parts.append(t(lang, "approval.declined_by" if request.status == "declined"
                       else "approval.approved_by", actor=person(people.get(decider), decider),
                       when=when(lang, request.approval_decided_at, org)))
    return Html("\n".join(parts))


def _due(lang: str, key: str, due: datetime, org: OrgConfig, now: datetime) -> Html:
    text = when(lang, due, org)
    if due < now:
        text = f"{text} {t(lang, 'card.overdue')}"
    return t(lang, key, due=Html(escape(text)))


def stars(score: int) -> str:
    return "★" * score + "☆" * (5 - score)


def question_text(lang: str, org: OrgConfig, q: Question) -> Html:
    if q.stage == "department":
        return t(lang, "form.choose_department")
    if q.stage == "type":
        assert q.department is not None
        return t(lang, "form.choose_type", department=q.department.name.in_(lang))
    if q.stage == "priority":
        return t(lang, "form.priority")
    assert q.field is not None
    spec = q.field
    lines = [t(lang, "form.question", number=q.number, total=q.total, label=spec.label.in_(lang))]
    if spec.type == "number":
        if spec.min is not None and spec.max is not None:
            lines.append(t(lang, "form.hint_number_range", min=_num(spec.min), max=_num(spec.max)))
        elif spec.min is not None:
            lines.append(t(lang, "form.hint_number_min", min=_num(spec.min)))
        elif spec.max is not None:
            lines.append(t(lang, "form.hint_number_max", max=_num(spec.max)))
        else:
            lines.append(t(lang, "form.hint_number"))
    elif spec.type == "text":
        lines.append(t(lang, "form.hint_text", limit=text_limit(spec)))
    else:
        lines.append(t(lang, f"form.hint_{spec.type}"))
    if q.optional:
        lines.append(t(lang, "form.hint_optional"))
    return Html("\n".join(lines))


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def summary_text(lang: str, org: OrgConfig, state: DraftState, answers: list[dict[str, Any]],
                 type_name: str, department_name: str, ask_priority: bool) -> Html:
    priority = (t(lang, "form.priority_line", priority=t(lang, f"priority.{state.priority}"))
                if ask_priority and state.priority else "")
    if state.watchers:  # the people picked to keep informed, before "Send it?"
        kept = t(lang, "form.watchers_summary", names=", ".join(w["name"] for w in state.watchers))
        priority = Html(f"{priority}\n{kept}" if priority else kept)
    shown_answers = localized_answers(lang, org, state.department_key or "",
                                      state.type_key or "", answers)
    return t(lang, "form.summary", department=department_name, type=type_name,
             answers=Html("\n".join(answer_lines(lang, shown_answers))),
             priority_line=Html(priority))


def with_user_text(lang: str, key: str, text: str, /, **values: Any) -> list[Html]:
    """A notice carrying a person's text, split into several messages if too long."""
    pieces = split_text(text)
    if len(pieces) == 1:
        return [t(lang, key, text=text, **values)]
    first = t(lang, key, text=pieces[0], **values)
    return [first, *(Html(escape(piece)) for piece in pieces[1:])]


def digest(lang: str, org: OrgConfig, payload: dict[str, Any], mention: User | None
           ) -> list[Html]:
    """Every reminder, breach or stuck request due for one reader, in as few
    messages as Telegram's limit allows: each line is owed, none is left out."""
    lines: list[dict[str, Any]] = payload["lines"]
    kinds = {line["kind"] for line in lines}
    if "stuck" in kinds:
        header = t(lang, "notice.digest_stuck", stale=str(org.sla.stale_after))
    elif "escalate" in kinds:
        header = t(lang, "notice.digest_escalate")
    elif payload.get("private"):
        header = t(lang, "notice.digest_private")
    else:
        header = t(lang, "notice.digest_group")
    lead = t(lang, "notice.digest_mention", person=person(mention, payload["mention"], link=True)
             ) if payload.get("mention") else None
    texts = []
    for line in lines:
        department = org.department(line["department"])
        due = datetime.fromisoformat(line["due"]) if line.get("due") else None
        key = line["kind"] if line["kind"] == "stuck" else f"{line['kind']}_{line['clock']}"
        text = t(lang, f"line.{key}", id=line["id"], type=_stored_type(lang, department,
                                                                        line["type"]),
                 department=department_name(lang, org, line["department"]),
                 due=when(lang, due, org), status=t(lang, f"status.{line.get('status', 'new')}"))
        needed = date.fromisoformat(line["needed_by"]) if line.get("needed_by") else None
        if needed is not None and due is not None and _end_of(needed, org) < due:
            text = Html(text + t(lang, "line.needed_by", date=day(lang, needed)))
        texts.append(text)
    if payload.get("more"):  # a list capped at the source says so
        texts.append(t(lang, "list.more", count=payload["more"]))
    return paged(lang, header, texts, lead=lead)


def _stored_type(lang: str, department: Any, stored: str) -> str:
    """A type name as a digest line carries it (stored), in the reader's language."""
    if department is not None:
        for request_type in department.request_types:
            if stored in request_type.name.variants():
                return str(request_type.name.in_(lang))
    return stored


def _end_of(value: date, org: OrgConfig) -> datetime:
    zone = ZoneInfo(org.organization.timezone)
    return datetime.combine(value, datetime.max.time(), zone)


def submitted_text(lang: str, org: OrgConfig, request: Request, bound: bool) -> Html:
    """The requester's confirmation: the number, the deadlines, the date they need it by."""
    name = department_name(lang, org, request.department_key)
    text = t(lang, "form.submitted", id=request.id, department=name,
             response_due=when(lang, request.response_due_at, org),
             resolve_due=when(lang, request.resolve_due_at, org),
             needed_by=t(lang, "form.submitted_needed_by", date=day(lang, request.needed_by))
             if request.needed_by else "")
    if not bound:
        text = Html(text + t(lang, "form.submitted_unbound", department=name))
    return text
