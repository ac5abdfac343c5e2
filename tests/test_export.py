"""Export from a real run store to TRL-shaped SFT and DPO datasets."""

from __future__ import annotations

import json
from pathlib import Path

from datasets import load_from_disk

from verigen.export import export_run
from verigen.store import RunStore
from verigen.templates import get_template
from verigen.types import Attempt, Completion, Status, Verdict


def _attempt(pid: str, k: int, text: str, status: Status) -> Attempt:
    return Attempt(pid, k, Completion(text, "stop", 10, 20, "teacher-x"), Verdict(status, None, status.value))


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
                _attempt(a, 0, "pass a0", Status.PASS),
                _attempt(a, 1, "wrong a1", Status.WRONG_ANSWER),
                _attempt(a, 2, "pass a2", Status.PASS),
                # b: a pass and only unverified/infra failures -> SFT only, no pair
                _attempt(b, 0, "unverified b0", Status.UNVERIFIED),
                _attempt(b, 1, "pass b1", Status.PASS),
                _attempt(b, 2, "infra b2", Status.INFRA_ERROR),
                # c: failures only -> nothing; d: no answer, then a pass -> no pair (no_answer is
                # not a verified wrong answer)
                _attempt(c, 0, "wrong c0", Status.WRONG_ANSWER),
                _attempt(d, 0, "nothing", Status.NO_ANSWER),
                _attempt(d, 1, "pass d1", Status.PASS),
            ]
        )
    return [a, b, c, d]


def test_export_rows_and_formats(tmp_path: Path) -> None:
    a, b, _, d = make_run(tmp_path / "run")
    result = export_run(tmp_path / "run", tmp_path / "out")
    assert (result.sft_rows, result.dpo_rows) == (4, 1)

    sft = load_from_disk(str(tmp_path / "out" / "sft"))
    assert sorted(sft["problem_id"]) == sorted([a, a, b, d])
    row = sft[0]
    assert [m["role"] for m in row["messages"]] == ["user", "assistant"]
    assert row["messages"][1]["content"].startswith("pass")
    assert json.loads(row["metadata"])["answer"]["type"] == "rational"

    dpo = load_from_disk(str(tmp_path / "out" / "dpo"))
    pair = dpo[0]
    assert pair["problem_id"] == a
    assert pair["prompt"][0]["role"] == "user"
    assert pair["chosen"] == [{"role": "assistant", "content": "pass a0"}]
    assert pair["rejected"] == [{"role": "assistant", "content": "wrong a1"}]
    assert pair["rejected_status"] == "wrong_answer"

    for name in ("sft", "dpo"):
        assert (tmp_path / "out" / f"{name}.parquet").is_file()
        lines = (tmp_path / "out" / f"{name}.jsonl").read_text().splitlines()
        assert len(lines) == (4 if name == "sft" else 1)
    card = (tmp_path / "out" / "README.md").read_text()
    assert "4 rows" in card and "1 rows" in card and "teacher-x" in card


def test_export_replaces_an_old_export_whole(tmp_path: Path) -> None:
    make_run(tmp_path / "run")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "stale.txt").write_text("old")
    export_run(tmp_path / "run", tmp_path / "out")
    assert not (tmp_path / "out" / "stale.txt").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
