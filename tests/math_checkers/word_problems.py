"""Checkers for word problems: the story's relations are re-checked with exact fractions."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from verigen.types import Problem

from .common import Checker, frac


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


def _percent(amount: Fraction, change: int) -> Fraction:
    return amount + amount * change / 100


def check_discount_problem(p: Problem, g: Any) -> None:
    meta, value = p.metadata, frac(g)
    kind, discounts = meta["kind"], meta["discounts"]
    if kind == "discount":
        assert value == _percent(Fraction(meta["price"]), -discounts[0])
    elif kind == "discount_tax":
        assert value == _percent(_percent(Fraction(meta["price"]), -discounts[0]), meta["tax"])
    elif kind == "original":
        assert _percent(value, -discounts[0]) == Fraction(meta["sale"])
    elif kind == "successive":
        after = _percent(_percent(Fraction(100), -discounts[0]), -discounts[1])
        assert value == 100 - after  # the reduction from a price of 100
    else:
        cost = Fraction(meta["cost"])
        selling = _percent(_percent(cost, meta["markup"]), -discounts[0])
        assert _percent(cost, value) == selling


def check_interest_problem(p: Problem, g: Any) -> None:
    meta, value = p.metadata, frac(g)
    kind = meta["kind"]
    if kind == "simple_interest":
        assert value == Fraction(meta["principal"] * meta["rate"] * meta["years"], 100)
    elif kind == "simple_rate":
        assert meta["principal"] * value * meta["years"] / 100 == Fraction(meta["interest"])
    elif kind == "simple_time":
        assert meta["principal"] * meta["rate"] * value / 100 == Fraction(meta["interest"])
    else:
        periods = meta.get("per_year", 1)

        def grow(amount: Fraction) -> Fraction:
            for _ in range(periods * meta["years"]):  # one compounding period at a time
                amount += amount * Fraction(meta["rate"], 100 * periods)
            return amount

        if kind == "compound":
            assert value == grow(Fraction(meta["principal"]))
        elif kind == "principal":
            assert grow(value) == Fraction(meta["target"])
        else:
            principal = Fraction(meta["principal"])
            simple = principal * meta["rate"] * meta["years"] / 100
            assert value == grow(principal) - principal - simple


def check_mixture_problem(p: Problem, g: Any) -> None:
    meta, value = p.metadata, frac(g)
    kind = meta["kind"]
    assert value > 0
    if kind == "mix":
        (v1, p1), (v2, p2) = meta["parts"]
        assert value * (v1 + v2) == v1 * p1 + v2 * p2
    elif kind == "add":
        v1, p1 = meta["start"]
        assert v1 * p1 + value * meta["added_percent"] == (v1 + value) * meta["target"]
    elif kind == "two":
        total = meta["total"]
        assert (
            value < total and value * meta["high"] + (total - value) * meta["low"] == total * meta["target"]
        )
    elif kind == "price":
        amount = meta["amount"]
        assert amount * meta["cheap"] + value * meta["dear"] == (amount + value) * meta["blend"]
    elif kind == "alloy":
        grams = meta["grams"]
        assert grams * meta["purity"] + value * 100 == (grams + value) * meta["target"]
    else:
        volume, removed, fill = meta["volume"], meta["removed"], meta["fill"]
        solute = Fraction(volume * meta["percent"], 100)
        for _ in range(2):
            solute -= solute * Fraction(removed, volume)  # drained in proportion
            solute += Fraction(removed * fill, 100)  # topped up
        assert value == solute / volume * 100


def check_motion_problem(p: Problem, g: Any) -> None:
    meta, value = p.metadata, frac(g)
    kind = meta["kind"]
    if kind == "average":
        u, v = meta["speeds"]
        distance = 1  # the distance cancels: average = total distance / total time
        assert value == Fraction(2 * distance) / (Fraction(distance, u) + Fraction(distance, v))
    elif kind == "return_time":
        boat, current, d = meta["boat"], meta["current"], meta["distance"]
        assert value == Fraction(d, boat + current) + Fraction(d, boat - current)
    elif kind == "still_water":
        d = meta["distance"]
        down, up = (Fraction(t) for t in meta["times"])
        assert value == (d / down + d / up) / 2  # (b + c + b - c) / 2
    elif kind == "catch_up":
        slow, fast = meta["speeds"]
        assert fast * value == slow * (value + Fraction(meta["delay"]))
    elif kind == "pipes":
        (f1, f2), drain = meta["fill"], meta["drain"]
        assert value * (Fraction(1, f1) + Fraction(1, f2) - Fraction(1, drain)) == 1
    else:
        metres_per_second = Fraction(sum(meta["speeds"]) * 1000, 3600)
        assert value * metres_per_second == sum(meta["lengths"])


CHECKS: dict[str, Checker] = {
    "discount_problem": check_discount_problem,
    "interest_problem": check_interest_problem,
    "mixture_problem": check_mixture_problem,
    "motion_problem": check_motion_problem,
    "word_problem": check_word_problem,
}
