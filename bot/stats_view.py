"""/stats as people read it: one message per department, sized for a phone; the
executors and flows a message cannot hold are counted ("… and N more"): the
CSV of /export has every request."""

from __future__ import annotations

from bot.charts import ChartLabels
from bot.i18n import Html, plain, t
from bot.render import fitted, person
from core.org import OrgConfig
from db.models import User
from db.reports import Compliance, DepartmentStats, Flow, Percentiles

EXECUTORS_SHOWN = 15  # a department's message stays readable on a phone
FLOWS_SHOWN = 30


def duration(lang: str, seconds: float | None, day_seconds: int) -> str:
    """Working time as 45m, 3h 20m or 2d 4h (a d is one working day)."""
    if seconds is None:
        return plain(lang, "stats.no_times")
    minutes = round(seconds / 60)
    if minutes < 60:
        return plain(lang, "units.minutes", m=minutes)
    day_minutes = max(1, day_seconds // 60)
    if minutes < day_minutes:
        if minutes % 60 == 0:
            return plain(lang, "units.hours_only", h=minutes // 60)
        return plain(lang, "units.hours", h=minutes // 60, m=minutes % 60)
    return plain(lang, "units.days", d=minutes // day_minutes,
                 h=round(minutes % day_minutes / 60))


def _share(lang: str, compliance: Compliance) -> str:
    share = compliance.share
    if share is None:
        return plain(lang, "stats.sla_none")
    return plain(lang, "stats.sla_share", share=f"{share:.0%}", breached=compliance.breached)


def department_text(lang: str, org: OrgConfig, stats: DepartmentStats, days: int,
                    people: dict[int, User]) -> Html:
    department = org.department(stats.key)
    day_seconds = org.work_calendar.day_seconds

    def times(key: str, values: Percentiles) -> Html:
        return t(lang, key, p50=duration(lang, values.p50, day_seconds),
                 p90=duration(lang, values.p90, day_seconds))

    open_by = stats.open_by_status
    lines = [
        t(lang, "stats.title", department=department.name if department else stats.key,
          days=days),
        t(lang, "stats.volume", created=stats.created, taken=stats.taken, done=stats.done,
          cancelled=stats.cancelled),
        t(lang, "stats.open", total=stats.open_total, new=open_by.get("new", 0),
          in_progress=open_by.get("in_progress", 0), waiting=open_by.get("waiting", 0),
          on_review=open_by.get("on_review", 0)),
        times("stats.take", stats.time_to_take),
        times("stats.finish", stats.time_to_finish),
        t(lang, "stats.sla", response=_share(lang, stats.response),
          resolve=_share(lang, stats.resolve)),
        t(lang, "stats.stuck", stale=str(org.sla.stale_after), count=stats.stuck),
        t(lang, "stats.transfers", transfers_in=stats.transfers_in,
          transfers_out=stats.transfers_out),
        t(lang, "stats.reassigns", count=stats.reassigns),
    ]
    ratings = stats.ratings
    if ratings.count:
        lines.append(t(lang, "stats.ratings", average=f"{ratings.average:.1f}",
                       count=ratings.count, csat=f"{ratings.csat:.0%}"))
    else:
        lines.append(t(lang, "stats.no_ratings"))
    if not stats.executors:
        return Html("\n".join(lines))
    rows = []
    for executor in stats.executors[:EXECUTORS_SHOWN]:
        rating = (f"{executor.rating_avg:.1f} ({executor.ratings})"
                  if executor.rating_avg is not None else plain(lang, "stats.no_rating"))
        rows.append(t(lang, "stats.executor",
                      name=person(people.get(executor.user_id), executor.user_id),
                      open=executor.open_assigned, done=executor.done,
                      median=duration(lang, executor.finish_p50, day_seconds), rating=rating))
    head = Html("\n".join([*lines, "", t(lang, "stats.executors")]))
    return fitted(lang, head, rows, len(stats.executors))


def flows_text(lang: str, org: OrgConfig, flows: list[Flow], days: int) -> Html:
    def name(key: str | None) -> str:
        if key is None:
            return plain(lang, "stats.unknown_source")
        department = org.department(key)
        return department.name if department else key

    title = t(lang, "stats.flows_title", days=days)
    rows = [t(lang, "stats.flow", source=name(f.source), target=name(f.target), count=f.count)
            for f in flows[:FLOWS_SHOWN]]
    if not flows:
        rows.append(t(lang, "stats.no_flows"))
    hours = org.work_calendar.day_seconds / 3600
    footer = [Html(""), t(lang, "stats.working_time", hours=duration(lang, hours * 3600, 10**9))]
    return fitted(lang, title, rows, max(len(flows), len(rows)), footer=footer)


def chart_labels(lang: str, departments: list[str], days: int) -> ChartLabels:
    return ChartLabels(
        title=plain(lang, "stats.chart_title", departments=", ".join(departments), days=days),
        created=plain(lang, "stats.chart_created"), done=plain(lang, "stats.chart_done"),
        per_day=plain(lang, "stats.chart_per_day"),
        compliance=plain(lang, "stats.chart_compliance"),
        response=plain(lang, "stats.chart_response"), resolve=plain(lang, "stats.chart_resolve"),
        no_data=plain(lang, "stats.chart_no_data"), language=lang,
    )
