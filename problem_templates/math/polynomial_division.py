"""Polynomial long division: the quotient or the remainder; the answer is an expression in x."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (degrees, exactness, monic or not):
#   1  quadratic ÷ (x - a), exact, ask the quotient
#   2  cubic ÷ (x - a), exact, ask the quotient
#   3  cubic ÷ (x - a) with a non-zero remainder, ask the quotient
#   4  quartic ÷ monic quadratic, ask the (linear) remainder
#   5  quartic or quintic ÷ non-monic quadratic, rational coefficients, ask quotient or remainder

X = sp.Symbol("x")


def _nonzero(rng: random.Random, bound: int) -> int:
    return rng.choice([k for k in range(-bound, bound + 1) if k != 0])


def _poly(rng: random.Random, degree: int, bound: int) -> sp.Expr:
    return _nonzero(rng, bound) * X**degree + sum(rng.randint(-bound, bound) * X**k for k in range(degree))


def _problem(rng: random.Random, difficulty: int) -> tuple[sp.Expr, sp.Expr, str]:
    """Return (dividend, divisor, which part is asked)."""
    if difficulty <= 3:
        divisor = X - _nonzero(rng, 5)
        if difficulty == 3:
            while True:
                dividend = _poly(rng, 3, 6)
                if sp.rem(dividend, divisor, X) != 0:
                    return dividend, divisor, "quotient"
        return sp.expand(divisor * _poly(rng, difficulty, 5)), divisor, "quotient"
    lead = 1 if difficulty == 4 else rng.choice((2, 3, -2))
    divisor = lead * X**2 + rng.randint(-4, 4) * X + _nonzero(rng, 5)
    ask = "remainder" if difficulty == 4 else rng.choice(("quotient", "remainder"))
    while True:
        dividend = _poly(rng, rng.choice((4, 5)) if difficulty == 5 else 4, 6)
        if sp.degree(sp.rem(dividend, divisor, X), X) == 1:
            return dividend, divisor, ask


@register
class PolynomialDivision(MathTemplate):
    name = "polynomial_division"
    area = "polynomials"
    description = "Quotient or remainder of polynomial long division; expression answer."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        dividend, divisor, ask = _problem(rng, difficulty)
        quotient, remainder = sp.div(dividend, divisor, X)
        p, d = sp.latex(dividend), sp.latex(divisor)
        question = rng.choice(
            (
                f"Find the {ask} when ${p}$ is divided by ${d}$.",
                f"Use polynomial long division to divide ${p}$ by ${d}$. What is the {ask}?",
                f"Let $p(x) = {p}$ and $d(x) = {d}$. Determine the {ask} of $p(x) \\div d(x)$.",
            )
        )
        metadata = {
            "dividend": [int(c) for c in sp.Poly(dividend, X).all_coeffs()],
            "divisor": [int(c) for c in sp.Poly(divisor, X).all_coeffs()],
            "ask": ask,
        }
        answer = sp.expand(quotient if ask == "quotient" else remainder)
        return MathItem(question, answer, AnswerType.EXPRESSION, metadata)
