"""Which problems a run poses: a deterministic, balanced plan from (templates, difficulties, seed).

Index i goes to template i mod T and difficulty (i div T) mod D, so every template gets its share
exactly and each template cycles through the requested difficulties. Content comes from the
template's per-item RNG, so the plan is the same in every process and on every machine.
"""

from __future__ import annotations

from collections.abc import Sequence

from verigen.templates import Template, all_templates, get_template
from verigen.types import Kind, Problem


def resolve_templates(names: Sequence[str], kinds: Sequence[Kind] = ("math",)) -> list[Template]:
    """The named templates, or else every registered template of the given kinds."""
    if names:
        return [get_template(name) for name in dict.fromkeys(names)]
    return [t for t in all_templates() if t.kind in kinds]


def plan_problems(
    templates: Sequence[Template], difficulties: Sequence[int], count: int, seed: int
) -> list[Problem]:
    if not templates:
        raise ValueError("no templates to sample from")
    problems = []
    for index in range(count):
        template = templates[index % len(templates)]
        difficulty = difficulties[(index // len(templates)) % len(difficulties)]
        problems.append(template.sample(seed, index, difficulty))
    return problems
