"""Eigenvalues of a 2x2 or 3x3 integer matrix; the answer is the set of (distinct) eigenvalues.

Matrices are built as P D P^-1 with a unimodular integer P, so entries stay integers while the
eigenvalues are chosen: distinct integers, or a pair of conjugate quadratic irrationals.
"""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import nonzero, one_of, pmatrix
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (size, how the structure is hidden, rational or irrational eigenvalues):
#   1  2x2, distinct integer eigenvalues in [-7, 7], P a product of two shears
#   2  2x2, distinct integer eigenvalues in [-9, 9], P a product of three shears
#   3  2x2 symmetric with two irrational eigenvalues (no zero entry)
#   4  3x3, distinct integer eigenvalues in [-6, 6], P a product of three shears
#   5  3x3 hiding one integer eigenvalue and a 2x2 block with irrational eigenvalues

PHRASINGS = (
    "Find all eigenvalues of $A = {m}$. Give your answer as a set.",
    "What is the set of eigenvalues of the matrix ${m}$?",
    "Determine the eigenvalues of ${m}$.",
    "Compute every eigenvalue of $M = {m}$ and list them as a set.",
)


def _shears(rng: random.Random, n: int, count: int, bound: int) -> sp.Matrix:
    p = sp.eye(n)
    for _ in range(count):
        i, j = rng.sample(range(n), 2)
        e = sp.eye(n)
        e[i, j] = nonzero(rng, bound)
        p = p * e
    return p


def _irrational_block(rng: random.Random) -> sp.Matrix:
    while True:
        a, b, c = rng.randint(-9, 9), nonzero(rng, 7), rng.randint(-9, 9)
        disc = (a - c) ** 2 + 4 * b * b
        if sp.sqrt(disc).is_irrational:
            return sp.Matrix([[a, b], [b, c]])


def _matrix(rng: random.Random, difficulty: int) -> sp.Matrix:
    if difficulty in (1, 2):
        bound = 7 if difficulty == 1 else 9
        d = sp.diag(*rng.sample(range(-bound, bound + 1), 2))
        p = _shears(rng, 2, difficulty + 1, 3)
        return p * d * p.inv()
    if difficulty == 3:
        return _irrational_block(rng)
    if difficulty == 4:
        d = sp.diag(*rng.sample(range(-6, 7), 3))
        p = _shears(rng, 3, 3, 2)
        return p * d * p.inv()
    k = rng.randint(-6, 6)
    block = _irrational_block(rng)
    d = sp.diag(k, block)
    p = _shears(rng, 3, 2, 2)
    return p * d * p.inv()


@register
class Eigenvalues(MathTemplate):
    name = "eigenvalues"
    area = "algebra"
    description = "The set of eigenvalues of a 2x2 or 3x3 integer matrix (integer or irrational)."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            m = _matrix(rng, difficulty)
            zeros = sum(1 for x in m if x == 0)
            if max(abs(x) for x in m) > 40 or zeros > m.rows - 1 or m.is_upper or m.is_lower:
                continue  # keep entries readable and the structure hidden
            values = m.eigenvals()
            if len(values) == m.rows and all(v == 1 for v in values.values()):
                break
        answer = sp.FiniteSet(*(sp.radsimp(v) for v in values))
        rows = [[int(x) for x in m.row(i)] for i in range(m.rows)]
        question = one_of(rng, PHRASINGS, m=pmatrix(rows))
        return MathItem(question, answer, AnswerType.SET, {"matrix": rows})
