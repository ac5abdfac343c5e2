"""Pythagorean theorem: missing sides, diagonals and heights as exact radicals (real answers).

Metadata records the squared lengths that the answer's square is built from ("squares": added for
a hypotenuse, first minus second for a leg) so a checker can confirm answer^2 exactly.
"""

from __future__ import annotations

import random
from math import gcd

import sympy as sp

from problem_templates.math._helpers import NAMES, PLACES, one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (which side is missing, dimensions, radical inputs, number of steps):
#   1  the hypotenuse from two integer legs <= 30                      (irrational answer)
#   2  a leg from the hypotenuse (<= 40) and the other leg
#   3  a rectangle's diagonal, an isosceles triangle's height, or a box's space diagonal
#   4  radical inputs: legs sqrt(m) and n sqrt(k); an equilateral triangle's height; a square's
#      diagonal from its area
#   5  two steps: a ladder sliding down a wall, or a leg from the hypotenuse and the ratio of the legs

EXACT = " Give the exact value in simplest radical form."
TRIPLES = ((3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29), (9, 40, 41))


def _hypotenuse(question: str, squares: list) -> tuple[str, sp.Expr, dict]:
    value = sp.sqrt(sp.Add(*(sp.Rational(q) for q in squares)))
    return question, value, {"kind": "hypotenuse", "squares": [str(q) for q in squares]}


def _leg(question: str, long_square: object, short_square: object) -> tuple[str, sp.Expr, dict]:
    value = sp.sqrt(sp.Rational(long_square) - sp.Rational(short_square))
    return question, value, {"kind": "leg", "squares": [str(long_square), str(short_square)]}


