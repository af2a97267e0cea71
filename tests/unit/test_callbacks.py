"""Callback data: every verb round-trips within 64 bytes; anything else is refused."""

from __future__ import annotations

import pytest

from bot import callbacks as cb
from bot.callbacks import ALIASES, FORM_VERBS, REQUEST_VERBS, FormPress, RequestPress, parse
from core.lifecycle import TRANSITIONS, Action

LONG_KEY = "k" * 16  # the longest key the org file allows
BIG_ID = 2**31 - 1  # the largest the requests.id column holds


FORM_SAMPLES = {
    "dep": ("finance",), "typ": ("reimburse",), "opt": (9, 59), "skip": (9,), "keep": (9,),
    "pri": ("urgent",), "ok": (), "no": (), "back": (),
}
REQUEST_ARGS = {"transfer": "finance", "rate": 5, "assign": 9999999999,
                "reassign": 9999999999, "cancel": cb.SKIP}
# every (verb, argument) a button may carry
REQUEST_SAMPLES = [(verb, REQUEST_ARGS.get(verb) if n else None)
                   for verb, arities in sorted(REQUEST_VERBS.items()) for n in sorted(arities)]


def test_samples_cover_every_verb() -> None:
    assert set(FORM_SAMPLES) == set(FORM_VERBS)
    assert {v for v, n in REQUEST_VERBS.items() if max(n)} == set(REQUEST_ARGS)


def test_buttons_that_start_an_action_carry_its_name() -> None:
    pressed = {a.value for a, step in TRANSITIONS.items() if step.places}
    assert pressed == {"take", "reject", "transfer", "done", "need_info", "release",
                       "accept", "reopen", "assign", "reassign", "cancel", "follow",
                       "unfollow", "repeat", "approve", "decline", "question"}
    assert set(REQUEST_VERBS) == pressed | {"rate", "nocom", "drop", "nopick"}
    assert parse("v1:r:cancel:42") == RequestPress("cancel", 42)
    assert parse("v1:r:cancel:42:skip") == RequestPress("cancel", 42, "skip")  # its Skip
    assert parse("v1:r:need_info:42") == RequestPress("need_info", 42)
    assert parse("v1:r:need_info:42").action is Action.NEED_INFO  # type: ignore[union-attr]
    assert parse("v1:r:rate:42:5").action is None  # type: ignore[union-attr]
    # actions no button starts are not verbs
    for action in ("answer", "auto_close"):
        assert parse(f"v1:r:{action}:42") is None


@pytest.mark.parametrize(("old", "data"), [
    ("v1:r:rej:7", RequestPress("reject", 7)), ("v1:r:ask:7", RequestPress("need_info", 7)),
    ("v1:r:rel:7", RequestPress("release", 7)), ("v1:r:acc:7", RequestPress("accept", 7)),
    ("v1:r:reo:7", RequestPress("reopen", 7)), ("v1:r:tr:7", RequestPress("transfer", 7)),
    ("v1:r:to:7:hr", RequestPress("transfer", 7, "hr")),
])
def test_verbs_of_cards_posted_earlier_still_work(old: str, data: RequestPress) -> None:
    assert parse(old) == data
    assert set(ALIASES.values()) <= set(REQUEST_VERBS)


@pytest.mark.parametrize("data", ["v1:r:tr:7:hr", "v1:r:to:7", "v1:r:rej:7:x", "v1:r:ask:0"])
def test_old_verbs_keep_their_arity(data: str) -> None:
    assert parse(data) is None


@pytest.mark.parametrize("verb", sorted(FORM_VERBS))
def test_form_verbs_round_trip(verb: str) -> None:
    args = FORM_SAMPLES[verb]
    data = cb.form(verb, *args)
    assert data.startswith("v1:f:")
    assert parse(data) == FormPress(verb, tuple(str(a) for a in args))


