"""Rational equations whose cleared form can have extraneous roots; the answer is the solution set.

The equation  A/(x - p) + B/(x - q) = C/((x - p)(x - q)) + D  clears to
A(x - q) + B(x - p) = C + D(x - p)(x - q). Choosing the roots r, s of the cleared quadratic first
and solving for B and C makes every coefficient an integer; taking s = p plants an extraneous root.
"""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import X, nonzero, one_of, tex
from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (number of poles, a planted extraneous root, factoring, fractional roots):
#   1  a/(x - p) = b/(x - q)  or  k(x^2 + b x)/(x - p) = c/(x - p)  (one solution; p may be extraneous)
#   2  A/(x - p) + B/(x - q) = D: two poles, no extraneous root
#   3  A/(x - p) + B/(x - q) = C/((x - p)(x - q)) + D with one extraneous root
#   4  as 3 with the product denominator expanded (factor it first); extraneous root or not
#   5  as 4 with a non-integer rational root

PHRASINGS = (
    "Solve ${eq}$ over the real numbers. Give the solution set.",
    "Find all real $x$ satisfying ${eq}$. Write the answer as a set.",
    "What is the set of real solutions of the equation ${eq}$?",
    "Determine every real solution of ${eq}$, and give them as a set.",
)


def _fraction(numerator: sp.Expr, denominator: sp.Expr, first: bool) -> str:
    negative = numerator.could_extract_minus_sign()
    body = f"\\frac{{{tex(-numerator if negative else numerator)}}}{{{tex(denominator)}}}"
    if negative:
        return f"- {body}"
    return body if first else f"+ {body}"


def _general(rng: random.Random, difficulty: int) -> tuple[sp.Expr, sp.Expr, str] | None:
    p, q = rng.sample([k for k in range(-9, 10) if k != 0], 2)
    d = nonzero(rng, 3) if difficulty != 5 else rng.choice((2, 3, -2, -3))
    r = sp.Rational(nonzero(rng, 12), d) if difficulty == 5 else sp.Integer(rng.randint(-9, 9))
    extraneous = difficulty == 3 or (difficulty >= 4 and rng.random() < 0.6)
    s = rng.choice((p, q)) if extraneous else sp.Integer(rng.randint(-9, 9))
    if difficulty == 2:
        r, s = rng.sample([k for k in range(-9, 10) if k not in (p, q)], 2)
    if r in (p, q) or r == s or (difficulty == 5 and r.is_integer):
        return None
    a = nonzero(rng, 9)
    if difficulty == 2:  # choose A so that C = 0: A = D (p - r)(p - s) / (q - p)
        a = sp.Rational(d * (p - r) * (p - s), q - p)
        if not a.is_integer or a == 0:
            return None
    b = -d * (p + q - r - s) - a
    c = d * (r * s - p * q) - a * q - b * p
    if not (sp.Rational(b).is_integer and sp.Rational(c).is_integer) or b == 0 or max(abs(b), abs(c)) > 150:
        return None
    product = (X - p) * (X - q)
    lhs = a / (X - p) + b / (X - q)
    rhs = c / product + d
    shown = sp.expand(product) if difficulty >= 4 else sp.Mul(X - p, X - q, evaluate=False)
    text = f"{_fraction(sp.Integer(a), X - p, True)} {_fraction(sp.Integer(b), X - q, False)} = "
    text += f"{_fraction(sp.Integer(c), shown, True)} {'+' if d > 0 else '-'} {abs(d)}" if c else f"{d}"
    return lhs, rhs, text


def _simple(rng: random.Random) -> tuple[sp.Expr, sp.Expr, str] | None:
    p = nonzero(rng, 9)
    if rng.random() < 0.5:
        q = nonzero(rng, 9)
        a, b = nonzero(rng, 9), nonzero(rng, 9)
        if p == q or a == b:
            return None
        lhs, rhs = a / (X - p), b / (X - q)
        return lhs, rhs, f"{_fraction(sp.Integer(a), X - p, True)} = {_fraction(sp.Integer(b), X - q, True)}"
    r, k = rng.randint(-15, 15), rng.randint(1, 4)
    b, c = -(p + r), -p * r  # x^2 + b x - c = (x - p)(x - r): the root p is extraneous
    top, c = k * (X**2 + b * X), k * c
    return (
        top / (X - p),
        c / (X - p),
        f"{_fraction(top, X - p, True)} = {_fraction(sp.Integer(c), X - p, True)}",
    )


@register
class RationalEquation(MathTemplate):
    name = "rational_equation"
    area = "equations"
    description = "Rational equations with possible extraneous roots; the answer is the solution set."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            made = _simple(rng) if difficulty == 1 else _general(rng, difficulty)
            if made is None:
                continue
            lhs, rhs, text = made
            solutions = sp.solve(lhs - rhs, X)  # solve drops roots that make a denominator zero
            if solutions and all(s.is_real for s in solutions):
                break
        question = one_of(rng, PHRASINGS, eq=text)
        metadata = {"lhs": encode(lhs), "rhs": encode(rhs), "latex": text}
        return MathItem(question, sp.FiniteSet(*solutions), AnswerType.SET, metadata)
