"""Images under linear maps: A v, A^T v, A^k v, and T(v) from the images of a basis; answer a matrix."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import one_of, pmatrix
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (dimension, number of operations, whether a basis change must be solved):
#   1  A v with A 2x2, entries in [-9, 9]
#   2  A v with A 3x3, entries in [-6, 6]
#   3  A^T B for 2x2 A, B (a 2x2 matrix), or A^T v for 3x3 A
#   4  A^k v for 2x2 A, k in {2, 3, 4}
#   5  T(u1) = w1 and T(u2) = w2 for a non-standard basis u1, u2 of R^2; find T(v) (rational)


def _matrix(rng: random.Random, rows: int, cols: int, bound: int) -> list[list[int]]:
    return [[rng.randint(-bound, bound) for _ in range(cols)] for _ in range(rows)]


def _vector(rng: random.Random, n: int, bound: int) -> list[list[int]]:
    while True:
        v = [[rng.randint(-bound, bound)] for _ in range(n)]
        if any(x[0] for x in v):
            return v


@register
class LinearMapImage(MathTemplate):
    name = "linear_map_image"
    area = "algebra"
    description = "Images of vectors under linear maps, transposes and powers; the answer is a matrix."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            item = self._build(rng, difficulty)
            if any(x != 0 for x in item.answer):  # a zero image is too easy to guess
                return item

    def _build(self, rng: random.Random, difficulty: int) -> MathItem:
        if difficulty in (1, 2):
            n, bound = (2, 9) if difficulty == 1 else (3, 6)
            a, v = _matrix(rng, n, n, bound), _vector(rng, n, 9)
            answer = sp.ImmutableMatrix(a) * sp.ImmutableMatrix(v)
            question = one_of(
                rng,
                (
                    "Let $A = {a}$ and $v = {v}$. Compute $A v$.",
                    "The linear map $T$ has matrix ${a}$. Find $T\\left({v}\\right)$ as a column vector.",
                    "Compute the product ${a} {v}$.",
                ),
                a=pmatrix(a),
                v=pmatrix(v),
            )
            return MathItem(
                question, answer, AnswerType.MATRIX, {"kind": "apply", "a": a, "v": v, "power": 1}
            )
        if difficulty == 3:
            if rng.random() < 0.5:
                a, b = _matrix(rng, 2, 2, 9), _matrix(rng, 2, 2, 9)
                answer = sp.ImmutableMatrix(a).T * sp.ImmutableMatrix(b)
                question = one_of(
                    rng,
                    (
                        "Let $A = {a}$ and $B = {b}$. Compute $A^{{T}} B$.",
                        "For $A = {a}$ and $B = {b}$, find the matrix $A^{{T}} B$.",
                        "Compute the product of the transpose of ${a}$ with ${b}$.",
                    ),
                    a=pmatrix(a),
                    b=pmatrix(b),
                )
                return MathItem(question, answer, AnswerType.MATRIX, {"kind": "transpose", "a": a, "b": b})
            a, v = _matrix(rng, 3, 3, 6), _vector(rng, 3, 9)
            answer = sp.ImmutableMatrix(a).T * sp.ImmutableMatrix(v)
            question = one_of(
                rng,
                (
                    "Let $A = {a}$ and $v = {v}$. Compute $A^{{T}} v$.",
                    "Find the image of $v = {v}$ under the transpose of $A = {a}$.",
                    "For $A = {a}$, compute $A^{{T}} {v}$.",
                ),
                a=pmatrix(a),
                v=pmatrix(v),
            )
            return MathItem(question, answer, AnswerType.MATRIX, {"kind": "transpose", "a": a, "b": v})
        if difficulty == 4:
            a, v, k = _matrix(rng, 2, 2, 5), _vector(rng, 2, 6), rng.choice((2, 3, 4))
            answer = sp.ImmutableMatrix(a) ** k * sp.ImmutableMatrix(v)
            question = one_of(
                rng,
                (
                    "Let $A = {a}$ and $v = {v}$. Compute $A^{{{k}}} v$.",
                    "The map $T(v) = A v$ has matrix $A = {a}$. Apply $T$ to ${v}$ ${k}$ times in a row. "
                    "What vector results?",
                    "Find $A^{{{k}}} {v}$ where $A = {a}$.",
                ),
                a=pmatrix(a),
                v=pmatrix(v),
                k=k,
            )
            return MathItem(
                question, answer, AnswerType.MATRIX, {"kind": "apply", "a": a, "v": v, "power": k}
            )
        while True:
            u1, u2 = _vector(rng, 2, 4), _vector(rng, 2, 4)
            basis = sp.Matrix([[u1[0][0], u2[0][0]], [u1[1][0], u2[1][0]]])
            if basis.det() != 0:
                break
        w1, w2, v = _vector(rng, 2, 9), _vector(rng, 2, 9), _vector(rng, 2, 9)
        images = sp.Matrix([[w1[0][0], w2[0][0]], [w1[1][0], w2[1][0]]])
        answer = sp.ImmutableMatrix(images * basis.inv() * sp.Matrix(v))
        question = one_of(
            rng,
            (
                "A linear map $T: \\mathbb{{R}}^2 \\to \\mathbb{{R}}^2$ satisfies $T\\left({u1}\\right) = "
                "{w1}$ and $T\\left({u2}\\right) = {w2}$. Find $T\\left({v}\\right)$.",
                "Suppose $T$ is linear with $T\\left({u1}\\right) = {w1}$ and $T\\left({u2}\\right) = "
                "{w2}$. Compute $T\\left({v}\\right)$ as a column vector.",
                "The linear transformation $T$ sends ${u1}$ to ${w1}$ and ${u2}$ to ${w2}$. What is the "
                "image of ${v}$?",
            ),
            u1=pmatrix(u1),
            u2=pmatrix(u2),
            w1=pmatrix(w1),
            w2=pmatrix(w2),
            v=pmatrix(v),
        )
        metadata = {"kind": "basis", "u": [u1, u2], "w": [w1, w2], "v": v}
        return MathItem(question, answer, AnswerType.MATRIX, metadata)
