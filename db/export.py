"""The rows of /export: requests filed in a period, with people and ratings."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from db.models import Rating, Request, RequestApprover, RequestEvent, User, full_name


async def export_rows(session: AsyncSession, departments: list[str], since: datetime
                      ) -> AsyncIterator[dict[str, Any]]:
    requester, assignee = aliased(User), aliased(User)
    # the request's reassignments, from its events (ix_request_events_request_at)
    reassigns = (select(func.count()).where(RequestEvent.request_id == Request.id,
                                            RequestEvent.kind == "reassign")
                 .correlate(Request).scalar_subquery())
    # its approvers' ids, space-separated (none for a request that needed no approval)
    approvers = (select(func.aggregate_strings(cast(RequestApprover.user_id, String), " "))
                 .where(RequestApprover.request_id == Request.id)
                 .correlate(Request).scalar_subquery())
    query = (
        select(Request, Rating.score, Rating.comment, requester.first_name,
               requester.last_name, assignee.first_name, assignee.last_name, reassigns,
               approvers)
        .outerjoin(Rating, Rating.request_id == Request.id)
        .outerjoin(requester, requester.id == Request.requester_id)
        .outerjoin(assignee, assignee.id == Request.assignee_id)
        .where(Request.department_key.in_(departments), Request.created_at >= since)
        .order_by(Request.id)
        .execution_options(yield_per=2000)
    )
    stream = await session.stream(query)
    async for request, score, comment, r_first, r_last, a_first, a_last, moved, asked in stream:
        yield {
            "request": request, "rating": score, "rating_comment": comment,
            "reassigns": moved,
            "approvers": " ".join(sorted((asked or "").split(), key=int)),
            "requester_name": full_name(r_first, r_last),
            "assignee_name": full_name(a_first, a_last),
        }
