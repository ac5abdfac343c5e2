"""Determinants of integer matrices (2x2 to 4x4) and of products/powers; the answer is an integer."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import one_of, pmatrix
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (size of the matrix, entry range, one or several matrices):
#   1  2x2, entries in [-9, 9]
#   2  3x3, entries in [-5, 5] with about a third of them zero
#   3  3x3, entries in [-9, 9]
#   4  4x4, entries in [-4, 4] with about a third of them zero
#   5  det(k A^m B^T) for 3x3 A, B with entries in [-4, 4] (determinant rules), m in {2, 3}

LEVELS = {1: (2, 9, 0.0), 2: (3, 5, 0.33), 3: (3, 9, 0.0), 4: (4, 4, 0.33), 5: (3, 4, 0.15)}


def random_matrix(rng: random.Random, n: int, bound: int, zeros: float) -> list[list[int]]:
    while True:
        rows = [
            [0 if rng.random() < zeros else rng.randint(-bound, bound) for _ in range(n)] for _ in range(n)
        ]
        if sp.Matrix(rows).det() != 0:
            return rows


@register
class Determinant(MathTemplate):
    name = "determinant"
    area = "algebra"
    description = "Determinant of an integer matrix, or of a product of powers and transposes."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        n, bound, zeros = LEVELS[difficulty]
        a = random_matrix(rng, n, bound, zeros)
        if difficulty < 5:
            question = one_of(
                rng,
                (
                    "Compute the determinant of $A = {m}$.",
                    "Find $\\det A$ for $A = {m}$.",
                    "What is the determinant of the matrix ${m}$?",
                    "Evaluate $\\det {m}$.",
                ),
                m=pmatrix(a),
            )
            answer = sp.Matrix(a).det()
            return MathItem(question, answer, AnswerType.INTEGER, {"kind": "plain", "a": a})
        b = random_matrix(rng, n, bound, zeros)
        k, m = rng.choice((-3, -2, 2, 3)), rng.choice((2, 3))
        answer = (k * sp.Matrix(a) ** m * sp.Matrix(b).T).det()
        question = one_of(
            rng,
            (
                "Let $A = {a}$ and $B = {b}$. Compute $\\det\\left({k} A^{{{m}}} B^{{T}}\\right)$.",
                "For $A = {a}$ and $B = {b}$, find the determinant of ${k} A^{{{m}}} B^{{T}}$.",
                "Given $A = {a}$ and $B = {b}$, what is $\\det\\left({k} A^{{{m}}} B^{{T}}\\right)$?",
            ),
            a=pmatrix(a),
            b=pmatrix(b),
            k=k,
            m=m,
        )
        metadata = {"kind": "product", "a": a, "b": b, "k": k, "m": m}
        return MathItem(question, answer, AnswerType.INTEGER, metadata)
