"""HTTP front of the emulator: tornado on 127.0.0.1, fault injection, rate limits, recording.

The bot under test points python-telegram-bot at ``emu.base_url + "/bot"`` (and
``"/file/bot"`` for downloads) and cannot tell the difference from Telegram.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import tornado.httpserver
import tornado.netutil
import tornado.web

from .methods import BotMethods, decode_value
from .world import JSON, ApiCall, ApiError, EmuMessage

T = TypeVar("T")

DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
# Methods that post into a chat and therefore count against Telegram's flood limits.
FLOOD_METHODS = {
    "sendmessage",
    "sendphoto",
    "senddocument",
    "sendsticker",
    "sendvoice",
    "sendaudio",
    "sendvideo",
    "sendanimation",
    "copymessage",
    "forwardmessage",
    "editmessagetext",
    "editmessagecaption",
    "editmessagereplymarkup",
}
PRIVATE_LIMIT = (1, 1.0)  # messages, seconds
GROUP_LIMIT = (20, 60.0)
GLOBAL_LIMIT = (30, 1.0)
_GLOBAL = "*"


@dataclass
class Fault:
    method: str  # lowercase
    count: int
    status: int | None  # None: answer normally after ``delay``
    chat_id: int | None = None
    retry_after: int | None = None
    description: str | None = None
    delay: float = 0.0


class BotApiEmulator(BotMethods):
    """A Telegram Bot API server for tests. See the package docstring for the overview."""

    def __init__(
        self, token: str = "123456:TEST-TOKEN", bot_username: str = "baton_test_bot", **kwargs: Any
    ) -> None:
        super().__init__(token, bot_username, **kwargs)
        self.calls: list[ApiCall] = []
        self.calls_during_retry_after: list[ApiCall] = []
        self.enforce_limits = False
        # before_call(method, params) runs before each non-getUpdates call is carried
        # out; raising ApiError refuses it (crash tests kill the bot from here)
        self.before_call: Callable[[str, JSON], None] | None = None
        self.inflight = 0  # calls other than getUpdates being handled now
        self.last_call_at = time.monotonic()  # last non-getUpdates call (monotonic)
        self.last_delivery_at = time.monotonic()  # last getUpdates that handed out updates
        self.port: int | None = None
        self._faults: list[Fault] = []
        self._flood: dict[Any, deque[float]] = {}
        self._retry_until: dict[Any, float] = {}
        self._poll_generation = 0
        self._stopping = False
        self._server: tornado.httpserver.HTTPServer | None = None

    # --- lifecycle -----------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        if self.port is None:
            raise RuntimeError("emulator not started")
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base_url(self) -> str:
        """Value for ``ApplicationBuilder().base_url(...)``."""
        return f"{self.base_url}/bot"

    @property
    def file_base_url(self) -> str:
        """Value for ``ApplicationBuilder().base_file_url(...)``."""
        return f"{self.base_url}/file/bot"

    async def start(self, port: int = 0) -> None:
        app = tornado.web.Application(
            [
                (r"/file/bot([^/]+)/(.+)", _FileHandler, {"emu": self}),
                (r"/bot([^/]*)/([^/]*)", _ApiHandler, {"emu": self}),
                (r"/_emu/([a-z_]+)", _ControlHandler, {"emu": self}),
            ],
            log_function=lambda handler: None,  # keep test output quiet
        )
        sockets = tornado.netutil.bind_sockets(port, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        self._server = tornado.httpserver.HTTPServer(app)
        self._server.add_sockets(sockets)
        self._stopping = False

    async def stop(self) -> None:
        self._stopping = True
        self._wake_pollers()
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None

    async def __aenter__(self) -> BotApiEmulator:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # --- fault injection -----------------------------------------------------------------

    def inject(
        self,
        method: str,
        *,
        status: int,
        count: int = 1,
        chat_id: int | None = None,
        retry_after: int | None = None,
        description: str | None = None,
    ) -> None:
        """The next ``count`` calls of ``method`` (for ``chat_id`` if given) fail."""
        self._faults.append(Fault(method.lower(), count, status, chat_id, retry_after, description))

    def inject_timeout(
        self,
        method: str,
        count: int = 1,
        *,
        seconds: float = 30.0,
        chat_id: int | None = None,
        deliver: bool = True,
    ) -> None:
        """Hang ``seconds`` before answering. With ``deliver`` the call then takes effect
        anyway (as on Telegram, a timed-out send may still have been sent); otherwise
        it answers 504 without effect."""
        self._faults.append(
            Fault(method.lower(), count, None if deliver else 504, chat_id, delay=seconds)
        )

    def clear_faults(self) -> None:
        self._faults.clear()

    def _take_fault(self, method: str, params: JSON) -> Fault | None:
        for fault in self._faults:
            if fault.method == method and fault.chat_id in (None, params.get("chat_id")):
                fault.count -= 1
                if fault.count <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    # --- flood limits --------------------------------------------------------------------

    def _open_retry_window(self, key: Any, seconds: int) -> None:
        self._retry_until[key] = max(self._retry_until.get(key, 0.0), self.clock() + seconds)

    def _retry_window_left(self, params: JSON, now: float) -> float:
        """Seconds left of a running retry_after window for this call's chat (or global)."""
        chat_id = params.get("chat_id")
        keys = (_GLOBAL,) if chat_id is None else (chat_id, _GLOBAL)
        return max(self._retry_until.get(key, 0.0) - now for key in keys)

    def _check_limits(self, method: str, params: JSON, now: float) -> None:
        """Answer 429 like Telegram when ``enforce_limits`` and a flood limit is exceeded."""
        if not self.enforce_limits or method not in FLOOD_METHODS:
            return
        window_left = self._retry_window_left(params, now)
        if window_left > 0:
            raise _too_many(math.ceil(window_left))
        chat_id = params.get("chat_id")
        if chat_id is None:
            return
        chat = self.chats.get(chat_id) if isinstance(chat_id, int) else None
        per_chat = PRIVATE_LIMIT if chat is not None and chat.type == "private" else GROUP_LIMIT
        for key, (limit, window) in ((chat_id, per_chat), (_GLOBAL, GLOBAL_LIMIT)):
            stamps = self._flood.setdefault(key, deque())
            while stamps and stamps[0] <= now - window:
                stamps.popleft()
            if len(stamps) >= limit:
                retry_after = max(1, math.ceil(stamps[0] + window - now))
                self._open_retry_window(key, retry_after)
                raise _too_many(retry_after)
        for key in (chat_id, _GLOBAL):
            self._flood[key].append(now)

    # --- request processing --------------------------------------------------------------

    async def handle(self, token: str, method: str, params: JSON, files: JSON) -> ApiCall:
        """Process one Bot API call and record it; used by the HTTP handler."""
        name = method.lower()
        call = ApiCall(method=method, params=params, status=200, at=self.clock())
        if name != "getupdates":
            self.last_call_at = time.monotonic()
        # Calls made while a retry_after window runs are what reliability tests look for.
        in_window = self._retry_window_left(params, call.at) > 0
        if name != "getupdates":
            self.inflight += 1
        try:
            if token != self.token:
                raise ApiError(401, "Unauthorized")
            if self.before_call is not None and name != "getupdates":
                self.before_call(method, params)
            fault = self._take_fault(name, params)
            if fault is not None:
                if fault.delay:
                    await asyncio.sleep(fault.delay)
                if fault.status is not None:
                    raise self._fault_error(fault, params)
            self._check_limits(name, params, call.at)
            if name == "getupdates":
                call.result = await self._get_updates(params)
            else:
                call.result = self.dispatch(method, params, files)
        except ApiError as exc:
            call.status, call.description = exc.status, exc.description
            call.result = exc.parameters
        finally:
            if name != "getupdates":
                self.inflight -= 1
        self.calls.append(call)
        if in_window:
            self.calls_during_retry_after.append(call)
        return call

    def _fault_error(self, fault: Fault, params: JSON) -> ApiError:
        assert fault.status is not None
        parameters = None
        description = fault.description or DEFAULT_DESCRIPTIONS.get(fault.status, "Error")
        if fault.status == 429:
            retry_after = fault.retry_after or 1
            description = fault.description or f"Too Many Requests: retry after {retry_after}"
            parameters = {"retry_after": retry_after}
            chat_id = params.get("chat_id")
            self._open_retry_window(chat_id if chat_id is not None else _GLOBAL, retry_after)
        return ApiError(fault.status, description, parameters)

    def _wake_pollers(self) -> None:
        self._update_event.set()
        self._update_event = asyncio.Event()

    async def _get_updates(self, params: JSON) -> list[JSON]:
        if self.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is "
                "active; use deleteWebhook to delete the webhook first",
            )
        offset = self.p_int(params, "offset", required=False)
        limit = min(max(self.p_int(params, "limit", required=False) or 100, 1), 100)
        timeout = max(self.p_int(params, "timeout", required=False) or 0, 0)
        # A newer getUpdates terminates an older one still waiting, like Telegram.
        self._poll_generation += 1
        generation = self._poll_generation
        self._wake_pollers()
        if offset:
            self.confirm_updates(offset)
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make "
                    "sure that only one bot instance is running",
                )
            updates = self.take_updates(limit)
            remaining = deadline - asyncio.get_running_loop().time()
            if updates:
                self.last_delivery_at = time.monotonic()
                return updates
            if remaining <= 0 or self._stopping:
                return []
            event = self._update_event
            try:
                await asyncio.wait_for(event.wait(), remaining)
            except TimeoutError:
                pass

    # --- waiting helpers for tests -------------------------------------------------------

    # ``timeout`` params are plain deadlines for test readability, hence the noqa.
    async def wait_for(
        self,
        predicate: Callable[[], T | None],
        timeout: float = 5.0,  # noqa: ASYNC109
        what: str = "condition",
    ) -> T:
        """Poll ``predicate`` until it returns something truthy; return that value."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"emulator: timed out after {timeout}s waiting for {what}")
            await asyncio.sleep(0.01)

    async def wait_bot_messages(
        self,
        chat_id: int,
        count: int = 1,
        *,
        thread_id: int | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> list[EmuMessage]:
        """Wait until the bot has at least ``count`` messages in the chat; return them all."""
        return await self.wait_for(
            lambda: m if len(m := self.bot_messages(chat_id, thread_id)) >= count else None,
            timeout,
            f"{count} bot message(s) in chat {chat_id}",
        )

    async def wait_idle(self, quiet: float = 0.2, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Wait until all updates were fetched and the bot made no call for ``quiet`` s."""

        def idle() -> bool:
            last = max(self.last_call_at, self.last_delivery_at)
            return self.undelivered_update_count() == 0 and time.monotonic() - last >= quiet

        await self.wait_for(idle, timeout, "the bot to go idle")

    def calls_of(self, method: str) -> list[ApiCall]:
        return [c for c in self.calls if c.method.lower() == method.lower()]


