"""Solve a linear, compound, or quadratic inequality; the answer is an interval or a union."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty:
#   1  a x + b < c with a > 0 (one step)
#   2  x on both sides, a coefficient that may be negative (the sign flips), rational endpoint
#   3  compound  lo < a x + b <= hi  (a bounded interval, a may be negative)
#   4  quadratic with distinct integer roots, any of < <= > >= (an interval or a union of two rays)
#   5  quadratic with irrational roots and a possibly negative leading coefficient, constant moved

RELATIONS = {"<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge}
REL_LATEX = {"<": "<", "<=": "\\le", ">": ">", ">=": "\\ge"}
X = sp.Symbol("x")

PHRASINGS = (
    "Solve the inequality ${ineq}$. Write the solution set in interval notation.",
    "Find all real $x$ such that ${ineq}$. Express your answer as an interval or union of intervals.",
    "For which real numbers $x$ does ${ineq}$ hold? Give the answer in interval notation.",
)


def _nonzero(rng: random.Random, bound: int) -> int:
    return rng.choice([k for k in range(-bound, bound + 1) if k != 0])


def _quadratic(rng: random.Random, difficulty: int) -> sp.Expr:
    while True:
        if difficulty == 4:
            r1, r2 = rng.sample(range(-7, 8), 2)
            return rng.choice((1, 1, 2)) * sp.expand((X - r1) * (X - r2))
        a, b, c = _nonzero(rng, 3), rng.randint(-8, 8), rng.randint(-8, 8)
        disc = b * b - 4 * a * c
        if disc > 0 and sp.sqrt(disc).is_irrational:
            return a * X**2 + b * X + c


def _constraints(rng: random.Random, difficulty: int) -> tuple[str, list[tuple[sp.Expr, str]]]:
    """Return (LaTeX of the inequality, [(expr, relation)]) meaning every `expr relation 0` holds."""
    rel = rng.choice(tuple(RELATIONS))
    if difficulty == 1:
        a, b, c = rng.randint(1, 9), rng.randint(-10, 10), rng.randint(-10, 10)
        return f"{sp.latex(a * X + b)} {REL_LATEX[rel]} {c}", [(a * X + b - c, rel)]
    if difficulty == 2:
        a, c = rng.sample([k for k in range(-9, 10) if k != 0], 2)
        b, d = rng.randint(-12, 12), rng.randint(-12, 12)
        lhs, rhs = a * X + b, c * X + d
        return f"{sp.latex(lhs)} {REL_LATEX[rel]} {sp.latex(rhs)}", [(lhs - rhs, rel)]
    if difficulty == 3:
        a, b = _nonzero(rng, 6), rng.randint(-10, 10)
        lo = rng.randint(-15, 10)
        hi = lo + rng.randint(1, 15)
        lo_rel, hi_rel = rng.choice(("<", "<=")), rng.choice(("<", "<="))
        text = f"{lo} {REL_LATEX[lo_rel]} {sp.latex(a * X + b)} {REL_LATEX[hi_rel]} {hi}"
        return text, [(lo - (a * X + b), lo_rel), (a * X + b - hi, hi_rel)]
    quadratic = _quadratic(rng, difficulty)
    shift = rng.randint(-6, 6) if difficulty == 5 else 0
    return f"{sp.latex(quadratic + shift)} {REL_LATEX[rel]} {shift}", [(quadratic, rel)]


@register
class SolveInequality(MathTemplate):
    name = "solve_inequality"
    area = "inequalities"
    description = "Solve a linear, compound or quadratic inequality; answer is an interval or union."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        text, constraints = _constraints(rng, difficulty)
        answer = sp.S.Reals
        for expr, rel in constraints:
            answer = answer.intersect(sp.solveset(RELATIONS[rel](expr, 0), X, sp.S.Reals))
        if not isinstance(answer, sp.Interval | sp.Union):
            raise AssertionError(f"unexpected solution set {answer} for {text}")
        metadata = {
            "constraints": [
                {"coefficients": [int(c) for c in sp.Poly(expr, X).all_coeffs()], "relation": rel}
                for expr, rel in constraints
            ]
        }
        question = rng.choice(PHRASINGS).format(ineq=text)
        return MathItem(question, answer, AnswerType.INTERVAL, metadata)
