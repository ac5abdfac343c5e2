"""One validated configuration object for `verigen generate`, loadable from TOML.

Unknown keys are errors (a typo must not silently fall back to a default), reported as one line
naming the key.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from verigen.errors import ConfigError
from verigen.templates import DIFFICULTIES, get_template

# Settings that decide what a run produces. A resumed run must agree on all of them.
CONTENT_KEYS = (
    "count",
    "samples",
    "seed",
    "templates",
    "kinds",
    "difficulties",
    "model",
    "system_prompt",
    "temperature",
    "top_p",
    "max_tokens",
)


class MixEntry(BaseModel):
    """A share of the problem set: one template or one area, with a weight and difficulties."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    template: str | None = None
    area: str | None = None
    weight: float = Field(1.0, gt=0)
    difficulties: list[int] | None = None

    @model_validator(mode="after")
    def _one_target(self) -> MixEntry:
        if (self.template is None) == (self.area is None):
            raise ValueError("each mix entry names exactly one of 'template' or 'area'")
        if self.template is not None:
            get_template(self.template)
        if self.difficulties is not None and (
            not self.difficulties or any(d not in DIFFICULTIES for d in self.difficulties)
        ):
            raise ValueError("difficulties must be a non-empty list of values 1-5")
        return self


class GenerateConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    count: int = Field(10, ge=1, description="number of problems")
    samples: int = Field(2, ge=1, le=64, description="teacher samples per problem")
    seed: int = Field(0, ge=0, description="seed of the problem set and of the teacher's sampling")
    templates: list[str] = Field(default_factory=list, description="template names; empty = all of `kinds`")
    kinds: list[Literal["math", "code"]] = Field(
        default_factory=lambda: ["math"], description="kinds of template used when none are named"
    )
    difficulties: list[int] = Field(default_factory=lambda: list(DIFFICULTIES))
    mix: list[MixEntry] = Field(default_factory=list, description="weights per template or area")
    base_url: str | None = Field(None, description="OpenAI-compatible endpoint; none = embedded model")
    model: str | None = Field(None, description="model name at the endpoint")
    system_prompt: str | None = Field(None, description="system message sent before each problem")
    api_key_env: str = Field("OPENAI_API_KEY", description="environment variable holding the API key")
    temperature: float = Field(0.7, ge=0.0, le=2.0)
    top_p: float = Field(1.0, gt=0.0, le=1.0)
    max_tokens: int = Field(512, ge=16)
    concurrency: int = Field(4, ge=1, le=1024, description="teacher requests in flight")
    request_timeout: float = Field(120.0, gt=0)
    max_retries: int = Field(6, ge=0)
    math_deadline: float = Field(5.0, gt=0, description="seconds per math verification")
    workers: int | None = Field(None, ge=1, description="verifier processes; none = all cores")

    @field_validator("templates")
    @classmethod
    def _known_templates(cls, names: list[str]) -> list[str]:
        for name in names:
            get_template(name)  # raises UnknownTemplateError naming it
        return names

    @field_validator("difficulties")
    @classmethod
    def _valid_difficulties(cls, values: list[int]) -> list[int]:
        if not values or any(v not in DIFFICULTIES for v in values):
            raise ValueError("difficulties must be a non-empty list of values 1-5")
        return sorted(set(values))

    def requested_counts(self) -> dict[tuple[str, int], int]:
        """Problems per (template, difficulty): what the plan must meet exactly."""
        from fractions import Fraction

        from verigen.plan import MixPart, apportion, resolve_templates, stratum_weights

        parts = [
            MixPart(
                e.template,
                e.area,
                Fraction(e.weight).limit_denominator(10**6),
                tuple(e.difficulties) if e.difficulties else None,
            )
            for e in self.mix
        ]
        defaults = [] if parts else resolve_templates(self.templates, self.kinds)
        return apportion(stratum_weights(parts, defaults, self.difficulties), self.count, self.seed)

    def content(self) -> dict[str, Any]:
        data = self.model_dump()
        return {key: data[key] for key in CONTENT_KEYS}


def build_config(values: dict[str, Any]) -> GenerateConfig:
    """Validate settings; the first problem becomes a one-line ConfigError naming the key."""
    try:
        return GenerateConfig(**values)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(part) for part in err["loc"]) or "config"
        if err["type"] == "extra_forbidden":
            raise ConfigError(f"unknown config key {where!r}") from None
        message = str(err["msg"]).removeprefix("Value error, ")
        raise ConfigError(f"bad value for {where!r}: {message}") from None


TABLES = ("generate", "curate")


def load_config_file(path: Path, table: str = "generate") -> dict[str, Any]:
    """Read one table of a TOML config file: [generate] (whose keys may also sit at the top level)
    or [curate]. A file may hold both tables."""
    try:
        data = tomllib.loads(path.read_text())
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    tables = {name: data.pop(name) for name in TABLES if isinstance(data.get(name), dict)}
    if "generate" in tables and data:
        raise ConfigError(f"unknown config key {next(iter(data))!r} beside [generate]")
    tables.setdefault("generate", data)
    return tables.get(table, {})
