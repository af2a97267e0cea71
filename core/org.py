"""The organisation file (SPEC §2): TOML loaded into typed, validated objects.

A bad file must stop the start with one line naming the key and the fault, e.g.
``departments[1].request_types[0].resolve: '2x' is not a duration``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
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
    PlainSerializer,
    PlainValidator,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from core.durations import Duration, parse_duration

KEY_PATTERN = r"^[a-z0-9_]{1,16}$"  # short: keys travel inside 64-byte callback data
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HOURS = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
# the commented example, installed with the package: `baton demo` runs on it
EXAMPLE_ORG = Path(__file__).with_name("org.example.toml")


# the languages a name, label or option may be given in (SPEC §5 "Languages")
NAME_LANGUAGES = ("en", "ru", "uk", "pl", "ro", "lv")


class Localized(str):
    """A name, label or option of the organisation file: one string, or a table of
    languages (``name = { en = "IT", ru = "ИТ" }``).

    As a ``str`` it is the text in the organisation's ``language`` (else the first
    given): what is stored in a request (its type name, the answers' labels and a
    choice's value), searched by /find and exported. :meth:`in_` is the text for one
    reader: their language, else the organisation's, else the first given."""

    texts: dict[str, str]
    default: str

    def __new__(cls, texts: dict[str, str], default: str = "en") -> Localized:
        first = next(iter(texts.values()))
        value = super().__new__(cls, texts.get(default, first))
        value.texts, value.default = dict(texts), default
        return value

    def __getnewargs__(self) -> tuple[dict[str, str], str]:  # type: ignore[override]
        return self.texts, self.default  # copies and pickles keep every language

    def in_(self, language: str | None) -> str:
        """The text in ``language`` when given, else the organisation's."""
        return self.texts.get(language or "", str(self))

    def variants(self) -> set[str]:
        """Every text it is given in (and the stored one): what a stored answer or a
        typed reply may match."""
        return {str(self), *self.texts.values()}


def _localized(limit: int) -> Callable[[Any, ValidationInfo], Localized]:
    def validate(value: Any, info: ValidationInfo) -> Localized:
        default = (info.context or {}).get("language", "en")
        if isinstance(value, Localized):
            return value
        if isinstance(value, str):
            texts = {default: value}
        elif isinstance(value, dict) and value:
            unknown = [k for k in value if k not in NAME_LANGUAGES]
            if unknown:
                raise ValueError(f"{unknown[0]!r} is not a language "
                                 f"(use {', '.join(NAME_LANGUAGES)})")
            texts = value
        else:
            raise ValueError("must be a string or a table of languages "
                             '(e.g. { en = "IT", ru = "ИТ" })')
        for language, text in texts.items():
            if not isinstance(text, str):
                raise ValueError(f"{language}: must be a string")
            if not text:
                raise ValueError(f"{language}: must not be empty" if len(texts) > 1
                                 else "must not be empty")
            if len(text) > limit:
                raise ValueError(f"{text[:20]!r}…: at most {limit} characters")
        if isinstance(value, str):  # one string: the same in every language
            return Localized({default: value}, default)
        return Localized(texts, default)

    return validate


_AS_STR = PlainSerializer(str)
LocalizedName = Annotated[Localized, PlainValidator(_localized(100)), _AS_STR]
LocalizedTitle = Annotated[Localized, PlainValidator(_localized(200)), _AS_STR]
LocalizedLabel = Annotated[Localized, PlainValidator(_localized(300)), _AS_STR]
LocalizedOption = Annotated[Localized, PlainValidator(_localized(60)), _AS_STR]


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
    name: LocalizedTitle
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


_WEEKLY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun) (\d{2}):(\d{2})$")


class ReportSettings(_Model):
    # the managers' week: "mon 09:00" in the organisation's zone, moved to the first
    # working moment at or after it (a holiday Monday: Tuesday's start); "" is off
    weekly: str = "mon 09:00"

    @field_validator("weekly")
    @classmethod
    def _weekly(cls, value: str) -> str:
        match = _WEEKLY.match(value)
        if value and (match is None or int(match[2]) > 23 or int(match[3]) > 59):
            raise ValueError(f"{value!r} is not a weekday and a time like \"mon 09:00\"")
        return value

    @property
    def weekly_at(self) -> tuple[int, time] | None:
        """(weekday, 0 = Monday; local time), or None when the digest is off."""
        if not self.weekly:
            return None
        day, clock = self.weekly.split()
        hour, minute = clock.split(":")
        return WEEKDAYS.index(day), time(int(hour), int(minute))


FieldType = Literal["text", "number", "date", "choice", "file"]


class FormField(_Model):
    key: Key
    label: LocalizedLabel
    type: FieldType = "text"
    required: bool = True
    max_length: int | None = Field(default=None, ge=1, le=3500)
    options: list[LocalizedOption] = []
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
        for language in NAME_LANGUAGES:
            shown = [o.in_(language) for o in self.options]
            if len(set(shown)) != len(shown):
                raise ValueError(f"options repeat in {language}")
        return self


class RequestType(_Model):
    key: Key
    name: LocalizedName
    response: DurationField
    resolve: DurationField
    urgent_factor: float = Field(default=1.0, gt=0, le=1)
    ask_priority: bool = True
    fields: list[FormField] = []
    # approvals (SPEC §5): "managers" (of the requester's department, else of this one)
    # or Telegram ids; reminded once after approval_remind, the admins told after twice
    approvers: Literal["managers"] | list[int] | None = None
    approval_remind: DurationField = Duration(1, "d")

    @field_validator("response", "resolve", "approval_remind")
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
    name: LocalizedName
    chat_id: int | None = None
    thread_id: int | None = None
    managers: list[int] = []
    # the people who do the work (Telegram ids); whoever presses a button of the
    # department's card joins them (kept in the database)
    executors: list[int] = []
    members: list[int] = []  # requesters who belong to it (approvals, who asks whom)
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
    reports: ReportSettings = ReportSettings()
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
    organization = data.get("organization")
    language = organization.get("language") if isinstance(organization, dict) else None
    # a name given as one string, or without the organisation's language, is stored in
    # the organisation's language (else the first given): Localized
    context = {"language": language if isinstance(language, str) else "en"}
    try:
        org = OrgConfig.model_validate(data, context=context)
    except ValidationError as exc:
        raise OrgError(describe_error(exc)) from None
    try:
        org.work_calendar  # noqa: B018 - building it validates the holiday country
    except ValueError as exc:
        raise OrgError(f"calendar.{exc}") from None
    return org


def load_org(path: str | Path) -> OrgConfig:
    return parse_org_text(read_org_text(path), path)


def read_org_text(path: str | Path) -> str:
    """The organisation file's text, or OrgError with the one line `baton run` prints."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise OrgError(
            f"{path}: file not found (set ORG_CONFIG or copy org.example.toml)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise OrgError(f"{path}: cannot read it: {exc}") from None


def parse_org_text(text: str, path: str | Path) -> OrgConfig:
    """An organisation file's text (as read from ``path``, or stored as a version)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise OrgError(f"{path}: not valid TOML: {exc}") from None
    return parse_org(data)
