"""Run the emulator standalone: ``python -m emulator --port 8081 --token ...``.

Prints the base URL; a bot in another process uses ``<base>/bot`` and ``<base>/file/bot``.
Test drivers can use the JSON control API: ``POST /_emu/{add_user,add_group,send,press,
messages}`` with the keyword arguments of the matching Python method as the body.
"""

from __future__ import annotations

import argparse
import asyncio

from .server import BotApiEmulator


async def _serve(args: argparse.Namespace) -> None:
    emu = BotApiEmulator(token=args.token, bot_username=args.username)
    await emu.start(port=args.port)
    print(emu.base_url, flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await emu.stop()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m emulator", description=__doc__)
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default="123456:TEST-TOKEN")
    parser.add_argument("--username", default="baton_test_bot")
    args = parser.parse_args()
    try:
        asyncio.run(_serve(args))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
