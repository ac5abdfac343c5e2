"""How hard a negative is: the closer a wrong answer came to right, the more a DPO pair teaches.

Code: a wrong answer that ran cleanly beats a crash, and one that failed a later test beats one
that failed the first. Math: a wrong number close to the gold beats a far one. Closeness is computed
on the host from the verdict's extracted text through the guarded grammar parser (never sympify),
and only for short numeric answers, so no untrusted text can make this slow.
"""

from __future__ import annotations

import math
import re

import sympy as sp

from verigen.math.gold import AnswerType, MathGold
from verigen.math.parse import parse_answer
from verigen.types import Attempt, Problem, Status

CODE_RANK = {
    Status.WRONG_ANSWER: 0,
    Status.TIMEOUT: 1,
    Status.OUTPUT_LIMIT: 2,
    Status.MEMORY_LIMIT: 2,
    Status.RUNTIME_ERROR: 3,
    Status.SYNTAX_ERROR: 4,
}
MAX_ANSWER_CHARS = 64
_NUMERIC = frozenset({AnswerType.INTEGER, AnswerType.RATIONAL, AnswerType.REAL})
_FAILED_TEST = re.compile(r"^test (\d+):")


def math_distance(problem: Problem, extracted: str | None) -> float | None:
    """|answer - gold| / max(|gold|, 1) for a single numeric answer, or None when not comparable."""
    if not extracted or len(extracted) > MAX_ANSWER_CHARS:
        return None
    try:
        gold = MathGold.from_json(problem.answer)
        if gold.type not in _NUMERIC:
            return None
        values = parse_answer(extracted, gold.type)
        if len(values) != 1:
            return None
        a, g = complex(sp.N(values[0], 15)), complex(sp.N(gold.value, 15))
    except Exception:  # unparseable or non-numeric: simply not comparable
        return None
    distance = abs(a - g) / max(abs(g), 1.0)
    return distance if math.isfinite(distance) else None


def hardness(problem: Problem, attempt: Attempt) -> tuple[int, float]:
    """A sort key: smaller is a harder (more informative) negative."""
    status = attempt.verdict.status
    if problem.kind == "code":
        passed_before = 0.0
        if status is Status.WRONG_ANSWER and (m := _FAILED_TEST.match(attempt.verdict.detail)):
            passed_before = float(m.group(1)) - 1
        return CODE_RANK.get(status, 5), -passed_before
    distance = math_distance(problem, attempt.verdict.extracted)
    return (0, distance) if distance is not None else (1, 0.0)