@register
class Pythagorean(MathTemplate):
    name = "pythagorean"
    area = "geometry"
    description = "Right-triangle side lengths, diagonals and heights as exact radicals."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            question, value, metadata = self._attempt(rng, difficulty)
            value = sp.radsimp(value)
            if value.is_positive and not value.is_Rational:
                break
        mentioned = any(n in question for n in NAMES) or any(p in question for p in PLACES)
        if not mentioned and rng.random() < 0.9:  # a setting; the geometry does not depend on it
            question = (
                f"{rng.choice(NAMES)} is checking a design for a client in {rng.choice(PLACES)}. {question}"
            )
        return MathItem(question + EXACT, value, AnswerType.REAL, metadata)

    def _attempt(self, rng: random.Random, difficulty: int) -> tuple[str, sp.Expr, dict]:
        place, name = rng.choice(PLACES), rng.choice(NAMES)
        if difficulty == 1:
            a, b = rng.randint(1, 30), rng.randint(1, 30)
            question = one_of(
                rng,
                (
                    "A right triangle has legs of length ${a}$ and ${b}$. How long is the hypotenuse?",
                    "The two shorter sides of a right triangle are ${a}$ and ${b}$. Find the longest side.",
                    "{name} walks ${a}$ m east and then ${b}$ m north. How far is {name} from the start, in "
                    "a straight line?",
                    "A right triangle in a logo designed in {place} has legs ${a}$ cm and ${b}$ cm. Find "
                    "its hypotenuse in cm.",
                ),
                a=a,
                b=b,
                name=name,
                place=place,
            )
            return _hypotenuse(question, [a * a, b * b])
        if difficulty == 2:
            a = rng.randint(1, 30)
            c = rng.randint(a + 1, 40)
            question = one_of(
                rng,
                (
                    "A right triangle has hypotenuse ${c}$ and one leg ${a}$. Find the other leg.",
                    "The hypotenuse of a right triangle is ${c}$ and one of its legs is ${a}$. How long is "
                    "the remaining side?",
                    "A ladder of length ${c}$ m leans against a wall in {place} with its foot ${a}$ m from "
                    "the wall. How high up the wall does it reach?",
                ),
                a=a,
                c=c,
                place=place,
            )
            return _leg(question, c * c, a * a)
        if difficulty == 3:
            kind = rng.choice(("rectangle", "isosceles", "box"))
            if kind == "rectangle":
                w, h = rng.randint(2, 30), rng.randint(2, 30)
                question = rng.choice(
                    (
                        f"A rectangular garden in {place} measures ${w}$ m by ${h}$ m. How long is its "
                        "diagonal?",
                        f"{name} runs straight across a ${w}$ m by ${h}$ m rectangular field in {place}, "
                        "corner "
                        "to opposite corner. How far is that, in metres?",
                        f"A rectangle has sides ${w}$ and ${h}$. Find the length of a diagonal.",
                    )
                )
                return _hypotenuse(question, [w * w, h * h])
            if kind == "isosceles":
                base = rng.randint(2, 24)
                side = rng.randint(base // 2 + 1, 30)
                question = rng.choice(
                    (
                        f"An isosceles triangle has two sides of length ${side}$ and a base of length "
                        f"${base}$. "
                        "Find the height drawn to the base.",
                        f"A tent in {place} has a triangular front with two sloping sides of ${side}$ dm "
                        "and a "
                        f"base of ${base}$ dm. How tall is the tent, in dm?",
                        f"The equal sides of an isosceles triangle measure ${side}$ and the base measures "
                        f"${base}$. How long is the altitude to the base?",
                    )
                )
                return _leg(question, side * side, sp.Rational(base, 2) ** 2)
            dims = [rng.randint(1, 15) for _ in range(3)]
            a, b, c = dims
            question = rng.choice(
                (
                    f"{name} packs a box measuring ${a}$ by ${b}$ by ${c}$ cm. What is the length of the "
                    "longest straight stick that fits inside (the space diagonal)?",
                    f"Find the length of the space diagonal of a ${a} \\times {b} \\times {c}$ cuboid.",
                    f"A storage crate in {place} is ${a}$ m long, ${b}$ m wide and ${c}$ m high. How long is "
                    "the line from one bottom corner to the opposite top corner, in metres?",
                )
            )
            return _hypotenuse(question, [d * d for d in dims])
        if difficulty == 4:
            kind = rng.choice(("radical_legs", "equilateral", "square"))
            if kind == "radical_legs":
                m, n, k = rng.randint(2, 30), rng.randint(2, 6), rng.choice((2, 3, 5, 6, 7))
                question = rng.choice(
                    (
                        f"A right triangle has legs $\\sqrt{{{m}}}$ and ${n}\\sqrt{{{k}}}$. "
                        "Find the length of its hypotenuse.",
                        f"The legs of a right triangle measure ${n}\\sqrt{{{k}}}$ and $\\sqrt{{{m}}}$. How "
                        "long is the side opposite the right angle?",
                        f"In a right triangle the two shorter sides are $\\sqrt{{{m}}}$ and "
                        f"${n}\\sqrt{{{k}}}$. "
                        "What is the longest side?",
                    )
                )
                return _hypotenuse(question, [m, n * n * k])
            if kind == "equilateral":
                s = rng.randint(2, 40)
                question = rng.choice(
                    (
                        f"{name} paints a sign in {place} shaped as an equilateral triangle with side ${s}$ "
                        "cm. "
                        "How tall is it, in cm?",
                        f"What is the height of an equilateral triangle with side length ${s}$?",
                        f"An equilateral triangular tile from {place} has sides of ${s}$ cm. Find the "
                        "distance "
                        "from one corner to the midpoint of the opposite side, in cm.",
                    )
                )
                return _leg(question, s * s, sp.Rational(s, 2) ** 2)
            area = rng.randint(2, 200)
            question = rng.choice(
                (
                    f"{name} lays a square tile in {place} with area ${area}$ cm$^2$. How long is its "
                    "diagonal, "
                    "in cm?",
                    f"A square has area ${area}$. Find the length of its diagonal.",
                    f"A square garden plot in {place} covers ${area}$ m$^2$. How long is the path straight "
                    "across it from corner to opposite corner, in metres?",
                )
            )
            return _hypotenuse(question, [area, area])
        if rng.random() < 0.5:
            k = rng.randint(1, 2)
            a, b, length = (k * t for t in rng.choice(TRIPLES))
            foot, height = (a, b) if rng.random() < 0.5 else (b, a)
            drop = rng.randint(1, min(4, height - 1))
            question = (
                f"{name}'s ladder of length ${length}$ m leans against a vertical wall in {place}, its foot "
                f"${foot}$ m from the wall. The top slides ${drop}$ m down the wall. How far is the foot of "
                f"the ladder "
                "from the wall now?"
            )
            _, value, _ = _leg(question, length * length, (height - drop) ** 2)
            return question, value, {"kind": "ladder", "length": length, "foot": foot, "drop": drop}
        while True:
            p, q = sorted(rng.sample(range(1, 8), 2))
            if gcd(p, q) == 1:
                break
        c = rng.randint(2, 30)
        question = rng.choice(
            (
                f"The legs of a right triangle are in the ratio ${p} : {q}$ and its hypotenuse is ${c}$. "
                "How long is the shorter leg?",
                f"A right triangle has hypotenuse ${c}$, and its legs are in the ratio ${q} : {p}$. Find the "
                "length of the shorter leg.",
                f"{name} cuts a right-triangular panel with hypotenuse ${c}$ cm and legs in the ratio "
                f"${p} : {q}$. How long is the shorter leg, in cm?",
            )
        )
        return question, c * p / sp.sqrt(p * p + q * q), {"kind": "ratio", "ratio": [p, q], "hypotenuse": c}
