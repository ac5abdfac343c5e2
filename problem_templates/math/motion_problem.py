"""Rate problems: average speed, current and wind, catching up, filling and draining, passing trains."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, PLACES
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the rate relation and the number of unknowns):
#   1  average speed of a round trip at two different speeds (harmonic mean, not the plain mean)
#   2  boat with a current (or plane with wind): time for a return trip, or the speed in still water
#   3  catching up: a second traveller leaves later and faster; when do they meet
#   4  two inlet pipes and one drain filling a tank (combined rates)
#   5  trains: passing each other or a platform, with lengths in metres and speeds in km/h

X = sp.Symbol("x", positive=True)
VEHICLES = (
    ("by bicycle", 10, 30),
    ("by car", 40, 110),
    ("on foot", 4, 12),
    ("by bus", 30, 80),
    ("by scooter", 15, 45),
    ("on horseback", 8, 25),
)


@register
class MotionProblem(MathTemplate):
    name = "motion_problem"
    area = "word_problems"
    description = "Rates: average speed, current and wind, catching up, pipes filling a tank, passing trains."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        name, other = rng.sample(NAMES, 2)
        a = rng.choice(PLACES)
        if difficulty == 1:
            vehicle, lo, hi = rng.choice(VEHICLES)
            u, v = rng.sample(range(lo, hi + 1), 2)
            d = rng.randint(5, 200)
            (value,) = sp.solve(sp.Eq(X * (sp.Rational(d, u) + sp.Rational(d, v)), 2 * d), X)
            question = (
                f"{name} travels {vehicle} between two villages near {a}, ${d}$ km apart, at ${u}$ km/h and "
                f"returns along the same road at ${v}$ km/h. What is the average speed for the whole round "
                "trip, in km/h?"
            )
            metadata = {"kind": "average", "speeds": [u, v]}
        elif difficulty == 2:
            boat, current = rng.randint(8, 40), rng.randint(1, 7)
            d = rng.randint(5, 120)
            if rng.random() < 0.5:
                value = sp.Rational(d, boat + current) + sp.Rational(d, boat - current)
                question = (
                    f"A boat that moves at ${boat}$ km/h in still water goes ${d}$ km downstream on a river "
                    f"near {a} and comes back upstream. The current flows at ${current}$ km/h. How many "
                    f"hours does "
                    "the round trip take?"
                )
                metadata = {"kind": "return_time", "boat": boat, "current": current, "distance": d}
            else:
                down, up = sp.Rational(d, boat + current), sp.Rational(d, boat - current)
                b_sym, c_sym = sp.symbols("b c", positive=True)
                solution = sp.solve(
                    [sp.Eq((b_sym + c_sym) * down, d), sp.Eq((b_sym - c_sym) * up, d)], [b_sym, c_sym]
                )
                value = solution[b_sym]
                question = (
                    f"{name} paddles ${d}$ km downstream in ${sp.latex(down)}$ hours and the same ${d}$ km "
                    "back "
                    f"upstream in ${sp.latex(up)}$ hours. What is {name}'s speed in still water, in km/h?"
                )
                metadata = {"kind": "still_water", "distance": d, "times": [str(down), str(up)]}
        elif difficulty == 3:
            vehicle, lo, hi = rng.choice(VEHICLES)
            slow, fast = sorted(rng.sample(range(lo, hi + 1), 2))
            delay = sp.Rational(rng.randint(1, 8), rng.choice((1, 2, 4)))
            (value,) = sp.solve(sp.Eq(fast * X, slow * (X + delay)), X)
            question = (
                f"{name} leaves {a} {vehicle} at ${slow}$ km/h. {sp.latex(delay)} hours later {other} leaves "
                f"from the same place along the same road at ${fast}$ km/h. How many hours after {other} "
                "sets off "
                f"does {other} catch up with {name}?"
            ).replace(f"{sp.latex(delay)} hours", f"${sp.latex(delay)}$ hours")
            metadata = {"kind": "catch_up", "speeds": [slow, fast], "delay": str(delay)}
        elif difficulty == 4:
            fill1, fill2 = rng.sample(range(2, 16), 2)
            drain = rng.randint(max(fill1, fill2) + 1, 40)
            (value,) = sp.solve(sp.Eq(X / fill1 + X / fill2 - X / drain, 1), X)
            question = (
                f"A water tank in {a} can be filled by one pipe in ${fill1}$ hours and by another in "
                f"${fill2}$ hours, while a drain empties the full tank in ${drain}$ hours. With both pipes "
                f"and the drain "
                "open, how many hours does it take to fill the empty tank?"
            )
            metadata = {"kind": "pipes", "fill": [fill1, fill2], "drain": drain}
        else:
            length1, speed1 = rng.randint(8, 40) * 10, rng.randint(36, 144)
            if rng.random() < 0.5:
                length2, speed2 = rng.randint(8, 40) * 10, rng.randint(36, 144)
                # opposite directions: relative speed in m/s is (v1 + v2) * 1000 / 3600
                (value,) = sp.solve(
                    sp.Eq(X * sp.Rational(speed1 + speed2, 1) * 1000 / 3600, length1 + length2), X
                )
                question = (
                    f"Near {a}, a train of length ${length1}$ m travelling at ${speed1}$ km/h meets a train "
                    f"of length ${length2}$ m travelling at ${speed2}$ km/h on a parallel track in the "
                    "opposite direction. How many seconds pass from the moment the fronts meet until the "
                    "rear ends pass each other?"
                )
                metadata = {"kind": "trains", "lengths": [length1, length2], "speeds": [speed1, speed2]}
            else:
                platform = rng.randint(5, 50) * 10
                (value,) = sp.solve(sp.Eq(X * sp.Rational(speed1 * 1000, 3600), length1 + platform), X)
                question = (
                    f"A ${length1}$ m train travelling at ${speed1}$ km/h passes completely through the "
                    f"${platform}$ m platform of the station in {a}. How many seconds does that take (from "
                    f"the front "
                    "entering to the rear leaving)?"
                )
                metadata = {"kind": "platform", "lengths": [length1, platform], "speeds": [speed1]}
        value = sp.Rational(value)
        if not value.is_integer:
            question += " Give an exact answer."
        atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
        return MathItem(question, value, atype, metadata)
