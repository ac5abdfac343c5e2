"""Orchestration of `verigen generate`: the store, the teacher (embedded or remote), the pools.

The run's settings are recorded in the store's manifest. Resuming reuses them; a resumed run
that asks for different content is refused rather than silently mixing two runs.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from verigen import __version__
from verigen.config import CONTENT_KEYS, GenerateConfig, build_config
from verigen.errors import ConfigError
from verigen.pipeline import Progress, sample_and_verify
from verigen.plan import plan_problems
from verigen.store import RunStore
from verigen.teacher.client import Teacher, TeacherConfig
from verigen.templates import get_template
from verigen.verifiers import Verifiers


@dataclass(frozen=True)
class Endpoint:
    base_url: str
    model: str
    identity: str  # what the cache keys on: stable across restarts of the embedded server
    embedded: bool = False


@dataclass(frozen=True)
class GenerateSummary:
    run_dir: Path
    problems: int
    new_attempts: int
    attempts: int
    verdicts: dict[str, int]
    teacher: dict[str, int]
    model: str
    strata: list[tuple[str, int, int, int, int]]


def resolve_config(run_dir: Path, given: dict[str, Any], resume: bool) -> GenerateConfig:
    """Merge the stored manifest (when resuming) with the settings given now."""
    store_path = run_dir / "run.sqlite"
    if not store_path.exists():
        return build_config(given)
    with RunStore(run_dir, create=False) as store:
        manifest = store.get_manifest()
    if not manifest:
        return build_config(given)
    if not resume:
        raise ConfigError(f"{run_dir} already holds a run; pass --resume to continue it")
    stored = manifest["config"]
    for key in CONTENT_KEYS:
        if key in given and given[key] != stored.get(key):
            raise ConfigError(
                f"--resume with a different {key!r} ({given[key]!r}, the run has {stored.get(key)!r})"
            )
    return build_config({**stored, **given})


@contextlib.contextmanager
def open_endpoint(config: GenerateConfig) -> Iterator[Endpoint]:
    if config.base_url:
        if not config.model:
            raise ConfigError("--model is required with --base-url")
        # The cache identity is the endpoint without credentials, as the manifest records it, so
        # a resumed run (which reads the manifest) hits the same cache entries.
        yield Endpoint(config.base_url, config.model, redact_url(config.base_url) or "")
        return
    from verigen.teacher.embedded import EmbeddedTeacher

    with EmbeddedTeacher() as embedded:
        yield Endpoint(embedded.base_url, embedded.model, embedded.endpoint_identity, embedded=True)


def redact_url(url: str | None) -> str | None:
    """The endpoint without credentials a user may have put in it (user:password@, ?key=)."""
    if not url:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def teacher_config_for(config: GenerateConfig, endpoint: Endpoint) -> TeacherConfig:
    # The embedded server answers one request at a time and the client's timeout counts the time
    # queued there: keep its queue short and its timeout long.
    return TeacherConfig(
        base_url=endpoint.base_url,
        model=endpoint.model,
        endpoint_identity=endpoint.identity,
        api_key_env=config.api_key_env,
        temperature=config.temperature,
        top_p=config.top_p,
        max_tokens=config.max_tokens,
        concurrency=min(config.concurrency, 2) if endpoint.embedded else config.concurrency,
        max_retries=config.max_retries,
        timeout=max(config.request_timeout, 600.0) if endpoint.embedded else config.request_timeout,
        seed=config.seed,
    )


def generate(
    run_dir: Path,
    config: GenerateConfig,
    on_progress: Callable[[Progress], Any] | None = None,
) -> GenerateSummary:
    requested = config.requested_counts()
    problems = plan_problems(requested, config.seed)
    keys = {(p.id, k) for p in problems for k in range(config.samples)}
    with RunStore(run_dir) as store:
        store.add_problems(problems)
        todo = len(keys - store.done_keys())
        endpoint_cm = open_endpoint(config) if todo else contextlib.nullcontext(None)
        with (
            endpoint_cm as endpoint,
            Verifiers(math_deadline=config.math_deadline, workers=config.workers) as verifiers,
        ):
            model = endpoint.model if endpoint else store.get_manifest().get("teacher_model", "")
            store.set_manifest(
                {
                    "config": {**config.model_dump(), "base_url": redact_url(config.base_url)},
                    "verigen_version": __version__,
                    "teacher_model": model,
                    "templates": {name: get_template(name).version for name, _ in requested},
                    "requested": [[name, level, n] for (name, level), n in requested.items()],
                }
            )
            stats: dict[str, int] = {}
            progress = Progress(total=0)
            if endpoint is not None:
                teacher = Teacher(teacher_config_for(config, endpoint), cache=store)

                async def go() -> Progress:
                    async with teacher:
                        return await sample_and_verify(
                            problems, config.samples, config.seed, config.system_prompt,
                            store, teacher, verifiers, on_progress,
                        )  # fmt: skip

                progress = asyncio.run(go())
                stats = teacher.stats.as_dict()
        return GenerateSummary(
            run_dir=run_dir,
            problems=len(problems),
            new_attempts=progress.done,
            attempts=store.count_attempts(),
            verdicts=store.status_counts(),
            teacher=stats,
            model=model,
            strata=strata_table(requested, store.stratum_counts()),
        )


def strata_table(
    requested: dict[tuple[str, int], int], produced: dict[tuple[str, int], tuple[int, int]]
) -> list[tuple[str, int, int, int, int]]:
    """(template, difficulty, requested, produced problems, problems with a pass) per stratum."""
    return [
        (name, level, n, *produced.get((name, level), (0, 0)))
        for (name, level), n in sorted(requested.items())
        if n
    ]
