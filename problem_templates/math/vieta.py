"""Vieta's formulas: symmetric functions of the roots of a quadratic, cubic or quartic.

The roots may be irrational or complex; the symmetric function is rational. It is computed by
rewriting it in the elementary symmetric polynomials (sympy's `symmetrize`) and substituting the
coefficients, never by finding the roots.
"""

from __future__ import annotations

import random

import sympy as sp
from sympy.polys.polyfuncs import symmetrize

from problem_templates.math._helpers import X, one_of, tex
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (degree and the symmetric function asked for):
#   1  quadratic: sum or product of the roots
#   2  quadratic: sum of squares, or sum of reciprocals
#   3  quadratic: sum of cubes, (r - s)^2, or r/s + s/r
#   4  cubic: sum of squares, sum of reciprocals, sum of pairwise products, or (1 + r)(1 + s)(1 + t)
#   5  cubic: sum of cubes or sum of squares of reciprocals; quartic: sum of squares

R = sp.symbols("r1:5")
NAMES = {2: "r, s", 3: "r, s, t", 4: "r, s, t, u"}
LETTERS = sp.symbols("r s t u")

ASKS: dict[int, tuple[str, ...]] = {
    1: ("sum", "product"),
    2: ("squares", "reciprocals"),
    3: ("cubes", "gap", "ratios"),
    4: ("squares", "reciprocals", "pairs", "shifted"),
    5: ("cubes", "inverse_squares"),
}


def _function(ask: str, n: int) -> sp.Expr:
    r = R[:n]
    return {
        "sum": sp.Add(*r),
        "product": sp.Mul(*r),
        "squares": sp.Add(*(v**2 for v in r)),
        "cubes": sp.Add(*(v**3 for v in r)),
        "reciprocals": sp.Add(*(1 / v for v in r)),
        "inverse_squares": sp.Add(*(1 / v**2 for v in r)),
        "gap": (r[0] - r[-1]) ** 2,
        "ratios": r[0] / r[-1] + r[-1] / r[0],
        "pairs": sp.Add(*(r[i] * r[j] for i in range(n) for j in range(i + 1, n))),
        "shifted": sp.Mul(*(1 + v for v in r)),
    }[ask]


def evaluate_symmetric(function: sp.Expr, coefficients: list[int]) -> sp.Rational:
    """Value of a symmetric rational function of the roots, from the coefficients (Vieta)."""
    n = len(coefficients) - 1
    roots = R[:n]
    lead = coefficients[0]
    elementary = {k: (-1) ** k * sp.Rational(coefficients[k], lead) for k in range(1, n + 1)}
    numerator, denominator = sp.fraction(sp.together(function))
    values = []
    for part in (numerator, denominator):
        symmetric, remainder, mapping = symmetrize(sp.expand(part), *roots, formal=True)
        if remainder != 0:
            raise ValueError(f"{part} is not symmetric")
        substitution = {s: elementary[int(str(s)[1:])] for s, _ in mapping}
        values.append(symmetric.subs(substitution))
    if values[1] == 0:
        raise ZeroDivisionError("a root is zero")
    return sp.Rational(values[0] / values[1])


def _latex(ask: str, n: int) -> str:
    letters = LETTERS[:n]
    return tex(_function(ask, n).subs(dict(zip(R[:n], letters, strict=False))))


@register
class Vieta(MathTemplate):
    name = "vieta"
    area = "polynomials"
    description = "Symmetric functions of polynomial roots via Vieta's formulas; rational answer."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        ask = rng.choice(ASKS[difficulty])
        degree = 2 if difficulty <= 3 else 3
        if difficulty == 5 and rng.random() < 0.4:
            degree, ask = 4, "squares"
        while True:
            lead = rng.choice((1, 1, 2, 3, -1, -2)) if difficulty > 1 else rng.randint(1, 5)
            coefficients = [lead] + [rng.randint(-12, 12) for _ in range(degree)]
            if coefficients[-1] == 0 or sp.discriminant(sp.Poly(coefficients, X)) == 0:
                continue  # a zero root, or a repeated root
            try:
                value = evaluate_symmetric(_function(ask, degree), coefficients)
            except ZeroDivisionError:
                continue
            break
        poly = sp.Poly(coefficients, X).as_expr()
        roots = NAMES[degree]
        question = one_of(
            rng,
            (
                "Let ${roots}$ be the roots (real or complex) of ${p} = 0$. Compute ${f}$.",
                "The equation ${p} = 0$ has roots ${roots}$. Without solving it, find ${f}$.",
                "If ${roots}$ are the roots of ${p}$, what is the value of ${f}$?",
                "Using Vieta's formulas for ${p} = 0$ with roots ${roots}$, evaluate ${f}$.",
            ),
            roots=roots,
            p=tex(poly),
            f=_latex(ask, degree),
        )
        metadata = {"coefficients": coefficients, "ask": ask}
        atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
        return MathItem(question, value, atype, metadata)
