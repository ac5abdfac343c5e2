"""Differentiate a function of x (power, product, chain and quotient rules); answer is an expression."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (which rules are needed, and how many):
#   1  polynomial of degree 2-3                  2  powers with negative and fractional exponents
#   3  product rule: polynomial × sin/cos/exp    4  chain rule: sin/cos/exp/ln/sqrt/power of a quadratic
#   5  quotient rule, or product rule combined with the chain rule

X = sp.Symbol("x")

PHRASINGS = (
    "Differentiate $f(x) = {f}$ with respect to $x$.",
    "Find $f'(x)$ if $f(x) = {f}$.",
    "Compute $\\dfrac{{d}}{{dx}}\\left({f}\\right)$.",
    "What is the derivative of $y = {f}$ with respect to $x$?",
)


def _nonzero(rng: random.Random, bound: int) -> int:
    return rng.choice([k for k in range(-bound, bound + 1) if k != 0])


def _function(rng: random.Random, difficulty: int) -> sp.Expr:
    if difficulty == 1:
        degree = rng.choice((2, 3))
        return _nonzero(rng, 5) * X**degree + sum(rng.randint(-6, 6) * X**k for k in range(degree))
    if difficulty == 2:
        a, b, c = _nonzero(rng, 6), _nonzero(rng, 6), _nonzero(rng, 4)
        return a * X ** rng.randint(2, 5) + b / X ** rng.randint(1, 3) + c * sp.sqrt(X)
    k = rng.choice((1, 2, 3, -1, -2))
    inner_g = rng.choice((sp.sin, sp.cos, sp.exp))(k * X)
    if difficulty == 3:
        return (_nonzero(rng, 4) * X ** rng.randint(1, 3) + rng.randint(-5, 5)) * inner_g
    if difficulty == 4:
        outer = rng.choice(("sin", "cos", "exp", "log", "sqrt", "power"))
        if outer in ("log", "sqrt"):
            inner = _nonzero(rng, 3) ** 2 * X**2 + rng.randint(1, 9)
            return sp.log(inner) if outer == "log" else sp.sqrt(inner)
        inner = _nonzero(rng, 4) * X**2 + rng.randint(-5, 5) * X + rng.randint(-5, 5)
        if outer == "power":
            return inner ** rng.randint(3, 5)
        return {"sin": sp.sin, "cos": sp.cos, "exp": sp.exp}[outer](inner)
    if rng.random() < 0.5:
        return (_nonzero(rng, 5) * X + rng.randint(-6, 6)) / (X**2 + rng.randint(1, 9))
    return X ** rng.randint(1, 3) * sp.exp(_nonzero(rng, 3) * X**2)


@register
class Derivative(MathTemplate):
    name = "derivative"
    area = "calculus"
    description = "Derivative of a function of x using the power, product, chain and quotient rules."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        f = _function(rng, difficulty)
        derivative = sp.diff(f, X)
        if difficulty <= 3:
            derivative = sp.expand(derivative)
        elif difficulty == 5:
            numerator, denominator = sp.fraction(sp.factor(derivative))
            derivative = sp.expand(numerator) / denominator
        question = rng.choice(PHRASINGS).format(f=sp.latex(f, ln_notation=True))
        return MathItem(question, derivative, AnswerType.EXPRESSION, {"function": encode(f)})
