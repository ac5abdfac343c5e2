"""The whole math path on the real embedded teacher: generate, export, load, rerun for free."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from datasets import load_from_disk

from verigen.store import RunStore

pytestmark = pytest.mark.model
VERIGEN = [sys.executable, "-m", "verigen.cli"]


def test_generate_on_the_embedded_model_then_export(tmp_path: Path, embedded_teacher) -> None:
    # The session's embedded_teacher fixture proves the model is installed; `generate` starts its
    # own server, as a user's run would.
    run_dir, out_dir = tmp_path / "run", tmp_path / "data"
    args = [
        *VERIGEN,
        "generate",
        "--out",
        str(run_dir),
        "--count",
        "2",
        "--samples",
        "2",
        "--template",
        "mental_arithmetic",
        "--difficulty",
        "1",
        "--max-tokens",
        "48",
    ]
    first = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    with RunStore(run_dir, create=False) as store:
        assert store.count_attempts() == 4
        assert store.cache_size() == 4
        counts = store.status_counts()
        manifest = store.get_manifest()
    assert set(counts) <= {"pass", "wrong_answer", "no_answer", "unverified"}
    assert manifest["teacher_model"] == embedded_teacher.model

    again = subprocess.run(
        [*VERIGEN, "generate", "--out", str(run_dir), "--resume"], capture_output=True, text=True, timeout=600
    )
    assert again.returncode == 0, again.stderr
    assert "0 new, 0 teacher requests" in again.stderr

    export = subprocess.run(
        [*VERIGEN, "export", str(run_dir), "--out", str(out_dir)], capture_output=True, text=True, timeout=600
    )
    assert export.returncode == 0, export.stderr
    sft = [row for split in load_from_disk(str(out_dir / "sft")).values() for row in split]
    dpo = [row for split in load_from_disk(str(out_dir / "dpo")).values() for row in split]
    # Curation may drop passes (truncated at 48 tokens, duplicates), never add any.
    assert len(sft) <= counts.get("pass", 0)
    for row in sft:
        assert [m["role"] for m in row["messages"]] == ["user", "assistant"]
        assert row["teacher_model"] == embedded_teacher.model
    # A pair needs a pass and a wrong answer of the same problem.
    assert len(dpo) <= min(counts.get("pass", 0), counts.get("wrong_answer", 0), 2)
