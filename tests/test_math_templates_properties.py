"""Property tests: every math template's gold answer is checked independently of how it was made.

Each checker reads the problem's parameters from `metadata` and re-derives or verifies the answer
by another route: substitution, brute force, numeric integration or differentiation, exact
arithmetic with `fractions`. A new math template without a checker here fails the suite.
"""

from __future__ import annotations

import itertools
import json
import math
import operator
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import mpmath
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from latex2sympy2_extended import latex2sympy

from verigen.math.gold import MathGold, decode, encode
from verigen.templates import all_templates, get_template
from verigen.types import Problem

X, Y = sp.symbols("x y")


def frac(value: Any) -> Fraction:
    """A sympy Rational/Integer (or int, or "p/q" string) as a Fraction."""
    if isinstance(value, sp.Rational):
        return Fraction(int(value.p), int(value.q))
    return Fraction(str(value))


def close(a: Any, b: Any, tol: float = 1e-9) -> bool:
    a, b = mpmath.mpf(sp.N(a, 30)) if isinstance(a, sp.Basic) else a, mpmath.mpf(b)
    return abs(a - b) <= tol * max(1, abs(b))


def numeric(expr: sp.Expr) -> Callable[[Any], Any]:
    return sp.lambdify(X, expr, "mpmath")


def poly_from(coefficients: list[int]) -> sp.Expr:
    return sum(c * X**k for k, c in enumerate(reversed(coefficients)))


# -- arithmetic, algebra, equations -----------------------------------------------------------------


def check_linear_equation(p: Problem, g: Any) -> None:
    equation = latex2sympy(p.prompt.split("$")[-2])  # the last $...$ holds the equation
    difference = sp.expand(equation.lhs - equation.rhs)
    assert difference.diff(X) != 0 and difference.diff(X, 2) == 0
    assert difference.subs(X, g) == 0


def check_fraction_arithmetic(p: Problem, g: Any) -> None:
    fractions, ops = p.metadata["fractions"], p.metadata["operations"]
    source = f"F({fractions[0][0]}, {fractions[0][1]})"
    for op, (num, den) in zip(ops, fractions[1:], strict=True):
        source += f" {op} F({num}, {den})"
    # Python's own operator precedence, on our own integers (never model text).
    assert eval(source, {"__builtins__": {}, "F": Fraction}) == frac(g)


def check_mental_arithmetic(p: Problem, g: Any) -> None:
    numbers, ops = p.metadata["numbers"], p.metadata["ops"]
    source = str(numbers[0]) + "".join(f" {op} {n}" for op, n in zip(ops, numbers[1:], strict=True))
    assert eval(source, {"__builtins__": {}}) == int(g)  # Python's precedence on our own integers


def check_linear_system(p: Problem, g: Any) -> None:
    matrix, rhs = p.metadata["matrix"], p.metadata["rhs"]
    assert len(g) == len(rhs) and sp.Matrix(matrix).det(method="bareiss") != 0
    for row, value in zip(matrix, rhs, strict=True):
        assert sum(a * frac(v) for a, v in zip(row, g, strict=True)) == value


def check_matrix_inverse(p: Problem, g: Any) -> None:
    matrix = sp.ImmutableMatrix(p.metadata["matrix"])
    identity = sp.eye(matrix.rows)
    assert matrix * g == identity and g * matrix == identity


def check_matrix_product(p: Problem, g: Any) -> None:
    matrices = p.metadata["matrices"] * p.metadata["power"]
    result = matrices[0]
    for right in matrices[1:]:
        result = [
            [sum(a * b for a, b in zip(row, col, strict=True)) for col in zip(*right, strict=True)]
            for row in result
        ]
    assert g.tolist() == result


def check_function_composition(p: Problem, g: Any) -> None:
    functions = [decode(tree) for tree in p.metadata["functions"]]
    for t in map(sp.Rational, (-3, -1, 0, 2, 5, "1/3", "-7/2")):
        if p.metadata["kind"] == "compose":
            value = t
            for f in reversed(functions):
                value = f.subs(X, value)
            assert g.subs(X, t) == value
        else:
            image, back = functions[0].subs(X, t), g.subs(X, t)
            if image.is_finite and back.is_finite:
                assert g.subs(X, image) == t and functions[0].subs(X, back) == t


# -- equations, inequalities, polynomials -------------------------------------------------------------


def check_polynomial_roots(p: Problem, g: Any) -> None:
    poly = poly_from(p.metadata["coefficients"])
    degree = len(p.metadata["coefficients"]) - 1
    assert isinstance(g, sp.FiniteSet) and len(g) == degree
    assert sp.discriminant(poly, X) != 0  # squarefree: the roots are distinct
    assert sp.Poly(poly, X).count_roots() == degree  # Sturm: every root is real
    for root in g:
        assert root.is_real and sp.expand(poly.subs(X, root)) == 0


