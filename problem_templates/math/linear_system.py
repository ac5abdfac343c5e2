"""Solve a 2x2 or 3x3 system of linear equations with a unique solution; the answer is a tuple."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty: (number of unknowns, coefficient bound, integer solution or not, largest |det|;
# the determinant bounds the denominators of a rational solution).
#   1  2x2, coefficients in [-5, 5], integer solution
#   2  2x2, coefficients in [-9, 9], integer solution
#   3  2x2, coefficients in [-9, 9], rational solution with denominators up to 30
#   4  3x3, coefficients in [-5, 5], integer solution
#   5  3x3, coefficients in [-9, 9], rational solution with denominators up to 60
LEVELS = ((2, 5, True, 200), (2, 9, True, 200), (2, 9, False, 30), (3, 5, True, 1000), (3, 9, False, 60))
NAMES = ("x", "y", "z")

PHRASINGS = (
    "Solve the system of equations\n$$\\begin{{cases}} {system} \\end{{cases}}$$\n"
    "Give the solution as an ordered {kind} ${vars}$.",
    "Find the {kind} ${vars}$ that satisfies all of the equations {inline}.",
    "The unknowns {names} satisfy {inline}. What is ${vars}$?",
)


@register
class LinearSystem(MathTemplate):
    name = "linear_system"
    area = "equations"
    description = "Solve a 2x2 or 3x3 linear system with a unique solution; answer is a tuple."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        n, bound, integer_solution, max_det = LEVELS[difficulty - 1]
        symbols = sp.symbols(NAMES[:n])
        while True:
            matrix = sp.Matrix(n, n, lambda i, j: rng.randint(-bound, bound))
            if 0 < abs(matrix.det()) <= max_det:
                break
        if integer_solution:
            solution = sp.Matrix([rng.randint(-6, 6) for _ in range(n)])
            rhs = matrix * solution
        else:
            rhs = sp.Matrix([rng.randint(-3 * bound, 3 * bound) for _ in range(n)])
        solved = matrix.LUsolve(rhs)
        equations = [
            f"{sp.latex(sum(matrix[i, j] * symbols[j] for j in range(n)))} = {rhs[i]}" for i in range(n)
        ]
        vars_latex = "(" + ", ".join(NAMES[:n]) + ")"
        question = rng.choice(PHRASINGS).format(
            system=" \\\\ ".join(equations),
            inline=", ".join(f"${e}$" for e in equations),
            kind="pair" if n == 2 else "triple",
            vars=vars_latex,
            names=", ".join(f"${name}$" for name in NAMES[:n]),
        )
        metadata = {
            "matrix": [[int(matrix[i, j]) for j in range(n)] for i in range(n)],
            "rhs": [int(v) for v in rhs],
            "variables": list(NAMES[:n]),
        }
        return MathItem(question, sp.Tuple(*solved), AnswerType.TUPLE, metadata)
