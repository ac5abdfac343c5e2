"""The run report: a real store with planted attempts, rendered to one self-contained HTML page."""

from __future__ import annotations

import base64
import dataclasses
import json
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from verigen.export import export_run
from verigen.report import build_report, summarize
from verigen.store import RunStore
from verigen.templates import get_template
from verigen.types import Attempt, Completion, Status, Verdict

HOSTILE = "<script>alert(1)</script>"
EVIL_TEMPLATE = "<b>evil</b> $x^2$"
PLOT_IDS = (
    "plot-pass-rate",
    "plot-failures",
    "plot-lengths",
    "plot-throughput",
    "plot-tokens",
    "plot-strata",
)
T0 = 1_700_000_000.0

# (problem number, sample index, status, response, seconds after T0)
WHY = "First move every term to one side, then divide both sides by the coefficient and simplify."
PLANTED = [
    (0, 0, Status.PASS, f"{WHY} So $x = 1/3$, and the answer is \\boxed{{\\frac{{1}}{{3}}}}.", 0),
    (0, 1, Status.WRONG_ANSWER, f"{WHY} I think {HOSTILE} so the answer is \\boxed{{7}}.", 30),
    (1, 0, Status.PASS, f"{WHY} Checking it again gives \\boxed{{2}}.", 65),
    (1, 1, Status.UNVERIFIED, f"{WHY} \\boxed{{2^{{2^{{2^{{2}}}}}}}}", 90),
    (2, 0, Status.NO_ANSWER, "no idea", 130),
    (2, 1, Status.INFRA_ERROR, "", 200),
    (3, 0, Status.PASS, "Use a dict.\n```python\ndef two_sum_indices(a, t):\n    return None\n```", 260),
    (3, 1, Status.SYNTAX_ERROR, "Here:\n```python\ndef two_sum_indices(a, t)\n    return (\n```", 330),
    (4, 0, Status.TIMEOUT, "Loop:\n```python\ndef two_sum_indices(a, t):\n    while True: pass\n```", 420),
    (4, 1, Status.PASS, "Scan:\n```python\ndef two_sum_indices(a, t):\n    return (0, 1)\n```", 480),
    (5, 0, Status.PASS, f"{WHY} Both numbers share no factor: \\boxed{{1}}.", 540),
    (5, 1, Status.PASS, f"{WHY} Their greatest common divisor is \\boxed{{1}}.", 600),
]
# passes 6 of 12; problems with a pass and a model failure (wrong_answer, syntax_error, timeout):
# 0, 3, 4 -> 3 DPO pairs; solved problems: 0, 1, 3, 4, 5.


def make_run(run_dir: Path) -> list[str]:
    problems = [
        get_template("linear_equation").sample(11, 0, 1),
        get_template("linear_equation").sample(11, 1, 2),
        get_template("gcd_lcm").sample(11, 2, 3),
        get_template("two_sum_indices").sample(11, 3, 1),
        get_template("two_sum_indices").sample(11, 4, 2),
    ]
    # A template name from the store is untrusted too: it must be escaped and must not break
    # matplotlib (a `$` would switch it to mathtext).
    problems.append(dataclasses.replace(get_template("gcd_lcm").sample(11, 5, 1), template=EVIL_TEMPLATE))
    requested = [["linear_equation", 1, 1], ["linear_equation", 2, 1], ["gcd_lcm", 3, 2]]
    requested += [["two_sum_indices", 1, 1], ["two_sum_indices", 2, 1], [EVIL_TEMPLATE, 1, 1]]
    with RunStore(run_dir) as store:
        store.set_manifest(
            {
                "config": {"seed": 11, "samples": 2},
                "teacher_model": "teacher-y",
                "verigen_version": "0.1.0",
                "requested": requested,
            }
        )
        store.add_problems(problems)
        store.add_attempts(
            [
                Attempt(
                    problems[i].id,
                    k,
                    Completion(text, "stop", 100 + i, 10 * (k + 1), "teacher-y"),
                    Verdict(status, None, f"detail {status.value}"),
                )
                for i, k, status, text, _ in PLANTED
            ]
        )
    with sqlite3.connect(run_dir / "run.sqlite") as db:  # spread the attempts over ten minutes
        for i, k, _, _, offset in PLANTED:
            db.execute(
                "UPDATE attempts SET created_at = ? WHERE problem_id = ? AND sample_index = ?",
                (T0 + offset, problems[i].id, k),
            )
    return [p.id for p in problems]


def _images(page: str) -> dict[str, bytes]:
    found = re.findall(r'<img id="([\w-]+)" alt="[^"]+" src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    return {plot_id: base64.b64decode(data) for plot_id, data in found}


def _assert_self_contained(page: str) -> None:
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"<(script|link|iframe|object|embed)\b", page, re.I)
    assert "url(" not in page and "@import" not in page
    assert "Content-Security-Policy" in page


def test_report_is_self_contained_with_every_plot(tmp_path: Path) -> None:
    run = tmp_path / "run"
    make_run(run)
    summary = build_report(run)
    assert summary.out_path == run / "report.html"
    page = (run / "report.html").read_text()
    _assert_self_contained(page)
    images = _images(page)
    assert set(PLOT_IDS) <= set(images)
    assert all(png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2000 for png in images.values())
    # No export: no curation figure, and a note saying so instead.
    assert "plot-curation" not in images and 'id="fig-plot-curation"' in page


