"""Whole-number arithmetic: a chain of +, -, * on small integers; the answer is an integer."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

PHRASINGS = (
    "What is ${expr}$?",
    "Compute ${expr}$.",
    "Calculate the value of ${expr}$.",
    "Evaluate ${expr}$.",
)

# Knobs per difficulty: (number of operands, largest operand, operators allowed).
LEVELS = {
    1: (2, 9, "+"),
    2: (2, 99, "+-"),
    3: (3, 30, "+-*"),
    4: (4, 99, "+-*"),
    5: (5, 999, "+-*"),
}


@register
class MentalArithmetic(MathTemplate):
    name = "mental_arithmetic"
    area = "arithmetic"
    description = "Evaluate a chain of additions, subtractions and multiplications of integers."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        operands, largest, operators = LEVELS[difficulty]
        numbers = [rng.randint(1, largest) for _ in range(operands)]
        ops = [rng.choice(operators) for _ in range(operands - 1)]
        text = str(numbers[0])
        for op, number in zip(ops, numbers[1:], strict=True):
            text += f" {op} {number}"
        # Evaluate with sympy's exact integers, honouring precedence: build the tree by hand.
        terms: list[sp.Expr] = [sp.Integer(numbers[0])]
        signs = [1]
        for op, number in zip(ops, numbers[1:], strict=True):
            if op == "*":
                terms[-1] = terms[-1] * number
            else:
                terms.append(sp.Integer(number))
                signs.append(1 if op == "+" else -1)
        value = sp.Add(*(s * t for s, t in zip(signs, terms, strict=True)))
        latex = text.replace("*", r"\times")
        question = rng.choice(PHRASINGS).format(expr=latex)
        return MathItem(question, value, AnswerType.INTEGER, {"numbers": numbers, "ops": ops})
