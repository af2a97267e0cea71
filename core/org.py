"""The organisation file (SPEC §2): TOML loaded into typed, validated objects.

A bad file must stop the start with one line naming the key and the fault, e.g.
``departments[1].request_types[0].resolve: '2x' is not a duration``.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, time
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from core.durations import Duration, parse_duration

KEY_PATTERN = r"^[a-z0-9_]{1,16}$"  # short: keys travel inside 64-byte callback data
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HOURS = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
# the commented example, installed with the package: `baton demo` runs on it
EXAMPLE_ORG = Path(__file__).with_name("org.example.toml")


class OrgError(Exception):
    """The organisation file is missing or wrong; the message is one line for the admin."""


def _duration(value: Any) -> Duration:
    if isinstance(value, Duration):
        return value
    return parse_duration(value)


DurationField = Annotated[Duration, BeforeValidator(_duration)]
Key = Annotated[str, Field(pattern=KEY_PATTERN)]


class _Model(BaseModel):
    # unknown keys are typos the admin wants to hear about, not silently ignore
    model_config = ConfigDict(extra="forbid", frozen=True)


class Organization(_Model):
    name: str = Field(min_length=1)
    timezone: str = "UTC"
    language: Literal["en", "ru", "uk", "pl", "ro", "lv"] = "en"
    admins: list[int] = []

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not a known time zone") from None
        return value


class Access(_Model):
    mode: Literal["open", "allowlist", "chat_members"] = "open"
    allowlist: list[int] = []
    members_chat_id: int | None = None

    @model_validator(mode="after")
    def _mode_needs_its_key(self) -> Access:
        if self.mode == "allowlist" and not self.allowlist:
            raise ValueError("mode 'allowlist' needs a non-empty allowlist")
        if self.mode == "chat_members" and self.members_chat_id is None:
            raise ValueError("mode 'chat_members' needs members_chat_id")
        return self


class CalendarSettings(_Model):
    always_on: bool = False
    workdays: list[str] = list(WEEKDAYS[:5])
    hours: str = "09:00-18:00"
    holidays: str = ""
    extra_holidays: list[date] = []

    @field_validator("workdays")
    @classmethod
    def _weekdays(cls, value: list[str]) -> list[str]:
        for day in value:
            if day not in WEEKDAYS:
                raise ValueError(f"{day!r} is not a weekday (use {', '.join(WEEKDAYS)})")
        if not value:
            raise ValueError("at least one workday is needed")
        return value

    @field_validator("hours")
    @classmethod
    def _hours(cls, value: str) -> str:
        match = _HOURS.match(value)
        if not match:
            raise ValueError(f"{value!r} is not HH:MM-HH:MM")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 23 or m1 > 59 or m2 > 59 or h2 > 24 or (h2 == 24 and m2) or (h1, m1) >= (h2, m2):
            raise ValueError(f"{value!r}: the day must start before it ends, within 00:00-24:00")
        return value

    @property
    def day_bounds(self) -> tuple[time, time | None]:
        """Start and end of the working day; an end of 24:00 is ``None`` (midnight)."""
        h1, m1, h2, m2 = (int(g) for g in _HOURS.match(self.hours).groups())  # type: ignore[union-attr]
        return time(h1, m1), (None if h2 == 24 else time(h2, m2))


class SlaSettings(_Model):
    remind_at: list[Annotated[float, Field(gt=0, lt=1)]] = [0.75]
    escalate: bool = True
    stale_after: DurationField = Duration(2, "d")


class RatingSettings(_Model):
    ask_after: DurationField = Duration(0, "s")
    remind_after: DurationField = Duration(1, "d")
    auto_close_after: DurationField = Duration(3, "d")


FieldType = Literal["text", "number", "date", "choice", "file"]


class FormField(_Model):
    key: Key
    label: str = Field(min_length=1, max_length=300)
    type: FieldType = "text"
    required: bool = True
    max_length: int | None = Field(default=None, ge=1, le=3500)
    options: list[Annotated[str, Field(min_length=1, max_length=60)]] = []
    min: float | None = None
    max: float | None = None

    @model_validator(mode="after")
    def _type_specific(self) -> FormField:
        if self.type == "choice" and not self.options:
            raise ValueError("a choice field needs options")
        if self.type != "choice" and self.options:
            raise ValueError(f"options are only for choice fields, not {self.type}")
        if self.max_length is not None and self.type != "text":
            raise ValueError("max_length is only for text fields")
        if (self.min is not None or self.max is not None) and self.type != "number":
            raise ValueError("min and max are only for number fields")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is greater than max")
        if len(set(self.options)) != len(self.options):
            raise ValueError("options repeat")
        return self


class RequestType(_Model):
    key: Key
    name: str = Field(min_length=1, max_length=100)
    response: DurationField
    resolve: DurationField
    urgent_factor: float = Field(default=1.0, gt=0, le=1)
    ask_priority: bool = True
    fields: list[FormField] = []

    @field_validator("response", "resolve")
    @classmethod
    def _positive(cls, value: Duration) -> Duration:
        if value.amount <= 0:
            raise ValueError(f"'{value}': an SLA must be longer than zero")
        return value

    @field_validator("fields")
    @classmethod
    def _unique_fields(cls, value: list[FormField]) -> list[FormField]:
        _no_repeats([f.key for f in value], "field key")
        return value


class Department(_Model):
    key: Key
    name: str = Field(min_length=1, max_length=100)
    chat_id: int | None = None
    thread_id: int | None = None
    managers: list[int] = []
    # the people who do the work (Telegram ids); whoever presses a button of the
    # department's card joins them (kept in the database)
    executors: list[int] = []
    # how a new request finds its assignee: by a manager's Assign (or a Take), or at once
    assign: Literal["manual", "least_loaded", "round_robin"] = "manual"
    request_types: list[RequestType] = Field(min_length=1)

    @field_validator("request_types")
    @classmethod
    def _unique_types(cls, value: list[RequestType]) -> list[RequestType]:
        _no_repeats([t.key for t in value], "request type key")
        return value

    def request_type(self, key: str) -> RequestType | None:
        return next((t for t in self.request_types if t.key == key), None)


class OrgConfig(_Model):
    organization: Organization
    access: Access = Access()
    calendar: CalendarSettings = CalendarSettings()
    sla: SlaSettings = SlaSettings()
    rating: RatingSettings = RatingSettings()
    departments: list[Department] = Field(min_length=1)

    @field_validator("departments")
    @classmethod
    def _unique_departments(cls, value: list[Department]) -> list[Department]:
        _no_repeats([d.key for d in value], "department key")
        return value

    def department(self, key: str) -> Department | None:
        return next((d for d in self.departments if d.key == key), None)

    @cached_property
    def work_calendar(self):  # type: ignore[no-untyped-def]
        from core.calendar import WorkCalendar

        return WorkCalendar.build(
            timezone=self.organization.timezone,
            always_on=self.calendar.always_on,
            workdays=self.calendar.workdays,
            hours=self.calendar.hours,
            holidays=self.calendar.holidays,
            extra_holidays=self.calendar.extra_holidays,
        )

    def is_admin(self, user_id: int) -> bool:
        return user_id in self.organization.admins

    def is_manager(self, user_id: int, department_key: str | None = None) -> bool:
        if self.is_admin(user_id):
            return True
        return any(
            user_id in d.managers
            for d in self.departments
            if department_key is None or d.key == department_key
        )

    def managed_departments(self, user_id: int) -> list[Department]:
        if self.is_admin(user_id):
            return list(self.departments)
        return [d for d in self.departments if user_id in d.managers]


def _no_repeats(keys: list[str], what: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise ValueError(f"{what} {key!r} is used twice")
        seen.add(key)


def _location(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part.startswith("function-") or "[" in part:
            continue  # pydantic's internal validator names are noise for an admin
        else:
            path += f".{part}" if path else part
    return path


def describe_error(error: ValidationError) -> str:
    """The first problem of a validation error as one line: ``key.path: what is wrong``."""
    first = error.errors()[0]
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        message = "unknown key (a typo?)"
    elif first["type"] == "missing":
        message = "is required"
    where = _location(tuple(first["loc"]))
    count = error.error_count()
    more = f" (and {count - 1} more problem{'s' if count > 2 else ''})" if count > 1 else ""
    return f"{where}: {message}{more}" if where else f"{message}{more}"


def parse_org(data: dict[str, Any]) -> OrgConfig:
    try:
        org = OrgConfig.model_validate(data)
    except ValidationError as exc:
        raise OrgError(describe_error(exc)) from None
    try:
        org.work_calendar  # noqa: B018 - building it validates the holiday country
    except ValueError as exc:
        raise OrgError(f"calendar.{exc}") from None
    return org


def load_org(path: str | Path) -> OrgConfig:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OrgError(
            f"{path}: file not found (set ORG_CONFIG or copy org.example.toml)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise OrgError(f"{path}: cannot read it: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise OrgError(f"{path}: not valid TOML: {exc}") from None
    return parse_org(data)
