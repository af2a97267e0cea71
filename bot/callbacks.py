"""Callback data: short explicit strings, parsed strictly (the client controls them).

``v1:<verb>[:<arg>…]`` — at most 64 bytes; the request is looked up on the server.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX = "v1"
MAX_BYTES = 64
_ARG = re.compile(r"^[a-z0-9_]{1,16}$")
# a request number as the bot writes it: no sign, no leading zero, and within the
# requests.id column (a 32-bit integer on PostgreSQL, which refuses more with an error)
_NUMBER = re.compile(r"^[1-9][0-9]{0,9}$")
MAX_REQUEST_ID = 2**31 - 1


@dataclass(frozen=True)
class FormPress:
    verb: str  # dep | typ | opt | skip | pri | ok | no | back
    args: tuple[str, ...] = ()


@dataclass(frozen=True)
class RequestPress:
    verb: str  # take | rej | tr | to | done | ask | rel | acc | reo | rate | nocom | drop
    request_id: int
    arg: str | None = None


FORM_VERBS = {"dep": 1, "typ": 1, "opt": 2, "skip": 1, "pri": 1, "ok": 0, "no": 0, "back": 0}
REQUEST_VERBS = {
    "take": 0, "rej": 0, "tr": 0, "to": 1, "done": 0, "ask": 0, "rel": 0, "acc": 0, "reo": 0,
    "rate": 1, "nocom": 0, "drop": 0,
}


def form(verb: str, *args: str | int) -> str:
    return _join("f", verb, *args)


def request(verb: str, request_id: int, arg: str | int | None = None) -> str:
    return _join("r", verb, request_id, *(() if arg is None else (arg,)))


def _join(*parts: str | int) -> str:
    data = ":".join([PREFIX, *(str(p) for p in parts)])
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def parse(data: str | None) -> FormPress | RequestPress | None:
    """The press, or None for anything malformed, foreign or from an old version."""
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    parts = data.split(":")
    if len(parts) < 3 or parts[0] != PREFIX or not all(_ARG.fullmatch(p) for p in parts[2:]):
        return None
    scope, verb, args = parts[1], parts[2], tuple(parts[3:])
    if scope == "f" and FORM_VERBS.get(verb) == len(args):
        return FormPress(verb, args)
    if scope == "r" and verb in REQUEST_VERBS and len(args) == REQUEST_VERBS[verb] + 1:
        if not _NUMBER.fullmatch(args[0]) or int(args[0]) > MAX_REQUEST_ID:
            return None  # a forged number: refused here, never looked up
        return RequestPress(verb, int(args[0]), args[1] if len(args) > 1 else None)
    return None
