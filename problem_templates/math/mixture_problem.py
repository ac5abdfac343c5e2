"""Mixture problems: concentrations of mixed solutions, blends by price, alloys, drain-and-replace."""

from __future__ import annotations

import random
from typing import Any

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
        while True:
            made = self._attempt(rng, difficulty)
            if made is not None and made[1] > 0:
                break
        (story, asks), value, metadata = made[0], sp.Rational(made[1]), made[2]
        question = f"{story} {rng.choice(asks)}"
        if not value.is_integer:
            question += " Give an exact answer."
        atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
        return MathItem(question, value, atype, metadata)

    def _attempt(
        self, rng: random.Random, difficulty: int
    ) -> tuple[tuple[str, tuple[str, ...]], Any, dict] | None:
        """((story, possible questions), answer, metadata), or None to draw again."""
        name, place, solute = rng.choice(NAMES), rng.choice(PLACES), rng.choice(SOLUTES)
        if difficulty == 1:
            (v1, p1), (v2, p2) = [(rng.randint(1, 30), rng.randint(1, 60)) for _ in range(2)]
            (value,) = sp.solve(sp.Eq((v1 + v2) * X, v1 * p1 + v2 * p2), X)
            story = (
                f"{name}, working in a lab in {place}, mixes ${v1}$ litres of {solute} solution at ${p1}\\%$ "
                f"with ${v2}$ litres of {solute} solution at ${p2}\\%$."
            )
            asks = (
                f"What is the percentage of {solute} in the mixture?",
                f"What is the concentration of {solute} in the result, in percent?",
                f"Find the percent of {solute} in the combined solution.",
            )
            return (story, asks), value, {"kind": "mix", "parts": [[v1, p1], [v2, p2]]}
        if difficulty == 2:
            v1 = rng.randint(2, 40)
            p1, p2 = rng.sample(range(2, 80), 2)
            if abs(p1 - p2) < 2:
                return None
            target = rng.randint(min(p1, p2) + 1, max(p1, p2) - 1)
            (value,) = sp.solve(sp.Eq(v1 * p1 + X * p2, (v1 + X) * target), X)
            story = f"A tank in {place} holds ${v1}$ litres of {solute} solution at ${p1}\\%$."
            asks = (
                f"How many litres of {solute} solution at ${p2}\\%$ must be added to bring the concentration "
                f"to ${target}\\%$?",
                f"{name} wants a ${target}\\%$ solution. How much solution at ${p2}\\%$, in litres, should "
                "be "
                "poured in?",
                f"What volume, in litres, of a ${p2}\\%$ {solute} solution turns the tank into a "
                f"${target}\\%$ solution?",
            )
            return (
                (story, asks),
                value,
                {"kind": "add", "start": [v1, p1], "added_percent": p2, "target": target},
            )
        if difficulty == 3:
            low, high = sorted(rng.sample(range(2, 90), 2))
            if high - low < 2:
                return None
            target = rng.randint(low + 1, high - 1)
            total = rng.randint(5, 100)
            (value,) = sp.solve(sp.Eq(X * high + (total - X) * low, total * target), X)
            story = (
                f"{name} needs ${total}$ litres of {solute} solution at ${target}\\%$ and has stock "
                "solutions "
                f"at ${low}\\%$ and at ${high}\\%$."
            )
            asks = (
                f"How many litres of the ${high}\\%$ stock should be used?",
                f"How much of the stronger (${high}\\%$) solution goes into the mix, in litres?",
                f"Find the volume of ${high}\\%$ solution, in litres, in the final ${total}$ litres.",
            )
            metadata = {"kind": "two", "low": low, "high": high, "target": target, "total": total}
            return (story, asks), value, metadata
        if difficulty == 4:
            if rng.random() < 0.5:
                (goods, unit) = rng.choice(BLENDS)
                cheap, dear = sorted(rng.sample(range(4, 40), 2))
                if dear - cheap < 2:
                    return None
                blend = rng.randint(cheap + 1, dear - 1)
                amount = rng.randint(2, 50)
                (value,) = sp.solve(sp.Eq(amount * cheap + X * dear, (amount + X) * blend), X)
                story = (
                    f"A shop in {place} blends ${amount}$ {unit} of {goods} costing ${cheap}$ dollars per "
                    f"{unit} "
                    f"with {goods} costing ${dear}$ dollars per {unit}."
                )
                asks = (
                    f"How many {unit} of the dearer {goods} give a blend worth ${blend}$ dollars per {unit}?",
                    f"{name}, the owner, wants the blend to cost ${blend}$ dollars per {unit}. How many "
                    f"{unit} "
                    "of the dearer kind are needed?",
                    f"What amount of the ${dear}$-dollar {goods}, in {unit}, makes a ${blend}$-dollar blend?",
                )
                metadata = {"kind": "price", "cheap": cheap, "dear": dear, "blend": blend, "amount": amount}
                return (story, asks), value, metadata
            purity, grams = rng.randint(20, 70), rng.randint(5, 60)
            target = rng.randint(purity + 1, 95)
            (value,) = sp.solve(sp.Eq(grams * purity + X * 100, (grams + X) * target), X)
            story = (
                f"A jeweller in {place}, {name}, has ${grams}$ grams of an alloy that is ${purity}\\%$ gold."
            )
            asks = (
                f"How many grams of pure gold must be melted in to make an alloy that is ${target}\\%$ gold?",
                f"How much pure gold, in grams, raises the gold content to ${target}\\%$?",
                f"Find the mass of pure gold, in grams, to add for a ${target}\\%$ gold alloy.",
            )
            return (story, asks), value, {"kind": "alloy", "grams": grams, "purity": purity, "target": target}
        volume = rng.randint(5, 50)
        percent = rng.randint(10, 90)
        removed = rng.randint(1, volume - 1)
        fill = 100 if rng.random() < 0.3 else 0
        amount = sp.Rational(volume * percent, 100)
        for _ in range(2):  # drain `removed` litres, then top up with water (or pure concentrate)
            amount = amount * sp.Rational(volume - removed, volume) + sp.Rational(removed * fill, 100)
        value = amount / volume * 100
        liquid = f"pure {solute}" if fill else "water"
        story = (
            f"A ${volume}$-litre container in {place} is full of {solute} solution at ${percent}\\%$. {name} "
            f"drains ${removed}$ litres and refills the container with {liquid}, then does the same a "
            "second time."
        )
        asks = (
            f"What is the percentage of {solute} now?",
            f"What is the final concentration of {solute}, in percent?",
            f"Find the percent of {solute} in the container after the second refill.",
        )
        metadata = {"kind": "replace", "volume": volume, "percent": percent, "removed": removed, "fill": fill}
        return (story, asks), value, metadata
