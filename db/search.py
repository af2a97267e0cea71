"""/find: the words of each request (its number, the answers' text, the requester's
name) in one row of ``request_search``, written with the request, and searched by
the database's own full-text index (migration 0004):

- SQLite: ``request_search_fts``, an FTS5 table over ``request_search`` (external
  content, kept in step by triggers), unicode61 tokens: case- and accent-insensitive;
- PostgreSQL: a GIN index on ``to_tsvector('simple', body)``, searched with a
  prefix ``tsquery``.

Every word of the query must match the beginning of a word of the request. The
user's text never reaches either query language: it is cut into words of letters
and digits, each quoted (FTS5) or written as ``word:*`` (tsquery).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Text, false, literal, literal_column, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Request, RequestSearch, User, full_name

# the full-text index's own tables (FTS5 and its shadow tables) and PostgreSQL's GIN
# index on an expression, which the models do not describe: autogenerate and the
# schema test leave them alone
FULL_TEXT_PREFIX = "request_search_fts"
GIN_INDEX = "ix_request_search_body"


def outside_models(name: str | None, type_: str, _parent: object) -> bool:
    """Alembic's ``include_name``: False for the full-text index's own objects."""
    if name is None:
        return True
    return not ((type_ == "table" and name.startswith(FULL_TEXT_PREFIX))
                or (type_ == "index" and name == GIN_INDEX))


_WORD = re.compile(r"\w+")
MAX_WORDS = 8  # a longer query is cut: more words only narrow it
MAX_NUMBER = 2**31 - 1


def folded(text: str) -> str:
    """Lower-cased, accents taken off and ё read as е, as people type them: the same
    on both databases and on every path (PostgreSQL's 'simple' keeps accents)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    # й (и + breve) is a letter of its own in Russian and Ukrainian, not an accented и
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0306")
    return unicodedata.normalize("NFC", kept).replace("ё", "е")


def words(query: str) -> list[str]:
    """The words of a query, folded, as both indexes see words."""
    return _WORD.findall(folded(query))[:MAX_WORDS]


def number_of(found: Sequence[str]) -> int | None:
    """The request number a query of one number asks for (``12``, ``#12``)."""
    if len(found) == 1 and found[0].isdigit() and 0 < int(found[0]) <= MAX_NUMBER:
        return int(found[0])
    return None


def body_of(request_id: int, answers: Iterable[dict[str, Any]], requester: User | None
            ) -> str:
    """What /find matches a request by: its number, the answers' text (not files'
    ids), the requester's name and username, as words (letters, digits, ``_``)
    lower-cased here (PostgreSQL's 'simple' configuration lower-cases only what its
    locale knows)."""
    parts = [str(request_id)]
    for answer in answers:
        if answer.get("value") is None or answer.get("file_id"):
            continue
        parts.append(str(answer.get("display", answer["value"])))
    if requester is not None:
        parts.append(full_name(requester.first_name, requester.last_name))
        if requester.username:
            parts.append(requester.username)
    # only the words, lower-cased, one space between: what either index would keep (and
    # nothing PostgreSQL refuses in text, such as NUL)
    return " ".join(_WORD.findall(folded(" ".join(parts))))


async def index_request(session: AsyncSession, request: Request) -> None:
    """The request's words, written in the transaction that stores the request."""
    requester = await session.get(User, request.requester_id)
    session.add(RequestSearch(request_id=request.id,
                              body=body_of(request.id, request.answers, requester)))


async def reindex_requester(session: AsyncSession, requester: User) -> None:
    """A person's name changed: their requests are found by the new one (written in
    the transaction that stores the new name)."""
    rows = await session.execute(select(Request.id, Request.answers)
                                 .where(Request.requester_id == requester.id))
    for request_id, answers in rows:
        await session.execute(
            update(RequestSearch).where(RequestSearch.request_id == request_id)
            .values(body=body_of(request_id, answers, requester)))


def fts5_query(found: Sequence[str]) -> str:
    """Each word quoted (FTS5 syntax cannot be injected) and a prefix: ``"wor"*``."""
    return " ".join('"' + w.replace('"', '""') + '"*' for w in found)


def tsquery(found: Sequence[str]) -> str:
    """Each word a prefix, all of them required: ``wor:* & other:*`` (words are
    letters, digits and underscores only, nothing tsquery reads as an operator)."""
    return " & ".join(f"{w}:*" for w in found)


async def find(session: AsyncSession, query: str, *, limit: int, requester_id: int | None,
               departments: Sequence[str], everything: bool) -> list[Request]:
    """The newest ``limit`` requests matching every word of ``query`` among those of
    ``requester_id``, of ``departments``, or all with ``everything``."""
    found = words(query)
    if not found or (not everything and requester_id is None and not departments):
        return []  # nothing to look for, or nowhere (a group no department is bound to)
    scope: Any
    if everything:
        scope = None
    else:
        scope = or_(false(), *([Request.requester_id == requester_id]
                               if requester_id is not None else []),
                    *([Request.department_key.in_(list(departments))] if departments else []))
    if requester_id is not None and not departments and not everything:
        matches = await _own(session, found, requester_id, limit)
    else:
        matches = await _matching(session, found, scope, limit)
    number = number_of(found)
    if number is None:
        return matches
    # "/find 12" is #12 first: newer numbers beginning with 12 (120, 1200…) come after
    exact = await session.scalar(select(Request).where(
        Request.id == number, *([scope] if scope is not None else [])))
    if exact is None:
        return matches
    return [exact, *(r for r in matches if r.id != number)][:limit]


async def _matching(session: AsyncSession, found: Sequence[str], scope: Any, limit: int
                    ) -> list[Request]:
    """The newest ``limit`` requests in ``scope`` (None: all) through the full-text index."""
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        match = text("to_tsvector('simple', request_search.body) @@ "
                     "to_tsquery('simple', :q)").bindparams(q=tsquery(found))
        ids = (select(RequestSearch.request_id.label("id")).where(match)
               .order_by(RequestSearch.request_id.desc()))
    else:
        match = text("request_search_fts MATCH :q").bindparams(q=fts5_query(found))
        # FTS5 yields its rows in rowid order itself: no sort of every match
        rowid: Any = literal_column("rowid")
        ids = (select(rowid.label("id")).select_from(text("request_search_fts"))
               .where(match).order_by(rowid.desc()))
    matched = ids.subquery("matched")
    statement = (select(Request).join(matched, matched.c.id == Request.id)
                 .where(*([scope] if scope is not None else []))
                 .order_by(matched.c.id.desc()).limit(limit))
    return list(await session.scalars(statement))


async def _own(session: AsyncSession, found: Sequence[str], requester_id: int, limit: int
               ) -> list[Request]:
    """One person's own requests (a few hundred at most) are read through the requester
    index and their words matched as they are: the full-text index would walk every
    match in the whole history to find the few that are theirs. ``body`` is words
    joined by one space, so `` word`` at a word's start is a word's beginning."""
    padded = literal(" ", Text()) + RequestSearch.body  # ' ' || body
    statement = (select(Request).join(RequestSearch, RequestSearch.request_id == Request.id)
                 .where(Request.requester_id == requester_id,
                        *(padded.like("% " + _like(w) + "%", escape="\\") for w in found))
                 .order_by(Request.id.desc()).limit(limit))
    return list(await session.scalars(statement))


def _like(word: str) -> str:
    """A word as a LIKE pattern's literal part: ``_`` (the only wildcard a word may
    hold) escaped."""
    return word.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%")
