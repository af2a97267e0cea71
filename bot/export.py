"""/export as a CSV file: UTF-8 with a BOM so spreadsheets open it as such."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.render import type_name, type_of
from core.org import OrgConfig

COLUMNS = [
    "number", "created", "department", "type", "requester_id", "requester", "assignee_id",
    "assignee", "status", "priority", "response_due", "resolve_due", "needed_by", "taken",
    "done", "closed", "take_work_hours", "finish_work_hours", "response_met", "resolve_met",
    "transfers", "reopens", "reassigns", "rating", "rating_comment",
    # approvals: empty for a request that needed none
    "approvers", "approval_asked", "approval_decided_by", "approval_decided",
    "approval_work_hours",
]


def _when(value: datetime | None, zone: ZoneInfo) -> str:
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value else ""


def _hours(seconds: float | None) -> str:
    return f"{seconds / 3600:.2f}" if seconds is not None else ""


def _flag(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


async def build_csv(org: OrgConfig, rows: AsyncIterator[dict[str, Any]],
                    lang: str | None = None) -> tuple[bytes, int]:
    """The file's bytes and how many requests it holds; one column per form field.
    Names and field headers are in ``lang`` (the reader's); the answers are as stored
    (a choice in the organisation's language, the value /find searches)."""
    zone = ZoneInfo(org.organization.timezone)
    records: list[tuple[dict[str, str], dict[str, str]]] = []
    fields: dict[str, str] = {}  # key → header, in order of first appearance
    async for row in rows:
        request = row["request"]
        department = org.department(request.department_key)
        base = {
            "number": str(request.id), "created": _when(request.created_at, zone),
            "department": (department.name.in_(lang) if department
                           else request.department_key),
            "type": type_name(lang or org.organization.language, org, request),
            "requester_id": str(request.requester_id),
            "requester": row["requester_name"],
            "assignee_id": str(request.assignee_id or ""), "assignee": row["assignee_name"],
            "status": request.status, "priority": request.priority,
            "response_due": _when(request.response_due_at, zone),
            "resolve_due": _when(request.resolve_due_at, zone),
            "needed_by": request.needed_by.isoformat() if request.needed_by else "",
            "taken": _when(request.taken_at, zone), "done": _when(request.done_at, zone),
            "closed": _when(request.closed_at, zone),
            "take_work_hours": _hours(request.take_work_s),
            "finish_work_hours": _hours(request.finish_work_s),
            "response_met": _flag(request.response_met), "resolve_met": _flag(request.resolve_met),
            "transfers": str(request.transfers), "reopens": str(request.reopens),
            "reassigns": str(row.get("reassigns") or 0),
            "rating": str(row["rating"] or ""), "rating_comment": row["rating_comment"] or "",
            "approvers": row.get("approvers") or "",
            "approval_asked": _when(request.approval_asked_at, zone),
            "approval_decided_by": str(request.approval_decided_by or ""),
            "approval_decided": _when(request.approval_decided_at, zone),
            "approval_work_hours": _hours(request.approval_work_s),
        }
        answers: dict[str, str] = {}
        for answer in request.answers or []:
            key = f"{request.type_key}.{answer['key']}"
            label = answer["label"]
            spec = type_of(org, request.department_key, request.type_key)
            field = next((f for f in spec.fields if f.key == answer["key"]), None) if spec else None
            if field is not None and label in field.label.variants():
                label = field.label.in_(lang)
            fields.setdefault(key, f"{label} ({key})")
            value = answer.get("display", answer.get("value"))
            answers[key] = "" if value is None else str(value)
        records.append((base, answers))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS + list(fields.values()))
    for base, answers in records:
        writer.writerow([_safe(base[c]) for c in COLUMNS]
                        + [_safe(answers.get(k, "")) for k in fields])
    return ("\ufeff" + out.getvalue()).encode("utf-8"), len(records)


def _safe(value: str) -> str:
    """Keep spreadsheets from running a cell that starts like a formula."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") and not _number(value) else value


def _number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True
