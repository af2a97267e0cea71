"""Packing report blocks and lists into as few messages as Telegram's limit allows."""

import tomllib

from telegram import User as TelegramUser

from bot.i18n import Html, escape, t
from bot.render import (
    TEXT_LIMIT,
    digest,
    fitted,
    pack,
    paged,
    person,
    utf16_len,
    visible_len,
)
from bot.stats_view import department_text, flows_text
from core.org import parse_org
from db.models import User
from db.reports import Compliance, DepartmentStats, ExecutorStats, Flow, Percentiles, Ratings
from emulator import parse_html
from tests.conftest import ROOT, example_org


def test_blocks_share_messages_up_to_the_limit():
    blocks = [Html(f"<b>{i}</b> " + "x" * 1500) for i in range(7)]
    messages = pack(blocks)
    assert len(messages) == 4  # two blocks of ~1,510 fit a message, three do not
    assert all(utf16_len(m) <= TEXT_LIMIT for m in messages)
    assert "\n\n".join(messages) == "\n\n".join(blocks)  # nothing lost, order kept


def test_one_block_is_one_message():
    assert pack([Html("📊 IT")]) == ["📊 IT"]
    assert pack([]) == []


# ---- lists under Telegram's limit: every line kept (paged) or counted (fitted) ----

LONG = "<Access> & «rights» 😀 " * 5  # HTML-special characters and a UTF-16 pair


def visible(messages):
    """What the emulator and Telegram count: the text once the HTML is parsed."""
    return [utf16_len(parse_html(m)[0]) for m in messages]


def long_lines(count):
    return [t("en", "line.breach_response", id=n, type=LONG, due="23.11 12:00")
            for n in range(1, count + 1)]


def test_visible_len_counts_the_parsed_text():
    text = Html("<b>#1</b> " + escape("a < b & c 😀"))
    assert visible_len(text) == utf16_len(parse_html(text)[0]) == len("#1 a < b & c ") + 2


def test_paged_keeps_every_line_under_the_limit_with_numbered_titles():
    lines = long_lines(100)
    lead = Html("Anna, I cannot write to you privately.")
    messages = paged("en", Html("⏰ <b>Deadlines</b>"), lines, lead=lead)
    assert len(messages) > 1
    assert all(size <= TEXT_LIMIT for size in visible(messages))
    assert messages[0].startswith(lead) and not any(lead in m for m in messages[1:])
    assert [m.split("\n")[1 if i == 0 else 0] for i, m in enumerate(messages)] == [
        f"⏰ <b>Deadlines</b> ({i}/{len(messages)})" for i in range(1, len(messages) + 1)]
    body = [line for i, m in enumerate(messages) for line in m.split("\n")[2 if i == 0 else 1:]]
    assert body == lines  # nothing lost, order kept


def test_paged_short_list_is_one_message_without_numbering():
    assert paged("en", Html("T"), long_lines(2)) == ["\n".join(["T", *long_lines(2)])]
    assert paged("en", Html("T"), []) == ["T"]


def test_fitted_shows_what_fits_and_counts_the_rest():
    lines = long_lines(100)
    footer = [Html(""), Html("<i>footer</i>")]
    text = fitted("en", Html("<b>IT</b>: 250 open"), lines, 250, footer=footer)
    assert visible([text])[0] <= TEXT_LIMIT
    shown = text.count("🔥")
    assert 0 < shown < 100 and text.split("\n")[1:shown + 1] == lines[:shown]
    assert f"… and {250 - shown} more" in text and text.endswith("<i>footer</i>")
    assert fitted("en", Html("T"), long_lines(3)) == "\n".join(["T", *long_lines(3)])


def test_pack_cuts_a_block_too_long_for_one_message_between_its_lines():
    block = Html("\n".join(long_lines(100)))
    messages = pack([Html("📊 head"), block, Html("tail")])
    assert len(messages) > 2 and all(size <= TEXT_LIMIT for size in visible(messages))
    assert "\n".join(messages).replace("\n\n", "\n").split("\n") == [
        "📊 head", *long_lines(100), "tail"]


def test_a_line_longer_than_a_message_is_cut_visibly():
    huge = Html("<b>x</b> " + escape("& " * 5000))
    (message,) = pack([huge])
    assert visible_len(message) <= TEXT_LIMIT and message.endswith("…")


def test_digest_of_100_long_lines_is_split():
    org = example_org()
    payload = {"lines": [{"kind": "breach", "clock": "response", "id": n, "type": LONG,
                          "department": "it", "due": "2026-11-23T09:00:00+00:00"}
                         for n in range(100)], "more": 7}
    messages = digest("en", org, payload, None)
    assert len(messages) > 1 and all(size <= TEXT_LIMIT for size in visible(messages))
    assert sum(m.count("🔥") for m in messages) == 100
    assert messages[-1].endswith("<i>… and 7 more</i>")


def test_stats_blocks_fit_with_long_names_and_count_what_is_left_out():
    data = tomllib.loads((ROOT / "core" / "org.example.toml").read_text(encoding="utf-8"))
    it = data["departments"][0]
    data["departments"] = [
        {**it, "key": f"d{n}", "name": (f"{n:02d} Department <of> & everything " * 4)[:100]}
        for n in range(40)]
    many = parse_org(data)
    flows = [Flow(f"d{n}", f"d{n + 1}", 3) for n in range(39)]
    text = flows_text("en", many, flows, 30)
    assert visible_len(text) <= TEXT_LIMIT
    shown = text.count("→")
    assert f"… and {39 - shown} more" in text and "working day" in text
    org = example_org()
    people = {n: User(id=n, first_name=("Ж<&>😀 " * 13)[:64], last_name=("Я&" * 32))
              for n in range(100)}
    stats = DepartmentStats(
        key="it", created=100, open_by_status={"in_progress": 100}, taken=100, done=0,
        time_to_take=Percentiles(0, None, None), time_to_finish=Percentiles(0, None, None),
        response=Compliance(0, 0), resolve=Compliance(0, 0), stuck=0, transfers_in=0,
        transfers_out=0, ratings=Ratings(0, None, 0),
        executors=[ExecutorStats(n, 1, 0, None, None, 0) for n in range(100)])
    block = department_text("en", org, stats, 30, people)
    assert visible_len(block) <= TEXT_LIMIT
    listed = block.count("• ")
    assert 0 < listed <= 15 and f"… and {100 - listed} more" in block


def test_a_person_is_written_alike_from_the_database_and_from_telegram():
    # one rendering for the people the bot stored and for the one pressing right now
    stored = User(id=7, first_name="Ann <b>", last_name="O'Neil & Co")
    pressing = TelegramUser(7, "Ann <b>", False, last_name="O'Neil & Co")
    link = "<a href=\"tg://user?id=7\">Ann &lt;b&gt; O'Neil &amp; Co</a>"
    assert person(stored, link=True) == person(pressing, link=True) == link
    assert person(User(id=8, first_name="Bo"), link=False) == "Bo"
    assert person(None, 9) == "id 9"
