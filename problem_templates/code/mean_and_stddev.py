"""Mean and population standard deviation of a list (floats, compared with a tolerance)."""

from __future__ import annotations

import random

from verigen.code.compare import Compare
from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
import math

def mean_and_stddev(values: list[int]) -> tuple[float, float]:
    mean = sum(values) / len(values)
    variance = sum((v - mean) ** 2 for v in values) / len(values)
    return (mean, math.sqrt(variance))
"""

WRONG = (
    # sample standard deviation (divides by n - 1)
    """
import statistics
def mean_and_stddev(values):
    return (statistics.mean(values), statistics.stdev(values) if len(values) > 1 else 0.0)
""",
    # returns the variance
    """
def mean_and_stddev(values):
    mean = sum(values) / len(values)
    return (mean, sum((v - mean) ** 2 for v in values) / len(values))
""",
    # integer mean
    """
import math
def mean_and_stddev(values):
    mean = sum(values) // len(values)
    return (mean, math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)))
""",
)


@register
class MeanAndStddev(CodeTemplate):
    name = "mean_and_stddev"
    area = "math"
    description = "Mean and population standard deviation, float tolerance (function)."
    style = "call"
    entry_point = "mean_and_stddev"
    signature = "def mean_and_stddev(values: list[int]) -> tuple[float, float]:"
    reference = REFERENCE
    wrong_variants = WRONG
    compare = Compare(rel_tol=1e-6, abs_tol=1e-6)

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: list length and magnitude grow with difficulty.
        size, bound = (4, 8, 30, 300, 3000)[difficulty - 1], (10, 100, 1000, 10**5, 10**6)[difficulty - 1]

        def values(n: int) -> list[int]:
            return [rng.randint(-bound, bound) for _ in range(n)]

        examples = [[[2, 4, 4, 4, 5, 5, 7, 9]], [values(5)]]
        hidden = [[[rng.randint(1, 9)] * 3], [[1, 2]], [[0, 3]], *([values(size)] for _ in range(6))]
        statement = (
            "Return a tuple (mean, standard deviation) of a non-empty list of integers, both as "
            "floats. Use the population standard deviation: the square root of the average squared "
            "distance from the mean (divide by n, not n - 1). Answers within 1e-6 are accepted."
        )
        return CodeItem(statement, examples, hidden)
