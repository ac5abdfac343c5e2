"""DPO pairing policies: which pass is `chosen` and which verified failure is `rejected`.

- up to `pairs_per_problem` pairs (default 1); every (chosen, rejected) combination at most once,
  and distinct rejected responses are used before any is reused
- `negative`: "first" (lowest sample index), "hardest" (see hardness.py), or "balanced" (the failure
  type used least so far in the whole set, so no single failure type dominates the negatives)
- `length_matched`: for each rejected, the chosen closest in length (against length bias)
- a pair whose two sides are near-identical (edit similarity above `max_pair_similarity`) is
  skipped: same text, different verdict means a flaky check, not a lesson
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from verigen.curate.hardness import hardness
from verigen.curate.report import StageReport
from verigen.curate.settings import CurateSettings
from verigen.curate.text import too_similar
from verigen.types import Attempt, Problem


@dataclass(frozen=True)
class Pair:
    chosen: Attempt
    rejected: Attempt


def _ordered_failures(
    failures: list[Attempt], settings: CurateSettings, type_use: Counter[str], hard: dict[int, tuple]
) -> list[Attempt]:
    by_index = sorted(failures, key=lambda a: a.sample_index)
    if settings.negative == "hardest":
        return sorted(by_index, key=lambda a: hard[a.sample_index])
    if settings.negative == "balanced":
        return sorted(by_index, key=lambda a: type_use[a.verdict.status.value])
    return by_index


def _problem_pairs(
    problem: Problem,
    passes: list[Attempt],
    failures: list[Attempt],
    settings: CurateSettings,
    type_use: Counter[str],
    report: StageReport,
) -> list[Pair]:
    pairs: list[Pair] = []
    tried: set[tuple[int, int]] = set()
    uses: Counter[int] = Counter()
    hard = {a.sample_index: hardness(problem, a) for a in failures} if settings.negative == "hardest" else {}
    progress = True
    while progress and len(pairs) < settings.pairs_per_problem:
        progress = False
        for rejected in _ordered_failures(failures, settings, type_use, hard):
            if len(pairs) >= settings.pairs_per_problem:
                break
            size = len(rejected.completion.text)
            options = sorted(
                (c for c in passes if (c.sample_index, rejected.sample_index) not in tried),
                key=lambda c: (
                    uses[c.sample_index],
                    abs(len(c.completion.text) - size) if settings.length_matched else 0,
                    c.sample_index,
                ),
            )
            for chosen in options:
                tried.add((chosen.sample_index, rejected.sample_index))
                if too_similar(
                    chosen.completion.text, rejected.completion.text, settings.max_pair_similarity
                ):
                    report.stats["near_identical_skipped"] += 1
                    continue
                pairs.append(Pair(chosen, rejected))
                uses[chosen.sample_index] += 1
                type_use[rejected.verdict.status.value] += 1
                progress = True
                break
    return pairs


def make_pairs(
    problems: list[Problem],
    passes: dict[str, list[Attempt]],
    failures: dict[str, list[Attempt]],
    settings: CurateSettings,
) -> tuple[list[Pair], StageReport]:
    """Pairs in problem order. The report counts problems that had a pass: kept when they yield at
    least one pair, removed with the reason when they do not."""
    report = StageReport("pairing", "problems")
    report.stats.update(near_identical_skipped=0, pairs=0)
    type_use: Counter[str] = Counter()
    pairs: list[Pair] = []
    for problem in problems:
        good = sorted(passes.get(problem.id, []), key=lambda a: a.sample_index)
        bad = failures.get(problem.id, [])
        if not good:
            continue
        if not bad:
            report.remove(problem.id, "no_verified_failure")
            continue
        made = _problem_pairs(problem, good, bad, settings, type_use, report)
        if made:
            report.keep()
            pairs.extend(made)
        else:
            report.remove(problem.id, "near_identical")
    report.stats["pairs"] = len(pairs)
    report.stats["rejected_status"] = dict(
        sorted(Counter(p.rejected.verdict.status.value for p in pairs).items())
    )
    return pairs, report
