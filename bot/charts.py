"""The picture behind a manager's ``/stats``: requests per day and SLA compliance per week.

Drawn with matplotlib's object API (``Figure`` + ``FigureCanvasAgg``), never
pyplot, so nothing global is touched and charts may be rendered from worker
threads at the same time.  Every word on the picture comes from
:class:`ChartLabels`; the module itself only writes dates ("dd.mm") and numbers.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

from bot.i18n import day_month

if TYPE_CHECKING:
    from db.reports import Series

# 7.2 x 9 inches at 150 dpi: 1080 x 1350 px, a phone screen in portrait.
FIG_SIZE = (7.2, 9.0)
DPI = 150
WIDTH_PX, HEIGHT_PX = 1080, 1350

FONT = "DejaVu Sans"  # ships with matplotlib and covers Latin and Cyrillic
SUPTITLE_PT = 18
TITLE_PT = 15
LABEL_PT = 13
TICK_PT = 12
NO_DATA_PT = 16

# Okabe-Ito palette: told apart with any kind of colour blindness.
BLUE = "#0072B2"
ORANGE = "#E69F00"
VERMILLION = "#D55E00"
GREY = "#555555"
GRID = "#DDDDDD"

MAX_TICKS = 8
GROUPED_BARS_UP_TO = 62  # longer periods: created above the zero line, done below
DAY_STEPS = (1, 2, 3, 4, 5, 7, 10, 14, 21, 28, 30, 45, 60, 61, 91, 122, 183)
PERCENT_TICKS = (0, 25, 50, 75, 100)


@dataclass(frozen=True)
class ChartLabels:
    title: str  # e.g. "IT · last 30 days"
    created: str  # "Created"
    done: str  # "Done"
    per_day: str  # "Requests per day"
    compliance: str  # "SLA met, % per week"
    response: str  # "Response"
    resolve: str  # "Resolution"
    no_data: str  # "No requests in this period"
    language: str = "en"  # how the days under the axis are written


def render_chart(series: Series, labels: ChartLabels) -> bytes:
    """The chart as PNG bytes, 1080 x 1350 px."""
    fig = build_figure(series, labels)
    try:
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=DPI, facecolor="white", metadata={"Software": None})
        return buf.getvalue()
    finally:
        fig.clear()


def build_figure(series: Series, labels: ChartLabels) -> Figure:
    """The chart as a matplotlib figure (with an Agg canvas) before it is saved."""
    layout = ConstrainedLayoutEngine(h_pad=0.08, w_pad=0.1, hspace=0.06)
    fig = Figure(figsize=FIG_SIZE, dpi=DPI, facecolor="white", layout=layout)
    FigureCanvasAgg(fig)
    fig.suptitle(labels.title, fontsize=SUPTITLE_PT, fontweight="bold", fontfamily=FONT, wrap=True)

    has_daily = any(p.created or p.done for p in series.daily)
    has_weekly = any(w.response_total or w.resolve_total for w in series.weekly)
    if not has_daily and not has_weekly:
        fig.text(
            0.5,
            0.5,
            labels.no_data,
            ha="center",
            va="center",
            wrap=True,
            color=GREY,
            fontsize=NO_DATA_PT,
            fontfamily=FONT,
        )
        return fig

    top, bottom = fig.subplots(2, 1, height_ratios=(1.15, 1.0))
    _daily_panel(top, series, labels, has_daily)
    _weekly_panel(bottom, series, labels, has_weekly)
    return fig


def _daily_panel(ax: Axes, series: Series, labels: ChartLabels, has_data: bool) -> None:
    _style(ax, labels.per_day)
    if not has_data:
        _no_data(ax, labels.no_data)
        return
    days = [p.day for p in series.daily]
    created = [p.created for p in series.daily]
    done = [p.done for p in series.daily]
    xs = range(len(days))
    if len(days) <= GROUPED_BARS_UP_TO:
        width = 0.4
        ax.bar([x - width / 2 for x in xs], created, width, color=BLUE, label=labels.created)
        ax.bar([x + width / 2 for x in xs], done, width, color=ORANGE, label=labels.done)
        ax.set_ylim(bottom=0)
    else:
        # hundreds of days: side-by-side bars turn into noise, so created goes up and
        # done goes down from the zero line, each one filled step patch (fast to draw)
        edges = [x - 0.5 for x in xs] + [len(days) - 0.5]
        ax.stairs(created, edges, fill=True, color=BLUE, label=labels.created)
        ax.stairs([-d for d in done], edges, fill=True, color=ORANGE, label=labels.done)
        ax.axhline(0, color=GREY, linewidth=0.8)
        ax.yaxis.set_major_formatter(FuncFormatter(_magnitude))
    ax.set_xlim(-0.7, len(days) - 0.3)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True, min_n_ticks=2))
    _date_ticks(ax, days, DAY_STEPS, labels.language)
    _legend(ax)


def _weekly_panel(ax: Axes, series: Series, labels: ChartLabels, has_data: bool) -> None:
    _style(ax, labels.compliance)
    if not has_data:
        _no_data(ax, labels.no_data)
        return
    weeks = [w.week_start for w in series.weekly]
    response = [_percent(w.response_met, w.response_total) for w in series.weekly]
    resolve = [_percent(w.resolve_met, w.resolve_total) for w in series.weekly]
    xs = list(range(len(weeks)))
    many = len(weeks) > 20
    width, size = (2.0, 4.0) if many else (2.5, 8.0)
    for values, colour, marker, style, label in (
        (response, BLUE, "o", "-", labels.response),
        (resolve, VERMILLION, "s", "--", labels.resolve),
    ):
        # unclipped so that a marker on 100% is drawn whole
        ax.plot(
            xs,
            values,
            color=colour,
            marker=marker,
            linestyle=style,
            label=label,
            linewidth=width,
            markersize=size,
            clip_on=False,
        )
    ax.set_ylim(0, 100)
    ax.set_yticks(PERCENT_TICKS)
    ax.yaxis.set_major_formatter(PercentFormatter(xmax=100, decimals=0))
    pad = 0.3 if len(weeks) > 1 else 0.6
    ax.set_xlim(-pad, len(weeks) - 1 + pad)
    _date_ticks(ax, weeks, range(1, len(weeks) + 1), labels.language)
    _legend(ax)


def _magnitude(value: float, _pos: int | None) -> str:
    """Tick label of the mirrored daily panel: done counts downwards but is never negative."""
    return f"{abs(value):g}"


def _percent(met: int, total: int) -> float:
    """Share of requests within SLA; NaN (a gap in the line) for a week without any."""
    return 100.0 * met / total if total else math.nan


def _style(ax: Axes, title: str) -> None:
    # the legend takes the row between the title and the panel
    ax.set_title(title, loc="left", fontsize=TITLE_PT, fontfamily=FONT, pad=30)
    ax.tick_params(labelsize=TICK_PT, labelfontfamily=FONT, length=4)
    ax.grid(True, color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _legend(ax: Axes) -> None:
    # a row of its own above the panel, under the title: never covers the data
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncols=2,
        frameon=False,
        borderaxespad=0.1,
        borderpad=0.2,
        handlelength=1.6,
        columnspacing=1.2,
        prop={"family": FONT, "size": LABEL_PT},
    )


def _no_data(ax: Axes, text: str) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.text(
        0.5,
        0.5,
        text,
        transform=ax.transAxes,
        ha="center",
        va="center",
        color=GREY,
        fontsize=NO_DATA_PT,
        fontfamily=FONT,
    )


def _date_ticks(ax: Axes, days: Sequence[date], steps: Sequence[int], language: str) -> None:
    """At most MAX_TICKS "dd.mm" labels (as the language writes them), counted back from the
    latest so it is always shown."""
    n = len(days)
    step = next((s for s in steps if math.ceil(n / s) <= MAX_TICKS), math.ceil(n / MAX_TICKS))
    ticks = list(range(n - 1, -1, -step))[::-1]
    ax.set_xticks(ticks, [day_month(language, days[i]) for i in ticks])
