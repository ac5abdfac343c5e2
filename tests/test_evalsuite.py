"""Frozen eval suites: stratified export, loading with `datasets`, decontamination, grading."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from datasets import load_from_disk

from verigen.config import build_config
from verigen.errors import InputFileError, VerigenError
from verigen.evalsuite import (
    excluding_runs,
    export_eval_suite,
    grade_eval_suite,
    load_eval_suite,
    select_problems,
)
from verigen.plan import plan_problems
from verigen.templates import get_template

MATH = {
    "count": 24,
    "seed": 5,
    "templates": ["linear_equation", "gcd_lcm", "fraction_arithmetic", "solve_inequality"],
    "difficulties": [1, 2, 3],
}


def _write_predictions(path: Path, predictions: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps({"id": k, "response": v}) + "\n" for k, v in predictions.items()))
    return path


@pytest.fixture(scope="module")
def math_suite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("suites") / "math"
    export_eval_suite(MATH, out, math_deadline=4.0)
    return out


def test_suite_is_stratified_frozen_and_loadable(math_suite: Path) -> None:
    requested = build_config(MATH).requested_counts()
    manifest, problems = load_eval_suite(math_suite)
    assert [[t, d, n] for (t, d), n in requested.items() if n] == manifest["strata"]
    assert len(problems) == 24 and len({p.prompt for p in problems}) == 24
    assert manifest["math_deadline"] == 4.0 and manifest["verigen_version"]
    assert manifest["templates"] == {name: 1 for name in sorted(MATH["templates"])}

    dataset = load_from_disk(str(math_suite / "eval"))
    assert len(dataset) == 24
    row = dataset[0]
    gold = json.loads(row["answer"])
    assert row["gold_latex"] == gold["latex"] and gold["type"] and gold["value"]
    assert json.loads(row["checker"]) == {"deadline": 4.0}
    assert row["messages"] == [{"role": "user", "content": row["prompt"]}]
    assert (math_suite / "eval.parquet").is_file()
    assert len((math_suite / "eval.jsonl").read_text().splitlines()) == 24
    card = (math_suite / "README.md").read_text()
    assert "config_name: eval" in card and manifest["fingerprint"] in card


def test_gold_answers_grade_at_100_percent(math_suite: Path, tmp_path: Path) -> None:
    dataset = load_from_disk(str(math_suite / "eval"))
    predictions = {r["id"]: f"So the answer is $\\boxed{{{r['gold_latex']}}}$." for r in dataset}
    scores = grade_eval_suite(math_suite, _write_predictions(tmp_path / "p.jsonl", predictions))
    assert (scores.accuracy, scores.correct, scores.total) == (1.0, 24, 24)
    assert set(scores.by_template) == set(MATH["templates"])
    assert all(s["accuracy"] == 1.0 for s in scores.by_template.values())
    assert scores.by_kind == {"math": {"n": 24, "correct": 24, "accuracy": 1.0}}
    assert scores.verdicts == {"pass": 24} and scores.missing == 0


def test_wrong_and_missing_answers_count_against(math_suite: Path, tmp_path: Path) -> None:
    dataset = load_from_disk(str(math_suite / "eval"))
    rows = list(dataset)
    predictions = {r["id"]: f"\\boxed{{{r['gold_latex']}}}" for r in rows[:20]}
    predictions[rows[0]["id"]] = "I cannot solve this."
    predictions["not-in-suite"] = "\\boxed{1}"
    out = tmp_path / "verdicts.jsonl"
    scores = grade_eval_suite(math_suite, _write_predictions(tmp_path / "p.jsonl", predictions), out_path=out)
    assert (scores.correct, scores.total, scores.missing, scores.unknown) == (19, 24, 4, 1)
    assert scores.accuracy == pytest.approx(19 / 24)
    assert scores.verdicts == {"pass": 19, "no_answer": 5}
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == [r["id"] for r in rows]
    assert lines[0]["status"] == "no_answer" and lines[-1]["detail"] == "no prediction for this problem"
    assert "accuracy 79.2% (19/24)" in scores.text()


def test_exclusion_keeps_every_stratum_exact(tmp_path: Path) -> None:
    planned = plan_problems(build_config(MATH).requested_counts(), MATH["seed"])
    dropped = {p.id for p in planned[:6]}
    result = export_eval_suite(MATH, tmp_path / "suite", exclude=dropped)
    _, problems = load_eval_suite(tmp_path / "suite")
    assert not dropped & {p.id for p in problems}
    assert result.strata == {k: n for k, n in build_config(MATH).requested_counts().items() if n}
    assert result.selection.excluded >= 6 and result.selection.redrawn >= 6
    assert not result.selection.shortfall

    # A predicate works too (the decontamination hook): no problem with a "7" in its prompt.
    result = export_eval_suite(MATH, tmp_path / "suite2", exclude=lambda p: "7" in p.prompt)
    _, problems = load_eval_suite(tmp_path / "suite2")
    assert all("7" not in p.prompt for p in problems) and result.problems == 24


def test_a_suite_can_exclude_everything_a_training_run_posed(tmp_path: Path) -> None:
    from verigen.store import RunStore

    train = plan_problems(build_config({**MATH, "seed": 6}).requested_counts(), 6)
    with RunStore(tmp_path / "run") as store:
        store.add_problems(train)
    # Same settings and seed as the training run: every planned problem collides, all are redrawn.
    result = export_eval_suite(
        {**MATH, "seed": 6}, tmp_path / "suite", exclude=excluding_runs(tmp_path / "run")
    )
    _, problems = load_eval_suite(tmp_path / "suite")
    assert result.selection.excluded >= 24 and len(problems) == 24
    assert not {p.id for p in problems} & {p.id for p in train}
    assert not {p.prompt for p in problems} & {p.prompt for p in train}


def test_list_sources_drop_duplicates_and_exclusions(tmp_path: Path) -> None:
    template = get_template("linear_equation")
    problems = [template.sample(1, i, 1) for i in range(5)]
    selection = select_problems([*problems, problems[0]], exclude=[problems[1].id])
    assert [p.id for p in selection.problems] == [problems[i].id for i in (0, 2, 3, 4)]
    assert (selection.excluded, selection.duplicates) == (1, 1)
    with pytest.raises(TypeError):
        select_problems(problems, exclude=problems[0].id)  # a bare string is a mistake, not ids
    with pytest.raises(VerigenError, match="empty"):
        export_eval_suite(problems, tmp_path / "none", exclude=lambda p: True)


def test_problems_jsonl_source(tmp_path: Path) -> None:
    problems = [get_template("gcd_lcm").sample(2, i, 2) for i in range(3)]
    source = tmp_path / "problems.jsonl"
    source.write_text("".join(json.dumps(p.to_json()) + "\n" for p in problems))
    result = export_eval_suite(source, tmp_path / "suite")
    assert result.problems == 3
    source.write_text("{not json\n")
    with pytest.raises(InputFileError, match="line 1"):
        export_eval_suite(source, tmp_path / "suite")


def test_a_changed_suite_or_bad_predictions_are_refused(math_suite: Path, tmp_path: Path) -> None:
    tampered = tmp_path / "tampered"
    tampered.mkdir()
    for name in ("suite.json", "eval.jsonl"):
        (tampered / name).write_bytes((math_suite / name).read_bytes())
    lines = (tampered / "eval.jsonl").read_text().splitlines()
    (tampered / "eval.jsonl").write_text("\n".join(lines[1:]) + "\n")
    predictions = _write_predictions(tmp_path / "p.jsonl", {"a": "x"})
    with pytest.raises(InputFileError, match="fingerprint"):
        grade_eval_suite(tampered, predictions)

    (tmp_path / "dup.jsonl").write_text('{"id": "a", "response": "x"}\n{"id": "a", "response": "y"}\n')
    with pytest.raises(InputFileError, match="second prediction"):
        grade_eval_suite(math_suite, tmp_path / "dup.jsonl")
    (tmp_path / "bad.jsonl").write_text('{"id": "a"}\n')
    with pytest.raises(InputFileError, match="line 1"):
        grade_eval_suite(math_suite, tmp_path / "bad.jsonl")


@pytest.mark.docker
def test_code_suite_grades_reference_solutions_in_the_sandbox(tmp_path: Path) -> None:
    from verigen.code.engine import engine_problem

    problem = engine_problem()
    if problem:
        if os.environ.get("VERIGEN_ALLOW_NO_DOCKER") == "1":
            pytest.skip(problem)
        pytest.fail(f"{problem} (set VERIGEN_ALLOW_NO_DOCKER=1 to skip Docker tests)")
    settings = {"count": 6, "seed": 2, "templates": ["two_sum_indices", "roman_numerals", "linear_equation"]}
    export_eval_suite(settings, tmp_path / "suite", code_timeout=8.0)
    manifest, problems = load_eval_suite(tmp_path / "suite")
    assert manifest["code_timeout"] == 8.0
    predictions = {}
    for p in problems:
        if p.kind == "code":
            code = get_template(p.template).reference.strip()  # type: ignore[attr-defined]
            predictions[p.id] = f"```python\n{code}\n```"
        else:
            predictions[p.id] = f"\\boxed{{{p.answer['latex']}}}"
    predictions[problems[0].id] = "```python\nraise SystemExit(0)\n```"  # gaming the checker fails
    scores = grade_eval_suite(tmp_path / "suite", _write_predictions(tmp_path / "p.jsonl", predictions))
    assert (scores.correct, scores.total) == (5, 6), scores.verdicts
    assert scores.by_kind["code"]["n"] == 4 and scores.infra_errors == 0
