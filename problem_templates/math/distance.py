"""Distances in the coordinate plane and space; exact answers with radicals."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (dimension, kind of coordinates, number of steps):
#   1  2D integer points at a whole-number distance (scaled Pythagorean triples)
#   2  2D integer points, distance a simplified radical
#   3  2D points with half-integer coordinates
#   4  3D integer points
#   5  perimeter of a triangle, or distance from a point to a line

TRIPLES = ((3, 4), (5, 12), (8, 15), (7, 24), (6, 8))
X, Y = sp.symbols("x y")


def _fmt(point: tuple) -> str:
    return "$\\left(" + ", ".join(sp.latex(c) for c in point) + "\\right)$"


def _points(rng: random.Random, difficulty: int) -> list[tuple]:
    bound = 9
    if difficulty == 1:
        x1, y1 = rng.randint(-bound, bound), rng.randint(-bound, bound)
        dx, dy = rng.choice(TRIPLES)
        dx, dy = (dx, dy) if rng.random() < 0.5 else (dy, dx)
        return [(x1, y1), (x1 + rng.choice((1, -1)) * dx, y1 + rng.choice((1, -1)) * dy)]
    while True:
        if difficulty == 3:
            points = [tuple(sp.Rational(rng.randint(-15, 15), 2) for _ in range(2)) for _ in range(2)]
        else:
            dim = 3 if difficulty == 4 else 2
            points = [tuple(rng.randint(-bound, bound) for _ in range(dim)) for _ in range(2)]
        if points[0] != points[1]:
            return points


@register
class Distance(MathTemplate):
    name = "distance"
    area = "geometry"
    description = "Exact distances: between points (2D/3D), triangle perimeters, point to line."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        if difficulty == 5 and rng.random() < 0.5:
            while True:
                vertices = [(rng.randint(-6, 6), rng.randint(-6, 6)) for _ in range(3)]
                if sp.Point.is_collinear(*(sp.Point(*v) for v in vertices)) is False:
                    break
            triangle = sp.Triangle(*(sp.Point(*v) for v in vertices))
            question = rng.choice(
                (
                    "Find the exact perimeter of the triangle with vertices {}, {} and {}.",
                    "A triangle has vertices {}, {} and {}. What is its perimeter, in exact form?",
                )
            ).format(*(_fmt(v) for v in vertices))
            metadata = {"kind": "perimeter", "points": [list(v) for v in vertices]}
            return MathItem(question, sp.radsimp(triangle.perimeter), AnswerType.REAL, metadata)
        if difficulty == 5:
            while True:
                a, b, c = rng.randint(-6, 6), rng.randint(-6, 6), rng.randint(-12, 12)
                point = (rng.randint(-6, 6), rng.randint(-6, 6))
                if (a, b) != (0, 0) and a * point[0] + b * point[1] + c != 0:
                    break
            line = sp.Line(a * X + b * Y + c)
            answer = sp.radsimp(line.distance(sp.Point(*point)))
            equation = f"${sp.latex(a * X + b * Y + c)} = 0$"
            question = rng.choice(
                (
                    f"Find the distance from the point {_fmt(point)} to the line {equation}.",
                    f"How far is the point {_fmt(point)} from the line {equation}? Give an exact answer.",
                )
            )
            metadata = {"kind": "point_line", "points": [list(point)], "line": [a, b, c]}
            return MathItem(question, answer, AnswerType.REAL, metadata)
        p, q = _points(rng, difficulty)
        answer = sp.radsimp(sp.Point(*p).distance(sp.Point(*q)))
        question = rng.choice(
            (
                "Find the distance between the points {} and {}.",
                "How far apart are the points {} and {}? Give an exact answer.",
                "Compute the length of the segment joining {} and {}.",
            )
        ).format(_fmt(p), _fmt(q))
        metadata = {"kind": "two_points", "points": [[str(c) for c in p], [str(c) for c in q]]}
        return MathItem(question, answer, AnswerType.REAL, metadata)
