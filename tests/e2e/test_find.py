"""/find TEXT: numbers, answers and requesters' names, by words or their beginnings,
case-insensitively, within what the asker may see (SPEC §5); /my pages with Older »;
/queue and /find lines carry /show_N; the command menus list /show and /find."""

import re

from core.intake import create_request
from tests.conftest import ADMIN, EXECUTOR, FIN_CHAT, HR_CHAT, IT_CHAT, OUTSIDER, REQUESTER
from tests.e2e.flows import bind, file_access_request, press, say


def numbers(text):
    return [int(n) for n in re.findall(r"#(\d+) ", text)]


def links(text):
    return [int(n) for n in re.findall(r"/show_(\d+)", text)]


async def file(bot, requester, department="it", type_key="access", answers=()):
    dept = bot.svc.org.department(department)
    async with bot.svc.db.transaction() as session:
        request, _ = await create_request(
            session, bot.svc, requester, dept, dept.request_type(type_key),
            [{"key": f"k{i}", "label": "What", "type": "text", "value": value}
             for i, value in enumerate(answers)], "normal", None)
    await bot.settle()
    return request.id


async def test_find_by_word_beginnings_case_and_number(emu, bot):
    await bind(emu, bot)
    vpn = await file_access_request(emu, bot, system="VPN for the Warehouse")
    crm = await file_access_request(emu, bot, system="Доступ к CRM «Клиенты»")
    found = (await say(emu, bot, REQUESTER, "/find wareh")).text
    assert numbers(found) == [vpn] and links(found) == [vpn]
    assert (await say(emu, bot, REQUESTER, "/find КЛИЕНТ")).text.count("/show_") == 1
    assert numbers((await say(emu, bot, REQUESTER, "/find клиенты crm")).text) == [crm]
    assert numbers((await say(emu, bot, REQUESTER, f"/find {crm}")).text) == [crm]
    # the requester's own name finds both, newest first
    assert numbers((await say(emu, bot, REQUESTER, "/find rita")).text) == [crm, vpn]
    # every word must match
    nothing = await say(emu, bot, REQUESTER, "/find warehouse клиенты")
    assert nothing.text == "Nothing found for «warehouse клиенты»."


async def test_fts_syntax_in_a_query_is_only_words(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot, system='Printer "NEAR" OR (AND)*')
    for query in ['"printer', "printer*", "NEAR(printer", "printer OR -near", "^printer:*",
                  "printer & | !", "'printer'"]:
        reply = await say(emu, bot, REQUESTER, f"/find {query}")
        assert numbers(reply.text) == [number], query
    assert (await say(emu, bot, REQUESTER, "/find ***")).text.startswith("Nothing found")
    # words the indexes split or drop (underscores) are refused by neither database
    for query in ["_", "___", "printer_near", "__init__"]:
        for asker, chat in ((REQUESTER, REQUESTER), (ADMIN, ADMIN), (EXECUTOR, IT_CHAT)):
            reply = await say(emu, bot, asker, f"/find {query}", chat_id=chat)
            assert reply.text.startswith(("Found", "Nothing found")), (query, asker)
    assert not [c for c in emu.calls if c.status == 400]


async def test_find_keeps_to_what_the_asker_may_see(emu, bot):
    await bind(emu, bot)
    await bind(emu, bot, HR_CHAT, "hr")
    mine = await file(bot, REQUESTER, answers=["laptop stand"])
    theirs = await file(bot, OUTSIDER, answers=["laptop bag"])
    hr = await file(bot, OUTSIDER, department="hr", type_key="certificate",
                    answers=["laptop allowance"])
    # a requester: their own only
    assert numbers((await say(emu, bot, REQUESTER, "/find laptop")).text) == [mine]
    assert numbers((await say(emu, bot, OUTSIDER, "/find laptop")).text) == [hr, theirs]
    # an executor in a private chat is a requester like any other
    assert (await say(emu, bot, EXECUTOR, "/find laptop")).text.startswith("Nothing found")
    # in the department's group: that department's requests
    in_it = await say(emu, bot, EXECUTOR, "/find laptop", chat_id=IT_CHAT)
    assert numbers(in_it.text) == [theirs, mine]
    in_hr = await say(emu, bot, ADMIN, "/find laptop", chat_id=HR_CHAT)
    assert numbers(in_hr.text) == [hr]
    # a group no department is bound to: nothing, even for an admin
    unbound = await say(emu, bot, ADMIN, "/find laptop", chat_id=FIN_CHAT)
    assert unbound.text == "Nothing found for «laptop»."
    # an admin (a manager of every department) privately: everything
    assert numbers((await say(emu, bot, ADMIN, "/find laptop")).text) == [hr, theirs, mine]
    assert (await say(emu, bot, ADMIN, "/find")).text.startswith("Usage: /find")


async def test_the_ten_newest_matches(emu, bot):
    await bind(emu, bot)
    filed = [await file(bot, REQUESTER, answers=[f"toner {i}"]) for i in range(13)]
    found = (await say(emu, bot, REQUESTER, "/find toner")).text
    assert numbers(found) == filed[::-1][:10]


