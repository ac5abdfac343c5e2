"""Contract for code templates: determinism, prompt shape, JSON round trip, and, in the real
sandbox, that the reference passes while every listed wrong variant fails."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

import pytest

from verigen.code.engine import engine_problem
from verigen.code.spec import CodeSpec
from verigen.code.template import CodeTemplate, run_reference
from verigen.templates import DIFFICULTIES, all_templates
from verigen.types import Problem, Status

CODE_TEMPLATES = [t for t in all_templates() if isinstance(t, CodeTemplate)]
AREAS = {"strings", "lists", "hashing", "sorting", "math", "dp", "graphs", "parsing"}
IDS = [t.name for t in CODE_TEMPLATES]


def fenced(code: str) -> str:
    return f"Here is my solution.\n\n```python\n{code.strip()}\n```\n"


def test_enough_templates_both_styles_all_areas() -> None:
    assert len(CODE_TEMPLATES) >= 26
    assert {t.style for t in CODE_TEMPLATES} == {"call", "stdio"}
    assert sum(t.style == "stdio" for t in CODE_TEMPLATES) >= 8
    per_area = Counter(t.area for t in CODE_TEMPLATES)
    assert set(per_area) == AREAS and min(per_area.values()) >= 3, per_area


def _kinds(value: object) -> set[str]:
    """Type names in a value, with 'outer of inner' for what containers directly hold."""
    kind = type(value).__name__
    items = list(value.values()) if type(value) is dict else value if type(value) in (list, tuple) else []
    inner = {type(v).__name__ for v in items}
    return {kind, *(f"{kind} of {k}" for k in inner), *set().union(*(_kinds(v) for v in items))}


def test_results_cover_every_kind_of_value() -> None:
    """Across the library, call-style answers include scalars, strings, containers and nesting."""
    kinds: set[str] = set()
    for template in CODE_TEMPLATES:
        if template.style == "call":
            for case in CodeSpec.from_answer(template.sample(0, 0, 2).answer).tests:
                kinds |= _kinds(case.expected)
    assert {"int", "bool", "str", "float", "list", "tuple", "dict", "NoneType"} <= kinds
    assert {"list of float", "list of list", "list of str", "tuple of int", "dict of int"} <= kinds
    assert any(t.compare.unordered for t in CODE_TEMPLATES)
    assert any(t.compare.rel_tol > 1e-9 for t in CODE_TEMPLATES if t.style == "call")
    assert any(t.compare.rel_tol > 1e-9 for t in CODE_TEMPLATES if t.style == "stdio")


@pytest.mark.parametrize("template", CODE_TEMPLATES, ids=IDS)
def test_sample_is_deterministic_and_round_trips(template: CodeTemplate) -> None:
    for difficulty in DIFFICULTIES:
        first, again = template.sample(11, 3, difficulty), template.sample(11, 3, difficulty)
        assert first == again
        assert Problem.from_json(json.loads(json.dumps(first.to_json()))) == first
        spec = CodeSpec.from_answer(first.answer)
        assert spec.style == template.style and len(spec.tests) >= 5
        assert "```python" in first.prompt and first.prompt.count("Example") >= 1
    assert template.sample(11, 3, 3).answer != template.sample(11, 4, 3).answer


def test_samples_identical_across_processes() -> None:
    script = (
        "import json; from verigen.templates import all_templates;"
        "print(json.dumps([t.sample(5, 1, 4).to_json() for t in all_templates() if t.kind == 'code']))"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
        ).stdout
        for env in ({**os.environ, "PYTHONHASHSEED": "1"}, {**os.environ, "PYTHONHASHSEED": "2"})
    ]
    assert runs[0] == runs[1]


@pytest.mark.parametrize("template", CODE_TEMPLATES, ids=IDS)
def test_expected_outputs_come_from_the_reference(template: CodeTemplate) -> None:
    problem = template.sample(2, 0, 2)
    spec = CodeSpec.from_answer(problem.answer)
    inputs = [case.input for case in spec.tests]
    assert run_reference(template.reference, template.style, template.entry_point, inputs) == [
        case.expected for case in spec.tests
    ]
    assert len(template.wrong_variants) >= 3


@pytest.fixture(scope="module")
def verifier():
    problem = engine_problem()
    if problem:
        if os.environ.get("VERIGEN_ALLOW_NO_DOCKER") == "1":
            pytest.skip(problem)
        pytest.fail(f"{problem} (set VERIGEN_ALLOW_NO_DOCKER=1 to skip Docker tests)")
    from verigen.code import CodeVerifier

    with CodeVerifier() as verifier:
        yield verifier


@pytest.mark.docker
@pytest.mark.parametrize("template", CODE_TEMPLATES, ids=IDS)
def test_reference_passes_and_wrong_variants_fail_in_sandbox(template: CodeTemplate, verifier) -> None:
    problems = [template.sample(seed, 0, difficulty) for seed in (1, 2) for difficulty in (1, 3, 5)]
    items = [(p, fenced(template.reference)) for p in problems]
    items += [(p, fenced(wrong)) for p in problems for wrong in template.wrong_variants]
    verdicts = verifier.verify_batch(items)
    for (problem, _), verdict in zip(items[: len(problems)], verdicts, strict=False):
        assert verdict.status is Status.PASS, (problem.difficulty, verdict.detail)
    for index, verdict in enumerate(verdicts[len(problems) :]):
        problem = problems[index // len(template.wrong_variants)]
        variant = index % len(template.wrong_variants)
        assert verdict.status is not Status.PASS, (problem.difficulty, problem.seed, variant)
        assert verdict.status is not Status.INFRA_ERROR, verdict.detail