RELATIONS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


def check_solve_inequality(p: Problem, g: Any) -> None:
    constraints = [
        (poly_from(c["coefficients"]), RELATIONS[c["relation"]]) for c in p.metadata["constraints"]
    ]
    intervals = g.args if isinstance(g, sp.Union) else (g,)
    ends = [e for i in intervals for e in (i.start, i.end) if e.is_finite]
    probes = [sp.Integer(k) for k in range(-20, 21)] + ends
    probes += [e + sp.Rational(s, 1000) for e in ends for s in (-1, 1)]
    for t in probes:
        holds = all(bool(rel(sp.expand(expr.subs(X, t)), 0)) for expr, rel in constraints)
        assert bool(g.contains(t)) == holds, t


def long_division(num: list[Fraction], den: list[Fraction]) -> tuple[list[Fraction], list[Fraction]]:
    """Schoolbook division of coefficient lists (highest degree first)."""
    num, quotient = list(num), []
    while len(num) >= len(den):
        factor = num[0] / den[0]
        quotient.append(factor)
        num = [a - factor * b for a, b in zip(num, den + [0] * (len(num) - len(den)), strict=True)][1:]
    return quotient, num


def coefficients(expr: Any, length: int) -> list[Fraction]:
    found = [frac(c) for c in sp.Poly(expr, X).all_coeffs()] if expr != 0 else []
    return [Fraction(0)] * (length - len(found)) + found


def check_polynomial_division(p: Problem, g: Any) -> None:
    dividend, divisor = p.metadata["dividend"], p.metadata["divisor"]
    quotient, remainder = long_division([Fraction(c) for c in dividend], [Fraction(c) for c in divisor])
    expected = quotient if p.metadata["ask"] == "quotient" else remainder
    assert coefficients(g, len(expected)) == expected


# -- calculus ------------------------------------------------------------------------------------------


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


# -- geometry ------------------------------------------------------------------------------------------


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
    angles = [mpmath.radians(start + 360 * k / n) for k in range(n)]
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


# -- number theory, combinatorics, sequences, word problems -------------------------------------------


