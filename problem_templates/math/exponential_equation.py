"""Exponential equations that reduce to a common base; integer solutions.

Both sides are powers of one prime written through different bases (4 and 8 for 2, 9 and 27 for 3,
fractions and roots at higher levels); equating exponents gives a linear or quadratic equation.
Level 5 substitutes u = b^x into a quadratic, where one root u may be negative (no solution).
"""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import X, nonzero, one_of, tex
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (how the bases hide, degree of the exponent equation, number of solutions):
#   1  b^(a x + p) = N, N an integer power of b (or its reciprocal)  (one integer solution)
#   2  a^(p x + q) = c^(r x + s), a and c powers of one prime    (one integer solution)
#   3  as 2, with bases written as fractions or roots (1/9, sqrt 8)
#   4  b^(x^2 + p x + s) = N (N may be a fraction): a quadratic in the exponent  (two integers)
#   5  k b^(2x) + k p b^x + k q = 0 (b^(2x) maybe written (b^2)^x): quadratic in u = b^x  (one or two)

POWERS = {2: (2, 4, 8, 16, 32), 3: (3, 9, 27, 81), 5: (5, 25, 125)}
T = sp.Symbol("t", positive=True)


def _base(rng: random.Random, prime: int, fancy: bool) -> tuple[str, sp.Rational]:
    """A base written in LaTeX and its exponent as a power of `prime` (log base prime)."""
    k = rng.randint(1, len(POWERS[prime]) - 1 if prime != 5 else 2)
    if fancy:
        kind = rng.choice(("recip", "sqrt", "plain"))
        if kind == "recip":
            return f"\\left(\\frac{{1}}{{{prime**k}}}\\right)", sp.Integer(-k)
        if kind == "sqrt":
            return f"\\left(\\sqrt{{{prime ** (2 * k + 1)}}}\\right)", sp.Rational(2 * k + 1, 2)
    return str(prime**k), sp.Integer(k)


def _power(base: str, exponent: sp.Expr) -> str:
    return f"{base}^{{{tex(exponent)}}}"


@register
class ExponentialEquation(MathTemplate):
    name = "exponential_equation"
    area = "equations"
    description = "Exponential equations solved by rewriting to a common base; integer solutions."
    small_space = "integer answers keep bases and exponents small: a few hundred prompts per difficulty"

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        prime = rng.choice((2, 3, 5) if difficulty > 1 else (2, 3, 5, 7))
        for _ in range(1000):
            made = self._attempt(rng, difficulty, prime)
            if made is not None:
                return made
        raise AssertionError("no exponential equation found")

    def _attempt(self, rng: random.Random, difficulty: int, prime: int) -> MathItem | None:
        if difficulty == 1:
            a, p = rng.randint(1, 4), rng.randint(-12, 12)
            n = rng.randint(-3, {2: 9, 3: 6, 5: 4, 7: 3}[prime])
            value = sp.Integer(prime) ** n
            sides = [_power(str(prime), a * X + p), tex(value)]
            if rng.random() < 0.3:
                sides.reverse()
            latex = " = ".join(sides)
            exponent_equation = sp.Eq(a * X + p, n)
            metadata = {"kind": "exponents", "prime": prime, "latex": latex}
        elif difficulty in (2, 3):
            (left, la), (right, ra) = (_base(rng, prime, difficulty == 3) for _ in range(2))
            if la == ra:
                return None
            p, r = nonzero(rng, 4), nonzero(rng, 4)
            q, s = rng.randint(-9, 9), rng.randint(-9, 9)
            latex = f"{_power(left, p * X + q)} = {_power(right, r * X + s)}"
            exponent_equation = sp.Eq(la * (p * X + q), ra * (r * X + s))
            metadata = {"kind": "linear", "prime": prime, "latex": latex}
        elif difficulty == 4:
            r1, r2 = rng.sample(range(-8, 9), 2)
            shift = rng.randint(-12, 12)  # x^2 - (r1 + r2) x + shift = n has roots r1, r2
            n = shift - r1 * r2
            if n < -3 or n > {2: 10, 3: 6, 5: 4}[prime]:
                return None
            inner = X**2 - (r1 + r2) * X + shift
            sides = [_power(str(prime), inner), tex(sp.Integer(prime) ** n)]
            if rng.random() < 0.3:
                sides.reverse()
            latex = " = ".join(sides)
            exponent_equation = sp.Eq(inner, n)
            metadata = {"kind": "quadratic", "prime": prime, "latex": latex}
        else:
            u1 = prime ** rng.randint(0, 4)
            u2 = prime ** rng.randint(0, 4) if rng.random() < 0.6 else -rng.randint(1, 30)
            if u1 == u2:
                return None
            k = rng.choice((1, 1, 2, 3))  # the whole equation may be multiplied through
            p, q = -(u1 + u2), u1 * u2
            square = f"{prime}^{{2 x}}" if rng.random() < 0.5 else f"{prime**2}^{{x}}"
            factor = f"{k} \\cdot " if k > 1 else ""
            latex = f"{factor}{square} "
            if p:
                middle = f"{abs(k * p)} \\cdot " if abs(k * p) != 1 else ""
                latex += f"{'+' if p > 0 else '-'} {middle}{prime}^{{x}} "
            latex += f"{'+' if q >= 0 else '-'} {abs(k * q)} = 0"
            u = sp.Symbol("u")
            roots = [r for r in sp.solve(u**2 + p * u + q, u) if r > 0]
            solutions = [sp.log(r, prime) for r in roots]
            answer = sp.FiniteSet(*(sp.nsimplify(s) for s in solutions))
            if not answer or any(not s.is_integer for s in answer):
                return None
            question = one_of(rng, SET_PHRASINGS, eq=latex)
            metadata = {"kind": "substitution", "prime": prime, "latex": latex}
            return MathItem(question, answer, AnswerType.SET, metadata)
        solutions = sp.solve(exponent_equation, X)
        if not solutions or any(not s.is_integer for s in solutions) or len(set(solutions)) != len(solutions):
            return None
        if difficulty == 4:
            question = one_of(rng, SET_PHRASINGS, eq=latex)
            return MathItem(question, sp.FiniteSet(*solutions), AnswerType.SET, metadata)
        question = one_of(rng, PHRASINGS, eq=latex)
        return MathItem(question, sp.Integer(solutions[0]), AnswerType.INTEGER, metadata)


PHRASINGS = (
    "Solve ${eq}$ for $x$.",
    "Find the real number $x$ such that ${eq}$.",
    "What value of $x$ satisfies ${eq}$?",
    "Determine $x$ if ${eq}$.",
)
SET_PHRASINGS = (
    "Find all real solutions of ${eq}$. Give them as a set.",
    "Solve ${eq}$ over the reals and write the solution set.",
    "What is the set of real numbers $x$ with ${eq}$?",
)
