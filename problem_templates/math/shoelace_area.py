"""Areas of triangles and convex polygons from vertex coordinates (shoelace formula)."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, PLACES, one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (number of vertices, coordinate range, order of the vertices given):
#   1  a triangle with coordinates in [0, 8]
#   2  a triangle with coordinates in [-10, 10]
#   3  a convex quadrilateral, vertices listed in order around it, coordinates in [-10, 10]
#   4  a triangle or quadrilateral with half-integer coordinates, or a convex pentagon in order
#   5  a convex pentagon or hexagon whose vertices are listed in scrambled order, coordinates in [-12, 12]

LEVELS = {1: (3, 0, 8, 1), 2: (3, -10, 10, 1), 3: (4, -10, 10, 1), 5: (5, -12, 12, 1)}
TRIANGLE = (
    "Find the area of the triangle with vertices {pts}.",
    "What is the area of triangle $ABC$ with $A = {a}$, $B = {b}$ and $C = {c}$?",
    "A triangular plot of land in {place} has corners at {pts} (units in metres). What is its area in "
    "square metres?",
    "{name} draws a triangle with vertices {pts} on graph paper. Compute its area.",
)
POLYGON = (
    "Find the area of the convex polygon whose vertices, in order, are {pts}.",
    "The points {pts} are the consecutive vertices of a convex polygon. What is its area?",
    "A park in {place} is a convex polygon with corners {pts}, in this order (units in metres). Find its "
    "area.",
)
SCRAMBLED = (
    "The points {pts} (listed in no particular order) are the vertices of a convex polygon. Find its area.",
    "A convex polygon has vertex set {pts}; the points are not listed in order around the polygon. What is "
    "its area?",
    "{name} marks the points {pts} and joins them into a convex polygon. Compute the area of that polygon "
    "(the points are not given in order).",
)


def _point(p: tuple[sp.Rational, sp.Rational]) -> str:
    return f"\\left({sp.latex(p[0])}, {sp.latex(p[1])}\\right)"


def _convex(rng: random.Random, count: int, low: int, high: int, scale: int) -> list[tuple]:
    """`count` lattice points (divided by `scale`) in convex position, in counter-clockwise order."""
    while True:
        points = {
            (rng.randint(low * scale, high * scale), rng.randint(low * scale, high * scale))
            for _ in range(count)
        }
        if len(points) < count:
            continue
        hull = sp.convex_hull(*(sp.Point(x, y) for x, y in sorted(points)))
        if not isinstance(hull, sp.Polygon) or len(hull.vertices) != count:
            continue  # a point inside, or three on a line
        return [(sp.Rational(v.x, scale), sp.Rational(v.y, scale)) for v in hull.vertices]


@register
class ShoelaceArea(MathTemplate):
    name = "shoelace_area"
    area = "geometry"
    description = "Area of a triangle or convex polygon from its vertex coordinates (shoelace formula)."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        if difficulty == 4:
            count = rng.choice((3, 4, 5))
            vertices = _convex(rng, count, -8, 8, 2 if count < 5 else 1)
        else:
            count, low, high, scale = LEVELS[difficulty]
            if difficulty == 5:
                count = rng.choice((5, 6))
            vertices = _convex(rng, count, low, high, scale)
        start = rng.randrange(count)
        vertices = vertices[start:] + vertices[:start]
        if rng.random() < 0.5:
            vertices.reverse()  # clockwise is as good as counter-clockwise
        shown = list(vertices)
        if difficulty == 5:
            while shown == vertices or shown == vertices[::-1]:
                rng.shuffle(shown)
        area = abs(sp.Polygon(*(sp.Point(x, y) for x, y in vertices)).area)
        listed = ", ".join(f"${_point(p)}$" for p in shown)
        fields = {"pts": listed, "place": rng.choice(PLACES), "name": rng.choice(NAMES)}
        if count == 3:
            a, b, c = (_point(p) for p in shown)
            question = one_of(rng, TRIANGLE, a=a, b=b, c=c, **fields)
        else:
            question = one_of(rng, SCRAMBLED if difficulty == 5 else POLYGON, **fields)
        metadata = {"vertices": [[str(x), str(y)] for x, y in shown], "in_order": difficulty < 5}
        atype = AnswerType.INTEGER if area.is_integer else AnswerType.RATIONAL
        return MathItem(question, area, atype, metadata)
