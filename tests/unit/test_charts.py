from __future__ import annotations

import dataclasses
import io
import math
import random
import re
import struct
import subprocess
import sys
import time
import warnings
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import astuple
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.image import imread
from matplotlib.text import Text

from bot.charts import HEIGHT_PX, WIDTH_PX, ChartLabels, build_figure, render_chart
from db.reports import DailyPoint, Series, WeeklyCompliance

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
END = date(2026, 11, 23)  # a Monday

EN = ChartLabels(
    title="IT · last 30 days",
    created="Created",
    done="Done",
    per_day="Requests per day",
    compliance="SLA met, % per week",
    response="Response",
    resolve="Resolution",
    no_data="No requests in this period",
)
RU = ChartLabels(
    title="ИТ · последние 30 дней",
    created="Создано",
    done="Выполнено",
    per_day="Заявок в день",
    compliance="Соблюдение SLA, % по неделям",
    response="Реакция",
    resolve="Решение",
    no_data="За этот период заявок нет",
)


def series(days: int, *, seed: int = 7, empty_week: int | None = None) -> Series:
    """A working-week-shaped series ending on END, every day and every week touched."""
    rnd = random.Random(seed)
    start = END - timedelta(days=days - 1)
    daily = []
    for i in range(days):
        day = start + timedelta(days=i)
        created = rnd.randint(3, 14) if day.weekday() < 5 else rnd.randint(0, 2)
        daily.append(DailyPoint(day, created, max(0, created + rnd.randint(-3, 3))))
    weekly = []
    monday = start - timedelta(days=start.weekday())
    while monday <= END:
        resp, res = rnd.randint(20, 60), rnd.randint(15, 50)
        weekly.append(
            WeeklyCompliance(
                monday, int(resp * rnd.uniform(0.7, 1)), resp, int(res * rnd.uniform(0.5, 1)), res
            )
        )
        monday += timedelta(days=7)
    if empty_week is not None:
        weekly[empty_week] = WeeklyCompliance(weekly[empty_week].week_start, 0, 0, 0, 0)
    return Series(daily, weekly)


def zeros(days: int) -> Series:
    start = END - timedelta(days=days - 1)
    daily = [DailyPoint(start + timedelta(days=i), 0, 0) for i in range(days)]
    weekly = [WeeklyCompliance(END - timedelta(days=7 * w), 0, 0, 0, 0) for w in (1, 0)]
    return Series(daily, weekly)


def chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    assert png.startswith(PNG_SIGNATURE)
    out, at = [], len(PNG_SIGNATURE)
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, data = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", png[at + 8 + length : at + 12 + length])
        assert zlib.crc32(kind + data) == crc
        out.append((kind, data))
        at += 12 + length
    return out


def ihdr(png: bytes) -> tuple[int, int, int, int]:
    """width, height, bit depth, colour type"""
    kind, data = chunks(png)[0]
    assert kind == b"IHDR"
    width, height, depth, colour = struct.unpack(">IIBB", data[:10])
    return width, height, depth, colour


def pixels(png: bytes) -> np.ndarray:
    """RGB as 0..255 integers."""
    return (imread(io.BytesIO(png), format="png")[:, :, :3] * 255).round().astype(int)


