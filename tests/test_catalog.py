"""The library, measured: the checked-in gallery is current, prompts do not repeat (or the template
says its space is small), and `verigen problems` is diverse and reproducible."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from verigen.catalog import measure, render_gallery
from verigen.templates import DIFFICULTIES, all_templates

ROOT = Path(__file__).parent.parent
VERIGEN = [sys.executable, "-m", "verigen.cli"]


def test_gallery_is_current() -> None:
    checked_in = (ROOT / "problem_templates" / "GALLERY.md").read_text()
    assert checked_in == render_gallery(all_templates()), (
        "problem_templates/GALLERY.md is stale: run "
        "`verigen templates gallery --out problem_templates/GALLERY.md`"
    )


def test_no_template_repeats_a_prompt_unless_it_says_so() -> None:
    # The full 10,000-draw check is `verigen templates diversity` (minutes); 100 draws per
    # template (20 per difficulty) catches a template whose prompt space is tiny.
    rows = measure(all_templates(), draws=100, seed=3)
    flagged = [(r.template, r.distinct) for r in rows if r.flagged]
    assert flagged == []
    for row in rows:
        if row.small_space is None:
            assert row.distinct == 100


def test_problems_are_diverse_complete_and_reproducible(tmp_path: Path) -> None:
    paths = {name: tmp_path / f"{name}.jsonl" for name in ("a", "b", "c")}
    for name, seed, count in (("a", "3", "5000"), ("b", "3", "5000"), ("c", "4", "300")):
        args = [*VERIGEN, "problems", "--count", count, "--seed", seed, "--out", str(paths[name])]
        assert subprocess.run(args, capture_output=True).returncode == 0
    a, b, c = (paths[n].read_text() for n in ("a", "b", "c"))
    assert a == b
    rows = [json.loads(line) for line in a.splitlines()]
    other = {json.loads(line)["prompt"] for line in c.splitlines()}
    assert len(other & {r["prompt"] for r in rows}) / len(other) < 0.05
    assert len(rows) == 5000
    assert len({r["prompt"] for r in rows}) / len(rows) >= 0.99
    assert {r["difficulty"] for r in rows} == set(DIFFICULTIES)
    assert {r["template"] for r in rows} == {t.name for t in all_templates()}