def _too_many(retry_after: int) -> ApiError:
    return ApiError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )


def _json_body(call_status: int, result: Any, description: str | None) -> bytes:
    if call_status == 200:
        return json.dumps({"ok": True, "result": result}).encode()
    body: JSON = {"ok": False, "error_code": call_status, "description": description}
    if result:
        body["parameters"] = result
    return json.dumps(body).encode()


class _ApiHandler(tornado.web.RequestHandler):
    def initialize(self, emu: BotApiEmulator) -> None:
        self.emu = emu

    def check_xsrf_cookie(self) -> None:  # API clients send no cookies
        return None

    def _params(self) -> tuple[JSON, JSON]:
        params: JSON = {}
        content_type = self.request.headers.get("Content-Type", "")
        if content_type.startswith("application/json") and self.request.body:
            try:
                params.update(json.loads(self.request.body))
            except ValueError:
                pass
        for source in (self.request.query_arguments, self.request.body_arguments):
            for key, values in source.items():
                if values:
                    params[key] = decode_value(key, values[-1].decode("utf-8", "replace"))
        files = {
            key: (f[0].filename, f[0].body, f[0].content_type or None)
            for key, f in self.request.files.items()
            if f
        }
        return params, files

    async def _serve(self, token: str, method: str) -> None:
        params, files = self._params()
        call = await self.emu.handle(token, method, params, files)
        self.set_status(call.status)
        self.set_header("Content-Type", "application/json")
        try:
            await self.finish(_json_body(call.status, call.result, call.description))
        except Exception:  # the client may have timed out and gone away
            pass

    async def get(self, token: str, method: str) -> None:
        await self._serve(token, method)

    async def post(self, token: str, method: str) -> None:
        await self._serve(token, method)


