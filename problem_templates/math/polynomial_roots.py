"""Find every real root of a quadratic or cubic with distinct real roots; the answer is a set."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty:
#   1  monic quadratic, distinct integer roots in [-6, 6]
#   2  quadratic with distinct rational roots; a constant is moved to the right-hand side
#   3  quadratic with two irrational roots (positive non-square discriminant)
#   4  cubic with three distinct integer roots
#   5  cubic = (linear with a rational root) × (quadratic with two irrational roots)

PHRASINGS = (
    "Find all real solutions of ${equation}$. Give your answer as a set.",
    "Solve ${equation}$ over the real numbers and write the solution set.",
    "What is the set of real numbers $x$ satisfying ${equation}$?",
    "Determine the solution set of the equation ${equation}$ in $\\mathbb{{R}}$.",
)

X = sp.Symbol("x")


def _nonzero(rng: random.Random, bound: int) -> int:
    return rng.choice([k for k in range(-bound, bound + 1) if k != 0])


def _irrational_quadratic(rng: random.Random) -> sp.Expr:
    while True:
        a, b, c = rng.randint(1, 3), rng.randint(-9, 9), rng.randint(-9, 9)
        disc = b * b - 4 * a * c
        if disc > 0 and sp.sqrt(disc).is_irrational:
            return a * X**2 + b * X + c


def _polynomial(rng: random.Random, difficulty: int) -> sp.Expr:
    if difficulty == 1:
        r1, r2 = rng.sample(range(-6, 7), 2)
        return sp.expand((X - r1) * (X - r2))
    if difficulty == 2:
        while True:
            p1, p2 = rng.randint(1, 4), rng.randint(1, 4)
            q1, q2 = rng.randint(-7, 7), rng.randint(-7, 7)
            if sp.Rational(q1, p1) != sp.Rational(q2, p2):
                return sp.expand((p1 * X - q1) * (p2 * X - q2))
    if difficulty == 3:
        return _irrational_quadratic(rng)
    if difficulty == 4:
        roots = rng.sample(range(-5, 6), 3)
        return sp.expand(rng.choice((1, -1, 2)) * sp.Mul(*(X - r for r in roots)))
    q, p = rng.randint(1, 3), _nonzero(rng, 5)
    return sp.expand((q * X - p) * _irrational_quadratic(rng))


@register
class PolynomialRoots(MathTemplate):
    name = "polynomial_roots"
    area = "polynomials"
    description = "Real roots of a quadratic or cubic with distinct real roots; answer is a set."
    small_space = "difficulty 1 (monic quadratics with small integer roots) has about a hundred prompts"

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        poly = _polynomial(rng, difficulty)
        roots = sp.roots(sp.Poly(poly, X))
        degree = sp.degree(poly, X)
        if sum(roots.values()) != degree or len(roots) != degree:
            raise AssertionError(f"expected {degree} distinct explicit roots of {poly}")
        answer = sp.FiniteSet(*(sp.radsimp(r) for r in roots))
        shift = rng.randint(-9, 9) if difficulty >= 2 else 0
        equation = f"{sp.latex(poly + shift)} = {shift}"
        question = rng.choice(PHRASINGS).format(equation=equation)
        coefficients = [int(c) for c in sp.Poly(poly, X).all_coeffs()]
        return MathItem(question, answer, AnswerType.SET, {"coefficients": coefficients})
