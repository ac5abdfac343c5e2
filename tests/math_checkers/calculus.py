"""Checkers for calculus templates: numeric differentiation, integration and limits at high precision."""

from __future__ import annotations

import itertools
from typing import Any

import mpmath
import sympy as sp

from verigen.math.gold import decode
from verigen.types import Problem

from .common import Checker, X, Y, close, numeric


def check_derivative(p: Problem, g: Any) -> None:
    f, df = numeric(decode(p.metadata["function"])), numeric(g)
    for t in ("0.3", "0.7", "1.1", "1.9", "2.6"):
        assert close(mpmath.diff(f, mpmath.mpf(t)), df(mpmath.mpf(t)), 1e-12)


def check_definite_integral(p: Problem, g: Any) -> None:
    f = numeric(decode(p.metadata["integrand"]))
    lower, upper = (sp.N(decode(p.metadata[k]), 30) for k in ("lower", "upper"))
    assert not g.has(sp.Float) and close(g, mpmath.quad(f, [mpmath.mpf(lower), mpmath.mpf(upper)]), 1e-15)


def line_parts(g: Any) -> tuple[Any, Any]:
    """Slope and intercept of a gold `y = m x + b`."""
    assert (
        isinstance(g, sp.Equality) and g.lhs == Y and sp.degree(g.rhs, X) <= 1 and g.rhs.free_symbols <= {X}
    )
    return g.rhs.coeff(X, 1), g.rhs.coeff(X, 0)


def check_tangent_line(p: Problem, g: Any) -> None:
    f, x0 = decode(p.metadata["function"]), p.metadata["x0"]
    slope, intercept = line_parts(g)
    assert sp.simplify(slope * x0 + intercept - f.subs(X, x0)) == 0
    assert close(slope, mpmath.diff(numeric(f), x0), 1e-12)


def check_limit_value(p: Problem, g: Any) -> None:
    f, point = decode(p.metadata["function"]), decode(p.metadata["point"])
    assert not g.has(sp.Float)
    with mpmath.workdps(120):
        h = numeric(f)
        if point.is_finite:
            samples = [mpmath.mpf(sp.N(point, 120)) + s * mpmath.mpf(10) ** -40 for s in (-1, 1)]
        else:
            samples = [mpmath.mpf(10) ** 40 * (1 if point > 0 else -1)]
        for t in samples:
            assert close(g, h(t), 1e-30), (t, h(t))


def check_critical_points(p: Problem, g: Any) -> None:
    f = decode(p.metadata["function"])
    derivative = numeric(sp.diff(f, X))
    poles = [mpmath.mpf(v) for v in p.metadata["poles"]]
    assert isinstance(g, sp.FiniteSet) and len(g) > 0
    points = [mpmath.mpf(sp.N(v, 30)) for v in g]
    for t in points:  # a numerical derivative of f itself vanishes there
        assert abs(mpmath.diff(numeric(f), t)) < mpmath.mpf(10) ** -15
        assert all(abs(t - pole) > 0 for pole in poles)
    # every sign change of f' on a fine grid (away from poles) brackets one listed point
    low = mpmath.mpf(1) / 1000 if p.metadata["domain"] == "positive" else mpmath.mpf(-30)
    grid = [low + k * (30 - low) / 6000 for k in range(6001)]
    changes = 0
    for t0, t1 in itertools.pairwise(grid):
        if any(t0 <= pole <= t1 for pole in poles):
            continue
        d0, d1 = derivative(t0), derivative(t1)
        if d0 == 0 or d1 == 0 or (d0 > 0) != (d1 > 0):
            if d0 == 0 and any(abs(t0 - t) < mpmath.mpf(10) ** -20 for t in points):
                continue  # counted at the interval that ends there
            changes += 1
            assert sum(1 for t in points if t0 <= t <= t1) == 1, (t0, t1)
    assert changes == len(points)


def check_second_derivative(p: Problem, g: Any) -> None:
    f, point = decode(p.metadata["function"]), decode(p.metadata["point"])
    assert not g.has(sp.Float)
    with mpmath.workdps(40):
        assert close(g, mpmath.diff(numeric(f), mpmath.mpf(sp.N(point, 40)), 2), 1e-20)


def check_area_between_curves(p: Problem, g: Any) -> None:
    f, h = decode(p.metadata["f"]), decode(p.metadata["g"])
    points = [decode(t) for t in p.metadata["points"]]
    assert not g.has(sp.Float) and len(points) >= 2
    for t in points:  # the bounds are where the curves meet
        assert sp.simplify(f.subs(X, t) - h.subs(X, t)) == 0
    difference = numeric(f - h)
    with mpmath.workdps(40):
        ends = [mpmath.mpf(sp.N(t, 40)) for t in points]
        area = sum(abs(mpmath.quad(difference, [a, b])) for a, b in itertools.pairwise(ends))
        # between consecutive meeting points the difference keeps one sign (no crossing missed)
        for a, b in itertools.pairwise(ends):
            signs = {mpmath.sign(difference(a + (b - a) * k / 50)) for k in range(1, 50)}
            assert len(signs) == 1
        assert close(g, area, 1e-25)


CHECKS: dict[str, Checker] = {
    "area_between_curves": check_area_between_curves,
    "critical_points": check_critical_points,
    "definite_integral": check_definite_integral,
    "derivative": check_derivative,
    "limit_value": check_limit_value,
    "second_derivative": check_second_derivative,
    "tangent_line": check_tangent_line,
}
