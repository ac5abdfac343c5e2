"""Angles and diagonals of polygons: angle sums, regular polygon angles, sides from angles, missing angles."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, PLACES, one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (what is given, what is asked, and the number of sides):
#   1  the sum of the interior angles of an n-gon (5 <= n <= 60)
#   2  one interior or exterior angle of a regular n-gon (n <= 60; may be a fraction of a degree)
#   3  the number of sides of a regular polygon from one interior or exterior angle
#   4  the number of diagonals of an n-gon (n <= 60), or a missing angle of a hexagon/heptagon
#   5  a missing angle of an n-gon (8 <= n <= 12) given the others, or two unknown angles in a ratio

S = sp.Symbol("n")
SHAPES = ("tile", "window", "garden bed", "table top", "stained-glass panel", "park", "badge", "kite")


def interior_sum(n: int) -> sp.Integer:
    return sp.Integer(180) * (n - 2)  # a triangulation from one vertex has n - 2 triangles


@register
class PolygonAngles(MathTemplate):
    name = "polygon_angles"
    area = "geometry"
    description = "Interior/exterior angles, sides from angles, diagonals and missing angles of polygons."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        item = self._item(rng, difficulty)
        mentioned = any(p in item.question for p in PLACES)
        if not mentioned and rng.random() < 0.9:  # a setting; the facts do not depend on it
            place, name = rng.choice(PLACES), rng.choice(NAMES)
            setting = rng.choice(
                (
                    f"{name} is preparing a geometry worksheet for a class in {place}. ",
                    f"In a geometry class in {place}, {name} asks: ",
                    f"{name}, an architect in {place}, needs this fact. ",
                )
            )
            return MathItem(setting + item.question, item.answer, item.answer_type, item.metadata)
        return item

    def _item(self, rng: random.Random, difficulty: int) -> MathItem:
        shape, place, name = rng.choice(SHAPES), rng.choice(PLACES), rng.choice(NAMES)
        if difficulty == 1:
            n = rng.randint(5, 60)
            question = one_of(
                rng,
                (
                    "What is the sum of the interior angles of a polygon with ${n}$ sides, in degrees?",
                    "A {shape} in {place} has the shape of a ${n}$-sided polygon. What is the sum of its "
                    "interior angles in degrees?",
                    "Find the sum, in degrees, of the interior angles of a convex ${n}$-gon.",
                ),
                n=n,
                shape=shape,
                place=place,
            )
            return MathItem(question, interior_sum(n), AnswerType.INTEGER, {"kind": "interior_sum", "n": n})
        if difficulty == 2:
            n = rng.randint(5, 60)
            which = rng.choice(("interior", "exterior"))
            value = interior_sum(n) / n if which == "interior" else sp.Rational(360, n)
            question = one_of(
                rng,
                (
                    "What is the measure, in degrees, of each {w} angle of a regular ${n}$-gon?",
                    "{name} designs a {shape} shaped like a regular polygon with ${n}$ sides. How many "
                    "degrees is each {w} angle?",
                    "Find one {w} angle of a regular polygon with ${n}$ sides, in degrees.",
                ),
                n=n,
                w=which,
                name=name,
                shape=shape,
            )
            if not value.is_integer:
                question += " Give an exact fraction."
            atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
            return MathItem(question, value, atype, {"kind": which, "n": n})
        if difficulty == 3:
            n = rng.choice([k for k in range(5, 73) if 360 % k == 0 or 180 * (k - 2) % k == 0])
            which = rng.choice(("interior", "exterior"))
            angle = interior_sum(n) / n if which == "interior" else sp.Rational(360, n)
            equation = sp.Eq((S - 2) * 180 / S, angle) if which == "interior" else sp.Eq(360 / S, angle)
            (sides,) = sp.solve(equation, S)
            question = one_of(
                rng,
                (
                    "Each {w} angle of a regular polygon measures ${a}^\\circ$. How many sides does it have?",
                    "A {shape} in {place} is a regular polygon whose {w} angles are ${a}^\\circ$ each. How "
                    "many sides does it have?",
                    "How many sides has a regular polygon with {w} angle ${a}^\\circ$?",
                ),
                w=which,
                a=sp.latex(angle),
                shape=shape,
                place=place,
            )
            return MathItem(
                question, sides, AnswerType.INTEGER, {"kind": f"sides_from_{which}", "angle": str(angle)}
            )
        if difficulty == 4 and rng.random() < 0.5:
            n = rng.randint(5, 60)
            value = sp.binomial(n, 2) - n  # pairs of vertices that are not sides
            question = one_of(
                rng,
                (
                    "How many diagonals does a convex polygon with ${n}$ sides have?",
                    "A {shape} has the shape of a convex ${n}$-gon. How many diagonals can be drawn in it?",
                    "Find the number of diagonals of a convex ${n}$-sided polygon.",
                ),
                n=n,
                shape=shape,
            )
            return MathItem(question, value, AnswerType.INTEGER, {"kind": "diagonals", "n": n})
        n = rng.randint(6, 7) if difficulty == 4 else rng.randint(8, 12)
        unknown = 2 if difficulty == 5 and rng.random() < 0.5 else 1
        total = interior_sum(n)
        while True:
            known = [rng.randint(100, 175) for _ in range(n - unknown)]
            rest = total - sum(known)
            if unknown == 1 and 60 <= rest < 180:
                value, extra = rest, ""
                break
            if unknown == 2:
                p, q = rng.sample(range(1, 6), 2)
                smaller = sp.Rational(rest * min(p, q), p + q)
                if rest > 0 and rest * max(p, q) / (p + q) < 180 and smaller > 30:
                    value = smaller
                    extra = (
                        f" The two remaining angles are in the ratio ${p} : {q}$. Find the smaller of them."
                    )
                    break
        listed = ", ".join(f"${a}^\\circ$" for a in known)
        if unknown == 1:
            extra = " What is the remaining angle, in degrees?"
        intro = rng.choice(
            (
                f"A convex polygon with ${n}$ sides has ${n - unknown}$ of its interior angles equal to "
                f"{listed}.",
                f"In a convex ${n}$-gon, ${n - unknown}$ of the interior angles measure {listed}.",
                f"{rng.choice(NAMES)} surveys a convex ${n}$-sided plot of land in {rng.choice(PLACES)} and "
                f"measures ${n - unknown}$ of its interior angles: {listed}.",
            )
        )
        question = f"{intro}{extra}"
        if not sp.Rational(value).is_integer:
            question += " Give an exact value."
        atype = AnswerType.INTEGER if sp.Rational(value).is_integer else AnswerType.RATIONAL
        metadata = {"kind": "missing", "n": n, "known": known, "ratio": [p, q] if unknown == 2 else None}
        return MathItem(question, sp.Rational(value), atype, metadata)
