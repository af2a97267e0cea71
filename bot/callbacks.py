"""Callback data: short explicit strings, parsed strictly (the client controls them).

``v1:<verb>[:<arg>…]`` — at most 64 bytes; the request is looked up on the server.
A button that starts an action carries the action's own name (``v1:r:need_info:42``);
``v1:r:transfer:42:hr`` is the department chosen for a transfer, ``v1:r:assign:42:3001``
the executor picked for an Assign (or Reassign), ``v1:r:cancel:42:skip`` the Skip under
the prompt of an action whose reason may be left out.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass

from telegram import Update

from core.lifecycle import TRANSITIONS, Action, pressable

PREFIX = "v1"
MAX_BYTES = 64
_ARG = re.compile(r"^[a-z0-9_]{1,16}$")
# a request number as the bot writes it: no sign, no leading zero, and within the
# requests.id column (a 32-bit integer on PostgreSQL, which refuses more with an error)
_NUMBER = re.compile(r"^[1-9][0-9]{0,9}$")
MAX_REQUEST_ID = 2**31 - 1
SKIP = "skip"  # the argument of an action's Skip under its prompt: no reason given


@dataclass(frozen=True)
class FormPress:
    verb: str  # dep | typ | opt | skip | keep | pri | ok | no | back
    args: tuple[str, ...] = ()


@dataclass(frozen=True)
class RequestPress:
    verb: str  # an action's name (take, reject, transfer, …) | rate | nocom | drop | nopick
    request_id: int
    arg: str | None = None

    @property
    def action(self) -> Action | None:
        """The action the button starts; None for the other verbs."""
        return Action(self.verb) if self.verb in _ACTIONS else None


@dataclass(frozen=True)
class ListPress:
    """**Older »** / **« Newer** under /my: the list's owner and where the page starts;
    the server refuses a press by anyone but the owner."""

    owner: int
    offset: int


# the most a /my page may start at: a person with more requests than this pages no further
MAX_OFFSET = 10**6

FORM_VERBS = {"dep": 1, "typ": 1, "opt": 2, "skip": 1, "keep": 1, "pri": 1, "ok": 0, "no": 0,
              "back": 0}
# the verbs whose first argument is the question's number in the form
FORM_FIELD_VERBS = frozenset({"opt", "skip", "keep"})
_FIELD = re.compile(r"[0-9]{1,3}")
_ACTIONS = {a.value for a in Action if pressable(a)}
# how many arguments after the request number each verb takes
REQUEST_VERBS: dict[str, frozenset[int]] = {
    **{a.value: frozenset({0, 1}) if TRANSITIONS[a].department or TRANSITIONS[a].person
       or TRANSITIONS[a].optional_reason else frozenset({0})
       for a in Action if pressable(a)},
    "rate": frozenset({1}), "nocom": frozenset({0}), "drop": frozenset({0}),
    "nopick": frozenset({0}),
}
# the verbs of cards posted by earlier versions, still pressed in chats
ALIASES = {"rej": "reject", "ask": "need_info", "rel": "release", "acc": "accept",
           "reo": "reopen", "tr": "transfer", "to": "transfer"}


def form(verb: str, *args: str | int) -> str:
    return _join("f", verb, *args)


def my_page(owner: int, offset: int) -> str:
    return _join("l", "my", owner, offset)


def request(verb: str, request_id: int, arg: str | int | None = None) -> str:
    return _join("r", verb, request_id, *(() if arg is None else (arg,)))


def _join(*parts: str | int) -> str:
    data = ":".join([PREFIX, *(str(p) for p in parts)])
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def parse(data: str | None) -> FormPress | RequestPress | ListPress | None:
    """The press, or None for anything malformed, foreign or from an old version."""
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    parts = data.split(":")
    if len(parts) < 3 or parts[0] != PREFIX or not all(_ARG.fullmatch(p) for p in parts[2:]):
        return None
    scope, verb, args = parts[1], parts[2], tuple(parts[3:])
    if scope == "f" and FORM_VERBS.get(verb) == len(args):
        if verb in FORM_FIELD_VERBS and not _FIELD.fullmatch(args[0]):
            return None  # a question's number, forged into something else
        return FormPress(verb, args)
    if scope == "l" and verb == "my" and len(args) == 2:
        owner, offset = args
        if not _NUMBER.fullmatch(owner) or not (offset == "0" or _NUMBER.fullmatch(offset)) \
                or int(offset) > MAX_OFFSET:
            return None
        return ListPress(int(owner), int(offset))
    if scope != "r" or not args:
        return None
    if verb in ALIASES:
        # "tr" chose nothing yet and "to" always names a department, like the verbs were
        if (verb == "to") != (len(args) == 2):
            return None
        verb = ALIASES[verb]
    if len(args) - 1 not in REQUEST_VERBS.get(verb, ()):
        return None
    if not _NUMBER.fullmatch(args[0]) or int(args[0]) > MAX_REQUEST_ID:
        return None  # a forged number: refused here, never looked up
    return RequestPress(verb, int(args[0]), args[1] if len(args) > 1 else None)


# the press of the update being handled, with its update_id: parsed where its handling
# starts (bot.update_order, for the log context) and read again by the handler
_current: ContextVar[tuple[int, FormPress | RequestPress | ListPress | None] | None] = ContextVar(
    "press", default=None)


def press_of(update: Update) -> FormPress | RequestPress | ListPress | None:
    """The press of a callback update, parsed once per update."""
    query = update.callback_query
    if query is None:
        return None
    known = _current.get()
    if known is not None and known[0] == update.update_id:
        return known[1]
    press = parse(query.data)
    _current.set((update.update_id, press))
    return press
