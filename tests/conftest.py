"""Shared pytest fixtures. Add new fixtures in their own section below."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from verigen.errors import TeacherError
from verigen.teacher.embedded import EmbeddedTeacher, check_server_installed, find_model_path

# -- embedded teacher (real llama.cpp server with SmolLM2) ------------------------------------------


@pytest.fixture(scope="session")
def embedded_teacher() -> Iterator[EmbeddedTeacher]:
    """One real llama.cpp server for the whole session; skipped when the `local` extra is missing."""
    try:
        check_server_installed()
        find_model_path()
    except TeacherError as exc:
        if os.environ.get("CI"):  # CI installs the local extra: a missing model there is a failure
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    with EmbeddedTeacher() as server:
        yield server
