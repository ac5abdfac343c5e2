"""The tangent line to a curve at a point, as an equation y = m x + b."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the function family, and so the differentiation rule and the kind of slope):
#   1  monic quadratic, x0 in [-3, 3]                2  quadratic, larger coefficients, x0 in [-5, 5]
#   3  cubic, x0 in [-3, 3]                          4  a/(x + c) + d: rational slope
#   5  a sqrt(x) + b x at a perfect square, or (a x + b)/(x + c): rational slope

X, Y = sp.symbols("x y")

PHRASINGS = (
    "Find the equation of the line tangent to the graph of $y = {f}$ at $x = {x0}$. "
    "Write it in the form $y = mx + b$.",
    "Give the equation of the tangent line to the curve $y = {f}$ at the point $\\left({x0}, {y0}\\right)$, "
    "in the form $y = mx + b$.",
    "Let $f(x) = {f}$. What is the equation $y = mx + b$ of the tangent line to $y = f(x)$ at $x = {x0}$?",
)


def _nonzero(rng: random.Random, bound: int) -> int:
    return rng.choice([k for k in range(-bound, bound + 1) if k != 0])


def _function(rng: random.Random, difficulty: int) -> tuple[sp.Expr, int]:
    if difficulty == 1:
        return X**2 + rng.randint(-6, 6) * X + rng.randint(-6, 6), rng.randint(-3, 3)
    if difficulty == 2:
        return _nonzero(rng, 5) * X**2 + rng.randint(-9, 9) * X + rng.randint(-9, 9), rng.randint(-5, 5)
    if difficulty == 3:
        cubic = _nonzero(rng, 3) * X**3 + sum(rng.randint(-5, 5) * X**k for k in range(3))
        return cubic, rng.randint(-3, 3)
    c, x0 = rng.randint(-4, 4), rng.randint(-4, 4)
    if x0 + c == 0:
        c += rng.choice((1, -1))
    if difficulty == 4:
        return _nonzero(rng, 9) / (X + c) + rng.randint(-5, 5), x0
    if rng.random() < 0.5:
        return _nonzero(rng, 6) * sp.sqrt(X) + rng.randint(-4, 4) * X, rng.randint(1, 5) ** 2
    while True:
        a, b = _nonzero(rng, 5), rng.randint(-6, 6)
        if a * c != b:  # otherwise (a x + b)/(x + c) is the constant a
            return (a * X + b) / (X + c), x0


@register
class TangentLine(MathTemplate):
    name = "tangent_line"
    area = "calculus"
    description = "Equation y = m x + b of the tangent line to a curve at a given point."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        f, x0 = _function(rng, difficulty)
        slope = sp.diff(f, X).subs(X, x0)
        y0 = f.subs(X, x0)
        answer = sp.Eq(Y, sp.expand(slope * (X - x0) + y0))
        question = rng.choice(PHRASINGS).format(f=sp.latex(f), x0=x0, y0=sp.latex(y0))
        return MathItem(question, answer, AnswerType.EQUATION, {"function": encode(f), "x0": x0})
