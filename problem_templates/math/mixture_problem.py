"""Mixture problems: concentrations of mixed solutions, blends by price, alloys, drain-and-replace."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, PLACES
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (unknowns and steps):
#   1  mix two solutions of known volumes: the concentration of the mixture (percent)
#   2  how much of a second solution to add to reach a target concentration
#   3  how much of each of two solutions to make a given volume at a target concentration
#   4  blends by price (coffee, tea, nuts) or alloys by purity: the amount of the second ingredient
#   5  drain-and-replace: remove part of a solution, replace with water (or concentrate), repeat twice

SOLUTES = ("salt", "sugar", "alcohol", "acid", "juice concentrate", "vinegar")
BLENDS = (
    ("coffee beans", "kg"),
    ("tea leaves", "kg"),
    ("mixed nuts", "kg"),
    ("dried fruit", "kg"),
    ("bird seed", "kg"),
)
X = sp.Symbol("x")


@register
class MixtureProblem(MathTemplate):
    name = "mixture_problem"
    area = "word_problems"
    description = "Mixtures: concentrations, amounts to add, two-solution blends, price blends, replacement."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        name, place, solute = rng.choice(NAMES), rng.choice(PLACES), rng.choice(SOLUTES)
        if difficulty == 1:
            (v1, p1), (v2, p2) = [(rng.randint(1, 30), rng.randint(1, 60)) for _ in range(2)]
            (value,) = sp.solve(sp.Eq((v1 + v2) * X, v1 * p1 + v2 * p2), X)
            question = (
                f"{name}, working in a lab in {place}, mixes ${v1}$ litres of {solute} solution at ${p1}\\%$ "
                f"with ${v2}$ litres of {solute} solution at ${p2}\\%$. What is the percentage of {solute} "
                "in the mixture?"
            )
            metadata = {"kind": "mix", "parts": [[v1, p1], [v2, p2]]}
        elif difficulty == 2:
            v1 = rng.randint(2, 40)
            p1, p2 = rng.sample(range(2, 80), 2)
            target = rng.randint(min(p1, p2) + 1, max(p1, p2) - 1) if abs(p1 - p2) > 1 else None
            if target is None:
                return self.generate(rng, difficulty)
            (value,) = sp.solve(sp.Eq(v1 * p1 + X * p2, (v1 + X) * target), X)
            question = (
                f"A tank in {place} holds ${v1}$ litres of {solute} solution at ${p1}\\%$. How many litres "
                "of "
                f"{solute} solution at ${p2}\\%$ must be added to bring the concentration to ${target}\\%$?"
            )
            metadata = {"kind": "add", "start": [v1, p1], "added_percent": p2, "target": target}
        elif difficulty == 3:
            low, high = sorted(rng.sample(range(2, 90), 2))
            if high - low < 2:
                return self.generate(rng, difficulty)
            target = rng.randint(low + 1, high - 1)
            total = rng.randint(5, 100)
            (value,) = sp.solve(sp.Eq(X * high + (total - X) * low, total * target), X)
            question = (
                f"{name} needs ${total}$ litres of {solute} solution at ${target}\\%$ and has stock "
                "solutions at "
                f"${low}\\%$ and at ${high}\\%$. How many litres of the ${high}\\%$ stock should be used?"
            )
            metadata = {"kind": "two", "low": low, "high": high, "target": target, "total": total}
        elif difficulty == 4:
            if rng.random() < 0.5:
                (goods, unit) = rng.choice(BLENDS)
                cheap, dear = sorted(rng.sample(range(4, 40), 2))
                if dear - cheap < 2:
                    return self.generate(rng, difficulty)
                blend = rng.randint(cheap + 1, dear - 1)
                amount = rng.randint(2, 50)
                (value,) = sp.solve(sp.Eq(amount * cheap + X * dear, (amount + X) * blend), X)
                question = (
                    f"A shop in {place} blends ${amount}$ {unit} of {goods} costing ${cheap}$ dollars per "
                    f"{unit} with {goods} costing ${dear}$ dollars per {unit}. How many {unit} of the dearer "
                    f"{goods} give a blend worth ${blend}$ dollars per {unit}?"
                )
                metadata = {"kind": "price", "cheap": cheap, "dear": dear, "blend": blend, "amount": amount}
            else:
                purity, pure = rng.randint(20, 70), rng.randint(5, 60)
                target = rng.randint(purity + 1, 95)
                (value,) = sp.solve(sp.Eq(pure * purity + X * 100, (pure + X) * target), X)
                question = (
                    f"A jeweller in {place} has ${pure}$ grams of an alloy that is ${purity}\\%$ gold. How "
                    "many "
                    f"grams of pure gold must be melted in to make an alloy that is ${target}\\%$ gold?"
                )
                metadata = {"kind": "alloy", "grams": pure, "purity": purity, "target": target}
        else:
            volume = rng.randint(5, 50)
            percent = rng.randint(10, 90)
            removed = rng.randint(1, volume - 1)
            concentrate = rng.random() < 0.3
            fill = 100 if concentrate else 0
            amount = sp.Rational(volume * percent, 100)
            for _ in range(2):  # drain `removed` litres, then top up with water (or pure concentrate)
                amount = amount * sp.Rational(volume - removed, volume) + sp.Rational(removed * fill, 100)
            value = amount / volume * 100
            liquid = f"pure {solute}" if concentrate else "water"
            question = (
                f"A ${volume}$-litre container in {place} is full of {solute} solution at ${percent}\\%$. "
                f"{name} drains ${removed}$ litres and refills the container with {liquid}, then does the "
                f"same a "
                "second "
                f"time. What is the percentage of {solute} now?"
            )
            metadata = {
                "kind": "replace",
                "volume": volume,
                "percent": percent,
                "removed": removed,
                "fill": fill,
            }
        value = sp.Rational(value)
        if value <= 0:
            return self.generate(rng, difficulty)
        if not value.is_integer:
            question += " Give an exact answer."
        atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
        return MathItem(question, value, atype, metadata)
