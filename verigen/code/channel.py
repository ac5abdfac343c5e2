"""The host end of one runner's stdio: Docker's multiplexed exec stream, as JSON lines.

Only the runner writes to this stream (job processes get their own pipes and cannot reach the
runner's descriptors), but its replies are still parsed defensively: a reply that is not a
well-formed JSON object is a broken runner, and the container is recycled.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections import deque
from typing import Any

from verigen.code.codec import CodecError, loads_line

MAX_REPLY = 64 << 20


class RunnerGone(Exception):
    """The runner died, hung or broke protocol: recycle its container and retry the job."""


class RunnerChannel:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.raw = b""
        self.out = b""
        self.err: deque[bytes] = deque(maxlen=32)
        self.closed = False

    def send(self, obj: dict[str, Any]) -> None:
        data = (json.dumps(obj, separators=(",", ":"), allow_nan=False) + "\n").encode()
        try:
            self.sock.settimeout(60)
            self.sock.sendall(data)
        except OSError as exc:
            raise RunnerGone(f"cannot write to the runner: {exc}") from None

    def _demux(self) -> None:
        while len(self.raw) >= 8:
            size = int.from_bytes(self.raw[4:8], "big")
            if len(self.raw) < 8 + size:
                return
            stream, payload = self.raw[0], self.raw[8 : 8 + size]
            self.raw = self.raw[8 + size :]
            if stream == 1:
                self.out += payload
            else:
                self.err.append(payload[-2048:])

    def recv(self, deadline: float) -> dict[str, Any]:
        """The next reply line as a dict; RunnerGone on EOF, protocol error or deadline."""
        while True:
            cut = self.out.find(b"\n")
            if cut >= 0:
                line, self.out = self.out[:cut], self.out[cut + 1 :]
                try:
                    reply = loads_line(line.decode("utf-8", "replace"), MAX_REPLY)
                except CodecError:
                    raise RunnerGone("the runner sent a malformed reply") from None
                if not isinstance(reply, dict):
                    raise RunnerGone("the runner sent a malformed reply")
                return reply
            if len(self.out) > MAX_REPLY:
                raise RunnerGone("the runner's reply is too large")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise RunnerGone("the runner did not answer in time")
            try:
                self.sock.settimeout(remaining)
                chunk = self.sock.recv(1 << 16)
            except TimeoutError:
                raise RunnerGone("the runner did not answer in time") from None
            except OSError as exc:
                raise RunnerGone(f"lost the runner: {exc}") from None
            if not chunk:
                self.closed = True
                raise RunnerGone(f"the runner exited{self.stderr_hint()}")
            self.raw += chunk
            self._demux()

    def stderr_hint(self) -> str:
        text = b"".join(self.err).decode("utf-8", "replace").strip().splitlines()
        return f" ({text[-1][:200]})" if text else ""

    def close(self) -> None:
        self.closed = True
        with contextlib.suppress(OSError):
            self.sock.close()
