"""Multiply small integer matrices, or raise one to a power; the answer is a matrix."""

from __future__ import annotations

import itertools
import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty: the dimension chain (how many factors and their shapes) and the entry range.
#   1  (2x2)(2x2), entries in [0, 5]          2  two factors, sides 2 or 3, entries in [-6, 6]
#   3  (3x3)(3x3), entries in [-5, 5]         4  three factors, sides 2 or 3, entries in [-4, 4]
#   5  A^3 or A^4 for a 2x2 or 3x3 A, entries in [-3, 3]
NAMES = ("A", "B", "C")

PHRASINGS = (
    "Let {defs}. Compute ${product}$.",
    "Given {defs}, find the matrix ${product}$.",
    "With {defs}, what is ${product}$?",
)


def _random_matrix(rng: random.Random, rows: int, cols: int, lo: int, hi: int) -> sp.ImmutableMatrix:
    return sp.ImmutableMatrix(rows, cols, lambda i, j: rng.randint(lo, hi))


@register
class MatrixProduct(MathTemplate):
    name = "matrix_product"
    area = "algebra"
    description = "Product of two or three small matrices, or a matrix power; answer is a matrix."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        power = 1
        if difficulty == 5:
            n, power = rng.choice((2, 3)), rng.choice((3, 4))
            matrices = [_random_matrix(rng, n, n, -3, 3)]
            product_latex = f"A^{{{power}}}"
        else:
            dims, (lo, hi) = {
                1: ([2, 2, 2], (0, 5)),
                2: ([rng.choice((2, 3)) for _ in range(3)], (-6, 6)),
                3: ([3, 3, 3], (-5, 5)),
                4: ([rng.choice((2, 3)) for _ in range(4)], (-4, 4)),
            }[difficulty]
            matrices = [_random_matrix(rng, r, c, lo, hi) for r, c in itertools.pairwise(dims)]
            product_latex = " ".join(NAMES[: len(matrices)])
        answer = sp.ImmutableMatrix(sp.MatMul(*matrices).doit() if power == 1 else matrices[0] ** power)
        defs = ", ".join(f"${name} = {sp.latex(m)}$" for name, m in zip(NAMES, matrices, strict=False))
        question = rng.choice(PHRASINGS).format(defs=defs, product=product_latex)
        metadata = {
            "matrices": [[[int(v) for v in m.row(i)] for i in range(m.rows)] for m in matrices],
            "power": power,
        }
        return MathItem(question, answer, AnswerType.MATRIX, metadata)
