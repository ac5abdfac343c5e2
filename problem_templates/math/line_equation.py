"""The equation y = m x + b of a line given by points, a parallel/perpendicular, or a bisector."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (how the line is described, so the number of steps):
#   1  through two points, integer slope           2  through two points, rational slope
#   3  through a point, parallel or perpendicular to a line y = m x + b
#   4  through a point, parallel or perpendicular to a line in the form a x + b y = c
#   5  perpendicular bisector of a segment

X, Y = sp.symbols("x y")
FORM = " Write the answer in the form $y = mx + b$."


def _point(rng: random.Random, bound: int) -> tuple[int, int]:
    return rng.randint(-bound, bound), rng.randint(-bound, bound)


def _two_points(rng: random.Random, bound: int, integer_slope: bool) -> tuple[tuple[int, int], ...]:
    while True:
        (x1, y1), (x2, y2) = _point(rng, bound), _point(rng, bound)
        if x1 != x2 and y1 != y2 and (not integer_slope or (y2 - y1) % (x2 - x1) == 0):
            return (x1, y1), (x2, y2)


def _describe(rng: random.Random, difficulty: int) -> tuple[sp.Line, str, dict]:
    """Return (the line, its description in words and LaTeX, metadata)."""
    if difficulty <= 2:
        p, q = _two_points(rng, 5 if difficulty == 1 else 9, integer_slope=difficulty == 1)
        text = rng.choice(
            (
                "Find the equation of the line through the points $({},{})$ and $({},{})$.",
                "A line passes through $({},{})$ and $({},{})$. What is its equation?",
            )
        ).format(*p, *q)
        return sp.Line(sp.Point(*p), sp.Point(*q)), text, {"kind": "two_points", "points": [p, q]}
    if difficulty == 5:
        p, q = _two_points(rng, 8, integer_slope=False)
        text = rng.choice(
            (
                "Find the perpendicular bisector of the segment joining $({},{})$ and $({},{})$.",
                "Which line consists of the points equidistant from $A({},{})$ and $B({},{})$?",
            )
        )
        bisector = sp.Segment(sp.Point(*p), sp.Point(*q)).perpendicular_bisector()
        return bisector, text.format(*p, *q), {"kind": "bisector", "points": [p, q]}
    relation = rng.choice(("parallel", "perpendicular"))
    p = _point(rng, 6)
    while True:  # the given line a x + b y = c, neither vertical nor horizontal
        a, b, c = rng.randint(-6, 6), rng.randint(-6, 6), rng.randint(-9, 9)
        if a != 0 and b != 0 and (difficulty == 4 or a % b == 0):
            break
    given = sp.Line(a * X + b * Y - c)
    shown = (
        sp.latex(sp.Eq(Y, sp.solve(a * X + b * Y - c, Y)[0]))
        if difficulty == 3
        else f"{sp.latex(a * X + b * Y)} = {c}"
    )
    line = (
        given.parallel_line(sp.Point(*p))
        if relation == "parallel"
        else given.perpendicular_line(sp.Point(*p))
    )
    text = rng.choice(
        (
            f"Find the line through $({p[0]},{p[1]})$ that is {relation} to the line ${shown}$.",
            f"A line is {relation} to ${shown}$ and passes through the point $({p[0]},{p[1]})$. "
            "What is its equation?",
        )
    )
    return line, text, {"kind": relation, "points": [p], "given_line": [a, b, c]}


@register
class LineEquation(MathTemplate):
    name = "line_equation"
    area = "geometry"
    description = "Equation y = m x + b of a line through points, parallel/perpendicular, or a bisector."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        line, text, metadata = _describe(rng, difficulty)
        (rhs,) = sp.solve(line.equation(X, Y), Y)
        metadata["points"] = [list(point) for point in metadata["points"]]
        return MathItem(text + FORM, sp.Eq(Y, sp.expand(rhs)), AnswerType.EQUATION, metadata)
