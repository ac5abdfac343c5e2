"""The remainder and factor theorems: remainders, unknown coefficients, remainders mod a quadratic."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import X, nonzero, one_of, tex
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (degree, divisor shape, unknowns, what is asked):
#   1  cubic, coefficients in [-9, 9], divided by x - a                  (integer remainder)
#   2  quartic divided by x + a, |a| <= 6                                 (integer remainder)
#   3  cubic or quartic divided by a x - b, a in 2..5                     (rational remainder)
#   4  find k so that x - a is a factor / the remainder is r              (rational k)
#   5  remainder mod (x - a)(x - b): from P(a), P(b), or of x^n + c x^m with n <= 40 and small roots
#      a, b (a linear expression)

K = sp.Symbol("k")


def _poly(rng: random.Random, degree: int, bound: int = 9) -> sp.Expr:
    coefficients = [nonzero(rng, bound)] + [rng.randint(-bound, bound) for _ in range(degree)]
    return sp.Add(*(c * X ** (degree - i) for i, c in enumerate(coefficients)))


def _descending(expr: sp.Expr) -> str:
    """LaTeX of a polynomial in x whose coefficients may contain k, highest power first."""
    text = ""
    for (power,), coefficient in sp.Poly(expr, X).terms():
        term = tex(coefficient * X**power)
        if text:
            text += f" - {term[1:].strip()}" if term.startswith("-") else f" + {term}"
        else:
            text = term
    return text


def _coefficients(expr: sp.Expr) -> list[int]:
    return [int(c) for c in sp.Poly(expr, X).all_coeffs()]


REMAINDER = (
    "Find the remainder when $P(x) = {p}$ is divided by ${d}$.",
    "What is the remainder of ${p}$ upon division by ${d}$?",
    "Use the remainder theorem to find the remainder when ${p}$ is divided by ${d}$.",
    "Let $P(x) = {p}$. What remainder is left when $P(x)$ is divided by ${d}$?",
)


@register
class RemainderTheorem(MathTemplate):
    name = "remainder_theorem"
    area = "polynomials"
    description = "Remainder and factor theorem: remainders, unknown coefficients, remainders mod quadratics."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        if difficulty <= 3:
            if difficulty == 1:
                p, divisor = _poly(rng, 3), X - nonzero(rng, 5)
            elif difficulty == 2:
                p, divisor = _poly(rng, 4), X + nonzero(rng, 6)
            else:
                while True:
                    a, b = rng.randint(2, 5), nonzero(rng, 7)
                    if sp.gcd(a, b) == 1:
                        break
                p, divisor = _poly(rng, rng.choice((3, 4))), a * X - b
            remainder = sp.rem(p, divisor, X)
            question = one_of(rng, REMAINDER, p=tex(p), d=tex(divisor))
            metadata = {"kind": "remainder", "dividend": _coefficients(p), "divisor": _coefficients(divisor)}
            atype = AnswerType.INTEGER if remainder.is_integer else AnswerType.RATIONAL
            return MathItem(question, remainder, atype, metadata)
        if difficulty == 4:
            while True:
                degree = rng.choice((3, 4))
                p = _poly(rng, degree)
                power = rng.randint(1, degree - 1)
                p = p - p.coeff(X, power) * X**power + K * X**power
                a, r = nonzero(rng, 4), rng.choice((0, 0, rng.randint(-20, 20)))
                (k,) = sp.solve(sp.Eq(p.subs(X, a), r), K)
                if k != 0:
                    break
            if r == 0:
                ask = one_of(
                    rng,
                    (
                        "For which value of $k$ is ${d}$ a factor of ${p}$?",
                        "Find $k$ such that ${p}$ is divisible by ${d}$.",
                        "The polynomial ${p}$ has ${d}$ as a factor. What is $k$?",
                    ),
                    p=_descending(p),
                    d=tex(X - a),
                )
            else:
                ask = one_of(
                    rng,
                    (
                        "When ${p}$ is divided by ${d}$ the remainder is ${r}$. Find $k$.",
                        "For which $k$ does ${p}$ leave remainder ${r}$ on division by ${d}$?",
                        "Dividing ${p}$ by ${d}$ leaves a remainder of ${r}$. What is $k$?",
                    ),
                    p=_descending(p),
                    d=tex(X - a),
                    r=r,
                )
            coefficients = [str(c) for c in sp.Poly(p, X).all_coeffs()]
            metadata = {"kind": "unknown", "polynomial": coefficients, "a": a, "r": r}
            atype = AnswerType.INTEGER if k.is_integer else AnswerType.RATIONAL
            return MathItem(ask, k, atype, metadata)
        a, b = rng.sample([v for v in range(-5, 6) if v != 0], 2)
        if rng.random() < 0.5:
            r1, r2 = rng.sample(range(-15, 16), 2)
            remainder = sp.expand(sp.interpolate([(a, r1), (b, r2)], X))
            question = one_of(
                rng,
                (
                    "A polynomial $P(x)$ leaves remainder ${r1}$ when divided by ${da}$ and remainder "
                    "${r2}$ when divided by ${db}$. What is the remainder when $P(x)$ is divided by ${dd}$?",
                    "When $P(x)$ is divided by ${da}$ the remainder is ${r1}$, and when divided by ${db}$ "
                    "it is ${r2}$. Find the remainder of $P(x)$ on division by ${dd}$.",
                    "Suppose $P({a}) = {r1}$ and $P({b}) = {r2}$ for a polynomial $P$. Find the remainder "
                    "when $P(x)$ is divided by ${dd}$.",
                ),
                r1=r1,
                r2=r2,
                a=a,
                b=b,
                da=tex(X - a),
                db=tex(X - b),
                dd=tex(sp.expand((X - a) * (X - b))),
            )
            metadata = {"kind": "values", "points": [[a, r1], [b, r2]]}
        else:
            a, b = rng.choice(((1, -1), (1, 2), (-1, 2), (2, -2), (1, -2), (-1, -2), (0, 1), (0, -1), (0, 2)))
            n, m = sorted(rng.sample(range(5, 41), 2), reverse=True)
            c = nonzero(rng, 9)
            p = X**n + c * X**m
            divisor = sp.expand((X - a) * (X - b))
            remainder = sp.rem(p, divisor, X)
            question = one_of(rng, REMAINDER, p=tex(p), d=tex(divisor))
            metadata = {"kind": "sparse", "n": n, "m": m, "c": c, "roots": [a, b]}
        if not remainder.has(X):
            return self.generate(rng, difficulty)  # a constant remainder: ask again
        return MathItem(question, remainder, AnswerType.EXPRESSION, metadata)