async def test_my_pages_ten_at_a_time_open_first(emu, bot):
    from core.lifecycle import Action
    from core.workflow import Press, act

    await bind(emu, bot)
    filed = [await file(bot, REQUESTER, answers=[f"item {i}"]) for i in range(23)]
    for number in filed[-3:]:  # the three newest are finished: listed after the open ones
        await act(bot.svc, number, Action.REJECT, Press(ADMIN, ADMIN), reason="no")
    await bot.settle()
    first = await say(emu, bot, REQUESTER, "/my")
    assert first.text.startswith("Your requests (1–10 of 23)")
    expected = filed[:-3][::-1] + filed[-3:][::-1]
    assert numbers(first.text) == expected[:10] and links(first.text) == expected[:10]
    assert [[text for text, _ in row] for row in first.buttons] == [["Older »"]]
    await press(emu, bot, REQUESTER, first, "Older »")
    second = emu.bot_messages(REQUESTER)[-1]
    assert second.message_id == first.message_id  # the same message, its next page
    assert numbers(second.text) == expected[10:20]
    await press(emu, bot, REQUESTER, second, "Older »")
    third = emu.bot_messages(REQUESTER)[-1]
    assert numbers(third.text) == expected[20:]  # the rejected ones come last
    assert "rejected" in third.text
    assert [[text for text, _ in row] for row in third.buttons] == [["« Newer"]]
    await press(emu, bot, REQUESTER, third, "« Newer")
    assert numbers(emu.bot_messages(REQUESTER)[-1].text) == expected[10:20]


async def test_a_forged_older_press_is_refused(emu, bot):
    await bind(emu, bot)
    for i in range(12):
        await file(bot, REQUESTER, answers=[f"item {i}"])
    await file(bot, OUTSIDER, answers=["secret"])
    mine = await say(emu, bot, OUTSIDER, "/my")
    before = mine.text
    # Oleg forges a press for Rita's list on his own message
    query = emu.users[OUTSIDER].press(mine, data=f"v1:l:my:{REQUESTER}:10")
    await bot.settle()
    toast, alert = emu.callback_answers[query]
    assert alert and toast == "This button is not for you."
    assert emu.bot_messages(OUTSIDER)[-1].text == before
    for data in ("v1:l:my:x:10", f"v1:l:my:{OUTSIDER}:-1", f"v1:l:my:{OUTSIDER}:01"):
        query = emu.users[OUTSIDER].press(mine, data=data)
        await bot.settle()
        assert emu.callback_answers[query] == ("This button is outdated.", True)


async def test_queue_lines_carry_show_links(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    queue = await say(emu, bot, EXECUTOR, "/queue", chat_id=IT_CHAT)
    assert links(queue.text) == [number]
    shown = await say(emu, bot, EXECUTOR, f"/show_{number}", chat_id=IT_CHAT)
    assert shown.text.startswith(f"#{number} · Access to a system")


async def test_the_command_menus_list_show_and_find(emu, bot):
    for scope in ("all_private_chats", "all_group_chats"):
        for lang in ("", "en", "ru"):
            names = [c["command"] for c in emu.commands[(scope, lang)]]
            assert "show" in names and "find" in names, (scope, lang)
    private = [c["command"] for c in emu.commands[("all_private_chats", "")]]
    group = [c["command"] for c in emu.commands[("all_group_chats", "")]]
    assert "my" in private and "new" in private and "queue" not in private
    assert "queue" in group and "new" not in group
    russian = {c["command"]: c["description"] for c in emu.commands[("all_private_chats", "ru")]}
    assert russian["find"] == "Найти заявки по словам или номеру"
    help_text = (await say(emu, bot, REQUESTER, "/help")).text
    assert "/show N" in help_text and "/find TEXT" in help_text


async def test_a_number_finds_that_request_first(emu, bot):
    """Numbers are words too (#12 begins #120): the request with that very number
    comes first, then the newest others."""
    await bind(emu, bot)
    made = [await file(bot, REQUESTER, answers=[f"item {i}"]) for i in range(19)]
    assert made[0] == 1 and made[-1] == 19
    for asker, chat in ((REQUESTER, REQUESTER), (ADMIN, ADMIN)):
        found = numbers((await say(emu, bot, asker, "/find #1", chat_id=chat)).text)
        assert found == [1, *range(19, 10, -1)], asker
    # one the asker may not see is not put first either
    assert numbers((await say(emu, bot, OUTSIDER, "/find 1")).text) == []


async def test_letters_are_found_as_people_type_them(emu, bot):
    await bind(emu, bot)
    tree = await file(bot, REQUESTER, answers=["Ёлка в холл"])
    cafe = await file(bot, REQUESTER, answers=["Café order"])
    for asker, chat in ((REQUESTER, REQUESTER), (ADMIN, ADMIN)):
        assert numbers((await say(emu, bot, asker, "/find елка", chat_id=chat)).text) == [tree]
        assert numbers((await say(emu, bot, asker, "/find ЁЛК", chat_id=chat)).text) == [tree]
        assert numbers((await say(emu, bot, asker, "/find cafe", chat_id=chat)).text) == [cafe]
        assert numbers((await say(emu, bot, asker, "/find CAFÉ", chat_id=chat)).text) == [cafe]


async def test_a_renamed_requester_is_found_by_the_new_name(emu, bot):
    await bind(emu, bot)
    number = await file_access_request(emu, bot)
    emu.users[REQUESTER].json["last_name"] = "Ivanova"  # renamed in Telegram
    await say(emu, bot, REQUESTER, "/help")
    assert numbers((await say(emu, bot, ADMIN, "/find ivanova")).text) == [number]
    assert numbers((await say(emu, bot, REQUESTER, "/find ivanova")).text) == [number]
