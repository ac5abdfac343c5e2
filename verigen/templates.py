"""The template contract and the registry that finds templates by name.

A template is one file under problem_templates/math or problem_templates/code that defines a
subclass of MathTemplate or CodeTemplate and decorates it with @register. Sampling is
deterministic: each item gets its own RNG seeded from a hash of (template, version, seed, index,
difficulty), never from `seed + index` (that scheme makes neighbouring seeds share items).
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import pkgutil
import random
import sys
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from verigen.errors import TemplateError, UnknownTemplateError, VerigenError
from verigen.math.gold import AnswerType, MathGold
from verigen.types import Kind, Problem, problem_id

DIFFICULTIES = (1, 2, 3, 4, 5)

MATH_INSTRUCTION = "Solve the problem step by step, then give the final answer in \\boxed{}."


def item_rng(template: str, version: int, seed: int, index: int, difficulty: int) -> random.Random:
    key = f"{template}\x1f{version}\x1f{seed}\x1f{index}\x1f{difficulty}".encode()
    return random.Random(int.from_bytes(hashlib.sha256(key).digest()[:16], "big"))


@dataclass(frozen=True)
class MathItem:
    """What a math template returns: the question text and its structured gold answer."""

    question: str
    answer: Any  # a sympy object, computed, never typed by hand
    answer_type: AnswerType
    metadata: dict[str, Any] | None = None


class Template(ABC):
    """Base for all templates. Subclasses set the class attributes and implement `build`."""

    name: ClassVar[str]
    version: ClassVar[int] = 1
    kind: ClassVar[Kind]
    area: ClassVar[str]
    description: ClassVar[str]
    # Set when the template has fewer distinct prompts than a diversity check draws (10,000),
    # saying where the space is small, so that repeats are expected rather than a defect.
    small_space: ClassVar[str | None] = None

    def sample(self, seed: int, index: int, difficulty: int) -> Problem:
        if difficulty not in DIFFICULTIES:
            raise VerigenError(f"difficulty must be 1-5, got {difficulty}")
        rng = item_rng(self.name, self.version, seed, index, difficulty)
        try:
            prompt, answer, metadata = self._make(rng, difficulty)
        except Exception as exc:
            raise TemplateError(
                f"template {self.name!r} failed at seed {seed}, index {index}, difficulty {difficulty}:"
                f" {type(exc).__name__}: {exc}"
            ) from exc
        return Problem(
            id=problem_id(self.name, self.version, seed, index, difficulty),
            template=self.name,
            template_version=self.version,
            kind=self.kind,
            seed=seed,
            index=index,
            difficulty=difficulty,
            prompt=prompt,
            answer=answer,
            metadata=metadata,
        )

    @abstractmethod
    def _make(self, rng: random.Random, difficulty: int) -> tuple[str, dict[str, Any], dict[str, Any]]:
        """Return (prompt, answer JSON, metadata JSON)."""

    def info(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "area": self.area,
            "description": self.description,
            "version": self.version,
            "difficulties": list(DIFFICULTIES),
        }


class MathTemplate(Template):
    kind: ClassVar[Kind] = "math"

    @abstractmethod
    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        """Make one problem. Use only `rng` for randomness; compute the answer with sympy."""

    def _make(self, rng: random.Random, difficulty: int) -> tuple[str, dict[str, Any], dict[str, Any]]:
        item = self.generate(rng, difficulty)
        gold = MathGold(item.answer_type, item.answer)
        prompt = f"{item.question.strip()}\n\n{MATH_INSTRUCTION}"
        return prompt, gold.to_json(), dict(item.metadata or {})


_REGISTRY: dict[str, Template] = {}
_builtins_loaded = False


def register(cls: type[Template]) -> type[Template]:
    """Class decorator: add a template to the registry (built-ins and user templates alike)."""
    name = cls.name
    existing = _REGISTRY.get(name)
    if existing is not None and type(existing).__qualname__ != cls.__qualname__:
        raise VerigenError(f"two templates are named {name!r}")
    _REGISTRY[name] = cls()
    return cls


def _load_builtins() -> None:
    global _builtins_loaded
    if _builtins_loaded:
        return
    _builtins_loaded = True
    for package_name in ("problem_templates.math", "problem_templates.code"):
        package = importlib.import_module(package_name)
        for module in pkgutil.iter_modules(package.__path__):
            if not module.name.startswith("_"):
                importlib.import_module(f"{package_name}.{module.name}")


def load_templates_dir(directory: Path) -> list[str]:
    """Import every `*.py` file in a user's folder; return the names of templates it added."""
    if not directory.is_dir():
        raise VerigenError(f"templates directory not found: {directory}")
    _load_builtins()
    before = set(_REGISTRY)
    for path in sorted(directory.glob("*.py")):
        if path.name.startswith("_"):
            continue
        module_name = f"verigen_user_templates.{path.stem}"
        spec = importlib.util.spec_from_file_location(module_name, path)
        if spec is None or spec.loader is None:
            raise VerigenError(f"cannot load template file {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as exc:
            raise VerigenError(f"template file {path} failed to load: {exc}") from exc
    return sorted(set(_REGISTRY) - before)


def all_templates() -> list[Template]:
    _load_builtins()
    return [_REGISTRY[name] for name in sorted(_REGISTRY)]


def get_template(name: str) -> Template:
    _load_builtins()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise UnknownTemplateError(f"unknown template {name!r} (known: {known})") from None
