"""Which problems a run poses: exact counts per stratum, reproducible from the seed.

A stratum is a (template, difficulty) pair. The mix (entries naming a template or an area, each
with a weight and optionally its own difficulties) gives every stratum a share of the weight;
`count` is split over the strata by the largest-remainder method, so the counts are whole numbers
that add up to `count` exactly. The problems are then interleaved in an order drawn from a hash of
the seed, and problem i is `template.sample(seed, i, difficulty)`: the same plan in every process
and on every machine.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from verigen.errors import ConfigError
from verigen.templates import Template, all_templates, get_template
from verigen.types import Kind, Problem


@dataclass(frozen=True)
class MixPart:
    """One line of a mix: a template or an area, its weight, and its difficulties."""

    template: str | None = None
    area: str | None = None
    weight: Fraction = Fraction(1)
    difficulties: tuple[int, ...] | None = None


Stratum = tuple[str, int]  # (template name, difficulty)
PARALLEL_FROM = 400  # below this, starting a pool costs more than it saves
CHUNK = 50


def resolve_templates(names: Sequence[str], kinds: Sequence[Kind] = ("math",)) -> list[Template]:
    """The named templates, or else every registered template of the given kinds."""
    if names:
        return [get_template(name) for name in dict.fromkeys(names)]
    return [t for t in all_templates() if t.kind in kinds]


def stratum_weights(
    parts: Sequence[MixPart], default_templates: Sequence[Template], difficulties: Sequence[int]
) -> dict[Stratum, Fraction]:
    """Weight per stratum. Without parts, every default template weighs the same."""
    if not parts:
        parts = [MixPart(template=t.name) for t in default_templates]
    weights: dict[Stratum, Fraction] = {}
    for part in parts:
        if part.template is not None:
            members = [get_template(part.template)]
        else:
            members = [t for t in all_templates() if t.area == part.area]
            if not members:
                known = sorted({t.area for t in all_templates()})
                raise ConfigError(f"no template has area {part.area!r} (areas: {', '.join(known)})")
        levels = part.difficulties or tuple(difficulties)
        share = Fraction(part.weight) / (len(members) * len(levels))
        for template in members:
            for level in levels:
                key = (template.name, level)
                weights[key] = weights.get(key, Fraction(0)) + share
    return weights


def _largest_remainder(weights: dict[Any, Fraction], count: int, seed: int) -> dict[Any, int]:
    """Whole counts proportional to the weights that sum to `count` exactly. Ties for the last
    units go by a hash of (seed, key), so no key is favoured for its name or its dict position."""
    total = sum(weights.values())
    if total <= 0:
        raise ConfigError("the mix has no positive weight")
    quotas = {key: w * count / total for key, w in weights.items()}
    counts = {key: int(q) for key, q in quotas.items()}
    left = count - sum(counts.values())

    def tie_break(key: Any) -> tuple[Fraction, bytes]:
        return (-(quotas[key] - counts[key]), hashlib.sha256(f"{seed}\x1f{key}".encode()).digest())

    for key in sorted(quotas, key=tie_break)[:left]:
        counts[key] += 1
    return counts


def apportion(weights: dict[Stratum, Fraction], count: int, seed: int = 0) -> dict[Stratum, int]:
    """Counts per stratum: first over templates, then each template's over its difficulties, so a
    small run still spreads over templates instead of over the strata of a few."""
    per_template: dict[str, Fraction] = {}
    for (name, _), weight in weights.items():
        per_template[name] = per_template.get(name, Fraction(0)) + weight
    template_counts = _largest_remainder(per_template, count, seed)
    counts: dict[Stratum, int] = {}
    for name, n in template_counts.items():
        levels = {s: w for s, w in weights.items() if s[0] == name}
        counts.update(_largest_remainder(levels, n, seed))
    return dict(sorted(counts.items()))


def _order_key(seed: int, stratum: Stratum, k: int) -> bytes:
    return hashlib.sha256(f"verigen-plan\x1f{seed}\x1f{stratum[0]}\x1f{stratum[1]}\x1f{k}".encode()).digest()


def _sample_chunk(jobs: list[tuple[str, int, int, int]]) -> list[Problem]:
    return [get_template(name).sample(seed, index, level) for name, seed, index, level in jobs]


def plan_problems(counts: dict[Stratum, int], seed: int, workers: int | None = None) -> list[Problem]:
    """Problems meeting `counts` exactly, interleaved in a seed-determined order. Large plans are
    sampled on a process pool (each item has its own RNG, so the result is the same)."""
    slots = [(stratum, k) for stratum, n in counts.items() for k in range(n)]
    slots.sort(key=lambda slot: _order_key(seed, *slot))
    jobs = [(name, seed, index, level) for index, ((name, level), _) in enumerate(slots)]
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) < PARALLEL_FROM:
        return _sample_chunk(jobs)
    chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    # Fork-started workers inherit templates loaded from --templates-dir, which spawn would lose.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return [p for chunk in pool.map(_sample_chunk, chunks) for p in chunk]
