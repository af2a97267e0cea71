"""Form drafts and pending typed inputs: conversation state lives here, not in memory."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import FormDraft, PendingInput


async def get_draft(session: AsyncSession, user_id: int) -> FormDraft | None:
    return await session.get(FormDraft, user_id)


async def save_draft(session: AsyncSession, draft: FormDraft, now: datetime) -> bool:
    """Write a changed draft if nobody else moved it meanwhile (optimistic version)."""
    # one UPDATE, with the version check: neither an autoflush before it nor a
    # flush at commit may write the changed draft a second time, unchecked
    with session.no_autoflush:
        result = await session.execute(
            update(FormDraft)
            .where(FormDraft.user_id == draft.user_id, FormDraft.version == draft.version)
            .values(
                department_key=draft.department_key,
                type_key=draft.type_key,
                stage=draft.stage,
                field_index=draft.field_index,
                field_key=draft.field_key,
                answers=draft.answers,
                priority=draft.priority,
                earlier=draft.earlier,
                watchers=draft.watchers,
                version=draft.version + 1,
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )
    session.expunge(draft)
    return result.rowcount == 1  # type: ignore[attr-defined]


async def replace_draft(session: AsyncSession, user_id: int, stage: str, now: datetime,
                        **values: Any) -> FormDraft:
    await session.execute(delete(FormDraft).where(FormDraft.user_id == user_id))
    values.setdefault("answers", {})
    draft = FormDraft(user_id=user_id, stage=stage, version=0, updated_at=now, field_index=0,
                      **values)
    session.add(draft)
    await session.flush()
    return draft


async def delete_draft(session: AsyncSession, user_id: int, version: int | None = None) -> bool:
    query = delete(FormDraft).where(FormDraft.user_id == user_id)
    if version is not None:
        query = query.where(FormDraft.version == version)
    result = await session.execute(query)
    return result.rowcount == 1  # type: ignore[attr-defined]


async def get_pending(session: AsyncSession, chat_id: int, user_id: int) -> PendingInput | None:
    return await session.get(PendingInput, (chat_id, user_id))


async def set_pending(
    session: AsyncSession,
    chat_id: int,
    user_id: int,
    kind: str,
    request_id: int,
    now: datetime,
    data: dict[str, Any] | None = None,
) -> PendingInput:
    await clear_pending(session, chat_id, user_id)
    pending = PendingInput(chat_id=chat_id, user_id=user_id, kind=kind, request_id=request_id,
                           data=data or {}, created_at=now)
    session.add(pending)
    await session.flush()
    return pending


async def set_prompt_message(session: AsyncSession, chat_id: int, user_id: int,
                             message_id: int) -> None:
    await session.execute(
        update(PendingInput)
        .where(PendingInput.chat_id == chat_id, PendingInput.user_id == user_id)
        .values(prompt_message_id=message_id)
    )


async def clear_pending(session: AsyncSession, chat_id: int, user_id: int) -> bool:
    result = await session.execute(
        delete(PendingInput).where(PendingInput.chat_id == chat_id, PendingInput.user_id == user_id)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


async def clear_pending_for(session: AsyncSession, request_id: int, kind: str) -> None:
    """Every input of ``kind`` still awaited about a request (anyone's)."""
    await session.execute(delete(PendingInput).where(PendingInput.request_id == request_id,
                                                     PendingInput.kind == kind))


async def pending_for_request(session: AsyncSession, request_id: int) -> list[PendingInput]:
    return list(await session.scalars(
        select(PendingInput).where(PendingInput.request_id == request_id)
    ))
