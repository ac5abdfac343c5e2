"""Binomial theorem: the coefficient of x^k (or the constant term) in an expansion."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import X, nonzero, one_of, tex
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (exponent n, coefficients, powers of x inside, number of factors):
#   1  (x + b)^n, n <= 8, |b| <= 12
#   2  (a x + b)^n, n <= 8, |a| <= 4, |b| <= 5
#   3  (a x^2 + b/x)^n, n <= 9, |a|, |b| <= 5: a coefficient or the constant term
#   4  (a x + b/x^2)^n with a fractional a or b, n <= 10: the constant term or a coefficient
#   5  (1 + a x)^m (1 + b x)^n or (x^2 + p x + q)^n, m, n <= 7: a coefficient of the product

PHRASINGS = (
    "Find the coefficient of ${term}$ in the expansion of ${e}$.",
    "What is the coefficient of ${term}$ when ${e}$ is expanded?",
    "In the expansion of ${e}$, what is the coefficient of ${term}$?",
    "Expand ${e}$ with the binomial theorem. What number multiplies ${term}$?",
)
CONSTANT = (
    "Find the constant term in the expansion of ${e}$.",
    "What is the term independent of $x$ in the expansion of ${e}$?",
    "When ${e}$ is expanded, what is the constant term?",
)


def _factors(rng: random.Random, difficulty: int) -> list[tuple[list[tuple[sp.Rational, int]], int]]:
    """Factors as ([(coefficient, power of x), ...], exponent)."""
    if difficulty == 1:
        return [([(sp.Integer(1), 1), (sp.Integer(nonzero(rng, 12)), 0)], rng.randint(3, 8))]
    if difficulty == 2:
        return [([(sp.Integer(nonzero(rng, 4)), 1), (sp.Integer(nonzero(rng, 5)), 0)], rng.randint(4, 8))]
    if difficulty == 3:
        return [([(sp.Integer(nonzero(rng, 5)), 2), (sp.Integer(nonzero(rng, 5)), -1)], rng.randint(4, 9))]
    if difficulty == 4:
        a, b = (
            sp.Rational(nonzero(rng, 3), rng.choice((1, 2, 3))),
            sp.Rational(nonzero(rng, 3), rng.choice((1, 2))),
        )
        return [([(a, 1), (b, -2)], rng.randint(5, 10))]
    if rng.random() < 0.5:
        a, b = nonzero(rng, 3), nonzero(rng, 3)
        return [
            ([(sp.Integer(1), 0), (sp.Integer(a), 1)], rng.randint(3, 7)),
            ([(sp.Integer(1), 0), (sp.Integer(b), 1)], rng.randint(3, 7)),
        ]
    p, q = nonzero(rng, 3), nonzero(rng, 4)
    return [([(sp.Integer(1), 2), (sp.Integer(p), 1), (sp.Integer(q), 0)], rng.randint(3, 6))]


def _expression(factors: list[tuple[list[tuple[sp.Rational, int]], int]]) -> sp.Expr:
    return sp.Mul(*(sp.Add(*(c * X**k for c, k in terms)) ** n for terms, n in factors))


def _latex(factors: list[tuple[list[tuple[sp.Rational, int]], int]]) -> str:
    out = ""
    for terms, n in factors:
        inner = ""
        for c, k in sorted(terms, key=lambda t: -t[1]):
            if k < 0:
                body = (
                    f"\\frac{{{tex(abs(c))}}}{{{tex(X**-k)}}}"
                    if c.is_integer
                    else (f"\\frac{{{abs(c.p)}}}{{{c.q} {tex(X**-k)}}}")
                )
            else:
                body = tex(abs(c) * X**k)
            sign = "-" if c < 0 else "+"
            inner = f"{'-' if c < 0 else ''}{body}" if not inner else f"{inner} {sign} {body}"
        out += f"\\left({inner}\\right)^{{{n}}}"
    return out


@register
class BinomialCoefficient(MathTemplate):
    name = "binomial_coefficient"
    area = "polynomials"
    description = "Coefficient of x^k or the constant term of a binomial (or trinomial) expansion."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            factors = _factors(rng, difficulty)
            shift = sum(n * max(0, -min(k for _, k in terms)) for terms, n in factors)
            laurent = sp.Poly(sp.expand(_expression(factors) * X**shift), X)
            coefficients = {m - shift: c for (m,), c in laurent.terms()}
            # skip the extreme terms (a^n and b^n, read off without the theorem); at levels 1, 2 and 5
            # the constant term is an extreme or trivial too
            low, high = min(coefficients), max(coefficients)
            choices = [k for k in coefficients if k not in (low, high) and (difficulty in (3, 4) or k != 0)]
            if not choices:
                continue
            power = rng.choice(sorted(choices))
            value = coefficients[power]
            break
        latex = _latex(factors)
        if power == 0:
            question = one_of(rng, CONSTANT, e=latex)
        else:
            question = one_of(rng, PHRASINGS, e=latex, term=tex(X**power))
        metadata = {
            "factors": [[[[[int(c.p), int(c.q)], k] for c, k in terms], n] for terms, n in factors],
            "power": power,
        }
        atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
        return MathItem(question, value, atype, metadata)
