"""Core value types shared by every stage: Problem, Attempt, Verdict.

Everything here is plain data that round-trips through JSON, so the store, the CLI files and the
exported datasets all carry the same shapes.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, Literal

Kind = Literal["math", "code"]


class Status(StrEnum):
    """The one verdict vocabulary used in CLI output, the store and dataset columns."""

    PASS = "pass"
    WRONG_ANSWER = "wrong_answer"
    NO_ANSWER = "no_answer"
    SYNTAX_ERROR = "syntax_error"
    RUNTIME_ERROR = "runtime_error"
    TIMEOUT = "timeout"
    MEMORY_LIMIT = "memory_limit"
    OUTPUT_LIMIT = "output_limit"
    UNVERIFIED = "unverified"
    INFRA_ERROR = "infra_error"


# Failures that are the model's own, verified as such: these (and only these) may be DPO `rejected`.
MODEL_FAILURES = frozenset(
    {
        Status.WRONG_ANSWER,
        Status.SYNTAX_ERROR,
        Status.RUNTIME_ERROR,
        Status.TIMEOUT,
        Status.MEMORY_LIMIT,
        Status.OUTPUT_LIMIT,
    }
)


@dataclass(frozen=True)
class Verdict:
    status: Status
    extracted: str | None = None
    detail: str = ""

    @property
    def passed(self) -> bool:
        return self.status is Status.PASS

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status.value, "extracted": self.extracted, "detail": self.detail}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Verdict:
        return cls(Status(data["status"]), data.get("extracted"), data.get("detail", ""))


def problem_id(template: str, version: int, seed: int, index: int, difficulty: int) -> str:
    """A stable id: a pure function of what determines the problem's content."""
    key = f"{template}\x1f{version}\x1f{seed}\x1f{index}\x1f{difficulty}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class Problem:
    """One generated problem with its gold answer.

    `answer` is kind-specific, structured JSON: for math an encoded sympy object plus its answer
    type (see verigen.math.gold); for code the entry point, test style and hidden tests.
    """

    id: str
    template: str
    template_version: int
    kind: Kind
    seed: int
    index: int
    difficulty: int
    prompt: str
    answer: dict[str, Any]
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Problem:
        return cls(**data)


@dataclass(frozen=True)
class Completion:
    """One teacher response."""

    text: str
    finish_reason: str | None
    prompt_tokens: int
    completion_tokens: int
    model: str
    cached: bool = False


@dataclass(frozen=True)
class Attempt:
    """One sample of the teacher on one problem, with its verdict."""

    problem_id: str
    sample_index: int
    completion: Completion
    verdict: Verdict
