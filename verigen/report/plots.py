"""The report's figures, drawn with matplotlib's Agg backend and returned as base64 PNG.

Each function takes the gathered ReportData and returns a Plot, or None when there is nothing to
draw. Labels that come from the store go through `_label`, so a `$` in a template name cannot
switch matplotlib into mathtext.
"""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from verigen.report.data import ReportData, per_template
from verigen.types import Status

KIND_COLORS = {"math": "#4c72b0", "code": "#dd8452"}
DPI = 96
MAX_STRATA_BARS = 40  # more strata than this are summed per template


@dataclass(frozen=True)
class Plot:
    id: str  # the figure's HTML id, e.g. "plot-pass-rate"
    title: str
    alt: str
    png_base64: str


def _label(text: str, limit: int = 40) -> str:
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("$", r"\$")


def _png(fig: Figure) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def pass_rate_heatmap(data: ReportData) -> Plot | None:
    """Pass rate of attempts per template x difficulty, with an `all` column and row."""
    if not data.cells:
        return None
    totals = per_template(data)
    names = list(totals)
    levels = sorted({level for _, level in data.cells})
    columns = [*map(str, levels), "all"]
    grid = np.full((len(names) + 1, len(columns)), np.nan)
    counts = np.zeros_like(grid)
    for (name, level), (n, passed) in data.cells.items():
        row, col = names.index(name), levels.index(level)
        grid[row, col], counts[row, col] = passed / n, n
    for row, name in enumerate(names):
        n, passed = totals[name]
        grid[row, -1], counts[row, -1] = passed / n, n
    for col, level in enumerate(levels):
        cells = [v for (_, lv), v in data.cells.items() if lv == level]
        n, passed = sum(c[0] for c in cells), sum(c[1] for c in cells)
        grid[-1, col], counts[-1, col] = passed / n, n
    grid[-1, -1], counts[-1, -1] = data.pass_rate, data.attempts
    rows = [f"{_label(name)} ({data.template_kinds.get(name, '?')})" for name in names] + ["all"]
    fig, ax = plt.subplots(figsize=(2.2 + 0.9 * len(columns), 1.2 + 0.32 * len(rows)))
    image = ax.imshow(np.ma.masked_invalid(grid), cmap="RdYlGn", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(columns)), columns)
    ax.set_yticks(range(len(rows)), rows, fontsize=8)
    ax.set_xlabel("difficulty")
    ax.axhline(len(names) - 0.5, color="black", lw=1)
    ax.axvline(len(levels) - 0.5, color="black", lw=1)
    compact = len(rows) > 40  # many templates: the percentage only, the counts are in the table
    for (row, col), value in np.ndenumerate(grid):
        if not math.isnan(value):
            text = f"{value:.0%}" if compact else f"{value:.0%}\nn={int(counts[row, col])}"
            ax.text(col, row, text, ha="center", va="center", fontsize=7)
    fig.colorbar(image, ax=ax, label="pass rate (attempts)", fraction=0.05)
    ax.set_title("Pass rate by template and difficulty")
    return Plot(
        "plot-pass-rate",
        "Pass rate by template and difficulty",
        "Heatmap of the pass rate per template and difficulty",
        _png(fig),
    )


