"""Who may act once a request is taken, and toasts as Telegram takes them."""

from __future__ import annotations

import pytest

from bot.i18n import TOAST_LIMIT, Html, cut, escape, plain, toast
from bot.render import utf16_len
from core.lifecycle import Action, Role, allowed, only_as_assignee, permitted_roles

A, R = Action, Role


@pytest.mark.parametrize("action", [A.REJECT, A.TRANSFER])
def test_reject_and_transfer_once_taken_need_the_assignee_or_a_manager(action: Action) -> None:
    assert allowed(action, {R.EXECUTOR}, taken=False)
    assert not allowed(action, {R.EXECUTOR}, taken=True)
    assert allowed(action, {R.EXECUTOR, R.ASSIGNEE}, taken=True)
    assert allowed(action, {R.MANAGER}, taken=True)
    assert permitted_roles(action, taken=True) == {R.ASSIGNEE, R.MANAGER}


@pytest.mark.parametrize("action", [a for a in Action if a not in (A.REJECT, A.TRANSFER)])
def test_other_actions_do_not_depend_on_a_take(action: Action) -> None:
    assert permitted_roles(action, taken=True) == permitted_roles(action, taken=False)


def test_only_as_assignee_guards_the_write_for_a_plain_assignee() -> None:
    assert only_as_assignee(A.DONE, {R.EXECUTOR, R.ASSIGNEE}, taken=True)
    assert not only_as_assignee(A.DONE, {R.EXECUTOR, R.ASSIGNEE, R.MANAGER}, taken=True)
    assert only_as_assignee(A.REJECT, {R.EXECUTOR, R.ASSIGNEE}, taken=True)
    assert not only_as_assignee(A.REJECT, {R.EXECUTOR}, taken=False)
    assert not only_as_assignee(A.TAKE, {R.EXECUTOR}, taken=False)


def test_plain_texts_show_html_values_as_people_read_them() -> None:
    name = Html(f'<a href="tg://user?id=1">{escape("Tom & <Jerry>")}</a>')
    assert plain("en", "press.not_assignee", name=name) == \
        "Only the assignee (Tom & <Jerry>) or a manager can do this."
    assert plain("en", "press.not_assignee", name="&amp;") == \
        "Only the assignee (&amp;) or a manager can do this."  # plain str stays as it is


@pytest.mark.parametrize("language", ["en", "ru"])
def test_toasts_are_cut_to_telegrams_limit_in_utf16(language: str) -> None:
    name = "😀" * 64 + "&" * 64
    text = toast(language, "press.not_assignee", name=name)
    assert utf16_len(text) <= TOAST_LIMIT and text.endswith("…")
    assert toast(language, "press.not_found") == plain(language, "press.not_found")


def test_cut_keeps_short_texts_and_whole_characters() -> None:
    assert cut("short", 10) == "short"
    cut_text = cut("a" + "😀" * 10, 6)
    assert cut_text == "a😀😀…" and utf16_len(cut_text) <= 6
