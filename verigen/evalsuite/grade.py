"""Grade a model's responses against a frozen eval suite with verigen's own verifiers."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from verigen import __version__
from verigen.errors import InputFileError
from verigen.evalsuite.export import load_eval_suite
from verigen.math.batch import DEFAULT_DEADLINE
from verigen.types import Problem, Status, Verdict


@dataclass(frozen=True)
class EvalScores:
    """Accuracy over the suite: every suite problem counts, a missing prediction as wrong."""

    total: int
    correct: int
    by_template: dict[str, dict[str, float]]
    by_difficulty: dict[int, dict[str, float]]
    by_kind: dict[str, dict[str, float]]
    verdicts: dict[str, int]
    missing: int  # suite problems without a prediction
    unknown: int  # predictions for ids not in the suite (ignored)
    fingerprint: str

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def infra_errors(self) -> int:
        """Items the checker could not run (our side, e.g. the sandbox): graded as not correct."""
        return self.verdicts.get(Status.INFRA_ERROR.value, 0)

    def to_json(self) -> dict[str, Any]:
        return {
            "accuracy": self.accuracy,
            "total": self.total,
            "correct": self.correct,
            "by_template": self.by_template,
            "by_difficulty": {str(k): v for k, v in self.by_difficulty.items()},
            "by_kind": self.by_kind,
            "verdicts": self.verdicts,
            "missing": self.missing,
            "unknown": self.unknown,
            "fingerprint": self.fingerprint,
            "verigen_version": __version__,
        }

    def text(self) -> str:
        lines = [f"accuracy {self.accuracy:.1%} ({self.correct}/{self.total})"]
        lines += [
            f"  {t:<32} {s['accuracy']:.1%} ({s['correct']}/{s['n']})" for t, s in self.by_template.items()
        ]
        if self.missing or self.unknown or self.infra_errors:
            lines.append(
                f"missing predictions {self.missing}, unknown ids {self.unknown}, "
                f"checker infra errors {self.infra_errors}"
            )
        return "\n".join(lines)


def read_predictions(path: Path) -> dict[str, str]:
    """`{"id": ..., "response": "..."}` lines -> id: response. Duplicate ids are an error."""
    predictions: dict[str, str] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(f"cannot read predictions {path}: {exc}") from None
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise InputFileError(f"{path} line {lineno}: invalid JSON") from None
        if not isinstance(record, dict) or not isinstance(record.get("response"), str) or "id" not in record:
            raise InputFileError(f"{path} line {lineno}: expected {{'id': ..., 'response': '...'}}")
        pid = str(record["id"])
        if pid in predictions:
            raise InputFileError(f"{path} line {lineno}: a second prediction for id {pid!r}")
        predictions[pid] = record["response"]
    return predictions


def _group(
    problems: list[Problem], verdicts: list[Verdict], key: Callable[[Problem], Any]
) -> dict[Any, dict[str, float]]:
    groups: dict[Any, dict[str, float]] = {}
    for problem, verdict in zip(problems, verdicts, strict=True):
        g = groups.setdefault(key(problem), {"n": 0, "correct": 0, "accuracy": 0.0})
        g["n"] += 1
        g["correct"] += verdict.passed
    for g in groups.values():
        g["accuracy"] = g["correct"] / g["n"]
    return dict(sorted(groups.items()))


def grade_eval_suite(
    suite_dir: Path, predictions_jsonl: Path, *, out_path: Path | None = None, workers: int | None = None
) -> EvalScores:
    """Grade responses against the frozen suite with its recorded checker settings. With
    `out_path`, also write one verdict line per suite problem (JSONL)."""
    from verigen.io import write_jsonl_atomic
    from verigen.verifiers import Verifiers

    manifest, problems = load_eval_suite(suite_dir)
    predictions = read_predictions(predictions_jsonl)
    answered = [p for p in problems if p.id in predictions]
    with Verifiers(
        math_deadline=float(manifest.get("math_deadline") or DEFAULT_DEADLINE),
        workers=workers,
        code_timeout=manifest.get("code_timeout"),
    ) as verifiers:
        got = iter(verifiers.verify([(p, predictions[p.id]) for p in answered]) if answered else [])
    missing = Verdict(Status.NO_ANSWER, None, "no prediction for this problem")
    verdicts = [next(got) if p.id in predictions else missing for p in problems]
    if out_path is not None:
        write_jsonl_atomic(
            Path(out_path),
            (
                {"id": p.id, "template": p.template, "difficulty": p.difficulty, **v.to_json()}
                for p, v in zip(problems, verdicts, strict=True)
            ),
        )
    suite_ids = {p.id for p in problems}
    return EvalScores(
        total=len(problems),
        correct=sum(v.passed for v in verdicts),
        by_template=_group(problems, verdicts, lambda p: p.template),
        by_difficulty=_group(problems, verdicts, lambda p: p.difficulty),
        by_kind=_group(problems, verdicts, lambda p: p.kind),
        verdicts=dict(sorted(Counter(v.status.value for v in verdicts).items())),
        missing=len(problems) - len(answered),
        unknown=len(set(predictions) - suite_ids),
        fingerprint=manifest["fingerprint"],
    )
