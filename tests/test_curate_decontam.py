"""Decontamination against real benchmark files: jsonl, parquet and a saved `datasets` folder."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from curate_runs import question, sample, write_run
from datasets import Dataset, DatasetDict

from verigen.curate.decontam import decontaminate_run, find_contamination, recorded_matches
from verigen.errors import InputFileError
from verigen.store import RunStore

FILLER = [
    "Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May.",
    "Write a function that returns the n-th Fibonacci number using an iterative loop.",
]


def _problems():
    return [
        sample("linear_equation", 0),  # short: 7 words
        sample("linear_equation", 1),
        sample("merge_intervals", 0),  # long statement
        sample("merge_intervals", 1),
        sample("gcd_lcm", 0),
        sample("gcd_lcm", 1),
        sample("fraction_arithmetic", 0),
    ]


def write_jsonl(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return str(path)


def test_each_format_and_field_syntax(tmp_path: Path) -> None:
    ps = _problems()
    short, long_ = ps[0], ps[2]
    # Reformatted (case, spacing, no $), embedded in a longer item.
    reformatted = question(short).replace("$", "").upper().replace(" - ", "-")
    jsonl = write_jsonl(
        tmp_path / "bench.jsonl", [{"question": FILLER[0]}, {"question": f"Q3. {reformatted} Show work."}]
    )
    statement = question(long_).split(". ")
    parquet = tmp_path / "bench.parquet"
    pq.write_table(pa.table({"problem": [FILLER[1], "Task: " + ". ".join(statement[:3])]}), parquet)
    folder = tmp_path / "bench_ds"
    DatasetDict(
        {"test": Dataset.from_list([{"query": FILLER[0]}, {"query": "hm " + question(ps[6])}])}
    ).save_to_disk(str(folder))

    matches, benchmarks = find_contamination(ps, [jsonl, str(parquet), f"{folder}:query"])
    found = {(m.problem_id, Path(m.benchmark.split(":")[0]).name, m.row, m.reason) for m in matches}
    assert found == {
        (short.id, "bench.jsonl", "1", "ngram"),
        (long_.id, "bench.parquet", "1", "ngram"),
        (ps[6].id, "bench_ds", "test/1", "ngram"),
    }
    by_problem = {m.problem_id: m for m in matches}
    assert by_problem[short.id].ngram == "what is x if 1 x 1"
    assert len(by_problem[long_.id].ngram.split()) == 13
    assert benchmarks[jsonl] == {"field": "question", "rows": 2, "matched": 1}
    assert benchmarks[f"{folder}:query"]["field"] == "query"


def test_near_misses_do_not_count(tmp_path: Path) -> None:
    ps = _problems()
    words12 = " ".join(question(ps[2]).split()[:12])  # 12 words of a long problem: below n = 13
    other_numbers = question(ps[0]).replace("1 - x", "2 - x")  # same words, different numbers
    bench = write_jsonl(tmp_path / "b.jsonl", [{"question": words12}, {"question": other_numbers}])
    assert find_contamination(ps, [bench])[0] == []
    # A smaller n, as for short math problems, catches the 12-word overlap.
    (hit,) = find_contamination(ps, [bench], n=8)[0]
    assert hit.problem_id == ps[2].id


def test_answer_match_needs_the_answer_and_every_number(tmp_path: Path) -> None:
    ps = _problems()
    lcm = ps[4]  # "What is lcm(36, 16)?", gold 144
    rows = [
        {"question": "Compute the least common multiple of 16 and 36.", "answer": "#### 144"},
        {"question": "Compute the least common multiple of 16 and 9.", "answer": "$\\boxed{144}$"},
        {"question": "Compute the least common multiple of 16 and 36.", "answer": "288"},
    ]
    bench = write_jsonl(tmp_path / "gsm.jsonl", rows)
    assert find_contamination(ps, [bench])[0] == []
    (hit,) = find_contamination(ps, [bench], answer_match=True)[0]
    assert (hit.problem_id, hit.row, hit.reason) == (lcm.id, "0", "answer")
    assert hit.ngram == "answer 144; numbers 16 36"


def test_decontaminate_run_records_and_replaces(tmp_path: Path) -> None:
    ps = _problems()
    write_run(tmp_path / "run", ps, [])
    a = write_jsonl(tmp_path / "a.jsonl", [{"text": question(ps[0])}])
    b = write_jsonl(tmp_path / "b.jsonl", [{"prompt": question(ps[6])}])
    report = decontaminate_run(tmp_path / "run", [a, b])
    assert (report.stage.kept, report.stage.removed) == (len(ps) - 2, 2)
    assert report.stage.reasons == {"ngram_overlap": 2}
    with RunStore(tmp_path / "run", create=False) as store:
        recorded = recorded_matches(store.get_manifest())
    assert {m.problem_id for m in recorded} == {ps[0].id, ps[6].id}
    # b is checked again after it changed: its old match goes, a's stays.
    write_jsonl(tmp_path / "b.jsonl", [{"prompt": question(ps[1])}])
    decontaminate_run(tmp_path / "run", [b])
    with RunStore(tmp_path / "run", create=False) as store:
        manifest = store.get_manifest()
    assert {m.problem_id for m in recorded_matches(manifest)} == {ps[0].id, ps[1].id}
    assert set(manifest["decontamination"]["benchmarks"]) == {a, b}


def test_bad_benchmark_specs_are_named(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="not found"):
        find_contamination(_problems(), [str(tmp_path / "missing.jsonl")])
    odd = write_jsonl(tmp_path / "odd.jsonl", [{"body": "x"}])
    with pytest.raises(InputFileError, match=r"odd\.jsonl:FIELD.*body"):
        find_contamination(_problems(), [odd])
    with pytest.raises(InputFileError, match="no field 'nope'"):
        find_contamination(_problems(), [f"{odd}:nope"])
    (tmp_path / "broken.jsonl").write_text('{"question": "a"}\n{oops\n')
    with pytest.raises(InputFileError, match="line 2"):
        find_contamination(_problems(), [str(tmp_path / "broken.jsonl")])
