"""Return a pooled container to the state of a fresh one after each job (stdlib only).

The runner calls `sweep()` after every job and answers `clean: false` (then exits, so the host
recycles the container) whenever it cannot show that no job process survives, no file is left in
a writable place, no System V IPC object exists and its own limits were not tampered with.
"""

import contextlib
import os
import resource
import shutil
import signal
import time

WRITABLE = ("/tmp", "/dev/shm", "/dev/mqueue")
WATCHED_LIMITS = (
    resource.RLIMIT_AS,
    resource.RLIMIT_CPU,
    resource.RLIMIT_FSIZE,
    resource.RLIMIT_NOFILE,
    resource.RLIMIT_NPROC,
    resource.RLIMIT_STACK,
    resource.RLIMIT_CORE,
)


def own_state():
    """What a job could change about the runner itself (same uid): limits, niceness, CPU set."""
    limits = tuple(resource.getrlimit(res) for res in WATCHED_LIMITS)
    return limits, os.getpriority(os.PRIO_PROCESS, 0), frozenset(os.sched_getaffinity(0))


def kill_all(timeout=2.0):
    """SIGKILL every process this uid can signal in the container, then reap until none is left.

    kill(-1) is one kernel pass that a fork bomb cannot outrun; the runner is a child subreaper,
    so orphans come back to it and ECHILD proves that every descendant is gone.
    """
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(OSError):
            os.kill(-1, signal.SIGKILL)
        try:
            while os.waitpid(-1, os.WNOHANG)[0]:
                pass
        except ChildProcessError:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.001)


def strays():
    """PIDs in the container that run as our uid, other than ourselves."""
    me, uid, found = os.getpid(), os.getuid(), []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == me:
            continue
        try:
            with open(f"/proc/{name}/status") as handle:
                fields = dict(line.split(":", 1) for line in handle if ":" in line)
        except OSError:
            continue
        if int(fields.get("Uid", "-1").split()[0]) == uid and fields.get("State", "").split()[:1] != ["Z"]:
            found.append(int(name))
    return found


def _force_remove(path):
    def retry(func, failed, _exc):
        os.chmod(os.path.dirname(failed), 0o700)
        if os.path.isdir(failed) and not os.path.islink(failed):
            os.chmod(failed, 0o700)
        func(failed)

    if os.path.isdir(path) and not os.path.islink(path):
        os.chmod(path, 0o700)
        shutil.rmtree(path, onerror=retry)
    else:
        os.unlink(path)


def wipe():
    """Delete everything in the writable places; return the paths that survived."""
    left = []
    for top in WRITABLE:
        try:
            entries = os.listdir(top)
        except OSError:
            continue
        for name in entries:
            path = os.path.join(top, name)
            try:
                _force_remove(path)
            except Exception:
                left.append(path)
        with contextlib.suppress(OSError):
            left.extend(os.path.join(top, name) for name in os.listdir(top))
    return sorted(set(left))


def ipc_objects():
    """Count System V IPC objects (they outlive processes); any at all means recycle."""
    count = 0
    for kind in ("shm", "sem", "msg"):
        try:
            with open("/proc/sysvipc/" + kind) as handle:
                count += max(0, len(handle.read().splitlines()) - 1)
        except OSError:
            pass
    return count


def sweep(expected_state):
    """Kill, reap, wipe and verify; return None when clean, else a one-line reason."""
    if not kill_all():
        return "job processes did not die"
    left = strays()
    if left:
        return f"stray processes survived: {left[:5]}"
    files = wipe()
    if files:
        return f"could not delete {files[:3]}"
    if ipc_objects():
        return "System V IPC objects left behind"
    if own_state() != expected_state:
        return "the runner's limits, priority or CPU set were changed"
    return None
