"""Rate problems: average speed, current and wind, catching up, filling and draining, passing trains."""

from __future__ import annotations

import random
from typing import Any

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
        story, asks, value, metadata = self._story(rng, difficulty)
        question = f"{story} {rng.choice(asks)}"
        value = sp.Rational(value)
        if not value.is_integer:
            question += " Give an exact answer."
        atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
        return MathItem(question, value, atype, metadata)

    def _story(self, rng: random.Random, difficulty: int) -> tuple[str, tuple[str, ...], Any, dict]:
        """The situation, three ways to ask the question, the answer and the metadata."""
        name, other = rng.sample(NAMES, 2)
        a = rng.choice(PLACES)
        if difficulty == 1:
            vehicle, lo, hi = rng.choice(VEHICLES)
            u, v = rng.sample(range(lo, hi + 1), 2)
            d = rng.randint(5, 200)
            (value,) = sp.solve(sp.Eq(X * (sp.Rational(d, u) + sp.Rational(d, v)), 2 * d), X)
            story = (
                f"{name} travels {vehicle} between two villages near {a}, ${d}$ km apart, at ${u}$ km/h and "
                f"returns along the same road at ${v}$ km/h."
            )
            asks = (
                "What is the average speed for the whole round trip, in km/h?",
                "Find the average speed over the two legs together (total distance over total time), in "
                "km/h.",
                f"What single constant speed, in km/h, would let {name} make the round trip in the same "
                "time?",
            )
            return story, asks, value, {"kind": "average", "speeds": [u, v]}
        if difficulty == 2:
            boat, current = rng.randint(8, 40), rng.randint(1, 7)
            d = rng.randint(5, 120)
            if rng.random() < 0.5:
                value = sp.Rational(d, boat + current) + sp.Rational(d, boat - current)
                story = (
                    f"A boat that moves at ${boat}$ km/h in still water goes ${d}$ km downstream on a river "
                    "near "
                    f"{a} and comes back upstream. The current flows at ${current}$ km/h."
                )
                asks = (
                    "How many hours does the round trip take?",
                    "Find the total time for the trip there and back, in hours.",
                    f"{name} is the skipper. How long, in hours, is the boat under way in total?",
                )
                return (
                    story,
                    asks,
                    value,
                    {"kind": "return_time", "boat": boat, "current": current, "distance": d},
                )
            down, up = sp.Rational(d, boat + current), sp.Rational(d, boat - current)
            b_sym, c_sym = sp.symbols("b c", positive=True)
            solution = sp.solve(
                [sp.Eq((b_sym + c_sym) * down, d), sp.Eq((b_sym - c_sym) * up, d)], [b_sym, c_sym]
            )
            story = (
                f"On a river near {a}, {name} paddles ${d}$ km downstream in ${sp.latex(down)}$ hours and "
                "the "
                f"same ${d}$ km back upstream in ${sp.latex(up)}$ hours."
            )
            asks = (
                f"What is {name}'s speed in still water, in km/h?",
                f"How fast, in km/h, would {name} paddle on still water?",
                f"Find {name}'s paddling speed relative to the water, in km/h.",
            )
            return (
                story,
                asks,
                solution[b_sym],
                {"kind": "still_water", "distance": d, "times": [str(down), str(up)]},
            )
        if difficulty == 3:
            vehicle, lo, hi = rng.choice(VEHICLES)
            slow, fast = sorted(rng.sample(range(lo, hi + 1), 2))
            delay = sp.Rational(rng.randint(1, 8), rng.choice((1, 2, 4)))
            (value,) = sp.solve(sp.Eq(fast * X, slow * (X + delay)), X)
            story = (
                f"{name} leaves {a} {vehicle} at ${slow}$ km/h. ${sp.latex(delay)}$ hours later {other} "
                "leaves "
                f"from the same place along the same road at ${fast}$ km/h."
            )
            asks = (
                f"How many hours after {other} sets off does {other} catch up with {name}?",
                f"After how many hours of travelling does {other} draw level with {name}?",
                f"How long, in hours from {other}'s start, until the two are side by side?",
            )
            return story, asks, value, {"kind": "catch_up", "speeds": [slow, fast], "delay": str(delay)}
        if difficulty == 4:
            fill1, fill2 = rng.sample(range(2, 16), 2)
            drain = rng.randint(max(fill1, fill2) + 1, 40)
            (value,) = sp.solve(sp.Eq(X / fill1 + X / fill2 - X / drain, 1), X)
            story = (
                f"A water tank in {a} can be filled by one pipe in ${fill1}$ hours and by another in "
                f"${fill2}$ "
                f"hours, while a drain empties the full tank in ${drain}$ hours."
            )
            asks = (
                "With both pipes and the drain open, how many hours does it take to fill the empty tank?",
                f"{name} opens both pipes and forgets to close the drain. How long, in hours, until the "
                "empty "
                "tank is full?",
                "Starting empty, with everything open, after how many hours is the tank full?",
            )
            return story, asks, value, {"kind": "pipes", "fill": [fill1, fill2], "drain": drain}
        length1, speed1 = rng.randint(8, 40) * 10, rng.randint(36, 144)
        if rng.random() < 0.5:
            length2, speed2 = rng.randint(8, 40) * 10, rng.randint(36, 144)
            # opposite directions: relative speed in m/s is (v1 + v2) * 1000 / 3600
            (value,) = sp.solve(
                sp.Eq(X * sp.Rational(speed1 + speed2, 1) * 1000 / 3600, length1 + length2), X
            )
            story = (
                f"Near {a}, a train of length ${length1}$ m travelling at ${speed1}$ km/h meets a train of "
                f"length ${length2}$ m travelling at ${speed2}$ km/h on a parallel track in the opposite "
                "direction."
            )
            asks = (
                "How many seconds pass from the moment the fronts meet until the rear ends pass each other?",
                f"{name}, watching from a bridge, times the crossing from fronts meeting to rears parting. "
                "How "
                "many seconds is it?",
                "For how many seconds are the two trains side by side?",
            )
            metadata = {"kind": "trains", "lengths": [length1, length2], "speeds": [speed1, speed2]}
            return story, asks, value, metadata
        platform = rng.randint(5, 50) * 10
        (value,) = sp.solve(sp.Eq(X * sp.Rational(speed1 * 1000, 3600), length1 + platform), X)
        story = (
            f"A train of length ${length1}$ m travelling at ${speed1}$ km/h passes completely through the "
            f"${platform}$ m platform of the station in {a}."
        )
        asks = (
            "How many seconds does that take (from the front entering to the rear leaving)?",
            f"{name} times it from the moment the front reaches the platform until the rear leaves it. How "
            "many "
            "seconds is that?",
            "How long, in seconds, is some part of the train alongside the platform?",
        )
        return story, asks, value, {"kind": "platform", "lengths": [length1, platform], "speeds": [speed1]}
