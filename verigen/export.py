"""Export: pure functions of the run store to SFT and DPO datasets in TRL's conversational shapes.

SFT rows: {"messages": [user, assistant], ...metadata}. DPO rows: {"prompt": [user],
"chosen": [assistant], "rejected": [assistant], ...metadata}, chosen a `pass` and rejected a
verified model failure of the same problem. `unverified` and `infra_error` never become rows.
Everything is written to a temporary folder and renamed into place, so a crash never leaves a
half-written export behind.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from verigen import __version__
from verigen.pipeline import messages_for
from verigen.store import RunStore
from verigen.types import MODEL_FAILURES, Attempt, Problem, Status


@dataclass(frozen=True)
class ExportResult:
    out_dir: Path
    sft_rows: int
    dpo_rows: int
    counts: dict[str, Any]


def _metadata_columns(problem: Problem, attempt: Attempt) -> dict[str, Any]:
    return {
        "problem_id": problem.id,
        "template": problem.template,
        "kind": problem.kind,
        "difficulty": problem.difficulty,
        "teacher_model": attempt.completion.model,
        # Free-form metadata as a JSON string: `datasets` needs the same keys in every row.
        "metadata": json.dumps(
            {
                "answer": problem.answer,
                "template_version": problem.template_version,
                "seed": problem.seed,
                "index": problem.index,
                **problem.metadata,
            },
            sort_keys=True,
        ),
    }


def build_rows(
    problems: list[Problem], attempts: list[Attempt], system_prompt: str | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """SFT rows from every passing attempt; one DPO pair per problem that has both a pass and a
    verified model failure (the lowest-numbered sample of each)."""
    by_problem: dict[str, list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        by_problem[attempt.problem_id].append(attempt)
    sft: list[dict[str, Any]] = []
    dpo: list[dict[str, Any]] = []
    for problem in problems:
        group = sorted(by_problem.get(problem.id, []), key=lambda a: a.sample_index)
        prompt = messages_for(problem, system_prompt)
        passes = [a for a in group if a.verdict.status is Status.PASS]
        failures = [a for a in group if a.verdict.status in MODEL_FAILURES]
        for attempt in passes:
            sft.append(
                {
                    "messages": [*prompt, {"role": "assistant", "content": attempt.completion.text}],
                    "sample_index": attempt.sample_index,
                    "verdict_detail": attempt.verdict.detail,
                    **_metadata_columns(problem, attempt),
                }
            )
        if passes and failures:
            chosen, rejected = passes[0], failures[0]
            dpo.append(
                {
                    "prompt": prompt,
                    "chosen": [{"role": "assistant", "content": chosen.completion.text}],
                    "rejected": [{"role": "assistant", "content": rejected.completion.text}],
                    "rejected_status": rejected.verdict.status.value,
                    "rejected_detail": rejected.verdict.detail,
                    **_metadata_columns(problem, chosen),
                }
            )
    return sft, dpo


def _write_dataset(rows: list[dict[str, Any]], folder: Path, name: str) -> None:
    from datasets import Dataset

    dataset = Dataset.from_list(rows) if rows else Dataset.from_dict({})
    dataset.save_to_disk(str(folder / name))
    dataset.to_parquet(str(folder / f"{name}.parquet"))
    with open(folder / f"{name}.jsonl", "w") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _card(manifest: dict[str, Any], counts: dict[str, Any]) -> str:
    config = manifest.get("config", {})
    statuses = "\n".join(f"| {k} | {v} |" for k, v in sorted(counts["verdicts"].items()))
    templates = "\n".join(f"| {k} | {v} |" for k, v in sorted(counts["templates"].items()))
    return f"""---
tags: [synthetic, verified, verigen]
configs:
- config_name: sft
  data_files: sft.parquet
- config_name: dpo
  data_files: dpo.parquet
---
# verigen dataset

Made by verigen {__version__}: templated problems with computed gold answers, solutions written
by the teacher `{manifest.get("teacher_model", "unknown")}`, each kept only after verification.

- `sft`: {counts["sft_rows"]} rows, TRL conversational format (`messages`), verdict `pass` only.
- `dpo`: {counts["dpo_rows"]} rows (`prompt`, `chosen`, `rejected`): chosen passed verification,
  rejected is a verified failure of the same problem (its failure type in `rejected_status`).

Problems: {counts["problems"]}; attempts: {counts["attempts"]}; seed {config.get("seed")};
samples per problem {config.get("samples")}.

| verdict | attempts |
|---|---|
{statuses}

| template | problems |
|---|---|
{templates}
"""


def export_run(run_dir: Path, out_dir: Path) -> ExportResult:
    with RunStore(run_dir, create=False) as store:
        manifest = store.get_manifest()
        problems = store.problems()
        attempts = [a for a, _ in store.attempts()]
    sft, dpo = build_rows(problems, attempts, manifest.get("config", {}).get("system_prompt"))
    counts = {
        "problems": len(problems),
        "attempts": len(attempts),
        "sft_rows": len(sft),
        "dpo_rows": len(dpo),
        "verdicts": dict(Counter(a.verdict.status.value for a in attempts)),
        "templates": dict(Counter(p.template for p in problems)),
    }
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        _write_dataset(sft, staging, "sft")
        _write_dataset(dpo, staging, "dpo")
        (staging / "README.md").write_text(_card(manifest, counts))
        (staging / "counts.json").write_text(json.dumps(counts, indent=2, sort_keys=True))
        if out_dir.exists():
            old = out_dir.with_name(f".{out_dir.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            out_dir.rename(old)
            staging.rename(out_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ExportResult(out_dir, len(sft), len(dpo), counts)
