"""/show and /find as people read them: one request whole (brief, deadlines, watchers,
timeline), and lists of matches; split under Telegram's limit."""

from __future__ import annotations

from datetime import date, datetime

from bot.i18n import Html, plain, t
from bot.render import (
    brief_lines,
    clip,
    day,
    department_name,
    fitted,
    pack,
    paged,
    person,
    request_head,
    stars,
    type_name,
    when,
)
from bot.stats_view import duration
from core.context import Services
from core.lookup import Deadline, Found, View, days_to, deadlines
from db.models import RequestEvent, User

DETAIL_LIMIT = 300  # a reason or a message in the timeline; the whole one is in the chat
MESSAGES_SHOWN = 5  # the latest messages of the timeline; every change is shown


def view_texts(lang: str, svc: Services, view: View, now: datetime) -> list[Html]:
    """The request's brief and state, then its timeline: as few messages as fit."""
    org, request, people = svc.org, view.request, view.people
    day_seconds = org.work_calendar.day_seconds
    head = [
        *request_head(lang, org, request, people),
        *brief_lines(lang, request, people, org),
        *([t(lang, "approval.show_approvers", names=Html(", ".join(
            person(people.get(a), a, link=True) for a in view.approvers)))]
          if view.approvers else []),
        *(_deadline(lang, svc, d, day_seconds) for d in deadlines(svc, request, now)),
    ]
    if request.needed_by is not None and request.status in ("new", "in_progress", "waiting"):
        # the date is among the answers; while the work goes on, how far off it is
        head.append(_needed_by(lang, svc, request.needed_by, now))
    watchers = [person(people.get(w), w, link=True) for w in view.watchers]
    head.append(t(lang, "show.watchers", watchers=Html(", ".join(watchers)) if watchers
                  else t(lang, "show.nobody")))
    if view.rating is not None:
        head.append(t(lang, "card.rating", stars=stars(view.rating.score)))
    # every change, but only the latest of the messages passed back and forth (they
    # are in the chats): a chatty request's /show stays one or two messages
    said = [e for e in view.events if e.kind == "message"]
    hidden = {id(e) for e in said[:-MESSAGES_SHOWN]} if len(said) > MESSAGES_SHOWN else set()
    lines = [_event(lang, svc, event, people) for event in view.events
             if id(event) not in hidden]
    if hidden:
        lines.insert(0, t(lang, "show.earlier_messages", count=len(hidden)))
    # a long timeline in numbered parts, as digests are: "Timeline (2/3)"
    timeline = paged(lang, t(lang, "show.timeline"), lines)
    return pack([Html("\n".join(head)), *timeline])


def _deadline(lang: str, svc: Services, d: Deadline, day_seconds: int) -> Html:
    if d.paused and d.left is not None:
        state = t(lang, "show.paused", left=duration(lang, max(0.0, d.left), day_seconds))
        return t(lang, f"show.{d.kind}", due="—", state=state)
    if d.ended is not None:
        state = t(lang, "show.met" if d.met else "show.missed", when=when(lang, d.ended, svc.org))
    elif d.left is not None and d.left >= 0:
        state = t(lang, "show.left", left=duration(lang, d.left, day_seconds))
    elif d.left is not None:
        state = t(lang, "show.late", late=duration(lang, -d.left, day_seconds))
    else:
        state = Html("")
    return t(lang, f"show.{d.kind}", due=when(lang, d.due, svc.org), state=state)


def _needed_by(lang: str, svc: Services, needed_by: date, now: datetime) -> Html:
    days = days_to(svc, needed_by, now)
    state = (t(lang, "show.today") if days == 0 else
             t(lang, "show.days_left", count=days) if days > 0 else
             t(lang, "show.days_late", count=-days))
    return t(lang, "show.needed_by", date=day(lang, needed_by), state=state)


def _event(lang: str, svc: Services, event: RequestEvent, people: dict[int, User]) -> Html:
    actor = (person(people.get(event.actor_id), event.actor_id) if event.actor_id
             else t(lang, "show.system"))
    names = {key: department_name(lang, svc.org, key)
             for key in (event.from_department, event.to_department) if key}
    did: str | Html
    if event.kind == "rated":
        score = int(event.reason) if event.reason and event.reason.isdigit() else 0
        did, detail = plain(lang, "show.did.rated", stars=stars(score)), Html("")
    else:
        did = t(lang, f"show.did.{event.kind}",
                **{"from": names.get(event.from_department or "", "—"),
                   "to": names.get(event.to_department or "", "—")})
        detail = (t(lang, "show.detail", text=clip(event.reason, DETAIL_LIMIT, lang))
                  if event.reason else Html(""))
    return t(lang, "show.event", at=when(lang, event.at, svc.org), actor=actor, did=did,
             detail=detail)


def found_text(lang: str, svc: Services, query: str, found: Found) -> Html:
    if not found.requests:
        return t(lang, "find.none", query=query)
    lines = [t(lang, "find.line", id=r.id, type=type_name(lang, svc.org, r),
               status=t(lang, f"status.{r.status}"),
               requester=person(found.people.get(r.requester_id), r.requester_id))
             for r in found.requests]
    return fitted(lang, t(lang, "find.title", query=query), lines)
