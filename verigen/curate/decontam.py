"""Decontamination: drop problems that overlap a benchmark the user names.

A problem is contaminated when it shares a word n-gram (default 13 words, after normalisation)
with a benchmark item; a problem shorter than n words matches when its whole text appears in an
item. Optionally (math) an equal final answer counts too when every number of our problem also
appears in the item and those numbers carry at least 4 digits: a paraphrase of the same
computation. An equal answer alone is no evidence ("2" is everybody's answer), and even with the
numbers this is a heuristic that can misfire on a large benchmark, hence off by default.
`decontaminate_run` records the matches in the store's manifest, so every later export excludes
them and the report can list them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from verigen.curate.benchmarks import Benchmark, load_benchmark
from verigen.curate.report import StageReport
from verigen.curate.text import ngrams, normalize, question_text, words
from verigen.store import RunStore
from verigen.types import Problem

MANIFEST_KEY = "decontamination"
MIN_WORDS = 4  # shorter problems are not judged: a 3-word overlap is chance
MIN_NUMBER_DIGITS = 4  # an answer match needs numbers this informative (36 and 16: yes; 2 and 3: no)


@dataclass(frozen=True)
class Match:
    problem_id: str
    benchmark: str  # the benchmark path as given
    field: str
    row: str
    reason: Literal["ngram", "answer"]
    ngram: str  # the shared words, normalised (for an answer match: the answer and the numbers)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DecontamReport:
    matches: list[Match]
    benchmarks: dict[str, dict[str, Any]]  # path -> {field, rows, matched}
    stage: StageReport


def _gold_text(problem: Problem) -> str | None:
    latex = problem.answer.get("latex") if problem.kind == "math" else None
    return normalize(latex) if isinstance(latex, str) and latex.strip() else None


def _numbers(ws: list[str]) -> frozenset[str]:
    return frozenset(x for x in ws if x.isdigit())


@dataclass(frozen=True)
class _Ours:
    """Our problems as matching sees them, computed once for all benchmarks."""

    problems: list[Problem]
    words: dict[str, list[str]]
    short: dict[int, dict[str, list[str]]]  # length (< n) -> whole normalised text -> problem ids

    @classmethod
    def of(cls, problems: list[Problem], n: int) -> _Ours:
        words_ = {p.id: words(question_text(p)) for p in problems}
        short: dict[int, dict[str, list[str]]] = defaultdict(dict)
        for pid, w in words_.items():
            if MIN_WORDS <= len(w) < n:
                short[len(w)].setdefault(" ".join(w), []).append(pid)
        return cls(problems, words_, short)


def _bench_matches(ours: _Ours, bench: Benchmark, n: int, answer_match: bool) -> list[Match]:
    """The first hit per problem in this benchmark, in problem order."""
    hits: dict[str, Match] = {}

    def hit(pid: str, item: int, reason: Literal["ngram", "answer"], gram: str) -> None:
        if pid not in hits:
            hits[pid] = Match(pid, bench.spec, bench.field, bench.items[item].row, reason, gram)

    index: dict[int, int] = {}  # hash(n-gram) -> first item holding it
    answers: dict[tuple[str, str], list[tuple[int, frozenset[str]]]] = defaultdict(list)
    for k, item in enumerate(bench.items):
        w = words(item.text)
        for _, gram in ngrams(w, n):
            index.setdefault(hash(gram), k)
        for length, texts in ours.short.items():  # short problems: their whole text, anywhere
            for _, gram in ngrams(w, length):
                for pid in texts.get(gram, ()):
                    hit(pid, k, "ngram", gram)
        if answer_match and item.answer is not None:
            numbers = _numbers(w)
            for number in numbers:
                answers[(normalize(item.answer), number)].append((k, numbers))
    for p in ours.problems:
        w = ours.words[p.id]
        for _, gram in ngrams(w, n):
            if (k := index.get(hash(gram))) is not None:
                hit(p.id, k, "ngram", gram)
                break
        gold, numbers = _gold_text(p) if answer_match else None, _numbers(w)
        if gold is not None and sum(map(len, numbers)) >= MIN_NUMBER_DIGITS and p.id not in hits:
            candidates = answers.get((gold, min(numbers)), [])
            if (k := next((k for k, theirs in candidates if numbers <= theirs), None)) is not None:
                hit(p.id, k, "answer", f"answer {gold}; numbers {' '.join(sorted(numbers))}")
    order = {p.id: i for i, p in enumerate(ours.problems)}
    return sorted(hits.values(), key=lambda m: order[m.problem_id])


def find_contamination(
    problems: list[Problem],
    against: list[str],
    n: int = 13,
    answer_match: bool = False,
) -> tuple[list[Match], dict[str, dict[str, Any]]]:
    """Every (problem, benchmark) hit, and per benchmark: the field read, rows, problems matched."""
    ours = _Ours.of(problems, n)
    matches: list[Match] = []
    benchmarks: dict[str, dict[str, Any]] = {}
    for spec in against:
        bench = load_benchmark(spec)
        found = _bench_matches(ours, bench, n, answer_match)
        matches.extend(found)
        benchmarks[spec] = {"field": bench.field, "rows": len(bench.items), "matched": len(found)}
    return matches, benchmarks


def stage_report(problems: list[Problem], matches: list[Match]) -> StageReport:
    """The decontamination stage over `problems`: each matched problem is removed once."""
    report = StageReport("decontamination", "problems")
    first: dict[str, Match] = {}
    for m in matches:
        first.setdefault(m.problem_id, m)
    per_bench: dict[str, int] = defaultdict(int)
    for m in matches:
        per_bench[m.benchmark] += 1
    for p in problems:
        if p.id in first:
            report.remove(p.id, f"{first[p.id].reason}_overlap")
        else:
            report.keep()
    report.stats["matches_per_benchmark"] = dict(sorted(per_bench.items()))
    return report


def recorded_matches(manifest: dict[str, Any]) -> list[Match]:
    record = manifest.get(MANIFEST_KEY) or {}
    return [Match(**m) for m in record.get("matches", [])]


def decontaminate_run(
    run_dir: Path,
    against: list[str],
    n: int = 13,
    *,
    answer_match: bool = False,
) -> DecontamReport:
    """Check every problem of a run against the named benchmarks and record the result in the
    store. A benchmark checked again replaces its old result; others are kept."""
    with RunStore(run_dir, create=False) as store:
        problems = store.problems()
        matches, benchmarks = find_contamination(problems, against, n, answer_match)
        record = store.get_manifest().get(MANIFEST_KEY) or {}
        old = [m for m in record.get("matches", []) if m["benchmark"] not in benchmarks]
        old_benchmarks = {k: v for k, v in record.get("benchmarks", {}).items() if k not in benchmarks}
        settings = {"n": n, "answer_match": answer_match}
        store.set_manifest(
            {
                MANIFEST_KEY: {
                    "benchmarks": {**old_benchmarks, **{k: {**v, **settings} for k, v in benchmarks.items()}},
                    "matches": old + [m.to_json() for m in matches],
                }
            }
        )
    return DecontamReport(matches, benchmarks, stage_report(problems, matches))
