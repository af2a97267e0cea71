"""What a person can give the form: typed text, a button, a file, Skip, or something else."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextInput:
    text: str


@dataclass(frozen=True)
class ChoiceInput:
    value: str  # a department key, a type key, an option index or a priority


@dataclass(frozen=True)
class FileInput:
    file_id: str
    kind: str  # "photo" | "document"
    name: str | None = None


@dataclass(frozen=True)
class SkipInput:
    pass


@dataclass(frozen=True)
class KeepInput:
    """Keep «…»: the answer the repeated request gave to this question."""


@dataclass(frozen=True)
class SharedUser:
    user_id: int
    name: str


@dataclass(frozen=True)
class PeopleInput:
    """People picked with Telegram's user picker (a ``users_shared`` message)."""

    request_id: int
    people: tuple[SharedUser, ...]


@dataclass(frozen=True)
class OtherInput:
    kind: str  # "sticker", "voice", "video", "location", … — never a valid answer


FormInput = (TextInput | ChoiceInput | FileInput | SkipInput | KeepInput | PeopleInput
             | OtherInput)
