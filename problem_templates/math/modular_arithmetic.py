"""Remainders, modular powers, inverses and linear congruences; the answer is an integer."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the operation and the size of the numbers):
#   1  remainder of a product a·b mod m, m <= 12      2  a^e mod m, e <= 12, m <= 13
#   3  a^e mod m, e <= 200, m <= 30                   4  inverse of a mod m, m <= 60
#   5  smallest non-negative x with a x ≡ b (mod m), m <= 100, or a^e mod m with e <= 5000


def _coprime(rng: random.Random, m: int) -> int:
    while True:
        a = rng.randint(2, m - 1)
        if sp.igcd(a, m) == 1:
            return a


@register
class ModularArithmetic(MathTemplate):
    name = "modular_arithmetic"
    area = "number_theory"
    description = "Modular products, powers, inverses and linear congruences; integer answer."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        kind = {1: "product", 2: "power", 3: "power", 4: "inverse"}.get(difficulty)
        kind = kind or rng.choice(("congruence", "power"))
        m = rng.randint(*{1: (3, 12), 2: (3, 13), 3: (7, 30), 4: (7, 60), 5: (11, 100)}[difficulty])
        if kind == "product":
            a, b = rng.randint(10, 99), rng.randint(10, 99)
            answer = sp.Mod(sp.Integer(a) * b, m)
            question = rng.choice(
                (
                    f"What is the remainder when ${a} \\times {b}$ is divided by ${m}$?",
                    f"Compute $({a} \\cdot {b}) \\bmod {m}$.",
                )
            )
            metadata = {"kind": kind, "a": a, "b": b, "m": m}
        elif kind == "power":
            a = rng.randint(2, 3 * m)
            e = rng.randint(5, {2: 12, 3: 200, 5: 5000}[difficulty])
            answer = sp.Mod(sp.Integer(a) ** e, m)
            question = rng.choice(
                (
                    f"Find the remainder when ${a}^{{{e}}}$ is divided by ${m}$.",
                    f"Compute ${a}^{{{e}}} \\bmod {m}$.",
                )
            )
            metadata = {"kind": kind, "a": a, "e": e, "m": m}
        elif kind == "inverse":
            a = _coprime(rng, m)
            answer = sp.Integer(sp.mod_inverse(a, m))
            question = rng.choice(
                (
                    f"Find the multiplicative inverse of ${a}$ modulo ${m}$, that is, "
                    f"the integer $x$ with $0 \\le x < {m}$ and ${a}x \\equiv 1 \\pmod{{{m}}}$.",
                    f"Find the integer $x$ with $0 \\le x < {m}$ such that ${a}x \\equiv 1 \\pmod{{{m}}}$.",
                )
            )
            metadata = {"kind": kind, "a": a, "m": m}
        else:
            a, b = _coprime(rng, m), rng.randint(1, m - 1)
            answer = sp.Mod(sp.mod_inverse(a, m) * b, m)
            question = rng.choice(
                (
                    f"Find the smallest non-negative integer $x$ such that ${a}x \\equiv {b} \\pmod{{{m}}}$.",
                    f"Solve ${a}x \\equiv {b} \\pmod{{{m}}}$ for $x$ with $0 \\le x < {m}$.",
                )
            )
            metadata = {"kind": kind, "a": a, "b": b, "m": m}
        return MathItem(question, sp.Integer(answer), AnswerType.INTEGER, metadata)
