"""Area of the region(s) enclosed between two curves; exact rational or real (with ln) answers."""

from __future__ import annotations

import itertools
import random

import sympy as sp

from problem_templates.math._helpers import X, nonzero, one_of, tex
from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the curves; number of intersection points and regions):
#   1  y = x^2 and a line, meeting at two integer points
#   2  y = a x^2 + b x + c and a line, |a| <= 3, two integer intersections
#   3  two parabolas meeting at two integer points
#   4  a cubic and a line meeting at three integer points: the total area of the two regions
#   5  y = k/x and a falling line (an ln in the answer), or y = sqrt(a x) and a line; both shifted

PHRASINGS = (
    "Find the area of the region enclosed by the curves $y = {f}$ and $y = {g}$.",
    "What is the area of the region bounded by $y = {f}$ and $y = {g}$?",
    "Compute the area between the graphs of $y = {f}$ and $y = {g}$.",
    "The curves $y = {f}$ and $y = {g}$ enclose a region. Find its exact area.",
)
TOTAL = (
    "The curves $y = {f}$ and $y = {g}$ enclose two regions. Find their total area.",
    "Find the total area of the regions bounded by $y = {f}$ and $y = {g}$.",
    "What is the combined area of the bounded regions between $y = {f}$ and $y = {g}$?",
)


def _curves(rng: random.Random, difficulty: int) -> tuple[sp.Expr, sp.Expr]:
    if difficulty in (1, 2, 3):
        r1, r2 = rng.sample(range(-6, 7), 2)
        a = 1 if difficulty == 1 else nonzero(rng, 3)
        line = rng.randint(-5, 5) * X + rng.randint(-9, 9) if difficulty < 3 else _parabola(rng)
        return sp.expand(line + a * (X - r1) * (X - r2)), sp.expand(line)
    if difficulty == 4:
        r1, r2, r3 = rng.sample(range(-4, 5), 3)
        line = rng.randint(-4, 4) * X + rng.randint(-6, 6)
        return sp.expand(line + rng.choice((1, -1)) * (X - r1) * (X - r2) * (X - r3)), sp.expand(line)
    shift = rng.randint(-9, 9)
    if rng.random() < 0.5:
        # y = n p q / x and y = n (p + q) - n x meet at x = p and x = q (then both moved up by shift)
        (p, q), n = rng.sample(range(1, 13), 2), rng.randint(1, 4)
        return sp.Integer(n * p * q) / X + shift, n * (p + q) - n * X + shift
    a, k = rng.randint(1, 10), rng.randint(1, 8)
    # y = sqrt(a x) and y = (a / k) x meet at x = 0 and x = k^2 / a
    return sp.sqrt(a * X) + shift, sp.Rational(a, k) * X + shift


def _latex(curve: sp.Expr) -> str:
    """sqrt(a x) as one radical (sympy prints sqrt(a) sqrt(x))."""
    root = next((r for r in curve.atoms(sp.Pow) if r.exp == sp.Rational(1, 2) and r.base == X), None)
    if root is None:
        return tex(curve)
    factor, _ = (curve - curve.as_independent(X)[0]).as_coeff_Mul()
    inside = sp.Mul(factor**2, X)
    constant = curve.as_independent(X)[0]
    text = f"\\sqrt{{{tex(inside)}}}"
    return f"{text} {'+' if constant > 0 else '-'} {abs(constant)}" if constant else text


def _parabola(rng: random.Random) -> sp.Expr:
    return nonzero(rng, 3) * X**2 + rng.randint(-6, 6) * X + rng.randint(-9, 9)


@register
class AreaBetweenCurves(MathTemplate):
    name = "area_between_curves"
    area = "calculus"
    description = "Area enclosed between two curves (parabolas, lines, cubics, hyperbola, square root)."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            f, g = _curves(rng, difficulty)
            quadratics = f.is_polynomial(X) and g.is_polynomial(X) and sp.degree(f, X) == sp.degree(g, X) == 2
            if quadratics and sp.expand(f - g).coeff(X, 2) == 0:
                continue  # two parabolas with the same leading coefficient meet at most once
            points = sorted((r for r in sp.solve(sp.Eq(f, g), X) if r.is_real), key=lambda r: sp.N(r))
            if any(r.base == X and r.exp == sp.Rational(1, 2) for r in f.atoms(sp.Pow)):
                points = [p for p in points if p >= 0]  # sqrt(x) lives on x >= 0
            if len(points) >= 2:
                break
        pieces = [sp.integrate(f - g, (X, a, b)) for a, b in itertools.pairwise(points)]
        area = sp.expand_log(sp.Add(*(sp.Abs(sp.simplify(piece)) for piece in pieces)), force=True)
        phrasings = TOTAL if len(points) > 2 else PHRASINGS
        question = one_of(rng, phrasings, f=_latex(f), g=_latex(g))
        metadata = {"f": encode(f), "g": encode(g), "points": [encode(p) for p in points]}
        atype = (
            AnswerType.INTEGER
            if area.is_integer
            else AnswerType.RATIONAL
            if area.is_Rational
            else AnswerType.REAL
        )
        return MathItem(question, area, atype, metadata)
