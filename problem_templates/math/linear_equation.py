"""Solve a linear equation a*x + b = c*x + d for x; the answer is an exact rational."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

PHRASINGS = (
    "Solve for $x$: ${equation}$.",
    "Find the value of $x$ that satisfies ${equation}$.",
    "What is $x$ if ${equation}$?",
)


@register
class LinearEquation(MathTemplate):
    name = "linear_equation"
    area = "equations"
    description = "Solve a one-variable linear equation; rational answer."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        # Knob: coefficient size grows with difficulty; from level 3 x appears on both sides.
        bound = (5, 10, 20, 50, 200)[difficulty - 1]
        x = sp.Symbol("x")
        a = rng.choice([k for k in range(-bound, bound + 1) if k != 0])
        b, d = rng.randint(-bound, bound), rng.randint(-bound, bound)
        c = rng.randint(-bound, bound) if difficulty >= 3 else 0
        if c == a:
            c = a + 1
        lhs, rhs = a * x + b, c * x + d
        (solution,) = sp.solve(sp.Eq(lhs, rhs), x)
        equation = f"{sp.latex(lhs)} = {sp.latex(rhs)}"
        question = rng.choice(PHRASINGS).format(equation=equation)
        return MathItem(question, solution, AnswerType.RATIONAL)
