"""The vertex of a parabola y = f(x), given in standard form, factored form, or by three points."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import X, nonzero, one_of, tex
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (leading coefficient, the form given, integer or rational vertex):
#   1  y = x^2 + b x + c with b even                     (integer vertex)
#   2  y = a x^2 + b x + c with 2a dividing b            (integer vertex)
#   3  y = a x^2 + b x + c, any integers                 (rational vertex)
#   4  y = a (x - p)(x - q) + k, or y = (m x + n)(r x + s)  (expand or use the symmetry of the roots)
#   5  the parabola through three given integer points   (solve for a, b, c first)

PHRASINGS = (
    "Find the vertex of the parabola $y = {f}$. Give it as an ordered pair $(x, y)$.",
    "What are the coordinates of the vertex of the graph of $y = {f}$?",
    "The parabola $y = {f}$ has a turning point. Find it as a point $(x, y)$.",
    "Determine the vertex $(h, k)$ of $y = {f}$.",
)
THREE_POINTS = (
    "A parabola $y = a x^2 + b x + c$ passes through the points {points}. Find its vertex as an ordered "
    "pair.",
    "The graph of a quadratic function goes through {points}. What are the coordinates of its vertex?",
    "Find the vertex $(h, k)$ of the parabola with a vertical axis through {points}.",
)
A, B, C = sp.symbols("a b c")


def _standard(rng: random.Random, difficulty: int) -> tuple[sp.Expr, str]:
    if difficulty == 1:
        f = X**2 + 2 * nonzero(rng, 15) * X + rng.randint(-40, 40)
    elif difficulty == 2:
        a = nonzero(rng, 5)
        f = a * X**2 + 2 * a * nonzero(rng, 6) * X + rng.randint(-30, 30)
    else:
        f = nonzero(rng, 6) * X**2 + nonzero(rng, 15) * X + rng.randint(-20, 20)
    return f, tex(f)


def _factored(rng: random.Random) -> tuple[sp.Expr, str]:
    if rng.random() < 0.5:
        a, (p, q), k = nonzero(rng, 4), rng.sample(range(-9, 10), 2), rng.randint(-12, 12)
        f = a * (X - p) * (X - q) + k
        lead = {1: "", -1: "-"}.get(a, str(a))
        shown = f"{lead}\\left({tex(X - p)}\\right)\\left({tex(X - q)}\\right)"
        return f, f"{shown} {'+' if k >= 0 else '-'} {abs(k)}" if k else shown
    m, r = rng.choice((1, 2, 3, -1, -2)), rng.choice((1, 2, 3, -1))
    n, s = nonzero(rng, 9), nonzero(rng, 9)
    return (m * X + n) * (r * X + s), f"\\left({tex(m * X + n)}\\right)\\left({tex(r * X + s)}\\right)"


@register
class ParabolaVertex(MathTemplate):
    name = "parabola_vertex"
    area = "functions"
    description = "Vertex of a parabola from standard form, factored form, or three points; a tuple."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        if difficulty <= 3:
            f, latex = _standard(rng, difficulty)
            question = one_of(rng, PHRASINGS, f=latex)
            metadata = {"kind": "formula", "coefficients": [int(c) for c in sp.Poly(f, X).all_coeffs()]}
        elif difficulty == 4:
            f, latex = _factored(rng)
            question = one_of(rng, PHRASINGS, f=latex)
            metadata = {"kind": "formula", "coefficients": [int(c) for c in sp.Poly(f, X).all_coeffs()]}
        else:
            while True:
                # a hidden parabola with a small vertex; the question only shows three of its points
                a = rng.choice((1, 2, 3, 4, -1, -2, -3, -4))
                h = sp.Rational(rng.randint(-12, 12), 2) if abs(a) == 4 else sp.Integer(rng.randint(-6, 6))
                hidden = a * (X - h) ** 2 + rng.randint(-15, 15)
                xs = rng.sample(range(-6, 7), 3)
                ys = [int(hidden.subs(X, x)) for x in xs]
                if max(abs(y) for y in ys) > 150:
                    continue
                solution = sp.solve(
                    [sp.Eq(A * x**2 + B * x + C, y) for x, y in zip(xs, ys, strict=True)],
                    [A, B, C],
                    dict=True,
                )
                if solution and solution[0][A] != 0:
                    break
            f = solution[0][A] * X**2 + solution[0][B] * X + solution[0][C]
            points = ", ".join(f"$({x}, {y})$" for x, y in zip(xs, ys, strict=True))
            question = one_of(rng, THREE_POINTS, points=points)
            metadata = {"kind": "points", "points": [[x, y] for x, y in zip(xs, ys, strict=True)]}
        (h,) = sp.solve(sp.diff(f, X), X)
        vertex = sp.Tuple(h, sp.expand(f.subs(X, h)))
        return MathItem(question, vertex, AnswerType.TUPLE, metadata)
