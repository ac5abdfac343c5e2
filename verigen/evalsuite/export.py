"""Write a frozen eval suite folder (datasets, parquet, JSONL, suite.json, card) and read it back."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from verigen import __version__
from verigen.errors import InputFileError, VerigenError
from verigen.evalsuite.select import Exclude, Selection, Source, select_problems
from verigen.math.batch import DEFAULT_DEADLINE
from verigen.types import Problem

SUITE_FORMAT = 1


@dataclass(frozen=True)
class EvalSuiteResult:
    out_dir: Path
    problems: int
    strata: dict[tuple[str, int], int]
    selection: Selection
    fingerprint: str


def _row(problem: Problem, math_deadline: float, code_timeout: float | None) -> dict[str, Any]:
    answer = problem.answer
    if problem.kind == "math":
        checker: dict[str, Any] = {"deadline": math_deadline}
    else:
        checker = {"timeout": code_timeout or answer.get("timeout"), "compare": answer.get("compare")}
    return {
        "id": problem.id,
        "template": problem.template,
        "template_version": problem.template_version,
        "kind": problem.kind,
        "difficulty": problem.difficulty,
        "seed": problem.seed,
        "index": problem.index,
        "prompt": problem.prompt,
        "messages": [{"role": "user", "content": problem.prompt}],
        "answer": json.dumps(answer, sort_keys=True),
        "gold_latex": answer.get("latex", "") if problem.kind == "math" else "",
        "entry_point": (answer.get("entry_point") or "") if problem.kind == "code" else "",
        "test_style": answer.get("style", "") if problem.kind == "code" else "",
        "checker": json.dumps(checker, sort_keys=True),
        "metadata": json.dumps(problem.metadata, sort_keys=True),
    }


def export_eval_suite(
    source: Source,
    out_dir: Path,
    *,
    exclude: Exclude = None,
    math_deadline: float = DEFAULT_DEADLINE,
    code_timeout: float | None = None,
    name: str = "verigen-eval",
) -> EvalSuiteResult:
    """Write a frozen suite to `out_dir` (replaced whole, atomically). `exclude` is a predicate on
    problems or a collection of problem ids (decontamination hooks in here)."""
    from datasets import Dataset, disable_progress_bars

    disable_progress_bars()

    selection = select_problems(source, exclude)
    if not selection.problems:
        raise VerigenError("the eval suite would be empty (every problem was excluded)")
    rows = [_row(p, math_deadline, code_timeout) for p in selection.problems]
    jsonl = "".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows)
    fingerprint = hashlib.sha256(jsonl.encode()).hexdigest()
    strata = dict(sorted(Counter((p.template, p.difficulty) for p in selection.problems).items()))
    manifest = {
        "format": SUITE_FORMAT,
        "name": name,
        "verigen_version": __version__,
        "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "problems": len(rows),
        "math_deadline": math_deadline,
        "code_timeout": code_timeout,
        "templates": dict(sorted({p.template: p.template_version for p in selection.problems}.items())),
        "strata": [[t, d, n] for (t, d), n in strata.items()],
        "excluded": selection.excluded,
        "duplicates": selection.duplicates,
        "redrawn": selection.redrawn,
        "shortfall": [[t, d, n] for (t, d), n in sorted(selection.shortfall.items())],
        "fingerprint": fingerprint,
    }
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        dataset = Dataset.from_list(rows)
        dataset.save_to_disk(str(staging / "eval"))
        dataset.to_parquet(str(staging / "eval.parquet"))
        (staging / "eval.jsonl").write_text(jsonl, encoding="utf-8")
        (staging / "suite.json").write_text(json.dumps(manifest, indent=2) + "\n")
        (staging / "README.md").write_text(eval_card(manifest))
        old = out_dir.with_name(f".{out_dir.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if out_dir.exists():
            out_dir.rename(old)
        staging.rename(out_dir)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return EvalSuiteResult(out_dir, len(rows), strata, selection, fingerprint)


def eval_card(manifest: dict[str, Any], front_matter: bool = True) -> str:
    """The suite's dataset card (Markdown)."""
    strata = "\n".join(f"| {t} | {d} | {n} |" for t, d, n in manifest["strata"])
    versions = ", ".join(f"{t} v{v}" for t, v in manifest["templates"].items())
    code_timeout = manifest["code_timeout"] or "each problem's own limit (`checker.timeout`)"
    head = "---\ntags: [eval, verified, verigen]\nconfigs:\n- config_name: eval\n  data_files:\n"
    head += "  - split: test\n    path: eval.parquet\n---\n"
    return f"""{head if front_matter else ""}# {manifest["name"]}

A frozen eval suite made by verigen {manifest["verigen_version"]}: {manifest["problems"]} problems
whose answers were computed by their templates (math: `answer` holds the structured gold and
`gold_latex` its LaTeX; code: `answer` holds the hidden tests and comparison settings).

Grade a model's responses (JSONL lines `{{"id", "response"}}`) with verigen's own checkers:
`verigen eval-suite grade SUITE_DIR PREDICTIONS.jsonl` (code problems need Docker).

Checker settings: math deadline {manifest["math_deadline"]} s per answer; code timeout
{code_timeout}. Template versions: {versions}. Fingerprint of `eval.jsonl` (sha256):
`{manifest["fingerprint"]}`.

Excluded before freezing: {manifest["excluded"]} (decontamination), {manifest["duplicates"]}
duplicate prompts; {manifest["redrawn"]} replacement draws kept the strata's counts.

| template | difficulty | problems |
|---|---|---|
{strata}
"""


def load_eval_suite(suite_dir: Path) -> tuple[dict[str, Any], list[Problem]]:
    """(suite.json, problems) of a suite folder; refuses a suite whose eval.jsonl was changed."""
    suite_dir = Path(suite_dir)
    try:
        manifest = json.loads((suite_dir / "suite.json").read_text())
        raw = (suite_dir / "eval.jsonl").read_bytes()
    except (OSError, ValueError) as exc:
        raise InputFileError(f"{suite_dir} is not an eval suite: {exc}") from None
    if hashlib.sha256(raw).hexdigest() != manifest.get("fingerprint"):
        raise InputFileError(f"{suite_dir / 'eval.jsonl'} does not match the fingerprint in suite.json")
    problems = []
    for line in raw.decode().splitlines():
        row = json.loads(line)
        fields = ("id", "template", "template_version", "kind", "seed", "index", "difficulty", "prompt")
        problems.append(
            Problem(
                **{k: row[k] for k in fields},
                answer=json.loads(row["answer"]),
                metadata=json.loads(row["metadata"]),
            )
        )
    return manifest, problems
