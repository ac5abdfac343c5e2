"""Last digits of large powers (cycles of powers modulo 10, 100, 1000); the answer is an integer."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the modulus, the size of the exponent, one power or a combination):
#   1  last digit of a^b, a <= 99, b <= 999
#   2  last digit of a^b, a <= 999, b <= 10^6
#   3  last two digits of a^b, a <= 99, b <= 10^4
#   4  last digit of a^b + c^d or of a^b * c^d, exponents <= 10^5
#   5  last two digits of a^(b^c) with b^c <= 10^7, or last three digits of a^b with b <= 10^6

DIGITS = {10: "digit", 100: "two digits", 1000: "three digits"}


def _ask(rng: random.Random, expression: str, modulus: int) -> str:
    if modulus == 10:
        return one_of(
            rng,
            (
                "What is the units digit of ${e}$?",
                "Find the last digit of ${e}$.",
                "What digit does ${e}$ end in?",
                "Determine the ones digit of ${e}$ when written in base $10$.",
            ),
            e=expression,
        )
    return one_of(
        rng,
        (
            "What are the last {k} of ${e}$? Give them as a number (for example $7$ for the ending "
            "{example}).",
            "Find the remainder when ${e}$ is divided by ${m}$ (this is the number formed by its last {k}).",
            "Compute ${e} \\bmod {m}$, the number formed by the last {k}.",
        ),
        e=expression,
        m=modulus,
        k=DIGITS[modulus],
        example="...07" if modulus == 100 else "...007",
    )


def _base(rng: random.Random, top: int) -> int:
    while True:
        a = rng.randint(2, top)
        if a % 10 not in (0, 1, 5, 6):  # those end in a fixed digit at once
            return a


@register
class LastDigits(MathTemplate):
    name = "last_digits"
    area = "number_theory"
    description = "Last one, two or three digits of large powers, sums/products of powers and towers."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        if difficulty in (1, 2, 3):
            top_a, top_b, modulus = {1: (99, 999, 10), 2: (999, 10**6, 10), 3: (99, 10**4, 100)}[difficulty]
            a, b = _base(rng, top_a), rng.randint(10, top_b)
            answer = pow(sp.Integer(a), b, modulus)
            metadata = {"terms": [[a, b]], "op": "single", "modulus": modulus}
            return MathItem(_ask(rng, f"{a}^{{{b}}}", modulus), answer, AnswerType.INTEGER, metadata)
        if difficulty == 4:
            (a, b), (c, d) = [(_base(rng, 99), rng.randint(10, 10**5)) for _ in range(2)]
            op = rng.choice(("+", "*"))
            x, y = pow(sp.Integer(a), b, 10), pow(sp.Integer(c), d, 10)
            answer = (x + y) % 10 if op == "+" else (x * y) % 10
            symbol = "+" if op == "+" else "\\cdot"
            expression = f"{a}^{{{b}}} {symbol} {c}^{{{d}}}"
            metadata = {"terms": [[a, b], [c, d]], "op": "sum" if op == "+" else "product", "modulus": 10}
            return MathItem(_ask(rng, expression, 10), sp.Integer(answer), AnswerType.INTEGER, metadata)
        if rng.random() < 0.5:
            while True:
                a, b, c = _base(rng, 99), rng.randint(2, 9), rng.randint(2, 7)
                if b**c <= 10**7:
                    break
            answer = pow(sp.Integer(a), b**c, 100)
            metadata = {"terms": [[a, b**c]], "op": "tower", "tower": [a, b, c], "modulus": 100}
            return MathItem(_ask(rng, f"{a}^{{{b}^{{{c}}}}}", 100), answer, AnswerType.INTEGER, metadata)
        a, b = _base(rng, 99), rng.randint(100, 10**6)
        answer = pow(sp.Integer(a), b, 1000)
        metadata = {"terms": [[a, b]], "op": "single", "modulus": 1000}
        return MathItem(_ask(rng, f"{a}^{{{b}}}", 1000), answer, AnswerType.INTEGER, metadata)
