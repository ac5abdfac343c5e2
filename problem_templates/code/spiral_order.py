"""Read a rectangular matrix in clockwise spiral order."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def spiral_order(matrix: list[list[int]]) -> list[int]:
    out: list[int] = []
    if not matrix:
        return out
    top, bottom, left, right = 0, len(matrix) - 1, 0, len(matrix[0]) - 1
    while top <= bottom and left <= right:
        for c in range(left, right + 1):
            out.append(matrix[top][c])
        for r in range(top + 1, bottom + 1):
            out.append(matrix[r][right])
        if top < bottom:
            for c in range(right - 1, left - 1, -1):
                out.append(matrix[bottom][c])
        if left < right:
            for r in range(bottom - 1, top, -1):
                out.append(matrix[r][left])
        top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
    return out
"""

WRONG = (
    # no guard for a single remaining row or column: repeats elements
    """
def spiral_order(matrix):
    out = []
    if not matrix:
        return out
    top, bottom, left, right = 0, len(matrix) - 1, 0, len(matrix[0]) - 1
    while top <= bottom and left <= right:
        for c in range(left, right + 1):
            out.append(matrix[top][c])
        top += 1
        for r in range(top, bottom + 1):
            out.append(matrix[r][right])
        right -= 1
        for c in range(right, left - 1, -1):
            out.append(matrix[bottom][c])
        bottom -= 1
        for r in range(bottom, top - 1, -1):
            out.append(matrix[r][left])
        left += 1
    return out
""",
    # counter-clockwise: down the first column first
    """
def spiral_order(matrix):
    if not matrix:
        return []
    transposed = [list(row) for row in zip(*matrix)]
    out = []
    while transposed:
        out.extend(transposed.pop(0))
        transposed = [list(row) for row in zip(*transposed)][::-1]
    return out
""",
    # snake order: rows left to right, then right to left
    """
def spiral_order(matrix):
    out = []
    for i, row in enumerate(matrix):
        out.extend(row if i % 2 == 0 else row[::-1])
    return out
""",
)

PHRASINGS = (
    "Return the entries of a rectangular matrix (a list of rows, all the same length) in "
    "clockwise spiral order: start at the top-left corner, go right along the top row, down the "
    "right column, left along the bottom row, up the left column, and repeat inwards until every "
    "entry has been listed exactly once. An empty matrix ([]) gives [].",
    "Walk a matrix in a clockwise spiral that begins at its top-left entry and heads right, "
    "turning right (clockwise) whenever the next step would leave the matrix or revisit an "
    "entry. Return the visited values in order. The matrix has R >= 0 rows and C >= 1 columns "
    "(a single row or a single column is possible); for R = 0 the input is [] and the answer [].",
)


@register
class SpiralOrder(CodeTemplate):
    name = "spiral_order"
    area = "lists"
    description = "Clockwise spiral traversal of a rectangular matrix (function)."
    style = "call"
    entry_point = "spiral_order"
    signature = "def spiral_order(matrix: list[list[int]]) -> list[int]:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: the largest side (3 .. 60) and the value range grow with difficulty;
        # shapes are rectangular, often far from square.
        side, bound = (3, 5, 10, 30, 60)[difficulty - 1], (9, 50, 99, 999, 10**6)[difficulty - 1]

        def matrix(rows: int, cols: int) -> list[list[int]]:
            return [[rng.randint(-bound, bound) for _ in range(cols)] for _ in range(rows)]

        examples = [[matrix(3, 3)], [matrix(2, 4)]]
        hidden = [
            [[]],
            [matrix(1, 1)],
            [matrix(1, 4)],
            [matrix(4, 1)],
            [matrix(3, 2)],
            [matrix(2, 3)],
            *([matrix(rng.randint(1, side), rng.randint(1, side))] for _ in range(5)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
