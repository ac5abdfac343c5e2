"""Volumes and surface areas of cylinders, cones, spheres and composite solids; exact answers with pi."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, PLACES, one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the solid, whole or fractional dimensions, number of pieces):
#   1  volume of a cylinder or a sphere, integer radius <= 20 and height <= 15
#   2  volume of a cone; surface area of a sphere or a closed cylinder; a diameter may be given
#   3  hemispheres and half-integer dimensions; a cone's curved surface (slant height from r and h)
#   4  composite solids: a capsule (cylinder + two hemispheres), an ice-cream cone (cone + hemisphere),
#      a cylinder with a conical hole
#   5  a frustum; a cube with its inscribed sphere removed; the rise of water when a ball is submerged
#      in a cylindrical tank (a rational answer)

PI = sp.pi
FORMULAS = {
    "cylinder": lambda r, h: PI * r**2 * h,
    "sphere": lambda r, h: sp.Rational(4, 3) * PI * r**3,
    "cone": lambda r, h: PI * r**2 * h / 3,
    "sphere_surface": lambda r, h: 4 * PI * r**2,
    "cylinder_surface": lambda r, h: 2 * PI * r**2 + 2 * PI * r * h,
    "hemisphere": lambda r, h: sp.Rational(2, 3) * PI * r**3,
    "cone_lateral": lambda r, h: PI * r * sp.sqrt(r**2 + h**2),
    "capsule": lambda r, h: PI * r**2 * h + sp.Rational(4, 3) * PI * r**3,
    "ice_cream": lambda r, h: PI * r**2 * h / 3 + sp.Rational(2, 3) * PI * r**3,
    "drilled": lambda r, h: PI * r**2 * h - PI * r**2 * h / 3,
}
WHAT = {
    "cylinder": "the volume of a cylinder",
    "sphere": "the volume of a sphere",
    "cone": "the volume of a cone",
    "sphere_surface": "the surface area of a sphere",
    "cylinder_surface": "the total surface area (both ends included) of a closed cylinder",
    "hemisphere": "the volume of a solid hemisphere",
    "cone_lateral": "the area of the curved surface of a cone",
}
ASK = (
    "Find {what} with {dims}.",
    "What is {what} with {dims}?",
    "Compute {what} with {dims}. Leave $\\pi$ in your answer.",
)
OBJECTS = {
    "cylinder": ("tin can", "water tank", "candle", "drum", "pillar"),
    "sphere": ("ball", "globe", "bead", "lantern"),
    "cone": ("party hat", "funnel", "traffic cone", "roof spire"),
    "hemisphere": ("bowl", "dome", "igloo model"),
}
LEVELS = {
    1: ("cylinder", "sphere"),
    2: ("cone", "sphere_surface", "cylinder_surface"),
    3: ("hemisphere", "cone_lateral", "cylinder", "cone"),
}


def _length(value: sp.Rational) -> str:
    return sp.latex(value)


@register
class SolidVolume(MathTemplate):
    name = "solid_volume"
    area = "geometry"
    description = "Volumes and surface areas of cylinders, cones, spheres, composites and frustums (with pi)."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        place, name = rng.choice(PLACES), rng.choice(NAMES)
        if difficulty <= 3:
            kind = rng.choice(LEVELS[difficulty])
            half = difficulty == 3 and kind != "cone_lateral" and rng.random() < 0.6
            r = sp.Rational(rng.randint(1, 24), 2) if half else sp.Integer(rng.randint(1, 20))
            h = sp.Rational(rng.randint(1, 30), 2) if half else sp.Integer(rng.randint(1, 15))
            if kind in ("sphere", "sphere_surface", "hemisphere"):
                dims = f"radius ${_length(r)}$" if rng.random() < 0.6 else f"diameter ${_length(2 * r)}$"
            elif rng.random() < 0.7 or difficulty == 1:
                dims = f"base radius ${_length(r)}$ and height ${_length(h)}$"
            else:
                dims = f"base diameter ${_length(2 * r)}$ and height ${_length(h)}$"
            question = one_of(rng, ASK, what=WHAT[kind], dims=dims)
            if rng.random() < 0.9:
                obj = rng.choice(OBJECTS[kind.split("_")[0]])
                article = "an" if obj[0] in "aeiou" else "a"
                question = f"{name} in {place} is working on {article} {obj}, modelled as a solid. {question}"
            value = FORMULAS[kind](r, h)
            metadata = {"kind": kind, "r": str(r), "h": str(h)}
            return MathItem(question, sp.radsimp(value), AnswerType.REAL, metadata)
        if difficulty == 4:
            kind = rng.choice(("capsule", "ice_cream", "drilled"))
            r, h = sp.Integer(rng.randint(1, 10)), sp.Integer(rng.randint(2, 20))
            stories = {
                "capsule": (
                    f"A pill-shaped water tank that {name} is building in {place} is a cylinder of radius "
                    f"${r}$ m and length ${h}$ m with a hemisphere of the same radius on each end. What is "
                    f"its "
                    "volume in cubic metres?"
                ),
                "ice_cream": (
                    f"{name}, a baker in {place}, models an ice-cream cone as a cone of radius ${r}$ cm and "
                    f"height ${h}$ cm topped by a hemisphere of the same radius. What is the total volume in "
                    "cubic centimetres?"
                ),
                "drilled": (
                    f"In a workshop in {place}, {name} takes a solid cylinder of radius ${r}$ and height "
                    f"${h}$ "
                    "and carves out a cone with the same base and height. What volume of material remains?"
                ),
            }
            metadata = {"kind": kind, "r": str(r), "h": str(h)}
            return MathItem(stories[kind], FORMULAS[kind](r, h), AnswerType.REAL, metadata)
        kind = rng.choice(("frustum", "cube_minus_sphere", "water_rise"))
        if kind == "frustum":
            big, small = sorted(rng.sample(range(1, 13), 2), reverse=True)
            h = rng.randint(1, 15)
            value = PI * h * (big**2 + big * small + small**2) / 3
            question = (
                f"{name} buys a flower pot in {place}. It is a frustum of a cone: its circular top has "
                "radius "
                f"${big}$ cm, its bottom has radius ${small}$ cm, and it is ${h}$ cm tall. What is its "
                "volume in cubic centimetres?"
            )
            metadata = {"kind": kind, "radii": [big, small], "h": h}
            return MathItem(question, value, AnswerType.REAL, metadata)
        if kind == "cube_minus_sphere":
            side = rng.randint(2, 20)
            value = side**3 - sp.Rational(4, 3) * PI * sp.Rational(side, 2) ** 3
            question = (
                f"In a workshop in {place}, {name} carves the largest possible ball out of a wooden cube "
                "with "
                f"edge ${side}$ cm. How much wood, in cubic centimetres, is cut away? Give an exact answer "
                "in terms of $\\pi$."
            )
            return MathItem(question, sp.expand(value), AnswerType.REAL, {"kind": kind, "side": side})
        radius, tank = rng.randint(1, 6), rng.randint(7, 20)
        rise = sp.Symbol("rise")
        (value,) = sp.solve(sp.Eq(PI * tank**2 * rise, sp.Rational(4, 3) * PI * radius**3), rise)
        question = (
            f"A cylindrical tank in {place} with radius ${tank}$ cm holds water. {name} drops in a solid "
            "metal ball "
            f"of radius ${radius}$ cm, which sinks and is completely covered. By how many centimetres does "
            "the water level rise? Give an exact fraction."
        )
        metadata = {"kind": kind, "ball": radius, "tank": tank}
        atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
        return MathItem(question, value, atype, metadata)
