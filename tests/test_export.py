"""Export from a real run store to TRL-shaped SFT and DPO datasets (train/test DatasetDicts)."""

from __future__ import annotations

import json
from pathlib import Path

from datasets import DatasetDict, load_from_disk

from verigen.curate import CurateSettings
from verigen.export import export_run
from verigen.store import RunStore
from verigen.templates import get_template
from verigen.types import Attempt, Completion, Status, Verdict

ALL_TRAIN = CurateSettings(test_fraction=0.0)


def _attempt(pid: str, k: int, text: str, status: Status) -> Attempt:
    return Attempt(pid, k, Completion(text, "stop", 10, 20, "teacher-x"), Verdict(status, None, status.value))


def _solution(label: str, answer: str) -> str:
    steps = "isolate x step by step, moving constants across and dividing."
    return f"Attempt {label}: {steps} So \\boxed{{{answer}}}."


def make_run(run_dir: Path) -> list[str]:
    template = get_template("linear_equation")
    problems = [template.sample(1, i, 1) for i in range(4)]
    with RunStore(run_dir) as store:
        store.set_manifest({"config": {"seed": 1, "samples": 3}, "teacher_model": "teacher-x"})
        store.add_problems(problems)
        a, b, c, d = (p.id for p in problems)
        store.add_attempts(
            [
                # a: two passes and a wrong answer -> 2 SFT rows, 1 DPO pair
                _attempt(a, 0, _solution("a0", "1"), Status.PASS),
                _attempt(a, 1, _solution("a1, wrong", "99"), Status.WRONG_ANSWER),
                _attempt(a, 2, "A different route: substitute and simplify. \\boxed{1}", Status.PASS),
                # b: a pass and only unverified/infra failures -> SFT only, no pair
                _attempt(b, 0, _solution("b0", "?"), Status.UNVERIFIED),
                _attempt(b, 1, _solution("b1", "2"), Status.PASS),
                _attempt(b, 2, _solution("b2", "3"), Status.INFRA_ERROR),
                # c: failures only -> nothing; d: no answer, then a pass -> no pair (no_answer is
                # not a verified wrong answer)
                _attempt(c, 0, _solution("c0", "7"), Status.WRONG_ANSWER),
                _attempt(d, 0, "nothing", Status.NO_ANSWER),
                _attempt(d, 1, _solution("d1", "4"), Status.PASS),
            ]
        )
    return [a, b, c, d]


def test_export_rows_and_formats(tmp_path: Path) -> None:
    a, b, _, d = make_run(tmp_path / "run")
    result = export_run(tmp_path / "run", tmp_path / "out", ALL_TRAIN)
    assert (result.sft_rows, result.dpo_rows) == (4, 1)

    sft = load_from_disk(str(tmp_path / "out" / "sft"))
    assert isinstance(sft, DatasetDict) and len(sft["test"]) == 0
    assert sorted(sft["train"]["problem_id"]) == sorted([a, a, b, d])
    row = sft["train"][0]
    assert [m["role"] for m in row["messages"]] == ["user", "assistant"]
    assert row["messages"][1]["content"].startswith("Attempt a0")
    assert json.loads(row["metadata"])["answer"]["type"] == "rational"
    assert (row["pass_rate"], row["n_samples"]) == (2 / 3, 3)

    dpo = load_from_disk(str(tmp_path / "out" / "dpo"))["train"]
    pair = dpo[0]
    assert pair["problem_id"] == a
    assert pair["prompt"][0]["role"] == "user"
    assert pair["chosen"] == [{"role": "assistant", "content": _solution("a0", "1")}]
    assert pair["rejected"] == [{"role": "assistant", "content": _solution("a1, wrong", "99")}]
    assert pair["rejected_status"] == "wrong_answer"

    for name, rows in (("sft", 4), ("dpo", 1), ("problems", 4)):
        assert (tmp_path / "out" / f"{name}-train.parquet").is_file()
        lines = (tmp_path / "out" / f"{name}-train.jsonl").read_text().splitlines()
        assert len(lines) == rows
        assert (tmp_path / "out" / f"{name}-test.jsonl").read_text() == ""
    card = (tmp_path / "out" / "README.md").read_text()
    assert "4 rows (train 4, test 0)" in card and "1 rows (train 1, test 0)" in card and "teacher-x" in card
    curation = json.loads((tmp_path / "out" / "curation.json").read_text())
    stages = {s["name"]: s for s in curation["stages"]}
    assert sum(s["removed"] for name, s in stages.items() if name != "pairing") == 0
    assert stages["pairing"]["reasons"] == {"no_verified_failure": 2}  # b and d: passes only


def test_default_settings_split_by_problem(tmp_path: Path) -> None:
    make_run(tmp_path / "run")
    result = export_run(tmp_path / "run", tmp_path / "out")
    splits = result.counts["splits"]
    assert splits["train"]["sft"] + splits["test"]["sft"] == 4
    assert splits["train"]["problems"] + splits["test"]["problems"] == 4


def test_export_replaces_an_old_export_whole(tmp_path: Path) -> None:
    make_run(tmp_path / "run")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "stale.txt").write_text("old")
    export_run(tmp_path / "run", tmp_path / "out")
    assert not (tmp_path / "out" / "stale.txt").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
