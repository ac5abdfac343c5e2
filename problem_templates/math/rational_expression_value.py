"""Simplify a rational expression, then give the value of the simplified form at a point.

The point is often the cancelled root, where the original expression is undefined: plugging into
the question's expression gives 0/0, and copying the expression back cannot pass, because the
answer asked for is a number.
"""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import X, nonzero, one_of, tex
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (degree of the hidden common factor and of what remains, coefficient sizes):
#   1  m (x - r)(x + a) / (x - r): a quadratic over a linear (|r|, |a| <= 15)
#   2  (x - r)(a x + b) / ((x - r)(c x + d)): quadratic over quadratic
#   3  (x - r)(quadratic) / ((x - r)(linear)): cubic over quadratic
#   4  a common quadratic factor (x - r)(x - s): cubic over cubic
#   5  a sum  (a x + b)/(x - r) - c/(x^2 - (r + s) x + r s)  whose combined form cancels x - r

HOLE = (
    "Simplify ${e}$. The original expression is undefined at $x = {v}$; what value does the simplified "
    "expression take there?",
    "Once common factors are cancelled, ${e}$ becomes a simpler expression. What is the value of that "
    "simplified expression at $x = {v}$?",
    "What value must be assigned at $x = {v}$ so that ${e}$, after cancelling common factors, is defined "
    "there? Give that value.",
)
POINT = (
    "Simplify ${e}$ and evaluate the result at $x = {v}$.",
    "Reduce ${e}$ to lowest terms, then find its value when $x = {v}$.",
    "Let $f(x) = {e}$. Simplify $f$ and compute $f({v})$.",
    "After simplifying ${e}$ completely, what is its value at $x = {v}$?",
)


def _poly(coefficients: list[int]) -> sp.Expr:
    return sp.Add(*(c * X**k for k, c in enumerate(reversed(coefficients))))


def _coeffs(expr: sp.Expr) -> list[int]:
    return [int(c) for c in sp.Poly(sp.expand(expr), X).all_coeffs()]


def _terms(rng: random.Random, difficulty: int) -> tuple[list[tuple[sp.Expr, sp.Expr]], int]:
    """(numerator, denominator) pairs whose sum is the expression, and the cancelled root r."""
    r = nonzero(rng, 9)
    if difficulty == 1:
        r = nonzero(rng, 15)
        return [(rng.choice((1, 2, 3, -1, -2)) * (X - r) * (X + nonzero(rng, 15)), X - r)], r
    if difficulty == 2:
        top = nonzero(rng, 5) * X + nonzero(rng, 9)
        return [((X - r) * top, (X - r) * (nonzero(rng, 4) * X + nonzero(rng, 9)))], r
    if difficulty == 3:
        top = nonzero(rng, 3) * X**2 + rng.randint(-9, 9) * X + nonzero(rng, 9)
        return [((X - r) * top, (X - r) * (X + nonzero(rng, 9)))], r
    if difficulty == 4:
        s = nonzero(rng, 9)
        common = (X - r) * (X - s)
        top, bottom = nonzero(rng, 5) * X + nonzero(rng, 9), nonzero(rng, 3) * X + nonzero(rng, 9)
        return [(common * top, common * bottom)], r
    s = nonzero(rng, 9)
    a, b = nonzero(rng, 6), rng.randint(-9, 9)
    c = (a * r + b) * (r - s)
    return [(a * X + b, X - r), (-c, (X - r) * (X - s))], r


@register
class RationalExpressionValue(MathTemplate):
    name = "rational_expression_value"
    area = "algebra"
    description = "Simplify a rational expression by cancelling common factors; give its value at a point."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            terms, r = _terms(rng, difficulty)
            expression = sp.Add(*(sp.expand(n) / sp.expand(d) for n, d in terms))
            simplified = sp.cancel(sp.together(expression))
            combined = sp.together(expression)
            if not simplified.has(X) or sp.degree(sp.denom(simplified), X) >= sp.degree(
                sp.denom(combined), X
            ):
                continue  # nothing cancels, or nothing is left
            at_hole = rng.random() < 0.6
            v = r if at_hole else rng.randint(-10, 10)
            if sp.denom(simplified).subs(X, v) == 0:
                continue
            if any(sp.expand(n).is_zero for n, _ in terms):
                continue
            break
        value = simplified.subs(X, v)
        parts = []
        for n, d in terms:
            numerator, denominator = sp.expand(n), sp.expand(d)
            if numerator.could_extract_minus_sign() and parts:
                parts.append(f"- \\frac{{{tex(-numerator)}}}{{{tex(denominator)}}}")
            else:
                parts.append(("+ " if parts else "") + f"\\frac{{{tex(numerator)}}}{{{tex(denominator)}}}")
        latex = " ".join(parts)
        undefined = any(sp.expand(d).subs(X, v) == 0 for _, d in terms)
        phrasings = HOLE if undefined else POINT
        question = one_of(rng, phrasings, e=latex, v=v)
        metadata = {
            "terms": [[_coeffs(n), _coeffs(d)] for n, d in terms],
            "x": v,
            "latex": latex,
        }
        atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
        return MathItem(question, value, atype, metadata)
