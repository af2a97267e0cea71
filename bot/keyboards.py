"""Every inline keyboard the bot shows, in one place."""

from __future__ import annotations

from telegram import InlineKeyboardButton as Button
from telegram import InlineKeyboardMarkup as Markup
from telegram import KeyboardButton, KeyboardButtonRequestUsers, ReplyKeyboardMarkup

from bot import callbacks as cb
from bot.forms.engine import KEEP_MAX_CHARS, MAX_WATCHERS, PICKER_ID, Question, option_index
from bot.i18n import plain
from core.lifecycle import Action, Place, Status, buttons
from core.lists import PAGE
from core.org import Department, OrgConfig


def _rows(buttons: list[Button], per_row: int) -> list[list[Button]]:
    return [buttons[i:i + per_row] for i in range(0, len(buttons), per_row)]


def form_question(lang: str, org: OrgConfig, q: Question, *, can_go_back: bool) -> Markup | None:
    rows: list[list[Button]] = []
    if q.stage == "department":
        rows = _rows([Button(d.name.in_(lang), callback_data=cb.form("dep", d.key))
                      for d in org.departments], 2)
    elif q.stage == "type" and q.department is not None:
        rows = [[Button(t.name.in_(lang), callback_data=cb.form("typ", t.key))]
                for t in q.department.request_types]
    elif q.stage == "field" and q.field is not None:
        if q.field.type == "choice":
            index = q.number - 1
            rows = _rows([Button(option.in_(lang), callback_data=cb.form("opt", index, i))
                          for i, option in enumerate(q.field.options)], 2)
        if q.earlier is not None:  # Repeat: the earlier answer, cut visibly if long
            earlier = q.earlier
            if q.field.type == "choice":  # stored in the organisation's language
                kept = option_index(q.field, earlier)
                earlier = q.field.options[kept].in_(lang) if kept is not None else earlier
            shown = earlier if len(earlier) <= KEEP_MAX_CHARS \
                else earlier[:KEEP_MAX_CHARS - 1].rstrip() + "…"
            rows.insert(0, [Button(plain(lang, "button.keep", value=shown),
                                   callback_data=cb.form("keep", q.number - 1))])
        if q.optional:
            rows.append([Button(plain(lang, "button.skip"),
                                callback_data=cb.form("skip", q.number - 1))])
    elif q.stage == "priority":
        rows = [[Button(plain(lang, "button.normal"), callback_data=cb.form("pri", "normal")),
                 Button(plain(lang, "button.urgent"), callback_data=cb.form("pri", "urgent"))]]
    elif q.stage == "summary":
        rows = [[Button(plain(lang, "button.submit"), callback_data=cb.form("ok")),
                 Button(plain(lang, "button.cancel_form"), callback_data=cb.form("no"))]]
    if can_go_back and q.stage != "department":
        rows.append([Button(plain(lang, "button.back"), callback_data=cb.form("back"))])
    return Markup(rows) if rows else None


def people_picker(lang: str) -> ReplyKeyboardMarkup:
    """"Keep anyone informed?": Telegram's user picker (people, not bots, up to
    MAX_WATCHERS, with their names) and Skip. A reply keyboard: the picker is a
    KeyboardButton, so Skip is one too (its label comes back as text)."""
    picker = KeyboardButtonRequestUsers(PICKER_ID, user_is_bot=False, max_quantity=MAX_WATCHERS,
                                        request_name=True, request_username=True)
    return ReplyKeyboardMarkup(
        [[KeyboardButton(plain(lang, "button.pick_people"), request_users=picker)],
         [KeyboardButton(plain(lang, "button.skip"))]],
        resize_keyboard=True, one_time_keyboard=True)


def _action_row(lang: str, request_id: int, place: Place, status: str) -> list[Button]:
    """The buttons the lifecycle table shows at ``place`` for ``status``."""
    return [Button(plain(lang, f"button.{action.value}"),
                   callback_data=cb.request(action.value, request_id))
            for action in buttons(place, status)]


