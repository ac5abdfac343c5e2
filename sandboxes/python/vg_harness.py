"""Child side of a sandbox job: runs in a fresh process forked by the runner (stdlib only).

File descriptors in the child: 0 stdin, 1 stdout, 2 stderr, 3 events (child -> runner, JSON
lines), 4 requests (runner -> child, interactive roles only). Everything this process emits is
untrusted data to the host: the candidate shares this process and can forge any of it, which is
fine, because emitted values are only claims of the candidate's own outputs and the host, which
alone holds the expected values, compares them.

Roles:
  call   exec the code as module `solution`, call `entry(*args)` per input, emit each result
  stdio  exec the code as `__main__` with the test input on stdin; stdout is the answer
  serve  exec the code, then answer call requests from fd 4 (the candidate half of a check)
  check  exec a trusted test suite whose `candidate` is a proxy over fds 3/4 (the checker half)
"""

import _signal
import builtins
import contextlib
import fcntl
import io
import json
import os
import resource
import signal
import sys

import vg_codec

EVENTS_FD, REQUESTS_FD = 3, 4
MSG_CHARS = 300


def _text(exc):
    try:
        return str(exc)[:MSG_CHARS]
    except BaseException:
        return "<unprintable exception>"


def emit(obj):
    data = (vg_codec.dumps(obj) + "\n").encode()
    while data:
        data = data[os.write(EVENTS_FD, data) :]


def _exc_event(exc, **extra):
    extra.update({"exc": type(exc).__name__[:100], "msg": _text(exc)})
    return extra


def _print_traceback(exc):
    try:
        import traceback  # only on failure: keeps the runner (and every fork of it) small

        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != "solution.py":
            tb = tb.tb_next
        traceback.print_exception(type(exc), exc, tb, limit=20, file=sys.stderr)
        sys.stderr.flush()
    except BaseException:
        pass


# Dispositions the runner changed (it ignores these so a job cannot kill it by them) or that
# must be default in a job (SIGXCPU enforces RLIMIT_CPU). Plain ints and the C-level
# signal.signal: the enum wrapper costs dozens of copy-on-write page faults per fork.
RESET_SIGNALS = tuple(
    int(s)
    for s in (
        signal.SIGTERM,
        signal.SIGINT,
        signal.SIGHUP,
        signal.SIGQUIT,
        signal.SIGPIPE,
        signal.SIGUSR1,
        signal.SIGUSR2,
        signal.SIGALRM,
        signal.SIGXCPU,
        signal.SIGCHLD,
    )
)


def prepare(fds, limits, workdir):
    """Turn the freshly forked process into an isolated job process, before any job code runs.

    sys.stdin/stdout/stderr are kept: they wrap fds 0-2, which now are the job's own, and the
    runner never uses them, so their buffers are empty (as in a fresh interpreter).
    """
    os.setsid()
    for sig in RESET_SIGNALS:
        _signal.signal(sig, _signal.SIG_DFL)
    with contextlib.suppress(OSError):  # the out-of-memory killer takes the job, never the runner
        fd = os.open("/proc/self/oom_score_adj", os.O_WRONLY)
        os.write(fd, b"1000")
        os.close(fd)
    high = {target: fcntl.fcntl(source, fcntl.F_DUPFD_CLOEXEC, 100) for target, source in fds.items()}
    for target, source in high.items():
        os.dup2(source, target, inheritable=True)
    os.closerange(max(fds) + 1, 65536)
    cpu = int(limits["timeout"]) + 2
    for res, value in (
        (resource.RLIMIT_CPU, cpu),
        (resource.RLIMIT_AS, limits["memory_mb"] << 20),
        (resource.RLIMIT_FSIZE, limits["file_bytes"]),
        (resource.RLIMIT_NOFILE, limits["nofile"]),
        (resource.RLIMIT_CORE, 0),
    ):
        hard = resource.getrlimit(res)[1]
        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
        # Hard limits too: the job must not be able to raise its own soft limits back.
        resource.setrlimit(res, (value, value + 1 if res == resource.RLIMIT_CPU else value))
    sys.argv = ["solution.py"]
    sys.path[:] = [p for p in sys.path if p and not p.startswith("/opt/verigen")]
    os.chdir(workdir)


def warm_up():
    """Run once in the runner: the first compile() builds the compiler's AST types (~700 KB).

    Done here, every forked job shares them instead of rebuilding them (~1.5 ms each).
    """
    compile("def f(a, *b, **c):\n    return [x for x in a] if b else {k: c for k in b}\n", "<warm>", "exec")


def _load(code, name, exit_ok=False):
    """Compile and run module code; return the namespace or None after emitting the failure.

    `exit_ok`: for stdin/stdout programs sys.exit() is a normal way to finish (exit codes mean
    nothing; only the printed output is judged).
    """
    try:
        compiled = compile(code, "solution.py", "exec")
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        emit(_exc_event(exc, syntax=True, line=getattr(exc, "lineno", None)))
        return None
    namespace = {"__name__": name, "__builtins__": builtins, "__file__": "solution.py"}
    try:
        exec(compiled, namespace)
    except SystemExit:
        if exit_ok:
            return namespace
        emit({"load": True, "exc": "SystemExit", "msg": "the program exited while loading"})
        return None
    except BaseException as exc:
        _print_traceback(exc)
        emit(_exc_event(exc, load=True))
        return None
    return namespace


