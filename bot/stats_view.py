"""/stats as people read it: one message per department, sized for a phone; the
executors and flows a message cannot hold are counted ("… and N more"): the
CSV of /export has every request."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from bot.charts import ChartLabels
from bot.i18n import Html, day_month, plain, t
from bot.render import department_name, fitted, pack, person, stars, type_name, when
from core.org import OrgConfig
from core.weekly import WeekFigures
from db.models import User
from db.reports import Compliance, DepartmentStats, Flow, OpenLine, Percentiles, RatingLine

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
    day_seconds = org.work_calendar.day_seconds

    def times(key: str, values: Percentiles) -> Html:
        return t(lang, key, p50=duration(lang, values.p50, day_seconds),
                 p90=duration(lang, values.p90, day_seconds))

    open_by = stats.open_by_status
    lines = [
        t(lang, "stats.title", department=department_name(lang, org, stats.key),
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
    if stats.approvals_asked:  # only where requests need approval
        lines.append(t(lang, "stats.approvals", count=stats.approvals_asked,
                       declined=stats.approvals_declined,
                       p50=duration(lang, stats.time_to_approve.p50, day_seconds)))
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
        return department_name(lang, org, key)

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


def rating_lines(lang: str, keys: tuple[str, str], ratings: list[RatingLine],
                 people: dict[int, User]) -> list[Html]:
    """Ratings with their comments (``keys``: the texts without and with one)."""
    lines = []
    for r in ratings:
        values = {"id": r.request_id, "stars": stars(r.score),
                  "rater": person(people.get(r.rater_id), r.rater_id)}
        if r.comment:
            lines.append(t(lang, keys[1], comment=r.comment, **values))
        else:
            lines.append(t(lang, keys[0], **values))
    return lines


def low_ratings_text(lang: str, ratings: list[RatingLine], people: dict[int, User]) -> Html:
    """/stats: the newest low ratings of the departments shown, with their comments."""
    return fitted(lang, t(lang, "stats.low_ratings.title"),
                  rating_lines(lang, ("stats.low_ratings.line", "stats.low_ratings.comment"),
                               ratings, people))


def weekly_texts(lang: str, org: OrgConfig, week: WeekFigures) -> list[Html]:
    """The managers' week of one department: the two weeks side by side, then what
    needs a manager now, in as few messages as Telegram's limit allows."""
    name = department_name(lang, org, week.department)
    day_seconds = org.work_calendar.day_seconds
    this, before = week.this, week.before

    def pair(key: str, value: Callable[[DepartmentStats], object]) -> Html:
        return t(lang, key, this=value(this), before=value(before))

    def share(c: Compliance) -> str:
        return f"{c.share:.0%}" if c.share is not None else plain(lang, "weekly.none")

    def csat(d: DepartmentStats) -> str:
        if d.ratings.csat is None:
            return plain(lang, "weekly.none")
        return plain(lang, "weekly.csat_value", csat=f"{d.ratings.csat:.0%}",
                     count=d.ratings.count)

    figures = Html("\n".join([
        t(lang, "weekly.title", department=name, first=day_month(lang, week.first_day),
          last=day_month(lang, week.last_day)),
        t(lang, "weekly.columns"),
        pair("weekly.created", lambda d: d.created),
        pair("weekly.done", lambda d: d.done),
        pair("weekly.sla_response", lambda d: share(d.response)),
        pair("weekly.sla_resolve", lambda d: share(d.resolve)),
        pair("weekly.csat", csat),
        pair("weekly.take", lambda d: duration(lang, d.time_to_take.p50, day_seconds)),
        pair("weekly.finish", lambda d: duration(lang, d.time_to_finish.p50, day_seconds)),
    ]))

    def listed(head: Html, lines: list[OpenLine], total: int, key: str, at: str) -> Html:
        rows = [t(lang, key, id=line.request_id, type=type_name(lang, org, line),
                  status=t(lang, f"status.{line.status}"), **{at: when(lang, line.due, org)})
                for line in lines]
        if total > len(lines):
            rows.append(t(lang, "list.more", count=total - len(lines)))
        return Html("\n".join([head, *rows]))

    breached = listed(t(lang, "weekly.breached", count=week.breached_total), week.breached,
                      week.breached_total, "weekly.breached_line", "due")
    stuck = listed(t(lang, "weekly.stuck", stale=str(org.sla.stale_after),
                     count=week.stuck_total), week.stuck, week.stuck_total,
                   "weekly.stuck_line", "at")
    loaded = [e for e in this.executors if e.open_assigned]
    loaded.sort(key=lambda e: (-e.open_assigned, e.user_id))
    load = Html("\n".join([t(lang, "weekly.load"), *(
        [t(lang, "weekly.load_line", name=person(week.people.get(e.user_id), e.user_id),
           count=e.open_assigned) for e in loaded] or [t(lang, "weekly.no_load")])]))
    lowest = Html("\n".join([t(lang, "weekly.lowest"), *(
        rating_lines(lang, ("weekly.rating_line", "weekly.rating_comment"), week.lowest,
                     week.people)
        or [t(lang, "weekly.no_ratings")])]))
    return pack([figures, breached, stuck, load, lowest])


def weekly_chart_labels(lang: str, org: OrgConfig, week: WeekFigures) -> ChartLabels:
    title = plain(lang, "weekly.chart_title",
                  department=department_name(lang, org, week.department),
                  first=day_month(lang, week.first_day - timedelta(days=7)),
                  last=day_month(lang, week.last_day))
    return replace(chart_labels(lang, [], 14), title=title)