def share_of(img: np.ndarray, hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    return float(np.all(np.abs(img - rgb) <= 2, axis=2).mean())


def texts(fig: Figure) -> list[str]:
    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def test_png_of_the_phone_size() -> None:
    png = render_chart(series(30), EN)
    assert png.startswith(PNG_SIGNATURE)
    width, height, depth, colour = ihdr(png)
    assert (width, height) == (WIDTH_PX, HEIGHT_PX) == (1080, 1350)
    assert len(png) > 10_000
    # the image data inflates to exactly one filter byte + a row of pixels per line
    raw = zlib.decompress(b"".join(data for kind, data in chunks(png) if kind == b"IDAT"))
    channels = {2: 3, 6: 4}[colour]
    assert depth == 8
    assert len(raw) == height * (1 + width * channels)
    assert chunks(png)[-1][0] == b"IEND"


def test_chart_has_both_series_in_colour_and_differs_from_empty() -> None:
    full, empty = render_chart(series(30), EN), render_chart(zeros(30), EN)
    img, blank = pixels(full), pixels(empty)
    assert img.shape == (HEIGHT_PX, WIDTH_PX, 3)
    packed = img[:, :, 0] << 16 | img[:, :, 1] << 8 | img[:, :, 2]
    assert len(np.unique(packed)) > 50
    assert share_of(img, "#0072B2") > 0.01  # created bars / response line
    assert share_of(img, "#E69F00") > 0.01  # done bars
    assert share_of(img, "#D55E00") > 0.001  # resolution line
    assert share_of(blank, "#0072B2") == share_of(blank, "#E69F00") == 0
    assert share_of(blank, "#FFFFFF") > 0.95  # mostly white, but the texts are there
    assert share_of(blank, "#FFFFFF") < 1
    assert not np.array_equal(img, blank)


@pytest.mark.parametrize("days", [1, 7, 62, 63, 365])
def test_periods_render(days: int) -> None:
    png = render_chart(series(days), EN)
    assert ihdr(png)[:2] == (WIDTH_PX, HEIGHT_PX)
    assert len(png) > 10_000


@pytest.mark.parametrize("days", [7, 30, 365])
def test_russian_labels_render_without_warnings(days: int) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would raise
        png = render_chart(series(days, empty_week=1), RU)
        empty = render_chart(zeros(days), RU)
    assert png != empty
    fig = build_figure(series(days), RU)
    shown = texts(fig)
    for text in (RU.title, RU.per_day, RU.compliance, RU.created, RU.done, RU.response):
        assert text in shown
    fonts = {t.get_fontname() for t in fig.findobj(Text) if t.get_text()}
    assert fonts == {"DejaVu Sans"}


def test_a_year_renders_fast() -> None:
    year = series(365)
    render_chart(year, RU)  # warm the font cache
    best = math.inf
    for _ in range(3):
        started = time.perf_counter()
        render_chart(year, RU)
        best = min(best, time.perf_counter() - started)
    assert best < 1.0


@pytest.mark.parametrize("empty", [zeros(30), zeros(365), Series([], [])])
def test_nothing_to_show_gives_the_no_data_picture(empty: Series) -> None:
    fig = build_figure(empty, EN)
    assert fig.axes == []
    assert sorted(texts(fig)) == sorted([EN.title, EN.no_data])
    png = render_chart(empty, EN)
    assert ihdr(png)[:2] == (WIDTH_PX, HEIGHT_PX)
    assert png == render_chart(Series([], []), EN)


def test_a_panel_without_data_says_so_and_the_other_is_drawn() -> None:
    full = series(30)
    no_days = Series([DailyPoint(p.day, 0, 0) for p in full.daily], full.weekly)
    top, bottom = build_figure(no_days, EN).axes
    assert [t.get_text() for t in top.texts] == [EN.no_data]
    assert len(top.patches) == 0 and top.get_xticks().size == 0
    assert len(bottom.lines) == 2 and len(bottom.texts) == 0

    no_weeks = Series(full.daily, [WeeklyCompliance(w.week_start, 0, 0, 0, 0) for w in full.weekly])
    top, bottom = build_figure(no_weeks, EN).axes
    assert len(top.patches) == 60 and len(top.texts) == 0
    assert [t.get_text() for t in bottom.texts] == [EN.no_data]


def test_weeks_without_requests_are_gaps_not_zero() -> None:
    weeks = [
        WeeklyCompliance(date(2026, 11, 2), 9, 10, 3, 4),
        WeeklyCompliance(date(2026, 11, 9), 0, 0, 0, 0),
        WeeklyCompliance(date(2026, 11, 16), 0, 5, 0, 0),
        WeeklyCompliance(date(2026, 11, 23), 2, 2, 1, 1),
    ]
    days = [DailyPoint(date(2026, 11, 2) + timedelta(days=i), 1, 1) for i in range(22)]
    _, ax = build_figure(Series(days, weeks), EN).axes
    response, resolve = (np.asarray(line.get_ydata(), dtype=float).tolist() for line in ax.lines)
    assert response[0] == 90 and math.isnan(response[1]) and response[2:] == [0, 100]
    assert resolve[0] == 75 and math.isnan(resolve[1]) and math.isnan(resolve[2])
    assert resolve[3] == 100
    assert ax.get_ylim() == (0, 100)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["02.11", "09.11", "16.11", "23.11"]
    # each language writes its days its own way (Polish without the leading zero, Latvian
    # with a final dot)
    for language, first in (("pl", "2.11"), ("lv", "02.11."), ("uk", "02.11")):
        labels = dataclasses.replace(EN, language=language)
        _, other = build_figure(Series(days, weeks), labels).axes
        assert other.get_xticklabels()[0].get_text() == first
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == [EN.response, EN.resolve]


@pytest.mark.parametrize("days", [1, 2, 7, 8, 14, 30, 31, 45, 62, 90, 180, 365, 366, 400])
def test_date_ticks_are_few_dd_mm_and_end_on_the_last_day(days: int) -> None:
    data = series(days)
    top, bottom = build_figure(data, EN).axes
    for ax, last in ((top, data.daily[-1].day), (bottom, data.weekly[-1].week_start)):
        labels = [t.get_text() for t in ax.get_xticklabels()]
        assert 1 <= len(labels) <= 8
        assert all(re.fullmatch(r"\d\d\.\d\d", label) for label in labels)
        assert labels[-1] == last.strftime("%d.%m")
        assert len(set(labels)) == len(labels)


def test_every_word_comes_from_the_labels() -> None:
    for data in (series(30, empty_week=2), series(365)):
        allowed = set(astuple(RU))
        for text in texts(build_figure(data, RU)):
            assert text in allowed or re.fullmatch(r"\d\d\.\d\d|\d+%?", text), text


def test_legible_sizes() -> None:
    fig = build_figure(series(30), EN)
    fig.canvas.draw()
    sizes = {t.get_text(): float(t.get_fontsize()) for t in fig.findobj(Text) if t.get_text()}
    assert sizes[EN.title] >= 14 and sizes[EN.per_day] >= 14 and sizes[EN.compliance] >= 14
    for ax in fig.axes:
        legend = ax.get_legend()
        assert legend is not None
        for label in [*ax.get_xticklabels(), *ax.get_yticklabels(), *legend.get_texts()]:
            assert float(label.get_fontsize()) >= 12
    assert [ax.get_title(loc="left") for ax in fig.axes] == [EN.per_day, EN.compliance]


def test_long_periods_mirror_done_below_the_axis() -> None:
    top, _ = build_figure(series(365), EN).axes
    low, high = top.get_ylim()
    assert low < 0 < high
    labels = [t.get_text() for t in top.get_yticklabels()]
    assert labels and not any(label.startswith(("-", "−")) for label in labels)


def test_threads_render_the_same_picture() -> None:
    data = series(30)
    alone = render_chart(data, RU)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: render_chart(data, RU), range(4)))
    assert all(png == alone for png in results)


def test_pyplot_is_never_imported() -> None:
    code = (
        "import sys; from datetime import date;"
        "from bot.charts import ChartLabels, render_chart;"
        "from db.reports import DailyPoint, Series;"
        "render_chart(Series([DailyPoint(date(2026, 1, 1), 1, 1)], []), ChartLabels(*'abcdefgh'));"
        "assert 'matplotlib.pyplot' not in sys.modules"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60, cwd=root)
