"""Sums of squares and cubes (and related polynomial sums) over ranges of integers."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, PLACES, nonzero, one_of
from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the summand, the range, and how it is presented):
#   1  1^2 + ... + n^2 (n <= 100) or 1^3 + ... + n^3 (n <= 60), often as stacked oranges / unit cubes
#   2  the same with n up to 500 (squares) / 300 (cubes), mostly in sigma notation
#   3  squares or cubes from m to n (1 < m < n <= 150)
#   4  odd squares 1^2 + 3^2 + ... , k(k + 1), or even cubes, up to 200 terms
#   5  (a k + b)^2 or k^3 - c k summed for k = 1..n <= 150, or 1^2 - 2^2 + 3^2 - ... +- n^2

K = sp.Symbol("k", integer=True, positive=True)


def _sigma(summand: sp.Expr, low: int, high: int) -> str:
    body = f"\\left({sp.latex(summand)}\\right)" if summand.is_Add else sp.latex(summand)
    return f"\\sum_{{k={low}}}^{{{high}}} {body}"


@register
class PowerSums(MathTemplate):
    name = "power_sums"
    area = "sequences"
    description = "Sums of squares, cubes and related polynomial summands over integer ranges."
    small_space = "sums of squares/cubes up to a small n: a few hundred prompts per difficulty"

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        if difficulty in (1, 2):
            power = rng.choice((2, 3))
            top = {(1, 2): 100, (1, 3): 60, (2, 2): 500, (2, 3): 300}[(difficulty, power)]
            n = rng.randint(5, top)
            summand, low, high = K**power, 1, n
            written = f"1^{{{power}}} + 2^{{{power}}} + 3^{{{power}}} + \\dots + {n}^{{{power}}}"
            if difficulty == 2:
                written = _sigma(summand, 1, n) if rng.random() < 0.7 else written
            if difficulty == 1 and rng.random() < 0.6:
                name, place = rng.choice(NAMES), rng.choice(PLACES)
                if power == 2:
                    question = (
                        f"{name} stacks oranges at a market in {place} in a square pyramid: the top layer "
                        f"has $1$ orange, the next $2 \\times 2$, then $3 \\times 3$, and so on, with ${n}$ "
                        f"layers in "
                        "all. How many oranges are in the stack?"
                    )
                else:
                    question = (
                        f"For an art project in {place}, {name} builds solid cubes out of unit blocks: one "
                        f"of side $1$, one of side $2$, and so on up to one of side ${n}$. How many unit "
                        f"blocks are "
                        "used in all?"
                    )
            else:
                question = one_of(
                    rng,
                    (
                        "Compute ${s}$.",
                        "Find the value of ${s}$.",
                        "What is ${s}$?",
                        "Evaluate the sum ${s}$.",
                    ),
                    s=written,
                )
        elif difficulty == 3:
            power = rng.choice((2, 3))
            low = rng.randint(2, 60)
            high = rng.randint(low + 3, 150)
            summand = K**power
            written = f"{low}^{{{power}}} + {low + 1}^{{{power}}} + \\dots + {high}^{{{power}}}"
            question = one_of(
                rng,
                ("Compute ${s}$.", "Find the sum ${s}$.", "Evaluate ${s}$, the sum of consecutive {kind}."),
                s=written,
                kind="squares" if power == 2 else "cubes",
            )
        elif difficulty == 4:
            kind = rng.choice(("odd_squares", "pronic", "even_cubes"))
            n = rng.randint(5, 200 if kind != "even_cubes" else 100)
            summand = {"odd_squares": (2 * K - 1) ** 2, "pronic": K * (K + 1), "even_cubes": (2 * K) ** 3}[
                kind
            ]
            low, high = 1, n
            shapes = {
                "odd_squares": "1^{2} + 3^{2} + 5^{2} + \\dots + " + f"{2 * n - 1}^{{2}}",
                "pronic": f"1 \\cdot 2 + 2 \\cdot 3 + 3 \\cdot 4 + \\dots + {n} \\cdot {n + 1}",
                "even_cubes": "2^{3} + 4^{3} + 6^{3} + \\dots + " + f"{2 * n}^{{3}}",
            }
            written = shapes[kind] if rng.random() < 0.6 else _sigma(summand, 1, n)
            question = one_of(
                rng, ("Compute ${s}$.", "Find the value of ${s}$.", "What is ${s}$?"), s=written
            )
        else:
            kind = rng.choice(("affine_square", "cubic", "alternating"))
            n = rng.randint(5, 150)
            low, high = 1, n
            if kind == "affine_square":
                summand = (rng.randint(2, 9) * K + nonzero(rng, 15)) ** 2
            elif kind == "cubic":
                summand = K**3 - rng.randint(1, 40) * K
            else:
                summand = (-1) ** (K + 1) * K**2
            if kind == "alternating":
                sign = "+" if n % 2 else "-"
                written = f"1^{{2}} - 2^{{2}} + 3^{{2}} - 4^{{2}} + \\dots {sign} {n}^{{2}}"
            else:
                written = _sigma(summand, 1, n)
            question = one_of(
                rng, ("Compute ${s}$.", "Evaluate ${s}$.", "Find the exact value of ${s}$."), s=written
            )
        value = sp.summation(summand, (K, low, high))
        metadata = {"summand": encode(summand), "low": low, "high": high}
        return MathItem(question, sp.Integer(value), AnswerType.INTEGER, metadata)