def card(lang: str, request_id: int, status: str) -> Markup | None:
    row = _action_row(lang, request_id, Place.CARD, status)
    return Markup([row]) if row else None


def view(lang: str, request_id: int, actions: list[Action]) -> Markup | None:
    """The buttons under a /show view: the actions this viewer may press now
    (core.lookup.view_actions, derived from the lifecycle table)."""
    row = [Button(plain(lang, f"button.{action.value}"),
                  callback_data=cb.request(action.value, request_id)) for action in actions]
    return Markup(_rows(row, 2)) if row else None


def my_pages(lang: str, owner: int, offset: int, shown: int, total: int) -> Markup | None:
    """« Newer and Older » under a page of /my."""
    row = []
    if offset > 0:
        row.append(Button(plain(lang, "button.newer"),
                          callback_data=cb.my_page(owner, max(0, offset - PAGE))))
    if offset + shown < total:
        row.append(Button(plain(lang, "button.older"),
                          callback_data=cb.my_page(owner, offset + shown)))
    return Markup([row]) if row else None


def transfer_targets(lang: str, request_id: int, departments: list[Department]) -> Markup:
    rows = _rows([Button(d.name.in_(lang),
                         callback_data=cb.request(Action.TRANSFER.value, request_id, d.key))
                  for d in departments], 2)
    rows.append([Button(plain(lang, "button.drop"), callback_data=cb.request("drop", request_id))])
    return Markup(rows)


def executors(lang: str, request_id: int, action: Action,
              picks: list[tuple[int, str, int, bool]]) -> Markup:
    """The executors to pick for an Assign or Reassign: (id, name, open load, away)."""
    rows = [[Button(plain(lang, "picker.away" if away else "picker.choice", name=name,
                          count=load),
                    callback_data=cb.request(action.value, request_id, user_id))]
            for user_id, name, load, away in picks]
    rows.append([Button(plain(lang, "button.back"),
                        callback_data=cb.request("nopick", request_id))])
    return Markup(rows)


def rating_row(request_id: int) -> list[Button]:
    return [Button(str(score), callback_data=cb.request("rate", request_id, score))
            for score in range(1, 6)]


def approval(lang: str, request_id: int, status: str) -> Markup | None:
    """Under an approver's copy: Approve, Decline, Ask while it awaits approval."""
    row = _action_row(lang, request_id, Place.APPROVAL, status)
    return Markup([row]) if row else None


def notice(lang: str, request_id: int, status: str) -> Markup | None:
    """The buttons of a notice to the requester while the request has ``status``
    (Cancel request under the confirmation, Repeat under a closing notice)."""
    row = _action_row(lang, request_id, Place.NOTICE, status)
    return Markup([row]) if row else None


def skip_reason(lang: str, request_id: int, action: Action) -> Markup:
    """Under the prompt of an action whose reason may be left out."""
    return Markup([[Button(plain(lang, "button.skip"),
                           callback_data=cb.request(action.value, request_id, cb.SKIP))]])


def review(lang: str, request_id: int) -> Markup:
    return Markup([_action_row(lang, request_id, Place.NOTICE, Status.ON_REVIEW),
                   rating_row(request_id)])


def review_rated(lang: str, request_id: int) -> Markup:
    return Markup([_action_row(lang, request_id, Place.NOTICE, Status.ON_REVIEW)])


def closed(lang: str, request_id: int, *, rate: bool) -> Markup | None:
    """The review message once accepted: the rating still owed, then Repeat."""
    rows = [rating_row(request_id)] if rate else []
    rows += [_action_row(lang, request_id, Place.NOTICE, Status.CLOSED)]
    return Markup([row for row in rows if row]) if any(rows) else None


def rate_only(request_id: int) -> Markup:
    return Markup([rating_row(request_id)])
