"""The whole curation on a real run store: planted duplicates and benchmark overlaps are dropped,
exactly those, and the card and curation.json account for every stage."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from curate_runs import attempt, code_solution, math_solution, question, sample, write_run
from datasets import Dataset, DatasetDict, load_from_disk

from verigen.curate import CurateSettings, decontaminate_run
from verigen.curate.text import normalize
from verigen.export import export_run
from verigen.types import Status

RLE = """    s, out, i = args[0], [], 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{s[i]}{j - i}")
        i = j
    return "".join(out)"""


def build(tmp_path: Path) -> dict:
    math = [sample("linear_equation", i) for i in range(6)]
    lcm = [sample("gcd_lcm", i) for i in range(2)]
    intervals = [sample("merge_intervals", i) for i in range(3)]
    rle = sample("run_length_encode", 0)
    exact = replace(math[0], id="f" * 19 + "0", prompt=math[0].prompt.replace("$x$", "$ x $").upper())
    near = replace(intervals[0], id="f" * 19 + "1", prompt=intervals[0].prompt.replace("Return", "Give"))
    problems = [*math, *lcm, *intervals, rle, exact, near]
    attempts = []
    for p in [*math, *lcm, exact]:
        attempts += [
            attempt(p, 0, math_solution(p, k=0)),
            attempt(p, 1, math_solution(p, "17", k=1), Status.WRONG_ANSWER, extracted="17"),
            attempt(p, 2, math_solution(p, k=2) + " A quick check confirms this."),
            attempt(p, 3, "I am not sure. \\boxed{\\log 0}", Status.UNVERIFIED),
        ]
    for p in [*intervals, near]:
        attempts += [
            attempt(p, 0, code_solution(p, f"    return sorted(args[0])  # {p.id}", 0)),
            attempt(
                p, 1, code_solution(p, "    return args[0]", 1), Status.WRONG_ANSWER, detail="test 2: ..."
            ),
        ]
    attempts += [
        attempt(rle, 0, code_solution(rle, RLE, 0)),
        attempt(
            rle, 1, code_solution(rle, "    return 1/0", 1), Status.RUNTIME_ERROR, detail="ZeroDivisionError"
        ),
        attempt(rle, 2, code_solution(rle, "    return ''", 2), Status.WRONG_ANSWER, detail="test 1: ''"),
    ]
    # Defects: a truncated pass, a looping failure.
    attempts[4 * 2] = attempt(math[2], 0, math_solution(math[2])[:90], finish="length")
    attempts[4 * 3 + 1] = attempt(
        math[3], 1, "Let me see. " + "the answer is " * 120, Status.WRONG_ANSWER, extracted="17"
    )
    write_run(tmp_path / "run", problems, attempts)

    jsonl = tmp_path / "gsm.jsonl"
    jsonl.write_text(json.dumps({"question": "Q: " + question(math[1]).lower()}) + "\n")
    parquet = tmp_path / "mbpp.parquet"
    # The statement is the same for every merge_intervals problem (a benchmark holding it would
    # contaminate them all); the examples are this instance's own.
    examples = intervals[1].prompt.split("Examples:")[1].split("Reply")[0]
    pq.write_table(pa.table({"text": ["Test cases: " + examples]}), parquet)
    folder = tmp_path / "math500"
    DatasetDict({"test": Dataset.from_list([{"problem": question(lcm[0]) + " (hard)"}])}).save_to_disk(
        str(folder)
    )
    return {
        "math": math, "lcm": lcm, "intervals": intervals, "rle": rle, "exact": exact, "near": near,
        "benchmarks": (str(jsonl), str(parquet), str(folder)),
    }  # fmt: skip


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    tmp = tmp_path_factory.mktemp("curate")
    run = build(tmp)
    jsonl, parquet, folder = run["benchmarks"]
    recorded = decontaminate_run(tmp / "run", [jsonl, parquet])
    assert recorded.stage.removed == 2
    settings = CurateSettings(test_fraction=0.5, decontaminate=(folder,))
    export_run(tmp / "run", tmp / "out", settings)
    return tmp / "out", run


def _all(folder: Path, name: str) -> list[dict]:
    data = load_from_disk(str(folder / name))
    assert isinstance(data, DatasetDict) and set(data) == {"train", "test"}
    return [row | {"split": s} for s in ("train", "test") for row in data[s]]


def test_exactly_the_planted_problems_are_dropped(exported) -> None:
    out, run = exported
    dropped = {run["exact"].id, run["near"].id, run["math"][1].id, run["intervals"][1].id, run["lcm"][0].id}
    everything = [*run["math"], *run["lcm"], *run["intervals"], run["rle"], run["exact"], run["near"]]
    kept = {row["problem_id"] for row in _all(out, "problems")}
    assert kept == {p.id for p in everything} - dropped
    assert not dropped & {row["problem_id"] for row in _all(out, "sft") + _all(out, "dpo")}

    curation = json.loads((out / "curation.json").read_text())
    stages = {s["name"]: s for s in curation["stages"]}
    assert [s["name"] for s in curation["stages"]] == [
        "decontamination", "problem_dedup", "difficulty", "quality", "response_dedup", "sft_dedup", "pairing",
    ]  # fmt: skip
    assert stages["decontamination"]["removed"] == 3
    assert stages["problem_dedup"]["reasons"] == {"exact_duplicate": 1, "near_duplicate": 1}
    assert stages["problem_dedup"]["examples"]["near_duplicate"] == [run["near"].id]
    assert stages["quality"]["reasons"] == {"truncated": 1, "repetition": 1}
    matches = {m["problem_id"]: m for m in curation["decontamination"]}
    assert set(matches) == {run["math"][1].id, run["intervals"][1].id, run["lcm"][0].id}
    assert matches[run["intervals"][1].id]["benchmark"].endswith("mbpp.parquet")
    assert matches[run["intervals"][1].id]["row"] == "0"
    assert matches[run["lcm"][0].id]["row"] == "test/0"
    assert len(matches[run["intervals"][1].id]["ngram"].split()) == 13

    card = (out / "README.md").read_text()
    assert "| decontamination | problems | " in card and "| 3 | ngram_overlap 3 |" in card
    assert "exact_duplicate 1, near_duplicate 1" in card or "near_duplicate 1, exact_duplicate 1" in card
    assert run["intervals"][1].id in card and "mbpp.parquet" in card and "gsm.jsonl" in card
    assert "chosen minus rejected" in card


def test_rows_carry_failure_types_difficulty_and_lengths(exported) -> None:
    out, run = exported
    dpo = _all(out, "dpo")
    assert {row["rejected_status"] for row in dpo} == {"wrong_answer", "runtime_error"}
    rle_pair = next(row for row in dpo if row["problem_id"] == run["rle"].id)
    assert (rle_pair["rejected_status"], rle_pair["rejected_detail"]) == (
        "runtime_error",
        "ZeroDivisionError",
    )
    # math[3]'s only failure loops: filtered, so the problem has no negative left and no pair.
    assert run["math"][3].id not in {row["problem_id"] for row in dpo}
    pairing = json.loads((out / "curation.json").read_text())["stages"][-1]
    assert pairing["examples"] == {"no_verified_failure": [run["math"][3].id]}
    problems = {row["problem_id"]: row for row in _all(out, "problems")}
    first = problems[run["math"][0].id]
    assert (first["n_samples"], first["pass_rate"]) == (3, pytest.approx(2 / 3))
    sft = _all(out, "sft")
    assert {row["problem_id"] for row in sft if row["sample_index"] == 0} >= {run["rle"].id}
    assert all(row["messages"][-1]["role"] == "assistant" for row in sft)
    truncated = [r for r in sft if r["problem_id"] == run["math"][2].id and r["sample_index"] == 0]
    assert truncated == []

    lengths = json.loads((out / "curation.json").read_text())["lengths"]
    assert lengths["dpo"]["pairs"] == len(dpo) and lengths["sft"]["rows"] == len(sft)
    assert isinstance(lengths["dpo"]["chosen_minus_rejected_chars_mean"], float)
    assert 0.0 <= lengths["dpo"]["chosen_longer_fraction"] <= 1.0
    for name in ("sft", "dpo", "problems"):
        for split in ("train", "test"):
            assert (out / f"{name}-{split}.parquet").is_file()
            assert (out / f"{name}-{split}.jsonl").is_file()


def test_no_cluster_straddles_the_split(exported) -> None:
    out, _ = exported
    rows = _all(out, "problems") + _all(out, "sft") + _all(out, "dpo")
    sides: dict[str, set[str]] = {}
    for row in rows:
        sides.setdefault(row["cluster_id"], set()).add(row["split"])
    assert all(len(s) == 1 for s in sides.values())
    assert {s for group in sides.values() for s in group} == {"train", "test"}


def test_kept_near_duplicates_share_a_split_and_a_cluster(tmp_path: Path) -> None:
    run = build(tmp_path)
    export_run(
        tmp_path / "run", tmp_path / "out", CurateSettings(near_duplicates="cluster", test_fraction=0.5)
    )
    problems = {row["problem_id"]: row for row in _all(tmp_path / "out", "problems")}
    near, original = problems[run["near"].id], problems[run["intervals"][0].id]
    assert near["cluster_id"] == original["cluster_id"] == min(run["near"].id, run["intervals"][0].id)
    assert near["split"] == original["split"]


def test_pass_rate_band(tmp_path: Path) -> None:
    build(tmp_path)
    result = export_run(
        tmp_path / "run", tmp_path / "out", CurateSettings(pass_rate_min=0.6, pass_rate_max=0.9)
    )
    rates = [row["pass_rate"] for row in _all(tmp_path / "out", "problems")]
    assert rates and all(0.6 <= r <= 0.9 for r in rates)
    band = result.curated.stage("difficulty")
    assert band.reasons == {"below_pass_rate_min": 4}  # the code problems: 1 pass in 2 (or 3)


def test_the_split_survives_a_reseeded_run(tmp_path: Path) -> None:
    """Same problem texts under other seeds (other ids): every text keeps its side."""
    build(tmp_path / "a")
    export_run(tmp_path / "a" / "run", tmp_path / "a" / "out", CurateSettings(test_fraction=0.5))
    first = {normalize(r["messages"][0]["content"]): r["split"] for r in _all(tmp_path / "a" / "out", "sft")}
    from verigen.store import RunStore

    with RunStore(tmp_path / "a" / "run", create=False) as store:
        problems = store.problems()
        attempts = [a for a, _ in store.attempts()]
    ids = {p.id: f"{i:020d}" for i, p in enumerate(reversed(problems))}
    write_run(
        tmp_path / "b" / "run",
        [replace(p, id=ids[p.id], seed=p.seed + 100) for p in problems],
        [replace(a, problem_id=ids[a.problem_id]) for a in attempts],
        seed=101,
    )
    export_run(tmp_path / "b" / "run", tmp_path / "b" / "out", CurateSettings(test_fraction=0.5))
    second = {normalize(r["messages"][0]["content"]): r["split"] for r in _all(tmp_path / "b" / "out", "sft")}
    # Which member of a duplicate cluster is kept follows the ids; the side follows the texts.
    both = set(first) & set(second)
    assert len(both) >= len(first) - 1 and {first[t] for t in both} == {"train", "test"}
    assert all(first[t] == second[t] for t in both)