class _FileHandler(tornado.web.RequestHandler):
    def initialize(self, emu: BotApiEmulator) -> None:
        self.emu = emu

    def get(self, token: str, path: str) -> None:
        stored = self.emu.file_by_path(path) if token == self.emu.token else None
        if stored is None:
            self.set_status(404)
            self.finish(_json_body(404, None, "Not Found"))
            return
        self.set_header("Content-Type", stored.mime_type or "application/octet-stream")
        self.finish(stored.data)


class _ControlHandler(tornado.web.RequestHandler):
    """Tiny JSON control API for a bot running in another process (``python -m``)."""

    def initialize(self, emu: BotApiEmulator) -> None:
        self.emu = emu

    def check_xsrf_cookie(self) -> None:
        return None

    def post(self, action: str) -> None:
        emu = self.emu
        body = json.loads(self.request.body or b"{}")
        try:
            if action == "add_user":
                result: Any = emu.add_user(**body).json
            elif action == "add_group":
                result = emu.chat_json(emu.add_group(**body))
            elif action == "send":
                result = emu.user(body.pop("user_id")).send(**body)
            elif action == "press":
                user = emu.user(body.pop("user_id"))
                result = user.press(
                    (body["chat_id"], body["message_id"]), body.get("button"), data=body.get("data")
                )
            elif action == "messages":
                result = [emu.message_json(m) for m in emu.chat_messages(body["chat_id"])]
            else:
                raise LookupError(f"unknown action {action}")
        except (LookupError, ValueError, TypeError) as exc:
            self.set_status(400)
            self.finish({"ok": False, "description": str(exc)})
            return
        self.finish({"ok": True, "result": result})
