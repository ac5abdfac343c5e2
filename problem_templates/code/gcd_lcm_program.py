"""A stdin/stdout program: gcd and lcm of each pair of integers."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
import math
import sys

data = sys.stdin.read().split()
n = int(data[0])
for k in range(n):
    a, b = int(data[1 + 2 * k]), int(data[2 + 2 * k])
    g = math.gcd(a, b)
    print(g, a // g * b)
"""

WRONG = (
    # lcm taken as the product
    """
import math, sys
data = sys.stdin.read().split()
for k in range(int(data[0])):
    a, b = int(data[1 + 2 * k]), int(data[2 + 2 * k])
    print(math.gcd(a, b), a * b)
""",
    # "gcd" as the smaller number
    """
import sys
data = sys.stdin.read().split()
for k in range(int(data[0])):
    a, b = int(data[1 + 2 * k]), int(data[2 + 2 * k])
    print(min(a, b), a * b // min(a, b))
""",
    # skips the last pair
    """
import math, sys
data = sys.stdin.read().split()
for k in range(int(data[0]) - 1):
    a, b = int(data[1 + 2 * k]), int(data[2 + 2 * k])
    g = math.gcd(a, b)
    print(g, a // g * b)
""",
)


def _input(pairs: list[tuple[int, int]]) -> str:
    return f"{len(pairs)}\n" + "".join(f"{a} {b}\n" for a, b in pairs)


@register
class GcdLcmProgram(CodeTemplate):
    name = "gcd_lcm_program"
    area = "math"
    description = "Print gcd and lcm for each input pair (stdin/stdout program)."
    style = "stdio"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: number of pairs and their magnitude grow with difficulty.
        count, bound = (2, 4, 10, 100, 2000)[difficulty - 1], (20, 100, 10**4, 10**9, 10**18)[difficulty - 1]

        def pair() -> tuple[int, int]:
            k = rng.randint(1, max(1, bound // 50))
            return (k * rng.randint(1, 50), k * rng.randint(1, 50))

        g = rng.randint(2, 9)
        examples = [
            _input([(4, 6), (7, 5)]),
            _input([(g * 3, g * 9), (rng.randint(2, 999), rng.randint(2, 999))]),
        ]
        hidden = [_input([(g, g)]), _input([(6, 35), (12, 18), (g * 2, g * 5)])]
        hidden += [_input([pair() for _ in range(count)]) for _ in range(4)]
        statement = (
            "The first line of the input holds n; each of the next n lines holds two positive "
            "integers a and b. For each pair print one line with gcd(a, b) and lcm(a, b), separated "
            "by a space."
        )
        return CodeItem(statement, examples, hidden)
