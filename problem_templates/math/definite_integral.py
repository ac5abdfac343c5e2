"""Evaluate a definite integral exactly; the answer is a real number (rational, radical, ln, e, pi)."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the antiderivative needed and the kind of exact number that comes out):
#   1  linear polynomial on [a, b] within [0, 5]            -> rational
#   2  polynomial of degree 2-3 on [a, b] within [-3, 4]    -> rational
#   3  c + k/x on [a, b] within [1, 9]                      -> rational + ln terms
#   4  A sin(nx) or A cos(nx) on [0, pi/m], or A e^(kx)     -> radicals or powers of e
#   5  integration by parts: x e^(kx) on [0, 1], x sin x or x cos x on [0, pi/m]

X = sp.Symbol("x")

PHRASINGS = (
    "Evaluate the definite integral ${integral}$.",
    "Compute ${integral}$ exactly.",
    "Find the exact value of ${integral}$.",
)


def _nonzero(rng: random.Random, bound: int) -> int:
    return rng.choice([k for k in range(-bound, bound + 1) if k != 0])


def _problem(rng: random.Random, difficulty: int) -> tuple[sp.Expr, sp.Expr, sp.Expr]:
    """Return (integrand, lower bound, upper bound)."""
    if difficulty in (1, 2):
        degree, span = (1, (0, 5)) if difficulty == 1 else (rng.choice((2, 3)), (-3, 4))
        f = _nonzero(rng, 6) * X**degree + sum(rng.randint(-6, 6) * X**k for k in range(degree))
        a, b = sorted(rng.sample(range(span[0], span[1] + 1), 2))
        return f, sp.Integer(a), sp.Integer(b)
    if difficulty == 3:
        a, b = sorted(rng.sample(range(1, 10), 2))
        return rng.randint(-4, 4) + _nonzero(rng, 6) / X, sp.Integer(a), sp.Integer(b)
    m = rng.choice((2, 3, 4, 6))
    if difficulty == 4:
        if rng.random() < 0.3:
            return (
                _nonzero(rng, 4) * sp.exp(_nonzero(rng, 2) * X),
                sp.Integer(0),
                sp.Integer(rng.randint(1, 3)),
            )
        trig = rng.choice((sp.sin, sp.cos))
        return _nonzero(rng, 6) * trig(rng.choice((1, 2)) * X), sp.Integer(0), sp.pi / m
    if rng.random() < 0.5:
        return X * sp.exp(_nonzero(rng, 3) * X), sp.Integer(0), sp.Integer(1)
    return X * rng.choice((sp.sin, sp.cos))(X), sp.Integer(0), sp.pi / m


@register
class DefiniteIntegral(MathTemplate):
    name = "definite_integral"
    area = "calculus"
    description = "Exact value of a definite integral (polynomial, 1/x, trig, exponential, by parts)."
    small_space = "difficulty 5 (integration by parts) has about a hundred distinct prompts"

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        f, lower, upper = _problem(rng, difficulty)
        value = sp.expand_log(sp.simplify(sp.integrate(f, (X, lower, upper))), force=True)
        body = f"\\left({sp.latex(f)}\\right)" if isinstance(f, sp.Add) else sp.latex(f)
        integral = f"\\int_{{{sp.latex(lower)}}}^{{{sp.latex(upper)}}} {body} \\, dx"
        question = rng.choice(PHRASINGS).format(integral=integral)
        if value.has(sp.log):
            question += " Write natural logarithms as $\\ln$."
        metadata = {"integrand": encode(f), "lower": encode(lower), "upper": encode(upper)}
        return MathItem(question, value, AnswerType.REAL, metadata)
