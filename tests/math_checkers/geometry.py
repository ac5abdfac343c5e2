"""Checkers for geometry templates: lattice-point counting, coordinates, numeric integration."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from verigen.types import Problem

from .calculus import line_parts
from .common import Checker, close, frac


def check_line_equation(p: Problem, g: Any) -> None:
    m, b = (frac(v) for v in line_parts(g))
    kind, points = p.metadata["kind"], [(Fraction(x), Fraction(y)) for x, y in p.metadata["points"]]
    if kind == "bisector":
        (ax, ay), (bx, by) = points
        for x in (0, 1):
            y = m * x + b
            assert (x - ax) ** 2 + (y - ay) ** 2 == (x - bx) ** 2 + (y - by) ** 2
        return
    assert all(y == m * x + b for x, y in points)
    if kind in ("parallel", "perpendicular"):
        a, bb, _ = p.metadata["given_line"]
        given_slope = Fraction(-a, bb)
        assert m == given_slope if kind == "parallel" else m * given_slope == -1


def check_distance(p: Problem, g: Any) -> None:
    kind = p.metadata["kind"]
    points = [[float(Fraction(str(c))) for c in point] for point in p.metadata["points"]]
    assert not g.has(sp.Float) and g.is_positive
    if kind == "two_points":
        exact = sum((frac(a) - frac(b)) ** 2 for a, b in zip(*p.metadata["points"], strict=True))
        assert frac(sp.expand(g**2)) == exact
    elif kind == "perimeter":
        assert close(g, sum(math.dist(points[i], points[i - 1]) for i in range(3)))
    else:  # point_line: minimise the distance along the line numerically (golden-section search)
        a, b, c = p.metadata["line"]
        base = (-a * c / (a * a + b * b), -b * c / (a * a + b * b))

        def dist(t: float) -> float:
            return math.dist(points[0], (base[0] - b * t, base[1] + a * t))

        lo, hi = -1e3, 1e3
        for _ in range(200):
            m1, m2 = lo + (hi - lo) * 0.382, lo + (hi - lo) * 0.618
            lo, hi = (lo, m2) if dist(m1) < dist(m2) else (m1, hi)
        assert close(g, dist(lo), 1e-7)


def disc_area(r: Any) -> Any:
    return mpmath.quad(lambda x: 2 * mpmath.sqrt(r * r - x * x), [-r, r])


def shoelace(vertices: list[tuple[Any, Any]]) -> Any:
    edges = zip(vertices, vertices[1:] + vertices[:1], strict=True)
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in edges)) / 2


def regular_vertices(r: Any, n: int, start: float = 0) -> list[tuple[Any, Any]]:
    angles = [mpmath.radians(mpmath.mpf(start) + mpmath.mpf(360) * k / n) for k in range(n)]
    return [(r * mpmath.cos(t), r * mpmath.sin(t)) for t in angles]


def arc_length(r: Any, degrees: Any) -> Any:
    def speed(t: Any) -> Any:
        return mpmath.hypot(r * mpmath.sin(t), r * mpmath.cos(t))

    return mpmath.quad(speed, [0, mpmath.radians(degrees)])


def check_shape_measure(p: Problem, g: Any) -> None:
    kind, (a, b, c) = p.metadata["kind"], (mpmath.mpf(v) for v in p.metadata["params"])
    expected = {
        "circle_area": lambda: disc_area(a),
        "circumference": lambda: (
            2 * mpmath.quad(lambda x: (a / 2) / mpmath.sqrt((a / 2) ** 2 - x * x), [-a / 2, a / 2])
        ),
        "triangle_area": lambda: mpmath.sqrt(3 * a / 2 * (a / 2) ** 3),  # Heron
        "triangle_height": lambda: mpmath.sqrt(a * a - (a / 2) ** 2),
        "rectangle_diagonal": lambda: mpmath.hypot(a, b),
        "sector_area": lambda: disc_area(a) * b / 360,
        "arc_length": lambda: arc_length(a, b),
        "hexagon_area": lambda: shoelace(regular_vertices(a, 6)),
        "box_diagonal": lambda: mpmath.sqrt(a * a + b * b + c * c),
        "square_minus_circle": lambda: a * a - disc_area(a / 2),
        "circle_minus_square": lambda: disc_area(a / mpmath.sqrt(2)) - a * a,
        "inscribed_triangle": lambda: shoelace(regular_vertices(a, 3, 90)),
    }[kind]()
    assert not g.has(sp.Float) and close(g, expected, 1e-12)


def _on_segment(px: int, py: int, a: tuple[int, int], b: tuple[int, int]) -> bool:
    cross = (b[0] - a[0]) * (py - a[1]) - (b[1] - a[1]) * (px - a[0])
    return (
        cross == 0 and min(a[0], b[0]) <= px <= max(a[0], b[0]) and min(a[1], b[1]) <= py <= max(a[1], b[1])
    )


def _inside(px: int, py: int, polygon: list[tuple[int, int]]) -> bool:
    """Strictly inside a convex polygon given counter-clockwise."""
    edges = zip(polygon, polygon[1:] + polygon[:1], strict=True)
    return all((b[0] - a[0]) * (py - a[1]) - (b[1] - a[1]) * (px - a[0]) > 0 for a, b in edges)


def check_shoelace_area(p: Problem, g: Any) -> None:
    points = [(Fraction(x), Fraction(y)) for x, y in p.metadata["vertices"]]
    scale = math.lcm(*(c.denominator for pt in points for c in pt))
    lattice = [(int(x * scale), int(y * scale)) for x, y in points]
    # order around the centroid, counter-clockwise (the polygon is convex)
    cx = sum(x for x, _ in lattice) / len(lattice)
    cy = sum(y for _, y in lattice) / len(lattice)
    polygon = sorted(lattice, key=lambda q: math.atan2(q[1] - cy, q[0] - cx))
    if p.metadata["in_order"]:  # the listed order is the cyclic order (either direction)
        start = lattice.index(polygon[0])
        listed = lattice[start:] + lattice[:start]
        assert listed == polygon or [listed[0], *listed[:0:-1]] == polygon
    edges = list(zip(polygon, polygon[1:] + polygon[:1], strict=True))
    boundary = sum(math.gcd(abs(b[0] - a[0]), abs(b[1] - a[1])) for a, b in edges)
    xs, ys = [x for x, _ in polygon], [y for _, y in polygon]
    interior = sum(
        1
        for px in range(min(xs), max(xs) + 1)
        for py in range(min(ys), max(ys) + 1)
        if _inside(px, py, polygon) and not any(_on_segment(px, py, a, b) for a, b in edges)
    )
    # Pick's theorem on the scaled lattice polygon
    assert frac(g) == (interior + Fraction(boundary, 2) - 1) / scale**2


def check_pythagorean(p: Problem, g: Any) -> None:
    meta = p.metadata
    assert g.is_positive and not g.has(sp.Float) and not g.is_Rational
    kind = meta["kind"]
    if kind == "hypotenuse":
        square = sum(Fraction(s) for s in meta["squares"])
    elif kind == "leg":
        square = Fraction(meta["squares"][0]) - Fraction(meta["squares"][1])
    elif kind == "ladder":
        length, foot, drop = meta["length"], meta["foot"], meta["drop"]
        height = math.isqrt(length**2 - foot**2)
        assert height**2 + foot**2 == length**2
        square = Fraction(length**2 - (height - drop) ** 2)
    else:
        (a, b), c = meta["ratio"], meta["hypotenuse"]
        square = Fraction(c * c * a * a, a * a + b * b)  # legs a t, b t with (a^2 + b^2) t^2 = c^2
    assert frac(sp.expand(g**2)) == square


def _regular_angle(n: int) -> Any:
    """Interior angle of a regular n-gon in degrees, measured from coordinates."""
    (x0, y0), (x1, y1), (x2, y2) = regular_vertices(1, n)[:3]
    u, v = (x0 - x1, y0 - y1), (x2 - x1, y2 - y1)
    return mpmath.degrees(mpmath.acos((u[0] * v[0] + u[1] * v[1]) / (mpmath.hypot(*u) * mpmath.hypot(*v))))


def check_polygon_angles(p: Problem, g: Any) -> None:
    meta = p.metadata
    kind = meta["kind"]
    if kind == "interior_sum":
        assert close(g, meta["n"] * _regular_angle(meta["n"]), 1e-20)
    elif kind == "interior":
        assert close(g, _regular_angle(meta["n"]), 1e-20)
    elif kind == "exterior":
        assert close(g, 180 - _regular_angle(meta["n"]), 1e-20)
    elif kind.startswith("sides_from"):
        angle = _regular_angle(int(g))
        measured = angle if kind == "sides_from_interior" else 180 - angle
        assert close(measured, Fraction(meta["angle"]), 1e-20)
    elif kind == "diagonals":
        n = meta["n"]
        pairs = sum(1 for i in range(n) for j in range(i + 1, n) if (j - i) % n not in (1, n - 1))
        assert int(g) == pairs
    else:
        n, known, ratio = meta["n"], meta["known"], meta["ratio"]
        total = n * _regular_angle(n)  # the angle sum does not depend on the shape
        if ratio is None:
            assert close(g + sum(known), total, 1e-20)
        else:
            small, large = sorted(ratio)
            assert close(g * (small + large) / small + sum(known), total, 1e-20)


def _volume(profile: Any, ranges: list[tuple[Any, Any]]) -> Any:
    """Volume of revolution about the axis: integral of pi r(z)^2."""
    return sum(mpmath.quad(lambda z: mpmath.pi * profile(z) ** 2, [a, b]) for a, b in ranges)


def _surface(profile: Any, slope: Any, ranges: list[tuple[Any, Any]]) -> Any:
    """Lateral surface of revolution: integral of 2 pi r(z) sqrt(1 + r'(z)^2)."""
    return sum(
        mpmath.quad(lambda z: 2 * mpmath.pi * profile(z) * mpmath.sqrt(1 + slope(z) ** 2), [a, b])
        for a, b in ranges
    )


def _mp(value: str) -> Any:
    q = Fraction(value)
    return mpmath.mpf(q.numerator) / q.denominator


def _solid(kind: str, r: Any, h: Any) -> Any:
    def ball(z: Any) -> Any:
        return mpmath.sqrt(max(r**2 - z**2, 0))

    def ball_slope(z: Any) -> Any:
        return -z / ball(z)

    def cone(z: Any) -> Any:
        return r * (1 - z / h)

    def flat(z: Any) -> Any:
        return r

    def zero(z: Any) -> Any:
        return 0

    cylinder, sphere, cone_volume = _volume(flat, [(0, h)]), _volume(ball, [(-r, r)]), _volume(cone, [(0, h)])
    return {
        "cylinder": lambda: cylinder,
        "sphere": lambda: sphere,
        "cone": lambda: cone_volume,
        "hemisphere": lambda: _volume(ball, [(0, r)]),
        "sphere_surface": lambda: _surface(ball, ball_slope, [(-r, r)]),
        "cylinder_surface": lambda: _surface(flat, zero, [(0, h)]) + 2 * mpmath.pi * r**2,
        "cone_lateral": lambda: _surface(cone, lambda z: -r / h, [(0, h)]),
        "capsule": lambda: cylinder + sphere,
        "ice_cream": lambda: cone_volume + _volume(ball, [(0, r)]),
        "drilled": lambda: cylinder - cone_volume,
    }[kind]()


def check_solid_volume(p: Problem, g: Any) -> None:
    meta = p.metadata
    kind = meta["kind"]
    if kind == "water_rise":
        ball, tank = meta["ball"], meta["tank"]
        sphere = _volume(lambda z: mpmath.sqrt(ball**2 - z**2), [(-ball, ball)])
        assert close(g, sphere / (mpmath.pi * tank**2), 1e-20)
        return
    assert not g.has(sp.Float)
    if kind == "frustum":
        (big, small), h = meta["radii"], meta["h"]
        expected = _volume(lambda z: small + (big - small) * mpmath.mpf(z) / h, [(0, h)])
    elif kind == "cube_minus_sphere":
        side = mpmath.mpf(meta["side"])
        expected = side**3 - _volume(lambda z: mpmath.sqrt((side / 2) ** 2 - z**2), [(-side / 2, side / 2)])
    else:
        expected = _solid(kind, _mp(meta["r"]), _mp(meta["h"]))
    assert close(g, expected, 1e-15)


CHECKS: dict[str, Checker] = {
    "distance": check_distance,
    "line_equation": check_line_equation,
    "polygon_angles": check_polygon_angles,
    "pythagorean": check_pythagorean,
    "shape_measure": check_shape_measure,
    "shoelace_area": check_shoelace_area,
    "solid_volume": check_solid_volume,
}
