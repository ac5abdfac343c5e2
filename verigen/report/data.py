"""Gather the numbers a run report shows: one pass over the store, plus the export when given.

Everything read here is data, never markup: strings from the store (template names, prompts,
model output) and from an export's files are escaped by the HTML layer, never here.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from verigen.errors import StoreError
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
    kept: int | None
    removed: int
    reasons: dict[str, int]
    examples: list[str]


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
    curation: list[CurationStage] | None = None
    curation_length: dict[str, Any] | None = None
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
        _read_export(Path(export_dir), data)
    return data


def _read_store(store: RunStore, data: ReportData) -> None:
    problems = {p.id: p for p in store.problems()}
    data.problems = len(problems)
    data.template_kinds = {p.template: p.kind for p in problems.values()}
    solved: set[str] = set()
    seen_status: set[str] = set()
    passes_len: list[int] = []
    failures_len: list[int] = []
    sft = 0
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
            sft += 1
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
    # Before any curation: every pass is an SFT row, each problem with a pass and a verified
    # model failure gives one DPO pair (the rules of verigen.export.build_rows).
    data.sft_rows, data.dpo_rows = sft, len(pass_ids & fail_ids)


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


def _read_export(export_dir: Path, data: ReportData) -> None:
    if not export_dir.is_dir():
        raise StoreError(f"no export folder at {export_dir}")
    sft = _jsonl_rows(export_dir / "sft.jsonl")
    dpo = _jsonl_rows(export_dir / "dpo.jsonl")
    if sft is not None and dpo is not None:
        data.sft_rows, data.dpo_rows, data.rows_source = len(sft), len(dpo), "export"
        chosen = [_last_content(row.get("chosen")) for row in dpo]
        rejected = [_last_content(row.get("rejected")) for row in dpo]
        data.lengths = {
            "chosen": [len(t) for t in chosen if t is not None],
            "rejected": [len(t) for t in rejected if t is not None],
        }
        data.lengths_source = "export"
    else:
        data.warnings.append(f"{export_dir} has no sft.jsonl/dpo.jsonl; row counts are the store's")
    _read_curation(export_dir / "curation.json", data)


def _jsonl_rows(path: Path) -> list[dict[str, Any]] | None:
    if not path.is_file():
        return None
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                rows.append(row if isinstance(row, dict) else {})
    return rows


def _last_content(messages: Any) -> str | None:
    if isinstance(messages, list) and messages and isinstance(messages[-1], dict):
        content = messages[-1].get("content")
        return content if isinstance(content, str) else None
    return None


def _read_curation(path: Path, data: ReportData) -> None:
    """Read curation.json when present; a malformed one becomes a warning, never a crash."""
    if not path.is_file():
        return
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        stages = []
        for stage in raw.get("stages", []):
            reasons = {str(k): int(v) for k, v in (stage.get("reasons") or {}).items()}
            kept = stage.get("kept")
            stages.append(
                CurationStage(
                    name=str(stage.get("name", "?")),
                    kept=int(kept) if kept is not None else None,
                    removed=int(stage.get("removed", sum(reasons.values()))),
                    reasons=reasons,
                    examples=[_example_text(x) for x in (stage.get("examples") or [])[:5]],
                )
            )
        length = raw.get("length")
        data.curation = stages
        data.curation_length = length if isinstance(length, dict) else None
    except (ValueError, TypeError, AttributeError) as exc:
        data.warnings.append(f"{path.name} could not be read ({type(exc).__name__}); curation not shown")


def _example_text(example: Any) -> str:
    text = example if isinstance(example, str) else json.dumps(example, ensure_ascii=False, sort_keys=True)
    return text[:EXAMPLE_CHARS]


def per_template(data: ReportData) -> dict[str, list[int]]:
    """template -> [attempts, passes], summed over difficulties."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (name, _), (n, passed) in data.cells.items():
        totals[name][0] += n
        totals[name][1] += passed
    return dict(sorted(totals.items()))
