"""A real OpenAI-compatible HTTP server on 127.0.0.1 with scripted answers, for pipeline tests.

Run as `python tests/scripted_server.py PORT_FILE [--delay S]`: it binds a free port, writes it to
PORT_FILE, and serves /v1/chat/completions until killed. The answer to a prompt is a pure
function of (prompt, seed), so reruns are comparable; GET /stats returns how many completion
requests it has served, which is how tests prove that a rerun made no teacher call.
"""

from __future__ import annotations

import hashlib
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STATE = {"requests": 0, "delay": 0.0}
LOCK = threading.Lock()


RLE_RIGHT = """def run_length_encode(s):
    out, i = [], 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{s[i]}{j - i}")
        i = j
    return "".join(out)
"""
RLE_WRONG = """def run_length_encode(s):
    return "".join(f"{c}1" for c in s)
"""


def answer_for(prompt: str, seed: int) -> str:
    digest = hashlib.sha256(f"{prompt}\x1f{seed}".encode()).digest()
    if "def run_length_encode" in prompt:  # a code problem: right or wrong, by the seed
        code = RLE_RIGHT if digest[0] % 2 else RLE_WRONG
        return f"Here is my solution.\n\n```python\n{code}```\n"
    guess = digest[0] % 3 - 1  # -1, 0 or 1: sometimes right for small-answer problems
    return f"Let me think step by step.\nThe answer is \\boxed{{{guess}}}."


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, code: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/stats"):
            with LOCK:
                self._send(200, {"requests": STATE["requests"]})
        else:
            self._send(200, {"object": "list", "data": [{"id": "scripted", "object": "model"}]})

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        with LOCK:
            STATE["requests"] += 1
        time.sleep(STATE["delay"])
        prompt = body["messages"][-1]["content"]
        text = answer_for(prompt, int(body.get("seed") or 0))
        self._send(
            200,
            {
                "id": "cmpl-1",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body.get("model", "scripted"),
                "choices": [
                    {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}
                ],
                "usage": {"prompt_tokens": len(prompt.split()), "completion_tokens": 12, "total_tokens": 0},
            },
        )


def main() -> None:
    port_file = sys.argv[1]
    if "--delay" in sys.argv:
        STATE["delay"] = float(sys.argv[sys.argv.index("--delay") + 1])
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(port_file + ".tmp", "w") as fh:
        fh.write(str(server.server_address[1]))
    import os

    os.replace(port_file + ".tmp", port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