def failure_types(data: ReportData) -> Plot | None:
    """Attempts per verdict other than pass, one bar per kind."""
    order = [s.value for s in Status if s is not Status.PASS]
    extra = sorted({s for c in data.statuses.values() for s in c} - {*order, Status.PASS.value})
    order += extra  # a status this version does not know is still shown
    kinds = sorted(data.statuses)
    if not any(data.statuses[k][s] for k in kinds for s in order):
        return None
    fig, ax = plt.subplots(figsize=(8, 0.9 + 0.35 * len(order)))
    height = 0.8 / max(len(kinds), 1)
    y = np.arange(len(order))
    for i, kind in enumerate(kinds):
        values = [data.statuses[kind][s] for s in order]
        bars = ax.barh(y + i * height, values, height, label=_label(kind), color=KIND_COLORS.get(kind))
        ax.bar_label(bars, [str(v) if v else "" for v in values], fontsize=7, padding=2)
    ax.set_yticks(y + height * (len(kinds) - 1) / 2, [_label(s) for s in order])
    ax.invert_yaxis()
    ax.set_xlabel("attempts")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(title="kind", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.set_title("Failure types (verdicts other than pass)")
    return Plot(
        "plot-failures", "Failure types", "Bar chart of attempts per failing verdict, by kind", _png(fig)
    )


def response_lengths(data: ReportData) -> Plot | None:
    """Histograms of chosen and rejected response lengths in characters."""
    chosen, rejected = data.lengths.get("chosen", []), data.lengths.get("rejected", [])
    if not chosen and not rejected:
        return None
    values = chosen + rejected
    bins = np.histogram_bin_edges(values, bins=min(40, max(5, len(set(values)))))
    fig, ax = plt.subplots(figsize=(8, 3.6))
    for name, lengths, color in (("chosen", chosen, "#55a868"), ("rejected", rejected, "#c44e52")):
        if lengths:
            median = int(np.median(lengths))
            ax.hist(
                lengths,
                bins=bins,
                alpha=0.55,
                color=color,
                label=f"{name} (n={len(lengths)}, median {median})",
            )
    ax.set_xlabel("response length (characters)")
    ax.set_ylabel("responses")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend()
    source = (
        "DPO pairs of the export" if data.lengths_source == "export" else "passes vs model failures (store)"
    )
    ax.set_title(f"Response lengths: chosen vs rejected ({source})")
    return Plot(
        "plot-lengths",
        f"Response lengths, chosen vs rejected: {source}",
        "Histograms of chosen and rejected response lengths",
        _png(fig),
    )


def throughput(data: ReportData) -> Plot | None:
    """Attempts per minute over the run, with the cumulative pass rate."""
    if not data.times:
        return None
    span = data.duration_s
    width = 60.0 * max(1, math.ceil(span / 60.0 / 120))  # at most ~120 bins
    edges = np.arange(0.0, span + width, width) if span > 0 else np.array([0.0, width])
    offsets = np.array(data.times) - data.times[0]
    counts, _ = np.histogram(offsets, bins=edges)
    fig, ax = plt.subplots(figsize=(8, 3.4))
    ax.bar(edges[:-1] / 60.0, counts * 60.0 / width, width=width / 60.0, align="edge", color="#4c72b0")
    ax.set_xlabel("minutes since the first attempt")
    ax.set_ylabel("attempts per minute")
    ax.set_title(f"Throughput ({len(data.times)} attempts over {span / 60.0:.1f} min)")
    return Plot(
        "plot-throughput", "Throughput over time", "Bar chart of attempts per minute over time", _png(fig)
    )


def teacher_tokens(data: ReportData) -> Plot | None:
    """Prompt and completion token totals, stacked by kind."""
    kinds = sorted(set(data.prompt_tokens) | set(data.completion_tokens))
    if not any(data.prompt_tokens[k] + data.completion_tokens[k] for k in kinds):
        return None
    fig, ax = plt.subplots(figsize=(6, 3.2))
    bottom = np.zeros(2)
    for kind in kinds:
        values = np.array([data.prompt_tokens[kind], data.completion_tokens[kind]], dtype=float)
        ax.bar(
            ["prompt", "completion"], values, bottom=bottom, label=_label(kind), color=KIND_COLORS.get(kind)
        )
        bottom += values
    for x, total in enumerate(bottom):
        ax.text(x, total, f"{int(total):,}", ha="center", va="bottom", fontsize=8)
    ax.set_ylabel("tokens")
    ax.legend(title="kind")
    ax.set_title("Teacher tokens")
    return Plot("plot-tokens", "Teacher tokens", "Bar chart of prompt and completion token totals", _png(fig))


def requested_vs_produced(data: ReportData) -> Plot | None:
    """Per template: problems requested by the plan, produced, and solved at least once."""
    if not data.strata:
        return None
    per_stratum = len(data.strata) <= MAX_STRATA_BARS
    totals: dict[str, list[int]] = {}
    for s in data.strata:
        key = f"{_label(s.template)} d{s.difficulty}" if per_stratum else _label(s.template)
        row = totals.setdefault(key, [0, 0, 0])
        row[0] += s.requested or 0
        row[1] += s.produced
        row[2] += s.solved
    names = list(totals)
    y = np.arange(len(names))
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.42 * len(names)))
    series: list[tuple[str, int, str]] = [("produced", 1, "#4c72b0"), ("solved", 2, "#55a868")]
    if any(s.requested is not None for s in data.strata):
        series.insert(0, ("requested", 0, "#8c8c8c"))
    height = 0.8 / len(series)
    for i, (name, col, color) in enumerate(series):
        ax.barh(y + i * height, [totals[t][col] for t in names], height, label=name, color=color)
    ax.set_yticks(y + height * (len(series) - 1) / 2, names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("problems")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    where = "per stratum (template, difficulty)" if per_stratum else "per template (difficulties summed)"
    ax.set_title(f"Requested vs produced {where}")
    return Plot(
        "plot-strata",
        "Requested vs produced per stratum",
        "Bar chart of requested, produced and solved problems per template",
        _png(fig),
    )


def curation(data: ReportData) -> Plot | None:
    """What each curation stage removed, stacked by reason."""
    if not data.curation:
        return None
    stages = data.curation
    reasons = sorted({r for s in stages for r in s.reasons})
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.5 * len(stages)))
    y = np.arange(len(stages))
    left = np.zeros(len(stages))
    colors: Any = plt.get_cmap("tab20")
    for i, reason in enumerate(reasons):
        values = np.array([s.reasons.get(reason, 0) for s in stages], dtype=float)
        ax.barh(y, values, left=left, label=_label(reason), color=colors(i % 20))
        left += values
    other = np.array([max(s.removed - sum(s.reasons.values()), 0) for s in stages], dtype=float)
    if other.any():
        ax.barh(y, other, left=left, label="(no reason given)", color="#bbbbbb")
        left += other
    for row, stage in enumerate(stages):
        kept = "" if stage.kept is None else f", kept {stage.kept}"
        ax.text(left[row], row, f" removed {stage.removed}{kept}", va="center", fontsize=8)
    ax.set_yticks(y, [_label(s.name + (f" ({s.unit})" if s.unit else "")) for s in stages])
    ax.invert_yaxis()
    ax.set_xlabel("removed (in each stage's unit)")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(x=0.25)
    if reasons or other.any():
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.set_title("What each curation stage removed")
    return Plot("plot-curation", "Curation stages", "Bar chart of rows removed per curation stage", _png(fig))


PLOTS: tuple[tuple[str, Callable[[ReportData], Plot | None], str], ...] = (
    ("plot-pass-rate", pass_rate_heatmap, "No attempts yet."),
    ("plot-failures", failure_types, "No failing attempts."),
    ("plot-lengths", response_lengths, "No chosen or rejected responses."),
    ("plot-throughput", throughput, "No attempts yet."),
    ("plot-tokens", teacher_tokens, "No teacher tokens recorded."),
    ("plot-strata", requested_vs_produced, "No problems planned."),
    ("plot-curation", curation, "No curation report (curation.json) in the export."),
)


def draw_all(data: ReportData) -> list[tuple[str, Plot | None, str]]:
    """(id, plot or None, note shown when there is no plot) for every figure, in page order."""
    with plt.rc_context({"font.size": 9, "axes.spines.top": False, "axes.spines.right": False}):
        return [(plot_id, draw(data), empty) for plot_id, draw, empty in PLOTS]
