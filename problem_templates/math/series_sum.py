"""Sums of arithmetic and geometric sequences, finite and infinite; integer or rational answer."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the kind of sequence, the number of terms, integer vs fractional data):
#   1  arithmetic, d > 0, n <= 10 terms
#   2  arithmetic, d of either sign, n <= 40, or the sum of the multiples of k in a range
#   3  geometric, integer ratio, n <= 8
#   4  geometric, fractional ratio, n <= 7
#   5  infinite geometric series with |r| < 1 and a fractional first term

K = sp.Symbol("k", integer=True, positive=True)
RATIOS = {
    3: (2, 3, -2, -3),
    4: ("1/2", "-1/2", "1/3", "2/3", "-2/3", "3/2"),
    5: ("1/2", "-1/2", "1/3", "-1/3", "2/3", "3/4", "-3/5", "2/5"),
}


def _question(rng: random.Random, kind: str, first: sp.Rational, step: sp.Rational, n: int | None) -> str:
    geometric = kind != "arithmetic"
    terms = [first * step**i if geometric else first + i * step for i in range(3)]
    if geometric:
        body = f"{sp.latex(first)} \\cdot \\left({sp.latex(step)}\\right)^{{k-1}}"
    else:
        body = sp.latex(sp.expand(first + (K - 1) * step))
    upper = "\\infty" if n is None else str(n)
    sigma = f"$\\sum_{{k=1}}^{{{upper}}} \\left({body}\\right)$"
    if n is None:
        series = " + ".join(sp.latex(t) for t in terms).replace("+ -", "-") + " + \\cdots"
        return rng.choice(
            (f"Find the sum of the infinite geometric series ${series}$.", f"Evaluate {sigma}.")
        )
    sequence = ", ".join(sp.latex(t) for t in terms) + ", \\ldots"
    return rng.choice(
        (
            f"Find the sum of the first ${n}$ terms of the {kind} sequence ${sequence}$.",
            f"Evaluate {sigma}.",
            f"The {kind} sequence ${sequence}$ continues. What is the sum of its first ${n}$ terms?",
        )
    )


def _arithmetic(rng: random.Random, difficulty: int) -> tuple[str, sp.Rational, sp.Rational, int]:
    """Return (question, first term, common difference, number of terms)."""
    if difficulty == 2 and rng.random() < 0.4:
        k, lo = rng.randint(3, 9), rng.randint(1, 30)
        hi = lo + rng.randint(20, 120)
        first = sp.ceiling(sp.Rational(lo, k)) * k
        n = int(sp.floor(sp.Rational(hi, k))) - int(first / k) + 1
        question = f"What is the sum of all multiples of ${k}$ between ${lo}$ and ${hi}$, inclusive?"
        return question, first, sp.Integer(k), n
    first = sp.Integer(rng.randint(-10, 10))
    step = sp.Integer(rng.randint(1, 5) if difficulty == 1 else rng.choice([d for d in range(-7, 8) if d]))
    n = rng.randint(5, 10) if difficulty == 1 else rng.randint(10, 40)
    return "", first, step, n


@register
class SeriesSum(MathTemplate):
    name = "series_sum"
    area = "sequences"
    description = "Sum of an arithmetic or geometric sequence (finite or infinite)."
    small_space = "short arithmetic/geometric series: a few hundred prompts per difficulty"

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        question, n = "", None
        if difficulty <= 2:
            kind = "arithmetic"
            question, first, step, n = _arithmetic(rng, difficulty)
            term = first + (K - 1) * step
        else:
            kind = "geometric" if difficulty < 5 else "infinite_geometric"
            step = sp.Rational(rng.choice(RATIOS[difficulty]))
            first = sp.Integer(rng.randint(1, 9)) * rng.choice((1, -1))
            if difficulty == 5:
                first /= rng.randint(1, 4)
            else:
                n = rng.randint(4, 8 if difficulty == 3 else 7)
            term = first * step ** (K - 1)
        total = sp.summation(term, (K, 1, n if n is not None else sp.oo))
        if not question:
            question = _question(rng, kind, first, step, n)
        answer_type = AnswerType.INTEGER if total.is_integer else AnswerType.RATIONAL
        metadata = {"kind": kind, "first": str(first), "step": str(step), "terms": n}
        return MathItem(question, sp.Rational(total), answer_type, metadata)
