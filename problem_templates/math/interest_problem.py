"""Simple and compound interest: interest earned, rates, final amounts, principals; exact answers."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, PLACES, decimal
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (simple vs compound, compounding frequency, years, forwards or backwards):
#   1  simple interest earned on P at r% for t years
#   2  simple interest backwards: the rate from P, t and the interest (or the time from P, r, interest)
#   3  compound interest, compounded yearly, for 2-4 years: the final amount
#   4  compounded twice a year (1-2 years) or quarterly (1 year): the final amount
#   5  compound interest backwards: the principal that grows to a given amount, or the extra interest
#      earned by compounding yearly instead of simple interest

BANKS = ("a savings account", "a credit union", "a bond", "a deposit certificate", "a family loan")
X = sp.Symbol("x")


def compound(principal: sp.Rational, rate: sp.Rational, periods_per_year: int, years: int) -> sp.Rational:
    return principal * (1 + rate / 100 / periods_per_year) ** (periods_per_year * years)


@register
class InterestProblem(MathTemplate):
    name = "interest_problem"
    area = "word_problems"
    description = "Simple and compound interest stories: interest, rates, final amounts and principals."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        name, place, bank = rng.choice(NAMES), rng.choice(PLACES), rng.choice(BANKS)
        principal = sp.Integer(rng.randint(2, 400) * rng.choice((10, 25, 50, 100)))
        rate = sp.Integer(rng.randint(1, 12) if difficulty != 4 else rng.choice((2, 4, 6, 8, 10, 12)))
        years = rng.randint(2, 10) if difficulty <= 2 else rng.randint(2, 4)
        p, r = principal, rate
        if difficulty == 1:
            value = principal * rate / 100 * years
            question = rng.choice(
                (
                    f"{name} puts ${p}$ dollars into {bank} in {place} paying ${r}\\%$ simple interest per "
                    f"year. How much interest, in dollars, has been earned after ${years}$ years?",
                    f"A sum of ${p}$ dollars earns simple interest at ${r}\\%$ a year in {bank} in {place}. "
                    f"What is the total interest after ${years}$ years, in dollars?",
                    f"{name} lends ${p}$ dollars to a friend in {place} at ${r}\\%$ simple interest per "
                    "year. "
                    f"How many dollars of interest are owed after ${years}$ years?",
                )
            )
            metadata = {"kind": "simple_interest", "principal": int(p), "rate": int(r), "years": years}
        elif difficulty == 2:
            interest = principal * rate / 100 * years
            shown = decimal(interest)
            if rng.random() < 0.5:
                (value,) = sp.solve(sp.Eq(principal * X / 100 * years, interest), X)
                question = rng.choice(
                    (
                        f"{name} invested ${p}$ dollars in {bank} at simple interest and earned ${shown}$ "
                        f"dollars of interest in ${years}$ years. What was the annual interest rate, in "
                        "percent?",
                        f"In {place}, ${p}$ dollars left in {bank} for ${years}$ years at simple interest "
                        "earned "
                        f"${shown}$ dollars. Find the yearly rate as a percentage.",
                        f"At what annual simple interest rate, in percent, do ${p}$ dollars earn ${shown}$ "
                        f"dollars of interest in ${years}$ years? ({name} wants to know.)",
                    )
                )
                metadata = {
                    "kind": "simple_rate",
                    "principal": int(p),
                    "interest": str(interest),
                    "years": years,
                }
            else:
                (value,) = sp.solve(sp.Eq(principal * rate / 100 * X, interest), X)
                question = rng.choice(
                    (
                        f"How many years does it take ${p}$ dollars in {bank} in {place}, at ${r}\\%$ simple "
                        f"interest per year, to earn ${shown}$ dollars of interest?",
                        f"{name} deposits ${p}$ dollars at ${r}\\%$ simple interest a year. After how many "
                        f"years will the interest reach ${shown}$ dollars?",
                        f"For how many years must ${p}$ dollars stay in {bank} paying ${r}\\%$ simple "
                        "interest "
                        f"to earn ${shown}$ dollars?",
                    )
                )
                metadata = {
                    "kind": "simple_time",
                    "principal": int(p),
                    "interest": str(interest),
                    "rate": int(r),
                }
        elif difficulty in (3, 4):
            per_year = 1 if difficulty == 3 else rng.choice((2, 4))
            if per_year > 1:
                years = rng.randint(1, 4 // per_year)  # at most four compounding periods
            value = compound(principal, rate, per_year, years)
            how = {1: "yearly", 2: "twice a year", 4: "quarterly"}[per_year]
            span = f"${years}$ year{'s' if years > 1 else ''}"
            question = rng.choice(
                (
                    f"{name} deposits ${p}$ dollars in {bank} in {place} that pays ${r}\\%$ interest per "
                    "year, "
                    f"compounded {how}. What is the balance, in dollars, after {span}?",
                    f"{name} invests ${p}$ dollars at an annual rate of ${r}\\%$, compounded {how}. What is "
                    "the "
                    f"investment worth after {span}, in dollars?",
                    f"In {place}, ${p}$ dollars grow at ${r}\\%$ a year with interest compounded {how}. "
                    "Find the "
                    f"amount after {span}.",
                )
            )
            question += " Give the exact amount (do not round to cents)."
            metadata = {
                "kind": "compound",
                "principal": int(p),
                "rate": int(r),
                "per_year": per_year,
                "years": years,
            }
        elif rng.random() < 0.5:
            target = compound(principal, rate, 1, years)
            shown = decimal(target)
            (value,) = sp.solve(sp.Eq(compound(X, rate, 1, years), target), X)
            question = rng.choice(
                (
                    f"How much must {name} deposit today in {bank} paying ${r}\\%$ per year, compounded "
                    "yearly, "
                    f"to have exactly ${shown}$ dollars after ${years}$ years?",
                    f"A deposit in {bank} in {place} grows at ${r}\\%$ a year, compounded yearly, to "
                    f"${shown}$ "
                    f"dollars in ${years}$ years. What was the deposit?",
                    f"{name} wants ${shown}$ dollars in ${years}$ years from an account paying ${r}\\%$ "
                    "compounded yearly. What principal is needed?",
                )
            )
            metadata = {"kind": "principal", "target": str(target), "rate": int(r), "years": years}
        else:
            value = compound(principal, rate, 1, years) - principal * (1 + rate / 100 * years)
            question = rng.choice(
                (
                    f"{name} compares two ways to invest ${p}$ dollars for ${years}$ years at ${r}\\%$ per "
                    "year: simple interest, or interest compounded yearly. How many more dollars does "
                    "compounding earn?",
                    f"In {place}, ${p}$ dollars are invested for ${years}$ years at ${r}\\%$ a year. How "
                    "much "
                    "more interest, in dollars, does yearly compounding give than simple interest?",
                    f"What is the difference, in dollars, between compound interest (compounded yearly) and "
                    f"simple interest on ${p}$ dollars at ${r}\\%$ a year over ${years}$ years?",
                )
            )
            question += " Give the exact amount."
            metadata = {"kind": "difference", "principal": int(p), "rate": int(r), "years": years}
        value = sp.Rational(value)
        atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
        return MathItem(question, value, atype, metadata)
