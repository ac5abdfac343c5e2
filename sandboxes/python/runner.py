"""verigen sandbox runner: runs inside the container with the container's python3, stdlib only.

  runner.py --hold    the container's main process (user sbxhold): keeps the container alive
                      while a runner exists and exits (so the container stops) once none does.
  runner.py --serve   the job server (user sandbox), started by `docker exec`. It reads one JSON
                      request per line on stdin and writes one JSON reply per line on stdout.

Every job runs in a fresh child forked from this process (see vg_harness). The runner enforces
the deadline and the output cap from outside the child, kills the child's whole process group,
then kills and reaps every other process of its uid, wipes the writable places and checks that
the container is back to its fresh state (see vg_clean). When it cannot show that, it says
`clean: false` and exits, and the host replaces the container. The runner never sees expected
outputs and never decides pass/fail: it returns what the job printed, as data.
"""

import ctypes
import json
import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import vg_clean
import vg_harness
from vg_child import Child

VERSION = 1
MAX_REQUEST = 64 << 20
PR_SET_DUMPABLE, PR_SET_CHILD_SUBREAPER = 4, 36


def prctl(option, value):
    ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)


def write_line(obj):
    data = (json.dumps(obj, separators=(",", ":")) + "\n").encode()
    while data:
        data = data[os.write(1, data) :]


class Lines:
    """Line reader over a raw fd, usable with select()."""

    def __init__(self, fd):
        self.fd, self.buf = fd, b""

    def pop(self):
        cut = self.buf.find(b"\n")
        if cut < 0:
            return None
        line, self.buf = self.buf[:cut], self.buf[cut + 1 :]
        return line

    def fill(self):
        chunk = os.read(self.fd, 1 << 16)
        if len(self.buf) + len(chunk) > MAX_REQUEST:
            raise ValueError("request too large")
        self.buf += chunk
        return bool(chunk)

    def read(self):
        while True:
            line = self.pop()
            if line is not None:
                return line
            if not self.fill():
                return None


def run_batch(request, limits):
    """`call`: one child runs every input. `stdio`: one child per input, stdin from a memfd."""
    if request["mode"] == "call":
        child = Child("call", request, limits)
        while not child.done:
            child.poll()
        return [child.finish()]
    records, deadline = [], time.monotonic() + limits["timeout"]
    for text in request["inputs"]:
        remaining = dict(limits, timeout=max(0.0, deadline - time.monotonic()))
        child = Child("stdio", request, remaining, stdin_data=text, capture_stdout=True)
        while not child.done:
            child.poll()
        records.append(child.finish())
        vg_clean.kill_all()
        if records[-1]["status"] != "exited":
            break
    return records


def run_session(request, limits, host):
    """Interactive job: forward the child's event lines to the host and the host's `send`s to it."""
    child = Child(request["role"], request, limits, interactive=True)
    sent = 0

    def forward():
        nonlocal sent
        events = child.data["events"]
        cut = events.rfind(b"\n") + 1
        if cut > sent:
            for raw in bytes(events[sent:cut]).splitlines():
                write_line({"id": request["id"], "type": "msg", "line": raw.decode("utf-8", "replace")})
            sent = cut

    while not child.done:
        line = host.pop()
        if line is not None:
            op = json.loads(line)
            if op.get("id") == request["id"] and op.get("op") == "send":
                child.send(json.dumps(op["msg"], separators=(",", ":")).encode())
            elif op.get("id") == request["id"] and op.get("op") == "close":
                child.stop("closed")
            child.poll(wait=0)
        elif child.poll(extra=[host.fd]) and not host.fill():
            child.stop("host_gone")
        forward()
    forward()
    return child.finish()


def limits_of(request):
    return {
        "timeout": float(request.get("timeout", 10.0)),
        "memory_mb": int(request.get("memory_mb", 512)),
        "output_bytes": int(request.get("output_bytes", 1 << 20)),
        "file_bytes": int(request.get("file_bytes", 16 << 20)),
        "nofile": int(request.get("nofile", 64)),
    }


def serve():
    prctl(PR_SET_DUMPABLE, 0)  # jobs (same uid) cannot ptrace us or open /proc/<runner>/fd|mem
    prctl(PR_SET_CHILD_SUBREAPER, 1)  # orphaned job processes come back to us to be reaped
    for sig in (
        signal.SIGTERM,
        signal.SIGINT,
        signal.SIGHUP,
        signal.SIGQUIT,
        signal.SIGUSR1,
        signal.SIGUSR2,
        signal.SIGALRM,
        signal.SIGXCPU,
    ):
        signal.signal(sig, signal.SIG_IGN)
    vg_harness.warm_up()
    state, skip = vg_clean.own_state(), vg_clean.foreign_pids()
    problem = vg_clean.sweep(state, skip)
    write_line({"type": "ready", "version": VERSION, "uid": os.getuid(), "clean": problem is None})
    if problem:
        return 3
    host = Lines(0)
    while True:
        line = host.read()
        if line is None:
            return 0
        try:
            request = json.loads(line)
            op, job_id = request.get("op"), request.get("id")
        except (ValueError, AttributeError, RecursionError):
            write_line({"type": "error", "error": "malformed request"})
            continue
        if op == "ping":
            write_line({"id": job_id, "type": "pong"})
            continue
        if op not in ("run", "open"):
            continue  # a late `send`/`close` for a session that already ended
        try:
            limits = limits_of(request)
            if op == "run":
                reply = {"id": job_id, "type": "result", "records": run_batch(request, limits)}
            else:
                reply = {"id": job_id, "type": "closed", "records": [run_session(request, limits, host)]}
        except Exception as exc:
            reply = {"id": job_id, "type": "error", "error": f"{type(exc).__name__}: {exc}"[:300]}
        problem = vg_clean.sweep(state, skip)
        reply["clean"] = problem is None
        if problem:
            reply["unclean"] = problem
        write_line(reply)
        if problem:
            return 3


def hold():
    """Main process of the container: exit once no runner has been alive for a while."""
    prctl(PR_SET_DUMPABLE, 0)
    for sig in (signal.SIGINT, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2, signal.SIGPIPE):
        signal.signal(sig, signal.SIG_IGN)
    # The host execs the runner right after start-up; if none ever shows up (or the last one is
    # gone, e.g. its host process was killed), stop, so the auto-removed container disappears.
    grace, seen_at = 30.0, time.monotonic()
    while True:
        time.sleep(1.0)
        for name in os.listdir("/proc"):
            if name.isdigit() and int(name) not in (1, os.getpid()):
                try:
                    if os.stat("/proc/" + name).st_uid != os.getuid():
                        seen_at, grace = time.monotonic(), 5.0
                        break
                except OSError:
                    pass
        if time.monotonic() - seen_at > grace:
            return 0


if __name__ == "__main__":
    sys.exit(hold() if sys.argv[1:] == ["--hold"] else serve() if sys.argv[1:] == ["--serve"] else 2)
