"""Rational inequalities (sign charts); the answer is an interval or a union of intervals.

Poles are never in the solution set, zeros of the numerator are in it exactly for <= and >=.
"""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import X, is_interval_answer, nonzero, one_of, sign_chart, tex
from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (degrees, a constant to move across, factored or expanded):
#   1  (x - a)/(x - b) or (a - x)/(x - b) compared with 0, strict
#   2  (x - a)/(x - b) compared with 0, any relation (closed ends at zeros, open at the pole)
#   3  (a x + b)/(c x + d) compared with a nonzero constant k (move it across first)
#   4  (x - a)(x - b)/(x - c) with the numerator expanded
#   5  quadratic over quadratic, both expanded, with irrational or rational zeros;
#      or 1/(x - a) compared with 1/(x - b) + ... (difference of two fractions)

RELATIONS = ("<", "<=", ">", ">=")
LATEX = {"<": "<", "<=": "\\le", ">": ">", ">=": "\\ge"}
PHRASINGS = (
    "Solve the inequality ${ineq}$. Write the solution in interval notation.",
    "Find all real numbers $x$ for which ${ineq}$. Express the answer as a union of intervals if needed.",
    "For which real $x$ does ${ineq}$ hold? Answer in interval notation.",
    "Determine the solution set of ${ineq}$ in interval notation.",
)


def _frac(numerator: sp.Expr, denominator: sp.Expr) -> str:
    return f"\\frac{{{tex(numerator)}}}{{{tex(denominator)}}}"


def _problem(rng: random.Random, difficulty: int) -> tuple[sp.Expr, str, str]:
    if difficulty in (1, 2):
        a, b = rng.sample(range(-20, 21), 2)
        rel = rng.choice(("<", ">") if difficulty == 1 else RELATIONS)
        num, den = (X - a) * rng.choice((1, -1)), X - b
        return num / den, rel, f"{_frac(num, den)} {LATEX[rel]} 0"
    if difficulty == 3:
        num, den = nonzero(rng, 6) * X + rng.randint(-12, 12), nonzero(rng, 5) * X + nonzero(rng, 12)
        k, rel = nonzero(rng, 5), rng.choice(RELATIONS)
        return num / den - k, rel, f"{_frac(num, den)} {LATEX[rel]} {k}"
    if difficulty == 4:
        a, b, c = rng.sample(range(-9, 10), 3)
        num, den = sp.expand(nonzero(rng, 2) * (X - a) * (X - b)), X - c
        rel = rng.choice(RELATIONS)
        return num / den, rel, f"{_frac(num, den)} {LATEX[rel]} 0"
    rel = rng.choice(RELATIONS)
    if rng.random() < 0.5:
        num = X**2 + rng.randint(-8, 8) * X + rng.randint(-12, 12)
        den = X**2 + rng.randint(-8, 8) * X + rng.randint(-12, 12)
        return num / den, rel, f"{_frac(num, den)} {LATEX[rel]} 0"
    (a, b), (p, q) = rng.sample(range(-9, 10), 2), (nonzero(rng, 5), nonzero(rng, 5))
    text = f"{_frac(sp.Integer(p), X - a)} {LATEX[rel]} {_frac(sp.Integer(q), X - b)}"
    return p / (X - a) - q / (X - b), rel, text


@register
class RationalInequality(MathTemplate):
    name = "rational_inequality"
    area = "inequalities"
    description = "Rational inequalities solved with a sign chart; interval or union answer."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            expr, rel, text = _problem(rng, difficulty)
            numerator, denominator = sp.fraction(sp.together(expr))
            if sp.gcd(sp.expand(numerator), sp.expand(denominator)).has(X):
                continue  # a common factor would hide a hole in the sign chart
            if not denominator.has(X) or not sp.expand(numerator).has(X):
                continue
            answer = sign_chart(expr, rel)
            if is_interval_answer(answer):
                break
        question = one_of(rng, PHRASINGS, ineq=text)
        metadata = {"constraints": [{"expr": encode(expr), "relation": rel}], "latex": text}
        return MathItem(question, answer, AnswerType.INTERVAL, metadata)
