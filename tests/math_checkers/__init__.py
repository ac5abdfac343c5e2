"""Independent property checkers for the math templates, one module per area.

Each checker takes a sampled problem and its decoded gold answer and re-derives or verifies the
answer by another route than the template's: substitution, brute force, numeric integration or
differentiation, exact arithmetic with `fractions`. `CHECKS` maps template names to checkers.
"""

from __future__ import annotations

from . import (
    algebra,
    arithmetic,
    calculus,
    combinatorics,
    equations,
    functions,
    geometry,
    inequalities,
    number_theory,
    polynomials,
    sequences,
    word_problems,
)
from .common import Checker

MODULES = (
    algebra,
    arithmetic,
    calculus,
    combinatorics,
    equations,
    functions,
    geometry,
    inequalities,
    number_theory,
    polynomials,
    sequences,
    word_problems,
)


def _collect() -> dict[str, Checker]:
    checks: dict[str, Checker] = {}
    for module in MODULES:
        for name, check in module.CHECKS.items():
            if name in checks:
                raise ValueError(f"two checkers for template {name!r}")
            checks[name] = check
    return checks


CHECKS = _collect()