@pytest.mark.parametrize(("verb", "arg"), REQUEST_SAMPLES)
def test_request_verbs_round_trip(verb: str, arg: str | int | None) -> None:
    data = cb.request(verb, 42, arg)
    assert data.startswith("v1:r:")
    assert parse(data) == RequestPress(verb, 42, None if arg is None else str(arg))


@pytest.mark.parametrize("verb", sorted(FORM_VERBS))
def test_form_data_fits_with_the_longest_keys(verb: str) -> None:
    args = [LONG_KEY if isinstance(a, str) else a for a in FORM_SAMPLES[verb]]
    data = cb.form(verb, *args)
    assert len(data.encode()) <= 64
    assert parse(data) == FormPress(verb, tuple(str(a) for a in args))


@pytest.mark.parametrize(("verb", "arg"), REQUEST_SAMPLES)
def test_request_data_fits_with_a_big_id(verb: str, arg: str | int | None) -> None:
    arg = LONG_KEY if verb == "transfer" and arg else arg
    data = cb.request(verb, BIG_ID, arg)
    assert len(data.encode()) <= 64
    assert parse(data) == RequestPress(verb, BIG_ID, None if arg is None else str(arg))


def test_request_over_64_bytes_raises() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        cb.request("to", 1, "x" * 60)
    with pytest.raises(ValueError, match="64 bytes"):
        cb.form("dep", "d" * 70)


@pytest.mark.parametrize("data", [
    None, "", "garbage", "v1", "v1:", "v1:r", "v1:r:", "v1::take:1",
    "v2:r:take:1", "V1:r:take:1", "x1:f:ok", ":v1:f:ok",
    "v1:x:take:1", "v1:f:take:1", "v1:r:ok", "v1:r:nope:1", "v1:f:nope",
    # wrong arity
    "v1:r:take", "v1:r:take:1:extra", "v1:r:rate:1", "v1:r:to:1", "v1:r:rate:1:5:5",
    "v1:f:ok:1", "v1:f:dep", "v1:f:opt:1", "v1:f:opt:1:2:3", "v1:f:back:x",
    # ids that are not plain digits
    "v1:r:take:-1", "v1:r:take:1e3", "v1:r:take:0x1", "v1:r:take:abc", "v1:r:take: 1",
    "v1:r:take:1 ", "v1:r:take:+1", "v1:r:take:1234567890123",
    # characters outside [a-z0-9_]
    "v1:r:take:١", "v1:r:take:１", "v1:f:dep:IT", "v1:f:dep:it-x", "v1:f:dep:ит",
    "v1:f:dep:" + "k" * 17, "v1:r:to:1:fin ance", "v1:f:ok:",
    # too long
    "v1:f:dep:" + "a" * 56, "v1:r:take:1" + ":a" * 30,
])
def test_parse_refuses(data: str | None) -> None:
    assert parse(data) is None


def test_parse_refuses_anything_over_64_bytes_even_if_well_formed() -> None:
    data = "v1:r:to:1:" + "a" * 55
    assert len(data.encode()) > 64
    assert parse(data) is None


def test_the_largest_accepted_id() -> None:
    assert parse(f"v1:r:take:{BIG_ID}") == RequestPress("take", BIG_ID)
    assert parse("v1:r:take:1") == RequestPress("take", 1)
    # beyond the column (PostgreSQL would raise), zero, and other spellings of a number
    for number in (f"{BIG_ID + 1}", "999999999999", "0", "01", "000000000001"):
        assert parse(f"v1:r:take:{number}") is None, number


@pytest.mark.parametrize("data", ["v1:f:dep:it\n", "v1:f:opt:0\n:1", "v1:r:rate:1:5\n"])
def test_parse_refuses_a_trailing_newline(data: str) -> None:
    assert parse(data) is None


def test_a_forged_question_number_is_no_press() -> None:
    for data in ("v1:f:keep:abc", "v1:f:opt:x:1", "v1:f:skip:-1", "v1:f:skip:99999"):
        assert parse(data) is None, data
    assert parse("v1:f:keep:0") == FormPress("keep", ("0",))
