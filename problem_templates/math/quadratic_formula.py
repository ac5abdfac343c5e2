"""Quadratic equations with irrational roots, solved by the quadratic formula; one exact real answer."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import X, nonzero, one_of, tex
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (leading coefficient, rearranging, fractions, what is asked):
#   1  x^2 + b x + c = 0; the larger or the smaller root
#   2  a x^2 + b x + c = 0 with |a| in 2..5
#   3  x on both sides:  a x^2 + b x + c = d x + e
#   4  fractional coefficients (halves, thirds, quarters)
#   5  (p x + q)^2 = r x + s, to expand first; the larger root or the distance between the roots

ASK = {
    "larger": ("the larger root", "the greater solution", "the larger of the two solutions"),
    "smaller": ("the smaller root", "the lesser solution", "the smaller of the two solutions"),
    "difference": (
        "the positive difference between the two roots",
        "the distance between the two real solutions",
        "the larger root minus the smaller root",
    ),
}


def _sides(rng: random.Random, difficulty: int) -> tuple[sp.Expr, sp.Expr]:
    if difficulty == 1:
        return X**2 + nonzero(rng, 15) * X + rng.randint(-30, 30), sp.Integer(0)
    if difficulty == 2:
        return nonzero(rng, 5) * X**2 + nonzero(rng, 12) * X + rng.randint(-15, 15), sp.Integer(0)
    if difficulty == 3:
        lhs = nonzero(rng, 4) * X**2 + rng.randint(-9, 9) * X + rng.randint(-9, 9)
        return lhs, rng.randint(-9, 9) * X + rng.randint(-9, 9)
    if difficulty == 4:
        coefficients = [sp.Rational(nonzero(rng, 7), rng.choice((1, 2, 3, 4))) for _ in range(3)]
        return coefficients[0] * X**2 + coefficients[1] * X + coefficients[2], sp.Integer(0)
    p, q = nonzero(rng, 4), nonzero(rng, 7)
    return (p * X + q) ** 2, nonzero(rng, 12) * X + rng.randint(-20, 20)


@register
class QuadraticFormula(MathTemplate):
    name = "quadratic_formula"
    area = "equations"
    description = "Quadratic equations with irrational roots; the larger/smaller root or the root gap."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            lhs, rhs = _sides(rng, difficulty)
            poly = sp.Poly(sp.expand(lhs - rhs), X)
            if poly.degree() != 2:
                continue
            disc = sp.discriminant(poly)
            if disc > 0 and sp.sqrt(disc).is_irrational:
                break
        roots = sorted(sp.solve(poly.as_expr(), X), key=lambda r: sp.N(r, 30))
        ask = rng.choice(("larger", "smaller", "difference") if difficulty == 5 else ("larger", "smaller"))
        value = {"larger": roots[1], "smaller": roots[0], "difference": roots[1] - roots[0]}[ask]
        equation = f"{tex(lhs)} = {tex(rhs)}"
        question = one_of(
            rng,
            (
                "Solve ${eq}$ and give {ask}, in exact simplest radical form.",
                "Consider the equation ${eq}$. Find {ask}, exactly.",
                "Using the quadratic formula on ${eq}$, determine {ask}. Give an exact answer.",
                "What is {ask} of the equation ${eq}$? Express it exactly, using radicals.",
            ),
            eq=equation,
            ask=rng.choice(ASK[ask]),
        )
        coefficients = [[int(c.p), int(c.q)] for c in map(sp.Rational, poly.all_coeffs())]
        metadata = {"coefficients": coefficients, "ask": ask}
        return MathItem(question, sp.radsimp(value), AnswerType.REAL, metadata)
