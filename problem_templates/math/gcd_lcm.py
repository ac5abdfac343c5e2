"""Greatest common divisor or least common multiple of two or three integers; integer answer."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty: (operation, how many numbers, size of the shared factor, size of the cofactors).
#   1  gcd of two numbers up to ~100             2  lcm of two numbers up to ~60
#   3  gcd of three numbers up to ~400           4  lcm of three numbers up to ~100
#   5  gcd of two numbers up to ~10^6 (needs the Euclidean algorithm, not factor lists)
LEVELS = (
    ("gcd", 2, (2, 12), (2, 9)),
    ("lcm", 2, (2, 6), (2, 10)),
    ("gcd", 3, (2, 20), (2, 20)),
    ("lcm", 3, (2, 6), (2, 16)),
    ("gcd", 2, (50, 999), (100, 999)),
)

PHRASINGS = {
    "gcd": (
        "Find the greatest common divisor of {numbers}.",
        "What is $\\gcd({plain})$?",
        "What is the largest positive integer that divides each of {numbers}?",
    ),
    "lcm": (
        "Find the least common multiple of {numbers}.",
        "What is $\\operatorname{{lcm}}({plain})$?",
        "What is the smallest positive integer that is divisible by each of {numbers}?",
    ),
}


@register
class GcdLcm(MathTemplate):
    name = "gcd_lcm"
    area = "number_theory"
    description = "gcd or lcm of two or three integers; integer answer."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        operation, count, shared, cofactor = LEVELS[difficulty - 1]
        while True:
            g = rng.randint(*shared)
            numbers = [g * rng.randint(*cofactor) for _ in range(count)]
            if len(set(numbers)) == count:
                break
        answer = sp.gcd(numbers) if operation == "gcd" else sp.lcm(numbers)
        words = ", ".join(f"${n}$" for n in numbers[:-1]) + f" and ${numbers[-1]}$"
        question = rng.choice(PHRASINGS[operation]).format(
            numbers=words, plain=", ".join(str(n) for n in numbers)
        )
        metadata = {"operation": operation, "numbers": numbers}
        return MathItem(question, sp.Integer(answer), AnswerType.INTEGER, metadata)
