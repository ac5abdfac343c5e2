"""Dataset rows in TRL's conversational shapes, and the length statistics the card reports.

SFT: {"messages": [..., assistant]}; DPO: {"prompt": [...], "chosen": [assistant],
"rejected": [assistant]}; problems: one row per kept problem with its gold answer and pass rate
(the natural input of an RL run). Every row carries the same metadata columns, so `datasets` sees
one schema.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from typing import Any

from verigen.curate.pairing import Pair
from verigen.pipeline import messages_for
from verigen.types import Attempt, Problem


@dataclass(frozen=True)
class Difficulty:
    pass_rate: float | None  # passes / n_samples; None without a decided sample
    n_samples: int  # attempts with a decided verdict (not unverified, not infra_error)


def _columns(problem: Problem, difficulty: Difficulty, cluster_id: str) -> dict[str, Any]:
    return {
        "problem_id": problem.id,
        "template": problem.template,
        "kind": problem.kind,
        "difficulty": problem.difficulty,
        "pass_rate": difficulty.pass_rate,
        "n_samples": difficulty.n_samples,
        "cluster_id": cluster_id,
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


def _assistant(attempt: Attempt) -> dict[str, str]:
    return {"role": "assistant", "content": attempt.completion.text}


def sft_row(
    problem: Problem, attempt: Attempt, difficulty: Difficulty, cluster_id: str, system: str | None
) -> dict[str, Any]:
    return {
        "messages": [*messages_for(problem, system), _assistant(attempt)],
        "sample_index": attempt.sample_index,
        "verdict_detail": attempt.verdict.detail,
        "teacher_model": attempt.completion.model,
        **_columns(problem, difficulty, cluster_id),
    }


def dpo_row(
    problem: Problem, pair: Pair, difficulty: Difficulty, cluster_id: str, system: str | None
) -> dict[str, Any]:
    return {
        "prompt": messages_for(problem, system),
        "chosen": [_assistant(pair.chosen)],
        "rejected": [_assistant(pair.rejected)],
        "rejected_status": pair.rejected.verdict.status.value,
        "rejected_detail": pair.rejected.verdict.detail,
        "chosen_sample_index": pair.chosen.sample_index,
        "rejected_sample_index": pair.rejected.sample_index,
        "teacher_model": pair.chosen.completion.model,
        **_columns(problem, difficulty, cluster_id),
    }


def problem_row(
    problem: Problem, difficulty: Difficulty, cluster_id: str, system: str | None
) -> dict[str, Any]:
    return {"prompt": messages_for(problem, system), **_columns(problem, difficulty, cluster_id)}


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 2) if values else None


def _median(values: list[float]) -> float | None:
    return round(float(statistics.median(values)), 2) if values else None


def sft_length_stats(attempts: list[Attempt]) -> dict[str, Any]:
    chars = [float(len(a.completion.text)) for a in attempts]
    toks = [float(a.completion.completion_tokens) for a in attempts]
    return {
        "rows": len(attempts),
        "chars_mean": _mean(chars),
        "chars_median": _median(chars),
        "chars_max": max(chars, default=None),
        "tokens_mean": _mean(toks),
        "tokens_median": _median(toks),
    }


def dpo_length_stats(pairs: list[Pair]) -> dict[str, Any]:
    """Length bias: a preference set whose chosen side is systematically longer teaches length."""
    chosen = [float(len(p.chosen.completion.text)) for p in pairs]
    rejected = [float(len(p.rejected.completion.text)) for p in pairs]
    diff_tokens = [
        float(p.chosen.completion.completion_tokens - p.rejected.completion.completion_tokens) for p in pairs
    ]
    return {
        "pairs": len(pairs),
        "chosen_chars_mean": _mean(chosen),
        "rejected_chars_mean": _mean(rejected),
        "chosen_minus_rejected_chars_mean": _mean([c - r for c, r in zip(chosen, rejected, strict=True)]),
        "chosen_minus_rejected_tokens_mean": _mean(diff_tokens),
        "chosen_longer_fraction": (
            round(sum(c > r for c, r in zip(chosen, rejected, strict=True)) / len(pairs), 4)
            if pairs
            else None
        ),
    }
