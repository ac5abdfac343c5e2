"""Gather the numbers a run report shows: one pass over the store, plus the export when given.

Everything read here is data, never markup: strings from the store (template names, prompts,
model output) and from an export's files are escaped by the HTML layer, never here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from verigen.store import RunStore
from verigen.types import MODEL_FAILURES, Status

EXAMPLE_CHARS = 1500  # characters of a prompt or response shown per example


@dataclass(frozen=True)
class Example:
    """The first attempt seen with a given verdict, for a reader to look at."""

    status: str
    template: str
    difficulty: int
    problem_id: str
    sample_index: int
    prompt: str
    response: str
    extracted: str | None
    detail: str


@dataclass(frozen=True)
class CurationStage:
    """One stage of the export's curation (dedup, decontamination, filters, pairing)."""

    name: str
    unit: str | None  # what kept/removed count: problems, responses, pairs...
    kept: int | None
    removed: int
    reasons: dict[str, int]
    examples: list[str]
    stats: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Stratum:
    template: str
    difficulty: int
    requested: int | None  # None when the manifest records no plan
    produced: int
    solved: int


@dataclass
class ReportData:
    """Everything the report draws, as plain numbers and strings."""

    run_dir: Path
    export_dir: Path | None
    manifest: dict[str, Any]
    problems: int = 0
    attempts: int = 0
    passes: int = 0
    solved: int = 0
    statuses: dict[str, Counter[str]] = field(default_factory=dict)  # kind -> status -> attempts
    cells: dict[tuple[str, int], list[int]] = field(default_factory=dict)  # -> [attempts, passes]
    template_kinds: dict[str, str] = field(default_factory=dict)
    strata: list[Stratum] = field(default_factory=list)
    lengths: dict[str, list[int]] = field(default_factory=dict)  # "chosen"/"rejected" -> chars
    lengths_source: str = "store"
    times: list[float] = field(default_factory=list)  # attempts' created_at, sorted
    prompt_tokens: Counter[str] = field(default_factory=Counter)  # per kind
    completion_tokens: Counter[str] = field(default_factory=Counter)
    sft_rows: int = 0
    dpo_rows: int = 0
    rows_source: str = "store"
    splits: dict[str, dict[str, int]] | None = None  # split -> {"sft": n, "dpo": n, ...}
    curation: list[CurationStage] | None = None
    curation_lengths: dict[str, Any] | None = None
    decontamination: list[dict[str, Any]] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def pass_rate(self) -> float:
        return self.passes / self.attempts if self.attempts else 0.0

    @property
    def duration_s(self) -> float:
        return self.times[-1] - self.times[0] if len(self.times) > 1 else 0.0

    @property
    def teacher_model(self) -> str:
        return str(self.manifest.get("teacher_model") or "unknown")

    @property
    def seed(self) -> int | None:
        seed = self.manifest.get("config", {}).get("seed")
        return seed if isinstance(seed, int) else None


def gather(run_dir: Path, export_dir: Path | None = None) -> ReportData:
    """Read the run store (and the export, when given) into a ReportData."""
    with RunStore(run_dir, create=False) as store:
        data = ReportData(Path(run_dir), export_dir, store.get_manifest())
        _read_store(store, data)
        _read_strata(store, data)
    if export_dir is not None:
        from verigen.report.exported import read_export

        read_export(Path(export_dir), data)
    return data


def _read_store(store: RunStore, data: ReportData) -> None:
    problems = {p.id: p for p in store.problems()}
    data.problems = len(problems)
    data.template_kinds = {p.template: p.kind for p in problems.values()}
    solved: set[str] = set()
    seen_status: set[str] = set()
    passes_len: list[int] = []
    failures_len: list[int] = []
    pass_ids: set[str] = set()
    fail_ids: set[str] = set()
    for attempt, created in store.attempts():
        problem = problems[attempt.problem_id]
        status = attempt.verdict.status
        text = attempt.completion.text
        data.attempts += 1
        data.times.append(created)
        data.statuses.setdefault(problem.kind, Counter())[status.value] += 1
        cell = data.cells.setdefault((problem.template, problem.difficulty), [0, 0])
        cell[0] += 1
        data.prompt_tokens[problem.kind] += attempt.completion.prompt_tokens
        data.completion_tokens[problem.kind] += attempt.completion.completion_tokens
        if status is Status.PASS:
            data.passes += 1
            cell[1] += 1
            solved.add(problem.id)
            passes_len.append(len(text))
            pass_ids.add(problem.id)
        elif status in MODEL_FAILURES:
            failures_len.append(len(text))
            fail_ids.add(problem.id)
        if status.value not in seen_status:
            seen_status.add(status.value)
            data.examples.append(
                Example(
                    status=status.value,
                    template=problem.template,
                    difficulty=problem.difficulty,
                    problem_id=problem.id,
                    sample_index=attempt.sample_index,
                    prompt=problem.prompt[:EXAMPLE_CHARS],
                    response=text[:EXAMPLE_CHARS],
                    extracted=attempt.verdict.extracted,
                    detail=attempt.verdict.detail[:EXAMPLE_CHARS],
                )
            )
    data.times.sort()
    data.solved = len(solved)
    order = {s.value: i for i, s in enumerate(Status)}
    data.examples.sort(key=lambda e: order.get(e.status, len(order)))
    data.lengths = {"chosen": passes_len, "rejected": failures_len}
    # Before any curation: every pass could be an SFT row, and each problem with a pass and a
    # verified model failure could give a DPO pair. An export's own counts replace these.
    data.sft_rows, data.dpo_rows = data.passes, len(pass_ids & fail_ids)


def _read_strata(store: RunStore, data: ReportData) -> None:
    produced = store.stratum_counts()
    requested: dict[tuple[str, int], int] = {}
    for entry in data.manifest.get("requested") or []:
        try:
            name, level, n = entry
            requested[(str(name), int(level))] = int(n)
        except (TypeError, ValueError):
            data.warnings.append("the manifest's 'requested' entries are malformed; ignored")
            requested = {}
            break
    has_plan = bool(requested)
    for key in sorted(set(requested) | set(produced)):
        if has_plan and requested.get(key, 0) == 0 and key not in produced:
            continue
        made, solved = produced.get(key, (0, 0))
        data.strata.append(Stratum(key[0], key[1], requested.get(key, 0) if has_plan else None, made, solved))


def per_template(data: ReportData) -> dict[str, list[int]]:
    """template -> [attempts, passes], summed over difficulties."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (name, _), (n, passed) in data.cells.items():
        totals[name][0] += n
        totals[name][1] += passed
    return dict(sorted(totals.items()))
