"""The run report: one self-contained HTML page of plots and tables about a run (and its export).

    summary = build_report(run_dir, export_dir=export_dir)
    print(summary.text())

`gather` (data.py) reads the numbers, `plots.py` draws them, `html.py` assembles the page.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from verigen.report.data import ReportData, gather
from verigen.report.summary import ReportSummary

REPORT_FILENAME = "report.html"

__all__ = ["REPORT_FILENAME", "ReportData", "ReportSummary", "build_report", "gather", "summarize"]


def summarize(run_dir: Path, export_dir: Path | None = None) -> ReportSummary:
    """The headline numbers only (no plots, no file): for a dataset card or the CLI."""
    return ReportSummary.from_data(gather(Path(run_dir), export_dir))


def build_report(
    run_dir: Path, out_path: Path | None = None, export_dir: Path | None = None
) -> ReportSummary:
    """Write the HTML report (default `run_dir/report.html`) atomically; return its headline numbers.

    With `export_dir`, row counts and chosen/rejected lengths come from the export's files and the
    curation stages from its `curation.json` (when present); otherwise from the store.
    """
    from verigen.report.html import render_html
    from verigen.report.plots import draw_all

    run_dir = Path(run_dir)
    out_path = Path(out_path) if out_path is not None else run_dir / REPORT_FILENAME
    data = gather(run_dir, Path(export_dir) if export_dir is not None else None)
    summary = ReportSummary.from_data(data, out_path)
    page = render_html(data, summary, draw_all(data))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out_path.name}.", dir=out_path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(page)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a report is for reading
        os.replace(tmp, out_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return summary
