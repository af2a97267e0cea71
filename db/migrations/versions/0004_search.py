"""/find: the words of each request and a full-text index over them

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 10:00:00

``request_search`` keeps, per request, its number, the answers' text and the
requester's name, lower-cased (written with the request by db.search). On
SQLite an FTS5 table (external content, kept in step by triggers) indexes it;
on PostgreSQL a GIN index on ``to_tsvector('simple', body)``. Existing requests
are filled in here.
"""
from typing import Any

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

BATCH = 5000


def _body(request_id: int, answers: Any, first: str | None, last: str | None,
          username: str | None) -> str:
    """As db.search.body_of wrote it on this revision (a copy: a migration keeps
    the code it was written with)."""
    import json
    import re
    if isinstance(answers, str):
        answers = json.loads(answers)
    parts = [str(request_id)]
    for answer in answers or []:
        if answer.get("value") is None or answer.get("file_id"):
            continue
        parts.append(str(answer.get("display", answer["value"])))
    name = " ".join(p for p in (first, last) if p)
    if name:
        parts.append(name)
    if username:
        parts.append(username)
    import unicodedata
    decomposed = unicodedata.normalize("NFKD", " ".join(parts).lower())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0306")
    body = unicodedata.normalize("NFC", kept).replace("ё", "е")
    return " ".join(re.findall(r"\w+", body))


def upgrade() -> None:
    op.create_table('request_search',
    sa.Column('request_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'],
                            name=op.f('fk_request_search_request_id_requests'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('request_id', name=op.f('pk_request_search'))
    )
    bind = op.get_bind()
    sqlite = bind.dialect.name == 'sqlite'
    _fill(bind)  # the rows first, then the index over them, built at once
    if sqlite:
        op.execute("CREATE VIRTUAL TABLE request_search_fts USING fts5(body, "
                   "content='request_search', content_rowid='request_id', "
                   "tokenize='unicode61 remove_diacritics 2')")
        op.execute("INSERT INTO request_search_fts(request_search_fts) VALUES ('rebuild')")
        op.execute("CREATE TRIGGER request_search_ai AFTER INSERT ON request_search BEGIN "
                   "INSERT INTO request_search_fts(rowid, body) VALUES (new.request_id, new.body); "
                   "END")
        op.execute("CREATE TRIGGER request_search_ad AFTER DELETE ON request_search BEGIN "
                   "INSERT INTO request_search_fts(request_search_fts, rowid, body) "
                   "VALUES ('delete', old.request_id, old.body); END")
        op.execute("CREATE TRIGGER request_search_au AFTER UPDATE ON request_search BEGIN "
                   "INSERT INTO request_search_fts(request_search_fts, rowid, body) "
                   "VALUES ('delete', old.request_id, old.body); "
                   "INSERT INTO request_search_fts(rowid, body) VALUES (new.request_id, new.body); "
                   "END")
    if not sqlite:
        op.execute("CREATE INDEX ix_request_search_body ON request_search "
                   "USING gin (to_tsvector('simple', body))")


def _fill(bind: Any) -> None:
    after = 0
    insert = sa.text("INSERT INTO request_search (request_id, body) VALUES (:id, :body)")
    while True:
        rows = bind.execute(sa.text(
            "SELECT r.id, r.answers, u.first_name, u.last_name, u.username FROM requests r "
            "LEFT JOIN users u ON u.id = r.requester_id WHERE r.id > :after "
            "ORDER BY r.id LIMIT :n"), {"after": after, "n": BATCH}).all()
        if not rows:
            return
        bind.execute(insert, [{"id": row[0], "body": _body(*row)} for row in rows])
        after = rows[-1][0]


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for trigger in ('request_search_ai', 'request_search_ad', 'request_search_au'):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS request_search_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_request_search_body")
    op.drop_table('request_search')
