"""Small helpers shared by math templates: random nonzero integers, names, places, objects.

Not a template (the registry skips modules whose name starts with an underscore).
"""

from __future__ import annotations

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
    """LaTeX for a prompt: natural log printed as \\ln, as in gold answers."""
    return sp.latex(expr, ln_notation=True)


def one_of(rng: random.Random, options: tuple[str, ...] | list[str], **fields: object) -> str:
    """One phrasing, formatted with the given fields."""
    return rng.choice(options).format(**fields)


def pmatrix(rows: list[list[int]]) -> str:
    """An integer matrix as LaTeX pmatrix."""
    body = " \\\\ ".join(" & ".join(str(x) for x in row) for row in rows)
    return f"\\begin{{pmatrix}} {body} \\end{{pmatrix}}"
