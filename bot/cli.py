"""The `baton` command: `baton run` (default) and `baton demo`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys

from pydantic import ValidationError

from bot.settings import Settings
from core.org import OrgError, parse_org_text, read_org_text

log = logging.getLogger("baton")


def _stop_during_start(signum: int, frame: object) -> None:
    # SIGTERM before polling starts (during migrations, say): stop cleanly. As PID 1
    # in a container a signal without a handler would be ignored until SIGKILL.
    raise SystemExit(0)


def load_settings() -> Settings:
    """The settings, or exit with one line naming the variable that is wrong."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        variable = ".".join(str(part) for part in first["loc"]).upper()
        raise SystemExit(f"settings: {variable}: {first['msg']}") from None


def run() -> None:
    from bot.app import build_application, configure_logging, prepare, run_kwargs

    signal.signal(signal.SIGTERM, _stop_during_start)  # replaced by PTB's once running
    settings = load_settings()
    configure_logging(settings)
    try:
        text = read_org_text(settings.org_config)
        org = parse_org_text(text, settings.org_config)
    except OrgError as exc:
        raise SystemExit(f"organisation file: {exc}") from None
    if settings.bot_token is None or not settings.bot_token.get_secret_value():
        raise SystemExit("BOT_TOKEN is not set (copy .env.example to .env and fill it in)")
    svc = asyncio.run(prepare(settings, org=org, org_text=text))
    app = build_application(settings, svc)
    log.info("Baton starts for %s with %d departments", org.organization.name,
             len(org.departments))
    if settings.webhook_url:
        from bot.webhook import serve

        asyncio.run(serve(app, settings))
    else:
        # SIGTERM and SIGINT stop it gracefully: python-telegram-bot's stop_signals
        # end the loop, Application.stop() handles the updates in hand, then the
        # sender delivers what they owe (bot.app._post_stop)
        app.run_polling(**run_kwargs())
    log.info("Baton stopped")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="baton", description="Baton, the request desk bot")
    parser.add_argument("command", nargs="?", default="run",
                        choices=["run", "demo", "check", "backup", "reload"],
                        help="run: start the bot (default); demo: an offline walk-through; "
                        "check: validate the organisation file and the database; "
                        "backup: copy the SQLite database; reload: make the running "
                        "instances use the organisation file as it is now")
    parser.add_argument("target", nargs="?", help="backup: where to write the copy")
    parser.add_argument("--lang", choices=["en", "ru", "uk", "pl", "ro", "lv"], default="en",
                        help="language of the demo's people and groups")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    if args.command == "demo":
        from bot.demo import main as demo

        demo(args.lang)
    elif args.command == "check":
        from bot.admin_cli import check

        load_settings()  # wrong settings: the same one line as `baton run` gives
        raise SystemExit(check())
    elif args.command == "reload":
        from bot.admin_cli import reload

        load_settings()
        raise SystemExit(reload())
    elif args.command == "backup":
        from bot.admin_cli import backup

        load_settings()
        raise SystemExit(backup(args.target))
    else:
        run()


if __name__ == "__main__":
    main()
