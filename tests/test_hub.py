"""Pushing to the Hugging Face Hub, tested offline against a real local HTTP server.

What is tested: the push runs through huggingface_hub/datasets for real, in a fresh process with
HF_ENDPOINT pointing at a stdlib server on 127.0.0.1 that records every request; the repo is
created with the right id and privacy and the token, `DatasetDict.push_to_hub` starts uploading
data to that repo, and the server's refusal becomes one VerigenError line without the token.
What is not: a successful upload to the real Hub (no network here), nor the Hub's processing of
the card; `build_card` is checked on its own.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from verigen.evalsuite import export_eval_suite
from verigen.export import export_run
from verigen.hub import HubError, build_card, push_to_hub
from verigen.store import RunStore
from verigen.templates import get_template
from verigen.types import Attempt, Completion, Status, Verdict

TOKEN = "hf_testSECRETtoken0123456789"
REPO = "verigen-tests/demo-set"


class RecordingHub(BaseHTTPRequestHandler):
    """Creates repos and answers repo_info; refuses everything else with 403."""

    requests: list[dict[str, object]]
    refuse_create = False

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.requests.append(
            {
                "method": self.command,
                "path": self.path,
                "auth": self.headers.get("Authorization"),
                "body": body,
            }
        )
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.command == "POST" and self.path == "/api/repos/create" and not self.refuse_create:
            self._reply(200, {"url": f"{base}/datasets/{REPO}", "name": REPO})
        elif (
            self.command == "GET"
            and self.path.startswith(f"/api/datasets/{REPO}")
            and "/" not in self.path[len(f"/api/datasets/{REPO}") :].strip("/")
        ):
            self._reply(200, {"id": REPO, "sha": "0" * 40, "private": True, "siblings": []})
        else:
            self._reply(403, {"error": "the verigen test server refuses this request"})

    def _reply(self, status: int, payload: dict[str, object]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_HEAD = _handle

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def hub_server() -> Iterator[tuple[str, type[RecordingHub]]]:
    handler = type("Handler", (RecordingHub,), {"requests": [], "refuse_create": False})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def export_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hub")
    problems = [get_template("linear_equation").sample(3, i, 1) for i in range(3)]
    with RunStore(root / "run") as store:
        store.set_manifest({"config": {"seed": 3, "samples": 2}, "teacher_model": "teacher-z"})
        store.add_problems(problems)
        store.add_attempts(
            [
                Attempt(p.id, k, Completion(f"answer {k}", "stop", 5, 5, "teacher-z"), Verdict(status))
                for p in problems
                for k, status in enumerate((Status.PASS, Status.WRONG_ANSWER))
            ]
        )
    export_run(root / "run", root / "export")
    export_eval_suite(problems, root / "suite")
    return root / "export"


def _push_in_subprocess(export: Path, endpoint: str, token: str | None) -> subprocess.CompletedProcess[str]:
    """Run the push as the CLI would: a fresh process whose environment names the endpoint."""
    script = (
        "import sys\nfrom pathlib import Path\nfrom verigen.errors import VerigenError\n"
        "from verigen.hub import push_to_hub\n"
        "try:\n    push_to_hub(Path(sys.argv[1]), sys.argv[2], private=True, eval_dir=Path(sys.argv[3]))\n"
        "except VerigenError as exc:\n    print(f'error: {exc}')\n    sys.exit(3)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("HF_")}
    env.update(HF_ENDPOINT=endpoint, HF_HUB_DISABLE_TELEMETRY="1", HF_HOME=str(export.parent / "hf-home"))
    if token:
        env["HF_TOKEN"] = token
    return subprocess.run(
        [sys.executable, "-c", script, str(export), REPO, str(export.parent / "suite")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_push_reaches_the_server_and_fails_in_one_line(export_dir: Path, hub_server) -> None:
    endpoint, handler = hub_server
    proc = _push_in_subprocess(export_dir, endpoint, TOKEN)
    assert proc.returncode == 3, proc.stderr[-2000:]
    message = proc.stdout.strip()
    assert "\n" not in message and message.startswith("error: push to Hugging Face dataset repo")
    assert REPO in message and "403" in message
    assert TOKEN not in proc.stdout + proc.stderr

    create = handler.requests[0]
    assert (create["method"], create["path"]) == ("POST", "/api/repos/create")
    body = json.loads(create["body"])  # type: ignore[arg-type]
    assert f"{body.get('organization')}/{body['name']}" == REPO
    assert body["type"] == "dataset"
    assert body.get("private") is True or body.get("visibility") == "private"  # older / newer clients
    assert all(r["auth"] == f"Bearer {TOKEN}" for r in handler.requests)
    # DatasetDict.push_to_hub got as far as uploading a config's parquet shard into that repo.
    uploads = [r for r in handler.requests if str(r["path"]) == f"/api/datasets/{REPO}/preupload/main"]
    assert uploads, [r["path"] for r in handler.requests]
    assert re.search(rb'"path":\s*"(sft|dpo|problems)/train-00000-of-\d+\.parquet"', uploads[0]["body"])


def test_refused_credentials_name_the_token_variable(export_dir: Path, hub_server) -> None:
    endpoint, handler = hub_server
    handler.refuse_create = True
    proc = _push_in_subprocess(export_dir, endpoint, None)
    assert proc.returncode == 3, proc.stderr[-2000:]
    assert "HF_TOKEN" in proc.stdout and len(proc.stdout.strip().splitlines()) == 1
    assert handler.requests[0]["auth"] is None


def test_an_unreachable_endpoint_is_one_line_too(export_dir: Path) -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = _push_in_subprocess(export_dir, f"http://127.0.0.1:{port}", TOKEN)
    assert proc.returncode == 3, proc.stderr[-2000:]
    assert len(proc.stdout.strip().splitlines()) == 1 and REPO in proc.stdout
    assert TOKEN not in proc.stdout + proc.stderr


def test_bad_repo_ids_and_empty_exports_fail_before_any_request(tmp_path: Path, export_dir: Path) -> None:
    with pytest.raises(HubError, match="bad repo id"):
        push_to_hub(export_dir, "not a repo id")
    (tmp_path / "empty").mkdir()
    with pytest.raises(HubError, match="no exported datasets"):
        push_to_hub(tmp_path / "empty", REPO)


def test_card_points_configs_at_the_pushed_layout(export_dir: Path) -> None:
    configs = {"sft": ["train", "test"], "problems": ["train"], "eval": ["test"]}
    card = build_card(export_dir, configs, export_dir.parent / "suite")
    assert card.startswith("---\n")
    meta = yaml.safe_load(card.split("---\n")[1])
    assert meta["configs"] == [
        {
            "config_name": "sft",
            "data_files": [
                {"split": "train", "path": "sft/train-*"},
                {"split": "test", "path": "sft/test-*"},
            ],
        },
        {"config_name": "problems", "data_files": [{"split": "train", "path": "problems/train-*"}]},
        {"config_name": "eval", "data_files": [{"split": "test", "path": "eval/test-*"}]},
    ]
    assert "verigen" in meta["tags"] and "eval" in meta["tags"]
    assert "teacher-z" in card and "## Eval suite" in card
