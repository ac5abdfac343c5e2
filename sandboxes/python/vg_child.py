"""Supervision of one job process, from the runner's side (stdlib only).

The child is forked from the runner and turned into a job process by vg_harness. Everything it
writes arrives here through pipes: event lines (fd 3), stdout, and stderr (only a tail is kept).
The deadline and the output cap are enforced from outside: on breach the whole process group is
killed with SIGKILL, which no job can catch or delay.
"""

import contextlib
import gc
import os
import select
import signal
import time

import vg_harness

WORKDIR = "/tmp/job"
STDERR_TAIL = 4096


class Child:
    """One forked job process and the pipes that connect it to the runner."""

    def __init__(self, role, job, limits, stdin_data=None, capture_stdout=False, interactive=False):
        self.limits = limits
        self.deadline = time.monotonic() + limits["timeout"]
        fds, mine = {}, {}
        if stdin_data is not None:
            fds[0] = os.memfd_create("stdin")
            os.write(fds[0], stdin_data.encode())
            os.lseek(fds[0], 0, os.SEEK_SET)
        else:
            fds[0] = os.open("/dev/null", os.O_RDONLY)
        # stdout is always a pipe so that floods hit the output cap; only stdio jobs return it.
        mine["stdout"], fds[1] = os.pipe()
        self.keep_stdout = capture_stdout
        mine["stderr"], fds[2] = os.pipe()
        mine["events"], fds[3] = os.pipe()
        if interactive:
            fds[4], self.requests = os.pipe()
            os.set_blocking(self.requests, False)
        else:
            self.requests = None
        os.makedirs(WORKDIR, mode=0o700, exist_ok=True)
        gc.freeze()  # the job's collector then never walks (and copies) the runner's objects
        self.pid = os.fork()
        if self.pid == 0:
            vg_harness.child_main(role, job, fds, limits, WORKDIR)
        for fd in fds.values():
            os.close(fd)
        self.pidfd = os.pidfd_open(self.pid)
        self.streams = {fd: name for name, fd in mine.items()}
        self.data = {name: bytearray() for name in mine}
        self.stderr_total = 0
        self.outbox = b""
        self.status, self.wait_status = None, None

    def _read(self, fd):
        try:
            chunk = os.read(fd, 1 << 16)
        except BlockingIOError:
            return False
        name = self.streams[fd]
        if not chunk:
            os.close(fd)
            del self.streams[fd]
            return False
        cap = self.limits["output_bytes"]
        if name == "stderr":
            self.stderr_total += len(chunk)
            buf = self.data["stderr"]
            buf += chunk
            del buf[:-STDERR_TAIL]
            if self.stderr_total > cap:
                self.stop("output_limit")
        else:
            self.data[name] += chunk
            if len(self.data["events"]) + len(self.data["stdout"]) > cap:
                self.stop("output_limit")
        return self.status != "output_limit"

    def stop(self, status):
        if self.status is None:
            self.status = status
        with contextlib.suppress(OSError):
            os.killpg(self.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)

    def send(self, line):
        self.outbox += line + b"\n"
        self._flush()

    def _flush(self):
        if self.requests is not None and self.outbox:
            try:
                self.outbox = self.outbox[os.write(self.requests, self.outbox) :]
            except BlockingIOError:
                pass
            except OSError:
                self.outbox = b""

    def poll(self, extra=(), wait=None):
        """One round of waiting; returns the subset of `extra` fds that are readable."""
        now = time.monotonic()
        if self.status is None and now >= self.deadline:
            self.stop("timeout")
        if wait is None:
            wait = 0.02 if self.status else max(0.0, self.deadline - now)
        readers = [*self.streams, *extra] + ([self.pidfd] if self.wait_status is None else [])
        writers = [self.requests] if self.outbox else []
        ready_r, ready_w, _ = select.select(readers, writers, [], wait)
        if ready_w:
            self._flush()
        for fd in ready_r:
            if fd in self.streams:
                self._read(fd)
        if self.pidfd in ready_r:
            self.wait_status = os.waitpid(self.pid, 0)[1]
            # The child is gone: take what is already in the pipes (descendants that still hold
            # them are killed by the sweep), then stop reading.
            for fd in list(self.streams):
                os.set_blocking(fd, False)
                while fd in self.streams and self._read(fd):
                    pass
                if fd in self.streams:
                    os.close(fd)
                    del self.streams[fd]
        return [fd for fd in ready_r if fd in extra]

    @property
    def done(self):
        return self.wait_status is not None

    def finish(self):
        """Kill what is left of the job and describe how it ended."""
        if not self.done:
            self.stop(self.status or "killed")
            self.wait_status = os.waitpid(self.pid, 0)[1]
        for fd in [*self.streams, self.pidfd] + ([self.requests] if self.requests is not None else []):
            os.close(fd)
        self.streams = {}
        cap = self.limits["output_bytes"]
        record = {
            "status": self.status or "exited",
            "code": os.WEXITSTATUS(self.wait_status) if os.WIFEXITED(self.wait_status) else None,
            "signal": os.WTERMSIG(self.wait_status) if os.WIFSIGNALED(self.wait_status) else None,
            "events": self.data["events"][:cap].decode("utf-8", "replace"),
            "stderr": self.data["stderr"].decode("utf-8", "replace"),
        }
        if self.keep_stdout:
            record["stdout"] = self.data["stdout"][:cap].decode("utf-8", "replace")
        return record
