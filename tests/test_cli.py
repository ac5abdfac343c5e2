"""The CLI edge: bad input is one line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

VERIGEN = [sys.executable, "-m", "verigen.cli"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*VERIGEN, *args], capture_output=True, text=True, timeout=120)


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_templates_list_json() -> None:
    result = run("templates", "list", "--json")
    assert result.returncode == 0
    infos = json.loads(result.stdout)
    assert {"name", "kind", "area", "description", "difficulties"} <= set(infos[0])
    assert len({i["name"] for i in infos}) == len(infos)


def test_problems_is_deterministic_and_seed_dependent(tmp_path: Path) -> None:
    for name, seed in (("a", "3"), ("b", "3"), ("c", "4")):
        assert run("problems", "--count", "20", "--seed", seed, "--out", str(tmp_path / name)).returncode == 0
    a, b, c = ((tmp_path / n).read_text() for n in "abc")
    assert a == b and a != c
    rows = [json.loads(line) for line in a.splitlines()]
    assert len(rows) == 20 and all(r["answer"] for r in rows)


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (
            ("problems", "--count", "2", "--template", "no_such_template", "--out", "x.jsonl"),
            ("no_such_template",),
        ),
        (("generate", "--out", "run", "--template", "no_such_template"), ("no_such_template",)),
        (("generate", "--out", "run", "--config", "missing.toml"), ("missing.toml",)),
        (("verify", "math", "--in", "missing.jsonl", "--out", "v.jsonl"), ("missing.jsonl",)),
        (("export", "no_such_run", "--out", "o"), ("no_such_run",)),
        (("problems", "--count", "2", "--difficulty", "9", "--out", "x.jsonl"), ("difficult",)),
    ],
)
def test_bad_input_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args, needles) -> None:
    monkeypatch.chdir(tmp_path)
    assert_one_line_error(run(*args), *needles)


@pytest.mark.parametrize(
    ("toml", "needle"),
    [
        ("count = 3\nsampels = 2\n", "'sampels'"),
        ("count = 'many'\n", "'count'"),
        ("count = [\n", "not valid TOML"),
        ("[generate]\ncount = 2\ntemprature = 0.5\n", "'temprature'"),
    ],
)
def test_bad_config_is_one_line(tmp_path: Path, toml: str, needle: str) -> None:
    path = tmp_path / "run.toml"
    path.write_text(toml)
    assert_one_line_error(run("generate", "--out", str(tmp_path / "run"), "--config", str(path)), needle)


def readme_template_example() -> str:
    """The template shown in the README's 'Adding a template' section, verbatim."""
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    start = readme.index("# my_templates/cube_volume.py")
    return readme[start : readme.index("```", start)]


def test_the_readme_template_loads_with_templates_dir(tmp_path: Path) -> None:
    folder = tmp_path / "my_templates"
    folder.mkdir()
    (folder / "cube_volume.py").write_text(readme_template_example())
    listed = run("templates", "list", "--json", "--templates-dir", str(folder))
    assert listed.returncode == 0, listed.stderr
    assert "cube_volume" in {t["name"] for t in json.loads(listed.stdout)}
    out = tmp_path / "p.jsonl"
    made = run("problems", "--count", "10", "--template", "cube_volume", "--templates-dir", str(folder),
               "--out", str(out))  # fmt: skip
    assert made.returncode == 0, made.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    for row in rows:
        edge = row["metadata"]["edge"]
        assert row["answer"]["value"] == {"int": str(edge**3)}
    diversity = run("templates", "diversity", "--template", "cube_volume", "--draws", "300",
                    "--templates-dir", str(folder))  # fmt: skip
    assert diversity.returncode == 0, "a declared small space is not a defect"


def test_a_broken_user_template_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("raise RuntimeError('boom')\n")
    assert_one_line_error(run("templates", "list", "--templates-dir", str(tmp_path)), "broken.py", "boom")
