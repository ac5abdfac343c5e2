"""Connection to the Docker engine, with one-line errors instead of SDK tracebacks."""

from __future__ import annotations

import functools
from typing import Any

from verigen.errors import SandboxError


@functools.cache
def docker_client() -> Any:
    """Return a connected `docker.DockerClient` (cached), or raise SandboxError saying what is missing."""
    try:
        import docker
    except ImportError:
        raise SandboxError("the `docker` Python package is missing: pip install 'verigen[code]'") from None
    try:
        client = docker.from_env(timeout=120)
        client.ping()
    except Exception as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise SandboxError(
            f"no Docker engine answers ({first}); run scripts/ensure_docker.sh or start dockerd"
        ) from None
    return client


def engine_problem() -> str | None:
    """None when a Docker engine answers, else a one-line reason; never raises."""
    try:
        docker_client()
    except SandboxError as exc:
        return str(exc)
    return None
