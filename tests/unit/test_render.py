"""Packing report blocks into as few messages as Telegram's limit allows."""

from bot.i18n import Html
from bot.render import TEXT_LIMIT, pack, utf16_len


def test_blocks_share_messages_up_to_the_limit():
    blocks = [Html(f"<b>{i}</b> " + "x" * 1500) for i in range(7)]
    messages = pack(blocks)
    assert len(messages) == 4  # two blocks of ~1,510 fit a message, three do not
    assert all(utf16_len(m) <= TEXT_LIMIT for m in messages)
    assert "\n\n".join(messages) == "\n\n".join(blocks)  # nothing lost, order kept


def test_one_block_is_one_message():
    assert pack([Html("📊 IT")]) == ["📊 IT"]
    assert pack([]) == []
