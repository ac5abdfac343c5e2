"""Evaluate a chain of fractions joined by + - × ÷ (usual precedence); exact rational answer."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty: how many fractions, the largest denominator, which operations may appear,
# and (level 5) whether fractions may be negative.
TERMS = (2, 3, 3, 4, 5)
MAX_DENOMINATOR = (6, 10, 12, 15, 20)
OPERATIONS = ("+-", "+-", "+-*", "+-*/", "+-*/")
OP_LATEX = {"+": "+", "-": "-", "*": "\\times", "/": "\\div"}

PHRASINGS = (
    "Compute ${expr}$. Give the result as a fraction in lowest terms.",
    "Evaluate ${expr}$ exactly.",
    "What is the exact value of ${expr}$? Simplify your answer.",
    "Simplify ${expr}$ to a single fraction.",
)


def evaluate(values: list[sp.Rational], ops: list[str]) -> sp.Rational:
    """Evaluate values[0] ops[0] values[1] ... with × and ÷ binding tighter than + and -."""
    products, signs = [values[0]], [1]
    for op, value in zip(ops, values[1:], strict=True):
        if op == "*":
            products[-1] *= value
        elif op == "/":
            products[-1] /= value
        else:
            products.append(value)
            signs.append(1 if op == "+" else -1)
    return sp.Add(*(sign * term for sign, term in zip(signs, products, strict=True)))


def fraction_latex(p: int, q: int) -> str:
    text = f"\\frac{{{abs(p)}}}{{{q}}}"
    return f"\\left(-{text}\\right)" if p < 0 else text


@register
class FractionArithmetic(MathTemplate):
    name = "fraction_arithmetic"
    area = "arithmetic"
    description = "Evaluate an expression in fractions with + - × ÷; rational answer."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        level = difficulty - 1
        fractions = []
        for _ in range(TERMS[level]):
            q = rng.randint(2, MAX_DENOMINATOR[level])
            p = rng.choice([k for k in range(1, 2 * q) if k % q])  # never a whole number like 3/3
            if difficulty == 5 and rng.random() < 0.3:
                p = -p
            fractions.append([p, q])
        ops = [rng.choice(OPERATIONS[level]) for _ in range(len(fractions) - 1)]
        value = evaluate([sp.Rational(p, q) for p, q in fractions], ops)
        parts = [fraction_latex(*fractions[0])]
        for op, (p, q) in zip(ops, fractions[1:], strict=True):
            parts += [OP_LATEX[op], fraction_latex(p, q)]
        question = rng.choice(PHRASINGS).format(expr=" ".join(parts))
        metadata = {"fractions": fractions, "operations": ops}
        return MathItem(question, sp.Rational(value), AnswerType.RATIONAL, metadata)
