"""The curation stages in order, as one pure function of problems, attempts and settings:

decontamination -> problem dedup -> difficulty band -> split -> quality filters -> response dedup
(within each problem, then across the SFT set) -> DPO pairing.

Every stage reports what it removed and why; `Curated.to_json()` is curation.json.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from verigen.curate.decontam import Match, stage_report
from verigen.curate.dedup import dedup_across, dedup_problems, dedup_responses
from verigen.curate.filters import quality_filter
from verigen.curate.pairing import make_pairs
from verigen.curate.report import StageReport
from verigen.curate.rows import (
    Difficulty,
    dpo_length_stats,
    dpo_row,
    problem_row,
    sft_length_stats,
    sft_row,
)
from verigen.curate.settings import CurateSettings
from verigen.curate.split import SPLITS, Split, split_of
from verigen.types import MODEL_FAILURES, Attempt, Problem, Status

CURATION_VERSION = 1
UNDECIDED = frozenset({Status.UNVERIFIED, Status.INFRA_ERROR})
Rows = dict[Split, list[dict[str, Any]]]


def _empty() -> Rows:
    return {s: [] for s in SPLITS}


@dataclass
class Curated:
    sft: Rows = field(default_factory=_empty)
    dpo: Rows = field(default_factory=_empty)
    problems: Rows = field(default_factory=_empty)
    stages: list[StageReport] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    lengths: dict[str, Any] = field(default_factory=dict)
    pass_rates: dict[str, int] = field(default_factory=dict)

    def stage(self, name: str) -> StageReport:
        return next(s for s in self.stages if s.name == name)

    def to_json(self, settings: CurateSettings) -> dict[str, Any]:
        return {
            "version": CURATION_VERSION,
            "settings": settings.to_json(),
            "stages": [s.to_json() for s in self.stages],
            "decontamination": [m.to_json() for m in self.matches],
            "splits": {
                s: {"problems": len(self.problems[s]), "sft": len(self.sft[s]), "dpo": len(self.dpo[s])}
                for s in SPLITS
            },
            "lengths": self.lengths,
            "pass_rate_histogram": self.pass_rates,
        }


def difficulties(attempts: list[Attempt]) -> dict[str, Difficulty]:
    """Pass rate over the samples with a decided verdict (unverified/infra_error say nothing)."""
    decided: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    for a in attempts:
        if a.verdict.status not in UNDECIDED:
            decided[a.problem_id] += 1
            passed[a.problem_id] += a.verdict.status is Status.PASS
    return {pid: Difficulty(passed[pid] / n if n else None, n) for pid, n in decided.items()}


def _band(
    problems: list[Problem], diff: dict[str, Difficulty], s: CurateSettings
) -> tuple[list[Problem], StageReport]:
    report = StageReport("difficulty", "problems")
    report.stats["band"] = [s.pass_rate_min, s.pass_rate_max]
    active = (s.pass_rate_min, s.pass_rate_max) != (0.0, 1.0)
    kept: list[Problem] = []
    for p in problems:
        rate = diff.get(p.id, Difficulty(None, 0)).pass_rate
        reason = None
        if active:
            if rate is None:
                reason = "no_decided_samples"
            elif rate < s.pass_rate_min:
                reason = "below_pass_rate_min"
            elif rate > s.pass_rate_max:
                reason = "above_pass_rate_max"
        if reason:
            report.remove(p.id, reason)
        else:
            report.keep()
            kept.append(p)
    return kept, report


def _histogram(problems: list[Problem], diff: dict[str, Difficulty]) -> dict[str, int]:
    bins: Counter[str] = Counter()
    for p in problems:
        rate = diff.get(p.id, Difficulty(None, 0)).pass_rate
        bins["none" if rate is None else f"{min(int(rate * 10), 9) / 10:.1f}"] += 1
    return dict(sorted(bins.items()))


@dataclass(frozen=True)
class _Responses:
    sft: list[Attempt]  # after every response stage, in problem order
    passes: dict[str, list[Attempt]]  # the `chosen` pool: filtered, deduped within each problem
    failures: dict[str, list[Attempt]]  # the `rejected` pool, likewise
    reports: list[StageReport]


def _responses(kept: list[Problem], attempts: list[Attempt], s: CurateSettings) -> _Responses:
    """Quality filters, then dedup within each problem, then across the SFT set. Cross-problem
    dedup thins SFT only: a chosen answer may resemble another problem's without harm."""
    by_id = {p.id: p for p in kept}
    trainable = [
        a
        for a in attempts
        if a.problem_id in by_id and (a.verdict.status is Status.PASS or a.verdict.status in MODEL_FAILURES)
    ]
    good, quality = quality_filter(by_id, trainable, s)
    passes: dict[str, list[Attempt]] = defaultdict(list)
    failures: dict[str, list[Attempt]] = defaultdict(list)
    for a in good:
        (passes if a.verdict.status is Status.PASS else failures)[a.problem_id].append(a)
    within = StageReport("response_dedup", "responses")
    if s.dedup_responses:
        passes = dedup_responses(passes, s, within)
        failures = dedup_responses(failures, s, within)
    else:
        within.keep(len(good))
    pool = [a for p in kept for a in passes.get(p.id, [])]
    if s.dedup_sft_across:
        sft, across = dedup_across(pool, s)
    else:
        sft, across = pool, StageReport("sft_dedup", "sft_rows", kept=len(pool))
    return _Responses(sft, passes, failures, [quality, within, across])


def curate(
    problems: list[Problem],
    attempts: list[Attempt],
    settings: CurateSettings | None = None,
    *,
    matches: list[Match] | None = None,
    system_prompt: str | None = None,
) -> Curated:
    """Run every stage; `matches` are the decontamination hits to exclude (recorded or fresh)."""
    s = settings or CurateSettings()
    out = Curated(matches=list(matches or []))
    decontam = stage_report(problems, out.matches)
    excluded = {m.problem_id for m in out.matches}
    clusters, dedup_report = dedup_problems([p for p in problems if p.id not in excluded], s)
    diff = difficulties(attempts)
    kept, band_report = _band(clusters.kept, diff, s)
    responses = _responses(kept, attempts, s)
    pairs, pair_report = make_pairs(kept, responses.passes, responses.failures, s)
    out.stages = [decontam, dedup_report, band_report, *responses.reports, pair_report]

    by_id = {p.id: p for p in kept}
    split = {p.id: split_of(clusters.split_key[p.id], s.test_fraction) for p in kept}
    nothing = Difficulty(None, 0)

    def columns(pid: str) -> tuple[Difficulty, str]:
        return diff.get(pid, nothing), clusters.cluster_id[pid]

    for p in kept:
        out.problems[split[p.id]].append(problem_row(p, *columns(p.id), system_prompt))
    for a in responses.sft:
        p = by_id[a.problem_id]
        out.sft[split[p.id]].append(sft_row(p, a, *columns(p.id), system_prompt))
    for pair in pairs:
        p = by_id[pair.chosen.problem_id]
        out.dpo[split[p.id]].append(dpo_row(p, pair, *columns(p.id), system_prompt))
    out.lengths = {"sft": sft_length_stats(responses.sft), "dpo": dpo_length_stats(pairs)}
    out.pass_rates = _histogram(kept, diff)
    return out
