"""Invert a small invertible integer matrix; the answer is a matrix."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty: (size, entry bound, determinant must be ±1 so the inverse is integral).
#   1  2x2, entries in [-5, 5], det ±1        2  2x2, entries in [-7, 7], any nonzero det
#   3  3x3, entries in [-2, 2], det ±1        4  3x3, entries in [-3, 3], any nonzero det
#   5  3x3, entries in [-6, 6], any nonzero det
LEVELS = ((2, 5, True), (2, 7, False), (3, 2, True), (3, 3, False), (3, 6, False))

PHRASINGS = (
    "Find the inverse of the matrix $A = {matrix}$.",
    "Compute $A^{{-1}}$ for $A = {matrix}$.",
    "Let $A = {matrix}$. Determine the matrix $A^{{-1}}$ with exact entries.",
)


@register
class MatrixInverse(MathTemplate):
    name = "matrix_inverse"
    area = "algebra"
    description = "Inverse of an invertible 2x2 or 3x3 integer matrix; answer is a matrix."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        n, bound, unimodular = LEVELS[difficulty - 1]
        while True:
            matrix = sp.ImmutableMatrix(n, n, lambda i, j: rng.randint(-bound, bound))
            det = matrix.det()
            if (abs(det) == 1) if unimodular else (det != 0):
                break
        question = rng.choice(PHRASINGS).format(matrix=sp.latex(matrix))
        metadata = {"matrix": [[int(v) for v in matrix.row(i)] for i in range(n)]}
        return MathItem(question, matrix.inv(), AnswerType.MATRIX, metadata)
