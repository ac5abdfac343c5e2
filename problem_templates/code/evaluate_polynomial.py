"""Evaluate a polynomial at several points (floats, compared with a tolerance)."""

from __future__ import annotations

import random

from verigen.code.compare import Compare
from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def evaluate_polynomial(coefficients: list[int], points: list[float]) -> list[float]:
    out = []
    for x in points:
        total = 0.0
        for c in coefficients:
            total = total * x + c
        out.append(total)
    return out
"""

WRONG = (
    # reads the coefficients from the constant term upwards
    """
def evaluate_polynomial(coefficients, points):
    return [float(sum(c * x ** k for k, c in enumerate(coefficients))) for x in points]
""",
    # exponent off by one: the leading term gets x ** len(coefficients)
    """
def evaluate_polynomial(coefficients, points):
    n = len(coefficients)
    return [float(sum(c * x ** (n - k) for k, c in enumerate(coefficients))) for x in points]
""",
    # drops the constant term
    """
def evaluate_polynomial(coefficients, points):
    out = []
    for x in points:
        total = 0.0
        for c in coefficients[:-1]:
            total = (total + c) * x
        out.append(total)
    return out
""",
)

PHRASINGS = (
    "coefficients lists the coefficients of a polynomial from the highest power down to the "
    "constant term: [c0, c1, ..., cn] means c0*x**n + c1*x**(n-1) + ... + cn. Return the "
    "polynomial's value at each of the given points, as floats, in the order of the points. An "
    "empty coefficient list is the zero polynomial. Answers within a relative or absolute error "
    "of 1e-6 are accepted.",
    "Evaluate p(x) = c[0]*x^n + c[1]*x^(n-1) + ... + c[n] (so the last coefficient is the "
    "constant term and c has n + 1 entries) at every x in points, returning a list of floats in "
    "the same order. If c is empty, p is identically 0. Results are checked with a tolerance of "
    "1e-6 (relative or absolute).",
)


@register
class EvaluatePolynomial(CodeTemplate):
    name = "evaluate_polynomial"
    area = "math"
    description = "Evaluate a polynomial (highest power first) at float points, tolerance 1e-6 (function)."
    style = "call"
    entry_point = "evaluate_polynomial"
    signature = "def evaluate_polynomial(coefficients: list[int], points: list[float]) -> list[float]:"
    reference = REFERENCE
    wrong_variants = WRONG
    compare = Compare(rel_tol=1e-6, abs_tol=1e-6)

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: degree (1 .. 15), coefficient size, number of points (3 .. 200) and their
        # spread grow; points are multiples of 1/8 early, arbitrary 3-decimal numbers later.
        degree = (1, 3, 5, 9, 15)[difficulty - 1]
        bound = (5, 9, 20, 100, 1000)[difficulty - 1]
        count = (3, 5, 10, 50, 200)[difficulty - 1]
        spread = (2, 3, 4, 4, 3)[difficulty - 1]

        def point() -> float:
            if difficulty <= 2:
                return rng.randint(-8 * spread, 8 * spread) / 8
            return round(rng.uniform(-spread, spread), 3)

        def case(d: int, n: int) -> list:
            coefficients = [rng.randint(-bound, bound) for _ in range(d + 1)]
            coefficients[0] = coefficients[0] or 1
            return [coefficients, [point() for _ in range(n)]]

        examples = [[[2, -3, 1], [0.0, 1.5, -1.0]], case(rng.randint(2, 3), 3)]
        hidden = [
            [[], [1.5, -2.0]],
            [[rng.randint(-9, 9) or 4], [0.0, 3.25]],
            [[1, 0, 0], [-2.5, 0.5]],
            [[1, 2, 3, 4], [2.0, -0.5]],  # not a palindrome, so reading order matters
            *(case(degree, count) for _ in range(5)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
