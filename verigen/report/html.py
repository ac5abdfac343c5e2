"""Assemble the report as one self-contained HTML page: inline CSS, PNGs as data: URIs, no JS.

Every string that reaches the page from the store or the export (template names, prompts, model
output, curation examples, the teacher's name) goes through `_e`. A Content-Security-Policy meta
tag is a second layer: the page may load nothing from anywhere and may run no script.
"""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime

from verigen import __version__
from verigen.report.data import ReportData, per_template
from verigen.report.plots import Plot
from verigen.report.summary import ReportSummary

MAX_MATCHES = 20  # decontamination matches listed in the page
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

CSS = """
body { font-family: system-ui, -apple-system, Segoe UI, Roboto, sans-serif; margin: 2rem auto;
       max-width: 1100px; padding: 0 1rem; color: #222; line-height: 1.4; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0 2rem; } figure img { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: 0.9rem; } .empty { color: #777; font-style: italic; }
.warn { background: #fff4e5; border-left: 4px solid #f0a020; padding: 0.4rem 0.8rem; }
pre { background: #f7f7f7; padding: 0.6rem; white-space: pre-wrap; word-break: break-word;
      max-height: 22rem; overflow: auto; font-size: 0.8rem; }
details { margin: 0.4rem 0; } summary { cursor: pointer; }
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _table(header: list[str] | None, rows: list[list[object]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    head = "<thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in header) + "</tr></thead>" if header else ""
    body = "".join(
        "<tr>"
        + "".join(f"<td{' class=num' if i in numeric else ''}>{_e(v)}</td>" for i, v in enumerate(r))
        + "</tr>"
        for r in rows
    )
    return f"<table>{head}<tbody>{body}</tbody></table>"


def _figure(plot_id: str, plot: Plot | None, empty: str) -> str:
    if plot is None:
        return f'<figure id="fig-{_e(plot_id)}"><p class="empty">{_e(empty)}</p></figure>'
    return (
        f'<figure id="fig-{_e(plot.id)}"><img id="{_e(plot.id)}" alt="{_e(plot.alt)}" '
        f'src="data:image/png;base64,{plot.png_base64}"><figcaption>{_e(plot.title)}</figcaption></figure>'
    )


def _templates_section(data: ReportData) -> str:
    strata: dict[str, list[int]] = {}
    for s in data.strata:
        row = strata.setdefault(s.template, [0, 0, 0])
        row[0] += s.requested or 0
        row[1] += s.produced
        row[2] += s.solved
    totals = per_template(data)
    rows: list[list[object]] = []
    for name in sorted(set(strata) | set(totals)):
        attempts, passed = totals.get(name, [0, 0])
        requested, produced, solved = strata.get(name, [0, 0, 0])
        rate = f"{passed / attempts:.1%}" if attempts else "-"
        kind = data.template_kinds.get(name, "?")
        rows.append([name, kind, requested, produced, solved, attempts, passed, rate])
    header = ["template", "kind", "requested", "produced", "solved", "attempts", "passes", "pass rate"]
    unmet = [s for s in data.strata if s.requested is not None and s.produced < s.requested]
    note = ""
    if unmet:
        items = "".join(
            f"<li>{_e(s.template)} difficulty {s.difficulty}: requested {s.requested}, "
            f"produced {s.produced}</li>"
            for s in unmet
        )
        note = f'<div class="warn">Strata short of their plan:<ul>{items}</ul></div>'
    return f"<h2>Templates</h2>{note}{_table(header, rows, {2, 3, 4, 5, 6})}"


def _compact(value: object, limit: int = 160) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _curation_section(data: ReportData) -> str:
    if data.curation is None:
        return ""
    rows: list[list[object]] = []
    for st in data.curation:
        reasons = ", ".join(f"{k}: {v}" for k, v in sorted(st.reasons.items())) or "-"
        kept = "-" if st.kept is None else st.kept
        rows.append(
            [st.name, st.unit or "-", kept, st.removed, reasons, _compact(st.stats) if st.stats else ""]
        )
    header = ["stage", "unit", "kept", "removed", "reasons", "stats"]
    parts = ["<h3>Curation stages</h3>", _table(header, rows, {2, 3})]
    for st in data.curation:
        if st.examples:
            summary = f"{_e(st.name)}: examples of what was removed"
            parts.append(
                f"<details><summary>{summary}</summary><pre>{_e(chr(10).join(st.examples))}</pre></details>"
            )
    if data.decontamination:
        shown = data.decontamination[:MAX_MATCHES]
        keys = list(dict.fromkeys(k for m in shown for k in m))
        match_rows = [
            [m.get(k, "") if isinstance(m.get(k), str | int) else _compact(m.get(k)) for k in keys]
            for m in shown
        ]
        more = len(data.decontamination) - len(shown)
        hidden = f" ({more} not shown)" if more > 0 else ""
        note = f"<p>{len(data.decontamination)} benchmark matches{hidden}.</p>"
        parts += ["<h3>Decontamination matches</h3>", note, _table(keys, match_rows)]
    if data.curation_lengths:
        length_rows = [[k, _compact(v, 400)] for k, v in sorted(data.curation_lengths.items())]
        parts += ["<h3>Lengths after curation</h3>", _table(["", "statistics"], length_rows)]
    return "".join(parts)


def _examples_section(data: ReportData) -> str:
    if not data.examples:
        return ""
    parts = ["<h2>Examples</h2><p>The first attempt with each verdict (truncated).</p>"]
    for ex in data.examples:
        extracted = "" if ex.extracted is None else f" &middot; extracted <code>{_e(ex.extracted)}</code>"
        parts.append(
            f'<details class="example" id="example-{_e(ex.status)}"><summary><b>{_e(ex.status)}</b> '
            f"&middot; {_e(ex.template)} difficulty {ex.difficulty} &middot; problem {_e(ex.problem_id)} "
            f"sample {ex.sample_index}</summary><p>{_e(ex.detail)}{extracted}</p>"
            f"<h4>Prompt</h4><pre>{_e(ex.prompt)}</pre><h4>Response</h4><pre>{_e(ex.response)}</pre></details>"
        )
    return "".join(parts)


def _verdicts_table(data: ReportData) -> str:
    kinds = sorted(data.statuses)
    statuses = sorted({s for c in data.statuses.values() for s in c})
    rows: list[list[object]] = [[s, *(data.statuses[k][s] for k in kinds)] for s in statuses]
    return _table(["verdict", *kinds], rows, set(range(1, len(kinds) + 1)))


def render_html(data: ReportData, summary: ReportSummary, plots: list[tuple[str, Plot | None, str]]) -> str:
    """The whole page as one string."""
    title = f"verigen run report: {data.run_dir.name}"
    figures = {plot_id: _figure(plot_id, plot, empty) for plot_id, plot, empty in plots}
    warnings = "".join(f'<p class="warn">{_e(w)}</p>' for w in data.warnings)
    headline = _table(None, [[label, value] for label, value in summary.rows()])
    export = f"<p>Export: <code>{_e(data.export_dir)}</code></p>" if data.export_dir else ""
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title><style>{CSS}</style></head>
<body>
<h1>{_e(title)}</h1>
<p>Run <code>{_e(data.run_dir)}</code> &middot; verigen {_e(data.manifest.get("verigen_version", "?"))}
(report by {_e(__version__)}, {generated})</p>{export}
{warnings}
<h2>Headline</h2>
<div id="headline">{headline}</div>
<h2>Pass rate</h2>
{figures["plot-pass-rate"]}
<h2>Verdicts</h2>
{_verdicts_table(data)}
{figures["plot-failures"]}
<h2>Responses</h2>
{figures["plot-lengths"]}
<h2>Throughput and cost</h2>
{figures["plot-throughput"]}
{figures["plot-tokens"]}
<h2>Plan</h2>
{figures["plot-strata"]}
<h2>Curation</h2>
{figures["plot-curation"]}
{_curation_section(data)}
{_templates_section(data)}
{_examples_section(data)}
</body></html>
"""