def _entry(namespace, entry):
    fn = namespace.get(entry)
    if not callable(fn):
        emit({"load": True, "exc": "NameError", "msg": f"entry point {entry[:60]!r} is not defined"})
        return None
    return fn


def _call(fn, payload):
    """Call fn on encoded args; return the event to emit (result or exception)."""
    args = vg_codec.decode(payload)
    try:
        value = fn(*args)
    except BaseException as exc:
        _print_traceback(exc)
        return _exc_event(exc)
    try:
        return {"ok": vg_codec.encode(value)}
    except vg_codec.Unsupported as exc:
        return {"bad": _text(exc)}
    except RecursionError:
        return {"bad": "value nested too deeply"}


def role_call(job):
    namespace = _load(job["code"], "solution")
    fn = namespace and _entry(namespace, job["entry"])
    if not fn:
        return
    for index, payload in enumerate(job["inputs"]):
        event = _call(fn, payload)
        event["i"] = index
        emit(event)
        if "exc" in event:
            return


def role_stdio(job):
    if _load(job["code"], "__main__", exit_ok=True) is not None:
        try:
            sys.stdout.flush()
        except BaseException as exc:
            emit(_exc_event(exc, load=True))


def _requests():
    reader = io.FileIO(REQUESTS_FD, "r", closefd=False)
    buffered = io.BufferedReader(reader)
    while True:
        line = buffered.readline(1 << 26)
        if not line:
            return
        yield json.loads(line)


def role_serve(job):
    namespace = _load(job["code"], "solution")
    fn = namespace and _entry(namespace, job["entry"])
    if not fn:
        return
    emit({"ready": True})
    for request in _requests():
        emit(_call(fn, request["args"]))


class CandidateError(Exception):
    """Raised in the checker when the candidate process failed in a way no builtin names."""


# Exceptions that Python's iteration protocol swallows (map, zip, next(it, default), for loops):
# raised as themselves in the checker, they would end a suite's loop quietly and let it pass.
QUIET = (StopIteration, StopAsyncIteration)


class SuiteError(Exception):
    """The suite itself cannot be run this way (our limitation, not the candidate's failure)."""


def role_check(job):
    """Run a trusted assert-based suite against a candidate that lives in another container."""
    replies = _requests()
    raised = []

    def candidate(*args, **kwargs):
        if kwargs:
            raise SuiteError("keyword arguments cannot cross the sandbox boundary")
        try:
            emit({"call": vg_codec.encode(list(args))})
        except vg_codec.Unsupported as exc:
            raise SuiteError(f"the suite passes an argument that cannot cross the boundary: {exc}") from None
        reply = next(replies, None)
        if reply is None:
            raised.append(CandidateError("candidate process gone"))
            raise raised[-1]
        if "ok" in reply:
            return vg_codec.decode(reply["ok"])
        name = reply.get("exc") or "CandidateError"
        text = reply.get("msg") or reply.get("bad") or name
        cls = getattr(builtins, name, None)
        if not (isinstance(cls, type) and issubclass(cls, Exception)) or issubclass(cls, QUIET):
            cls, text = CandidateError, f"{name}: {text}"
        error = cls(text)
        raised.append(error)
        raise error

    namespace = {"__name__": "__main__", "__builtins__": builtins}
    try:
        exec(compile(job["prelude"], "prompt.py", "exec"), namespace)
        namespace[job["entry"]] = candidate
        exec(compile(job["test"], "test.py", "exec"), namespace)
        check = namespace["check"]
    except BaseException as exc:
        emit(_exc_event(exc, done=False, kind="suite"))
        return
    try:
        check(candidate)
    except BaseException as exc:
        kind = (
            "candidate"
            if raised and exc is raised[-1]
            else "suite"
            if isinstance(exc, SuiteError)
            else "failed"
        )
        line = None
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == "test.py":
                line = tb.tb_lineno
            tb = tb.tb_next
        emit(_exc_event(exc, done=False, kind=kind, line=line))
        return
    # A suite can only expect a candidate exception it names (a builtin type); one it could not
    # name (a CandidateError: the candidate crashed oddly or raised StopIteration) never passes,
    # even if the suite swallowed it (e.g. `except Exception: pass`).
    unexpected = [exc for exc in raised if isinstance(exc, CandidateError)]
    if unexpected:
        emit(_exc_event(unexpected[0], done=False, kind="candidate"))
        return
    emit({"done": True})


ROLES = {"call": role_call, "stdio": role_stdio, "serve": role_serve, "check": role_check}


def child_main(role, job, fds, limits, workdir):
    """Never returns: the forked child ends with os._exit."""
    code = 0
    try:
        prepare(fds, limits, workdir)
        ROLES[role](job)
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
    except SystemExit:
        pass
    except BaseException as exc:
        code = 70
        with contextlib.suppress(BaseException):
            emit(_exc_event(exc, load=True))
    os._exit(code)