def check_gcd_lcm(p: Problem, g: Any) -> None:
    numbers, value = p.metadata["numbers"], int(g)
    if p.metadata["operation"] == "gcd":
        assert all(n % value == 0 for n in numbers) and math.gcd(*(n // value for n in numbers)) == 1
        if min(numbers) <= 5000:
            assert value == max(d for d in range(1, min(numbers) + 1) if all(n % d == 0 for n in numbers))
    else:
        assert all(value % n == 0 for n in numbers)
        step = max(numbers)
        assert all(any(k % n for n in numbers) for k in range(step, value, step))


def check_modular_arithmetic(p: Problem, g: Any) -> None:
    meta, value = p.metadata, int(g)
    a, m = meta["a"], meta["m"]
    assert 0 <= value < m
    if meta["kind"] == "product":
        assert value == a * meta["b"] % m
    elif meta["kind"] == "power":
        acc = 1
        for _ in range(meta["e"]):
            acc = acc * a % m
        assert value == acc
    else:
        target = 1 if meta["kind"] == "inverse" else meta["b"]
        assert value == next(x for x in range(m) if a * x % m == target % m)


def count_brute_force(meta: dict[str, Any]) -> int:
    kind = meta["kind"]
    if kind == "committee":
        return sum(1 for _ in itertools.combinations(range(meta["n"]), meta["k"]))
    if kind == "ordered":
        return sum(1 for _ in itertools.permutations(range(meta["n"]), meta["k"]))
    if kind == "word":
        return len(set(itertools.permutations(meta["word"])))
    if kind == "constrained":
        people = ["first"] * meta["a"] + ["second"] * meta["b"]
        chosen = (c.count("second") for c in itertools.combinations(people, meta["k"]))
        return sum(1 for s in chosen if (s >= 1 if "at_least" in meta else s == meta["exactly"]))
    (m, n), (px, py) = meta["end"], meta["through"]
    total = 0
    for rights in itertools.combinations(range(m + n), m):
        x = y = 0
        visited = {(0, 0)}
        for step in range(m + n):
            x, y = (x + 1, y) if step in rights else (x, y + 1)
            visited.add((x, y))
        total += (px, py) in visited
    return total


def check_counting(p: Problem, g: Any) -> None:
    assert int(g) == count_brute_force(p.metadata)


def check_probability(p: Problem, g: Any) -> None:
    meta, kind = p.metadata, p.metadata["kind"]
    if kind in ("bag_one", "bag_two"):
        balls = ["c1"] * meta["counts"][0] + ["c2"] * meta["counts"][1]
        outcomes = [(b,) for b in balls] if kind == "bag_one" else list(itertools.combinations(balls, 2))
    elif kind == "dice":
        outcomes = list(itertools.product(range(1, 7), repeat=meta["dice"]))
    else:
        outcomes = list(itertools.product((0, 1), repeat=meta["n"]))

    def favourable(outcome: tuple) -> bool:
        if kind == "bag_one":
            return outcome[0] == "c1"
        if kind == "bag_two":
            return (outcome[0] == outcome[1]) == meta["same"]
        target = meta["sum"] if kind == "dice" else meta["k"]
        return sum(outcome) == target if meta["condition"] == "eq" else sum(outcome) >= target

    assert frac(g) == Fraction(sum(map(favourable, outcomes)), len(outcomes))


def check_series_sum(p: Problem, g: Any) -> None:
    meta = p.metadata
    first, step, n = Fraction(meta["first"]), Fraction(meta["step"]), meta["terms"]
    term, total = first, Fraction(0)
    for _ in range(n if n is not None else 500):
        total += term
        term = term + step if meta["kind"] == "arithmetic" else term * step
    if n is not None:
        assert frac(g) == total
    else:
        assert abs(frac(g) - total) < Fraction(1, 10**40)


def check_word_problem(p: Problem, g: Any) -> None:
    meta, value = p.metadata, frac(g)
    scenario = meta["scenario"]
    if scenario == "shopping":
        money = meta["paid"]
        for quantity, price in meta["items"]:
            for _ in range(quantity):
                money -= price
        assert value == money > 0
    elif scenario == "work":
        assert sum(value / h for h in meta["hours"]) == 1
    elif scenario == "meeting":
        assert sum(v * value for v in meta["speeds"]) == meta["distance"]
    elif scenario == "ages":
        k, n, m = meta["k"], meta["n"], meta["m"]
        older, younger = (value, value / k) if meta["ask"] == "older" else (value * k, value)
        assert younger.denominator == 1 and younger > 0 and older + n == m * (younger + n)
    else:
        volume, (strong, weak) = meta["volume"], meta["percent"]
        assert value > 0 and (volume + value) * weak == volume * strong


CHECKS: dict[str, Callable[[Problem, Any], None]] = {
    "counting": check_counting,
    "definite_integral": check_definite_integral,
    "derivative": check_derivative,
    "distance": check_distance,
    "fraction_arithmetic": check_fraction_arithmetic,
    "function_composition": check_function_composition,
    "gcd_lcm": check_gcd_lcm,
    "line_equation": check_line_equation,
    "linear_equation": check_linear_equation,
    "linear_system": check_linear_system,
    "matrix_inverse": check_matrix_inverse,
    "matrix_product": check_matrix_product,
    "mental_arithmetic": check_mental_arithmetic,
    "modular_arithmetic": check_modular_arithmetic,
    "polynomial_division": check_polynomial_division,
    "polynomial_roots": check_polynomial_roots,
    "probability": check_probability,
    "series_sum": check_series_sum,
    "shape_measure": check_shape_measure,
    "solve_inequality": check_solve_inequality,
    "tangent_line": check_tangent_line,
    "word_problem": check_word_problem,
}

MATH_TEMPLATES = sorted(t.name for t in all_templates() if t.kind == "math")


def test_every_math_template_has_a_property_check() -> None:
    assert set(CHECKS) == set(MATH_TEMPLATES)


@pytest.mark.parametrize("name", MATH_TEMPLATES)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), index=st.integers(0, 10**6), difficulty=st.integers(1, 5))
def test_gold_answer_is_correct(name: str, seed: int, index: int, difficulty: int) -> None:
    template = get_template(name)
    problem = template.sample(seed, index, difficulty)
    assert template.sample(seed, index, difficulty) == problem  # deterministic
    assert json.loads(json.dumps(problem.metadata)) == problem.metadata  # plain JSON
    gold = MathGold.from_json(json.loads(json.dumps(problem.answer)))
    assert encode(gold.value) == problem.answer["value"] and gold.type.value == problem.answer["type"]
    assert "$" in problem.prompt
    check = CHECKS.get(name, lambda p, g: pytest.fail(f"no property check for {name}"))
    with mpmath.workdps(30):  # numeric checks run at 30 digits, without touching the global context
        check(problem, gold.value)
