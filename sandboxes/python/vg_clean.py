"""Return a pooled container to the state of a fresh one after each job (stdlib only).

The runner calls `sweep()` after every job and answers `clean: false` (then exits, so the host
recycles the container) whenever it cannot show that no job process survives, no file is left in
a writable place, no System V IPC object exists and its own limits were not tampered with.
"""

import contextlib
import os
import resource
import signal
import stat
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


def _status(pid):
    """(real uid, state letter) of a process, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            text = handle.read()
    except OSError:
        return None
    state = text.split("\nState:", 1)[1].split()[0] if "\nState:" in text else "?"
    return int(text.split("\nUid:", 1)[1].split()[0]), state


def foreign_pids():
    """Processes of other users (docker-init, the holder): recorded once, skipped by `strays`."""
    uid = os.getuid()
    return frozenset(
        int(name) for name in os.listdir("/proc") if name.isdigit() and (_status(name) or (uid,))[0] != uid
    )


def strays(skip=frozenset()):
    """PIDs in the container that run as our uid, other than ourselves (zombies excluded)."""
    me, uid, found = os.getpid(), os.getuid(), []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == me or int(name) in skip:
            continue
        status = _status(name)
        if status is not None and status[0] == uid and status[1] != "Z":
            found.append(int(name))
    return found


def _remove(path):
    """Delete a file or a whole tree, restoring permissions a job may have taken away.

    Every job process is dead by now, so nothing can race the walk; a tree too deep or too long
    to delete raises, and the caller recycles the container.
    """
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode):
        os.unlink(path)
        return
    os.chmod(path, 0o700)
    with os.scandir(path) as entries:
        children = [entry.path for entry in entries]
    for child in children:
        _remove(child)
    os.rmdir(path)


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
                _remove(path)
            except Exception:
                left.append(path)
        if entries:
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


def sweep(expected_state, skip=frozenset()):
    """Kill, reap, wipe and verify; return None when clean, else a one-line reason.

    `skip`: PIDs of other users recorded at start-up (they cannot become ours).
    """
    if not kill_all():
        return "job processes did not die"
    left = strays(skip)
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