def test_headline_numbers_match_the_planted_run(tmp_path: Path) -> None:
    run = tmp_path / "run"
    make_run(run)
    summary = build_report(run)
    assert (summary.problems, summary.solved, summary.attempts, summary.passes) == (6, 5, 12, 6)
    assert summary.pass_rate == pytest.approx(0.5)
    assert (summary.sft_rows, summary.dpo_pairs, summary.rows_source) == (6, 3, "store")
    assert summary.prompt_tokens == sum(100 + i for i, *_ in PLANTED)
    assert summary.completion_tokens == sum(10 * (k + 1) for _, k, *_ in PLANTED)
    assert summary.duration_s == pytest.approx(600)
    assert (summary.teacher_model, summary.seed) == ("teacher-y", 11)
    assert summary.verdicts["pass"] == 6 and summary.verdicts["infra_error"] == 1

    headline = (run / "report.html").read_text().split('id="headline"')[1].split("</div>")[0]
    for text in (
        "6 (5 solved at least once)",
        "50.0% (6 of 12 attempts)",
        "3 (before curation)",
        "10m 00s",
        "teacher-y",
        ">11<",
    ):
        assert text in headline
    text = summary.text()
    assert "50.0%" in text and "teacher-y" in text and "report.html" in text
    assert summary.markdown().startswith("| | |") and "50.0% (6 of 12 attempts)" in summary.markdown()
    assert summarize(run).attempts == 12


def test_untrusted_strings_are_escaped(tmp_path: Path) -> None:
    run = tmp_path / "run"
    make_run(run)
    build_report(run)
    page = (run / "report.html").read_text()
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown, as text, in the examples
    assert "<b>evil</b>" not in page and "&lt;b&gt;evil&lt;/b&gt;" in page
    # The short stratum (gcd_lcm difficulty 3: requested 2, produced 1) is called out.
    assert "gcd_lcm difficulty 3: requested 2, produced 1" in page


def test_report_with_an_export_and_its_curation(tmp_path: Path) -> None:
    run, out = tmp_path / "run", tmp_path / "export"
    make_run(run)
    export_run(run, out)
    summary = build_report(run, tmp_path / "elsewhere" / "r.html", export_dir=out)
    assert summary.out_path == tmp_path / "elsewhere" / "r.html"
    counts = json.loads((out / "counts.json").read_text())
    assert (summary.sft_rows, summary.dpo_pairs) == (counts["sft_rows"], counts["dpo_rows"])
    assert summary.rows_source == "export"
    page = summary.out_path.read_text()
    _assert_self_contained(page)
    assert {*PLOT_IDS, "plot-curation"} <= set(_images(page))  # drawn from the export's curation.json
    # Lengths come from the exported pairs, or from the store when curation left no pair.
    source = "DPO pairs of the export" if counts["dpo_rows"] else "passes vs model failures (store)"
    assert f"chosen vs rejected: {source}</figcaption>" in page
    for stage in json.loads((out / "curation.json").read_text())["stages"]:
        assert f"<td>{stage['name']}</td>" in page


def test_curation_examples_are_escaped_whatever_their_shape(tmp_path: Path) -> None:
    run, out = tmp_path / "run", tmp_path / "export"
    make_run(run)
    export_run(run, out)
    curation = {
        "stages": [
            {"name": "dedup", "kept": 5, "removed": 1, "reasons": {"exact": 1}, "examples": [HOSTILE]},
            {
                "name": "decontamination",
                "unit": "problems",
                "kept": 4,
                "removed": 1,
                "reasons": {"ngram:gsm8k": 1},
                "examples": {"ngram:gsm8k": [{"id": "p1", "match": "<i>13-gram</i>"}]},
            },
        ],
        "decontamination": [{"problem_id": "p1", "benchmark": "gsm8k", "ngram": "<u>shared</u>"}],
        "length": {"max_chars": 4000},
    }
    (out / "curation.json").write_text(json.dumps(curation))
    page = build_report(run, export_dir=out).out_path.read_text()
    assert "plot-curation" in _images(page)
    assert "decontamination" in page and "ngram:gsm8k: 1" in page and "max_chars" in page
    assert HOSTILE not in page and "<i>13-gram</i>" not in page and "&lt;i&gt;13-gram" in page
    assert "<u>shared</u>" not in page and "&lt;u&gt;shared&lt;/u&gt;" in page


def test_a_broken_curation_file_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    run, out = tmp_path / "run", tmp_path / "export"
    make_run(run)
    export_run(run, out)
    (out / "curation.json").write_text("{not json")
    summary = build_report(run, export_dir=out)
    page = summary.out_path.read_text()
    assert "curation.json could not be read" in page
    assert "plot-curation" not in _images(page)


def test_an_empty_run_still_renders(tmp_path: Path) -> None:
    run = tmp_path / "run"
    with RunStore(run) as store:
        store.set_manifest({"config": {"seed": 0}})
    summary = build_report(run)
    assert (summary.problems, summary.attempts, summary.pass_rate) == (0, 0, 0.0)
    page = summary.out_path.read_text()
    _assert_self_contained(page)
    assert _images(page) == {} and "No attempts yet." in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (not installed in CI)")
def test_report_screenshot_in_headless_chromium(tmp_path: Path) -> None:
    run = tmp_path / "run"
    make_run(run)
    summary = build_report(run)
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--screenshot={shot}",
            "--window-size=1280,4000",
            summary.out_path.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert shot.read_bytes().startswith(b"\x89PNG")
