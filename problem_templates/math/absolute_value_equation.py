"""Absolute value equations; the answer is the (non-empty) set of real solutions.

Levels 3 and 5 produce candidate solutions that fail the original equation (extraneous roots of the
squared or case-split forms), which the solver must discard.
"""

from __future__ import annotations

import itertools
import random

import sympy as sp

from problem_templates.math._helpers import X, nonzero, one_of, tex
from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (what is inside and outside the bars, and so the number of cases):
#   1  |x + b| = c                      (two integer solutions)
#   2  |a x + b| = c                    (rational solutions)
#   3  |a x + b| = c x + d              (a case may be extraneous)
#   4  |a x + b| = |c x + d|
#   5  |x^2 + b x + c| = d  or  |x - p| + |x - q| = c x + d  (up to four solutions, radicals possible)

PHRASINGS = (
    "Solve ${eq}$ over the real numbers. Give the solution set.",
    "Find every real number $x$ with ${eq}$. Write your answer as a set.",
    "What is the set of all real solutions of ${eq}$?",
    "Determine all real $x$ satisfying ${eq}$, as a set.",
)


def _sides(rng: random.Random, difficulty: int) -> tuple[sp.Expr, sp.Expr]:
    if difficulty == 1:
        return sp.Abs(X + nonzero(rng, 30)), sp.Integer(rng.randint(1, 30))
    if difficulty == 2:
        return sp.Abs(rng.randint(2, 7) * X + nonzero(rng, 15)), sp.Integer(rng.randint(1, 20))
    if difficulty == 3:
        return sp.Abs(nonzero(rng, 6) * X + nonzero(rng, 12)), nonzero(rng, 5) * X + rng.randint(-12, 12)
    if difficulty == 4:
        return sp.Abs(nonzero(rng, 6) * X + nonzero(rng, 12)), sp.Abs(nonzero(rng, 6) * X + nonzero(rng, 12))
    if rng.random() < 0.5:
        inner = X**2 + nonzero(rng, 8) * X + rng.randint(-12, 12)
        return sp.Abs(inner), sp.Integer(rng.randint(1, 15))
    p, q = rng.sample(range(-8, 9), 2)
    return sp.Abs(X - p) + sp.Abs(X - q), rng.randint(-3, 3) * X + rng.randint(1, 15)


def solve_by_cases(expr: sp.Expr) -> list[sp.Expr]:
    """Real roots of a polynomial expression with |...| terms: one polynomial equation per sign case."""
    bars = sorted(expr.atoms(sp.Abs), key=sp.default_sort_key)
    found: list[sp.Expr] = []
    for signs in itertools.product((1, -1), repeat=len(bars)):
        case = sp.expand(expr.xreplace({b: s * b.args[0] for b, s in zip(bars, signs, strict=True)}))
        if case.is_zero:
            raise ValueError("an identity on a whole interval")
        for root in sp.solve(case, X):
            if not root.is_real:
                continue
            root = sp.radsimp(root)
            valid = all(sp.sign(s * b.args[0].subs(X, root)) >= 0 for b, s in zip(bars, signs, strict=True))
            if valid and all(sp.simplify(root - r) != 0 for r in found):
                found.append(root)
    return found


@register
class AbsoluteValueEquation(MathTemplate):
    name = "absolute_value_equation"
    area = "equations"
    description = "Absolute value equations (linear and quadratic inside); the answer is a solution set."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            lhs, rhs = _sides(rng, difficulty)
            try:
                solutions = solve_by_cases(lhs - rhs)
            except ValueError:
                continue  # e.g. |x - 1| + |x - 3| = 2 holds on all of [1, 3]
            if solutions:
                break
        answer = sp.FiniteSet(*solutions)
        question = one_of(rng, PHRASINGS, eq=f"{tex(lhs)} = {tex(rhs)}")
        return MathItem(question, answer, AnswerType.SET, {"lhs": encode(lhs), "rhs": encode(rhs)})
