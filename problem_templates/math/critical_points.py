"""Critical points (where f'(x) = 0) of polynomials, exponential/logarithmic products and rational functions.

The answer is the set of x-values in the domain of f where the derivative vanishes.
"""

from __future__ import annotations

import random
from math import lcm

import sympy as sp

from problem_templates.math._helpers import X, nonzero, one_of, tex
from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (degree, kinds of function, rational or irrational points):
#   1  cubic whose derivative is a multiple of (x - r)(x - s), r, s integers in [-6, 6]
#   2  cubic with rational critical points
#   3  quartic with three integer critical points
#   4  (p x + q) e^(ax), (x^2 + p x + q) e^(ax), x^2 + b x - a ln x, k x^n ln(b x)  (e or roots)
#   5  rational functions: p x + q/x + c, (x^2 + b x + c)/(x - d), (k x + c)/(x^2 + a), k x^2/(x - d) + c

PHRASINGS = (
    "Find all critical points of $f(x) = {f}$, that is the $x$-values where $f'(x) = 0$. Give them as a set.",
    "For $f(x) = {f}$, determine the set of all $x$ in the domain of $f$ with $f'(x) = 0$.",
    "At which $x$-values does $f(x) = {f}$ have a horizontal tangent line? List them as a set.",
    "What is the set of critical numbers (where the derivative is zero) of $f(x) = {f}$?",
)


def _from_derivative(rng: random.Random, derivative: sp.Expr) -> sp.Expr:
    """An antiderivative scaled to integer coefficients, plus a random constant."""
    f = sp.integrate(sp.expand(derivative), X)
    scale = lcm(*(int(sp.Rational(c).q) for c in sp.Poly(f, X).all_coeffs()))
    return sp.expand(f * scale * rng.choice((1, -1, 2))) + rng.randint(-20, 20)


def _function(rng: random.Random, difficulty: int) -> tuple[sp.Expr, str]:
    """(f, domain) where the domain is "reals" or "positive"."""
    if difficulty == 1:
        r, s = rng.sample(range(-6, 7), 2)
        return _from_derivative(rng, (X - r) * (X - s)), "reals"
    if difficulty == 2:
        r = sp.Rational(nonzero(rng, 9), rng.choice((2, 3, 4, 5)))
        s = rng.randint(-6, 6)
        return _from_derivative(rng, (X - r) * (X - s)), "reals"
    if difficulty == 3:
        r, s, t = rng.sample(range(-5, 6), 3)
        return _from_derivative(rng, (X - r) * (X - s) * (X - t)), "reals"
    if difficulty == 4:
        a = nonzero(rng, 5)
        kind = rng.choice(("linear_exp", "quadratic_exp", "quadratic_log", "power_log"))
        if kind == "linear_exp":
            return (rng.randint(1, 5) * X + rng.randint(-9, 9)) * sp.exp(a * X), "reals"
        if kind == "quadratic_exp":
            return (X**2 + rng.randint(-5, 5) * X + rng.randint(-9, 9)) * sp.exp(a * X), "reals"
        if kind == "quadratic_log":
            return X**2 + rng.randint(-9, 9) * X - rng.randint(1, 20) * sp.log(X), "positive"
        power = rng.choice((1, 2, 3, -1, -2))
        return rng.randint(1, 5) * X**power * sp.log(rng.randint(1, 9) * X), "positive"
    kind = rng.choice(("plus_over", "quadratic_over", "x_over", "square_over"))
    shift = rng.randint(-9, 9)  # an added constant changes nothing but the look of f
    if kind == "plus_over":
        return rng.randint(1, 9) * X + rng.randint(1, 40) / X + shift, "reals"
    if kind == "quadratic_over":
        return (X**2 + rng.randint(-9, 9) * X + rng.randint(-12, 12)) / (X - nonzero(rng, 6)), "reals"
    if kind == "x_over":
        return (rng.randint(1, 9) * X + shift) / (X**2 + rng.randint(1, 40)), "reals"
    return rng.randint(1, 5) * X**2 / (X - nonzero(rng, 9)) + shift, "reals"


@register
class CriticalPoints(MathTemplate):
    name = "critical_points"
    area = "calculus"
    description = "The set of critical points (f'(x) = 0) of polynomial, exponential, log and rational f."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            f, domain = _function(rng, difficulty)
            derivative = sp.together(sp.diff(f, X))
            poles = [p for p in sp.solve(sp.denom(sp.together(f)), X) if p.is_real]
            points = []
            second = sp.diff(f, X, 2)
            for p in sp.solve(derivative, X):
                if not p.is_real or p in poles or (domain == "positive" and not p.is_positive):
                    continue
                if sp.simplify(second.subs(X, p)) == 0:
                    points = []  # a degenerate critical point (f' does not change sign): resample
                    break
                points.append(sp.radsimp(p))
            if points and all(abs(sp.N(p)) < 25 for p in points):
                break
        question = one_of(rng, PHRASINGS, f=tex(f))
        metadata = {"function": encode(f), "domain": domain, "poles": [int(p) for p in poles]}
        return MathItem(question, sp.FiniteSet(*points), AnswerType.SET, metadata)
