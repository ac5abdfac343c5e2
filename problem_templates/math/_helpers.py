"""Small helpers shared by math templates: random nonzero integers, names, places, objects.

Not a template (the registry skips modules whose name starts with an underscore).
"""

from __future__ import annotations

import itertools
import random

import sympy as sp

X = sp.Symbol("x")

NAMES = (
    "Aisha",
    "Bjorn",
    "Carmen",
    "Deepak",
    "Elena",
    "Fatima",
    "Gabriel",
    "Hannah",
    "Ibrahim",
    "Julia",
    "Kwame",
    "Leila",
    "Mateo",
    "Nadia",
    "Oscar",
    "Priya",
    "Quentin",
    "Rosa",
    "Sanjay",
    "Tamar",
    "Ugo",
    "Valentina",
    "Wei",
    "Yusuf",
    "Zoe",
)
PLACES = (
    "Lisbon",
    "Nairobi",
    "Osaka",
    "Toronto",
    "Lima",
    "Oslo",
    "Cairo",
    "Auckland",
    "Krakow",
    "Hanoi",
    "Denver",
    "Accra",
    "Quito",
    "Tbilisi",
    "Perth",
    "Seville",
)


def nonzero(rng: random.Random, bound: int) -> int:
    """A uniform integer in [-bound, bound] other than 0."""
    value = rng.randint(1, bound)
    return value if rng.random() < 0.5 else -value


def signed(rng: random.Random, low: int, high: int) -> int:
    """A uniform integer in [low, high] with a random sign (low >= 1)."""
    value = rng.randint(low, high)
    return value if rng.random() < 0.5 else -value


def tex(expr: sp.Basic) -> str:
    """LaTeX for a prompt: natural log printed as \\ln (as in gold answers), arctan not atan."""
    return sp.latex(expr, ln_notation=True, inv_trig_style="full")


def one_of(rng: random.Random, options: tuple[str, ...] | list[str], **fields: object) -> str:
    """One phrasing, formatted with the given fields."""
    return rng.choice(options).format(**fields)


def pmatrix(rows: list[list[int]]) -> str:
    """An integer matrix as LaTeX pmatrix."""
    body = " \\\\ ".join(" & ".join(str(x) for x in row) for row in rows)
    return f"\\begin{{pmatrix}} {body} \\end{{pmatrix}}"


def is_interval_answer(value: sp.Set) -> bool:
    """A non-empty proper subset of R made of intervals of positive length (no isolated points)."""
    if value in (sp.S.EmptySet, sp.S.Reals) or value == sp.Interval(-sp.oo, sp.oo):
        return False
    pieces = value.args if isinstance(value, sp.Union) else (value,)
    return all(isinstance(p, sp.Interval) and p.measure > 0 for p in pieces)


COMPARE = {
    "<": lambda v: v.is_negative,
    "<=": lambda v: v.is_nonpositive,
    ">": lambda v: v.is_positive,
    ">=": lambda v: v.is_nonnegative,
}


def _real_roots(expr: sp.Expr) -> list[sp.Expr]:
    expr = sp.expand(expr)
    if expr.is_zero or not expr.has(X):
        return []
    return [r for r in sp.solve(expr, X) if r.is_real]


def sign_chart(expr: sp.Expr, relation: str) -> sp.Set:
    """Solve `expr relation 0` over R for a rational function of x, possibly with |...| terms.

    The critical points (zeros and poles of every sign case, kinks of every |...|) cut the line into
    open pieces on which the truth value is constant; the truth value is tested exactly at one
    point of each piece and at every critical point, and the true parts are glued into intervals.
    """
    bars = sorted(expr.atoms(sp.Abs), key=sp.default_sort_key)
    points: list[sp.Expr] = []
    for bar in bars:
        points += _real_roots(bar.args[0])
    for signs in itertools.product((1, -1), repeat=len(bars)):
        case = sp.together(expr.xreplace({b: s * b.args[0] for b, s in zip(bars, signs, strict=True)}))
        numerator, denominator = sp.fraction(case)
        points += _real_roots(numerator) + _real_roots(denominator)
    unique: list[sp.Expr] = []
    for p in sorted(points, key=lambda p: sp.N(p, 50)):
        if not unique or sp.N(p - unique[-1], 50) != 0:
            unique.append(sp.radsimp(p))

    def holds(t: sp.Expr) -> bool:
        value = sp.radsimp(expr.subs(X, t))
        if not value.is_finite:
            return False
        verdict = COMPARE[relation](value)
        if verdict is None:
            raise ValueError(f"cannot decide the sign of {value}")
        return bool(verdict)

    if not unique:
        return sp.S.Reals if holds(sp.Integer(0)) else sp.S.EmptySet
    probes = [sp.floor(unique[0]) - 1]
    probes += [(a + b) / 2 for a, b in itertools.pairwise(unique)]
    probes += [sp.ceiling(unique[-1]) + 1]
    pieces: list[sp.Set] = []
    ends = [-sp.oo, *unique, sp.oo]
    for i, probe in enumerate(probes):
        if holds(probe):
            pieces.append(sp.Interval.open(ends[i], ends[i + 1]))
    pieces += [sp.FiniteSet(p) for p in unique if holds(p)]
    return sp.Union(*pieces)


def decimal(value: sp.Rational) -> str:
    """A terminating rational as an exact decimal string (12.5, not 25/2)."""
    value = sp.Rational(value)
    places = 0
    while 10**places % value.q:
        places += 1
        if places > 60:
            raise ValueError(f"{value} is not a terminating decimal")
    scaled = abs(int(value * 10**places))
    digits = str(scaled).rjust(places + 1, "0")
    text = digits if not places else f"{digits[:-places]}.{digits[-places:]}".rstrip("0").rstrip(".")
    return f"-{text}" if value < 0 else text
