"""Hardened sandbox containers: their configuration, the runner attached to each, and leftovers.

Every item of the design's container list is set here and nowhere else, so `sandbox_check` can
inspect a live container against the same numbers. Containers carry labels naming their owner
process; a start-up sweep removes those whose owner is gone, and an atexit hook removes ours.
Even after kill -9 of the host process nothing lingers: the runner sees EOF on its exec stream
and exits, the holder notices and exits, and the container (auto-remove) disappears.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import socket
import threading
from dataclasses import dataclass
from typing import Any

from verigen.errors import SandboxError

LABEL = "verigen.sandbox"
OWNER_LABEL = "verigen.owner"
RUNNER_CMD = ["python3", "-I", "/opt/verigen/runner.py", "--serve"]
JOB_USER = "61000:61000"
HOLDER_USER = "61001:61001"
ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "HOME": "/tmp",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONHASHSEED": "0",
}


@dataclass(frozen=True)
class ContainerLimits:
    """Per-container ceilings (per-job limits such as the deadline travel with each job)."""

    memory_mb: int = 1024
    cpus: float = 1.0
    pids: int = 128
    tmpfs_mb: int = 64
    shm_mb: int = 16
    nofile: int = 256
    fsize_mb: int = 64
    cpu_seconds: int = 36000  # lifetime CPU of any one process; jobs get a tight RLIMIT_CPU each
    log_max: str = "1m"


def _start_ticks(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return "?"


def owner_id(pid: int | None = None) -> str:
    """host/pid/start-time of a process: unique even when pids are reused."""
    pid = os.getpid() if pid is None else pid
    return f"{socket.gethostname()}/{pid}/{_start_ticks(pid)}"


def container_config(image: str, limits: ContainerLimits) -> dict[str, Any]:
    """Keyword arguments for `client.containers.create` with every hardening item."""
    from docker.types import LogConfig, Ulimit

    mib = 1 << 20
    return {
        "image": image,
        "command": ["python3", "-I", "/opt/verigen/runner.py", "--hold"],
        "user": HOLDER_USER,
        "labels": {LABEL: "python", OWNER_LABEL: owner_id()},
        "detach": True,
        "auto_remove": True,
        "init": True,
        "network_mode": "none",
        "read_only": True,
        "tmpfs": {"/tmp": f"rw,nosuid,nodev,noexec,size={limits.tmpfs_mb}m,mode=1777"},
        "shm_size": f"{limits.shm_mb}m",
        "pids_limit": limits.pids,
        "mem_limit": f"{limits.memory_mb}m",
        "memswap_limit": f"{limits.memory_mb}m",
        "nano_cpus": int(limits.cpus * 1e9),
        "cap_drop": ["ALL"],
        "security_opt": ["no-new-privileges"],
        "privileged": False,
        "ulimits": [
            Ulimit(name="nofile", soft=limits.nofile, hard=limits.nofile),
            Ulimit(name="fsize", soft=limits.fsize_mb * mib, hard=limits.fsize_mb * mib),
            Ulimit(name="core", soft=0, hard=0),
            Ulimit(name="cpu", soft=limits.cpu_seconds, hard=limits.cpu_seconds),
        ],
        "log_config": LogConfig(type="json-file", config={"max-size": limits.log_max, "max-file": "1"}),
        "environment": dict(ENV),
        "working_dir": "/tmp",
        "hostname": "sandbox",
        "stdin_open": False,
        "tty": False,
    }


_live: dict[str, Any] = {}
_live_lock = threading.Lock()


def remove_quietly(container: Any) -> None:
    """Kill and remove a container; a container that is already gone is fine."""
    import docker.errors

    with _live_lock:
        _live.pop(container.id, None)
    with contextlib.suppress(docker.errors.APIError):
        container.remove(force=True)


def create_container(client: Any, image: str, limits: ContainerLimits) -> Any:
    import docker.errors

    try:
        container = client.containers.run(**container_config(image, limits))
    except docker.errors.ImageNotFound:
        raise SandboxError(f"sandbox image {image} is missing: run `verigen sandbox build`") from None
    except docker.errors.APIError as exc:
        raise SandboxError(f"cannot start a sandbox container: {exc.explanation or exc}") from None
    with _live_lock:
        _live[container.id] = container
    return container


def exec_runner(client: Any, container: Any) -> Any:
    """Start the runner in the container; return the raw two-way socket of its stdio."""
    exec_id = client.api.exec_create(
        container.id, RUNNER_CMD, stdin=True, stdout=True, stderr=True, user=JOB_USER, environment=ENV
    )["Id"]
    sock = client.api.exec_start(exec_id, socket=True)
    return getattr(sock, "_sock", sock)


def _owner_alive(owner: str) -> bool:
    host, _, rest = owner.partition("/")
    pid_text, _, ticks = rest.partition("/")
    if host != socket.gethostname():
        return True  # another machine's container (shared engine): not ours to judge
    if not pid_text.isdigit():
        return False
    return _start_ticks(int(pid_text)) == ticks


def sweep_leftovers(client: Any) -> int:
    """Remove sandbox containers whose owning process is gone; return how many were removed."""
    removed = 0
    for container in client.containers.list(all=True, filters={"label": LABEL}):
        if not _owner_alive(container.labels.get(OWNER_LABEL, "")):
            remove_quietly(container)
            removed += 1
    return removed


def our_containers(client: Any) -> list[Any]:
    """Sandbox containers owned by this process (for tests and the self-check)."""
    return client.containers.list(all=True, filters={"label": f"{OWNER_LABEL}={owner_id()}"})


@atexit.register
def _remove_all_at_exit() -> None:
    with _live_lock:
        containers = list(_live.values())
    for container in containers:
        remove_quietly(container)
