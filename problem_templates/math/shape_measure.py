"""Areas and lengths of circles, sectors and regular polygons; exact answers with pi and radicals."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the shapes, and how many formulas must be combined):
#   1  circle area from a radius, or circumference from a diameter
#   2  equilateral triangle area or height, or a rectangle's diagonal
#   3  sector area or arc length, angle a multiple of 15 degrees
#   4  regular hexagon area, or a box's space diagonal
#   5  composite: square minus its inscribed circle, circumscribed circle minus square,
#      or an equilateral triangle inscribed in a circle

ORIGIN = sp.Point(0, 0)
KINDS = {
    1: ("circle_area", "circumference"),
    2: ("triangle_area", "triangle_height", "rectangle_diagonal"),
    3: ("sector_area", "arc_length"),
    4: ("hexagon_area", "box_diagonal"),
    5: ("square_minus_circle", "circle_minus_square", "inscribed_triangle"),
}


def _sector_fraction(p: list[int]) -> sp.Rational:
    return sp.Rational(p[1], 360)


# kind -> (question, exact value from the integer parameters p, computed with sympy's geometry)
SHAPES = {
    "circle_area": (
        "What is the area of a circle with radius ${0}$?",
        lambda p: sp.Circle(ORIGIN, p[0]).area,
    ),
    "circumference": (
        "A circle has diameter ${0}$. What is its circumference?",
        lambda p: sp.Circle(ORIGIN, sp.Rational(p[0], 2)).circumference,
    ),
    "triangle_area": (
        "Find the area of an equilateral triangle with side length ${0}$.",
        lambda p: sp.RegularPolygon(ORIGIN, p[0] / sp.sqrt(3), 3).area,
    ),
    "triangle_height": (
        "Find the height of an equilateral triangle with side length ${0}$.",
        lambda p: 3 * sp.RegularPolygon(ORIGIN, p[0] / sp.sqrt(3), 3).inradius,
    ),
    "rectangle_diagonal": (
        "A rectangle measures ${0}$ by ${1}$. How long is its diagonal?",
        lambda p: ORIGIN.distance(sp.Point(p[0], p[1])),
    ),
    "sector_area": (
        "A sector of a circle of radius ${0}$ has a central angle of ${1}^\\circ$. Find its area.",
        lambda p: _sector_fraction(p) * sp.Circle(ORIGIN, p[0]).area,
    ),
    "arc_length": (
        "Find the length of the arc of a circle of radius ${0}$ cut off by a central angle of ${1}^\\circ$.",
        lambda p: _sector_fraction(p) * sp.Circle(ORIGIN, p[0]).circumference,
    ),
    "hexagon_area": (
        "Find the area of a regular hexagon with side length ${0}$.",
        lambda p: sp.RegularPolygon(ORIGIN, p[0], 6).area,
    ),
    "box_diagonal": (
        "A rectangular box measures ${0} \\times {1} \\times {2}$. How long is its space diagonal?",
        lambda p: sp.Point3D(0, 0, 0).distance(sp.Point3D(*p)),
    ),
    "square_minus_circle": (
        "A circle is inscribed in a square of side ${0}$. "
        "Find the area inside the square but outside the circle.",
        lambda p: p[0] ** 2 - sp.Circle(ORIGIN, sp.Rational(p[0], 2)).area,
    ),
    "circle_minus_square": (
        "A square of side ${0}$ is inscribed in a circle. "
        "Find the area inside the circle but outside the square.",
        lambda p: sp.Circle(ORIGIN, p[0] / sp.sqrt(2)).area - p[0] ** 2,
    ),
    "inscribed_triangle": (
        "An equilateral triangle is inscribed in a circle of radius ${0}$. Find the area of the triangle.",
        lambda p: sp.RegularPolygon(ORIGIN, p[0], 3).area,
    ),
}


@register
class ShapeMeasure(MathTemplate):
    name = "shape_measure"
    area = "geometry"
    description = "Exact areas and lengths of circles, sectors, triangles, hexagons and boxes."
    small_space = "difficulties 1, 2, 4 and 5 have a few dozen to a hundred distinct prompts each"

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        kind = rng.choice(KINDS[difficulty])
        params = [rng.randint(2, 12) for _ in range(3)]
        if kind in ("sector_area", "arc_length"):
            params[1] = 15 * rng.randint(1, 23)
        text, measure = SHAPES[kind]
        question = text.format(*params)
        question += rng.choice(("", " Give an exact answer.", " Leave your answer in exact form."))
        value = sp.radsimp(sp.expand(measure(params)))
        return MathItem(question, value, AnswerType.REAL, {"kind": kind, "params": params})
