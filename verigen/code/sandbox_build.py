"""Build the sandbox image without any registry: Debian archive -> debootstrap -> docker import.

The final image tag carries a hash of the recipe and the runner files, so changing the runner
rebuilds the image instead of silently running stale sandbox code.
`python -m verigen.code.sandbox_build [--force]` is the script entry point.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from verigen.code.engine import docker_client
from verigen.errors import SandboxError

IMAGE_REPO = "verigen-sandbox-python"
BASE_IMAGE = "verigen-sandbox-base:bookworm"
SUITE = "bookworm"
RUNNER_FILES = ("Dockerfile", "runner.py", "vg_child.py", "vg_codec.py", "vg_harness.py", "vg_clean.py")
RECIPE_VERSION = "1"


def sandbox_dir() -> Path:
    """Where the image definition lives: $VERIGEN_SANDBOX_DIR or sandboxes/python in the checkout."""
    env = os.environ.get("VERIGEN_SANDBOX_DIR")
    path = Path(env) if env else Path(__file__).resolve().parents[2] / "sandboxes" / "python"
    missing = [name for name in RUNNER_FILES if not (path / name).is_file()]
    if missing:
        raise SandboxError(f"sandbox definition incomplete in {path}: missing {', '.join(missing)}")
    return path


def image_tag() -> str:
    """The tag of the image matching the current sandbox definition."""
    digest = hashlib.sha256(RECIPE_VERSION.encode())
    directory = sandbox_dir()
    for name in RUNNER_FILES:
        digest.update(name.encode() + b"\0" + (directory / name).read_bytes())
    return f"{IMAGE_REPO}:{digest.hexdigest()[:12]}"


def _image_exists(client: object, name: str) -> bool:
    import docker.errors

    try:
        client.images.get(name)  # type: ignore[attr-defined]
    except docker.errors.ImageNotFound:
        return False
    return True


def image_ready() -> bool:
    """True when the image for the current definition exists locally."""
    return _image_exists(docker_client(), image_tag())


def ensure_image(log: Callable[[str], None] = lambda _line: None) -> str:
    """The current image's tag; rebuilds the quick runner layer when only that is stale.

    The Debian base (minutes, needs root) is never built implicitly: that is `verigen sandbox build`.
    """
    client = docker_client()
    tag = image_tag()
    if _image_exists(client, tag):
        return tag
    if not _image_exists(client, BASE_IMAGE):
        raise SandboxError(
            f"sandbox image {tag} is missing: run `verigen sandbox build` (or scripts/ensure_docker.sh)"
        )
    return build_image(log=log)


def _build_base(client: object, log: Callable[[str], None]) -> None:
    if os.geteuid() != 0:
        raise SandboxError("building the sandbox base image needs root (debootstrap); run as root once")
    if shutil.which("debootstrap") is None:
        raise SandboxError("debootstrap is not installed (apt-get install -y debootstrap)")
    mirror = os.environ.get("VERIGEN_DEBIAN_MIRROR", "http://deb.debian.org/debian")
    work = Path(tempfile.mkdtemp(prefix="verigen-rootfs-", dir=os.environ.get("VERIGEN_BUILD_DIR")))
    try:
        root, tarball = work / "root", work / "root.tar"
        log(f"debootstrap {SUITE} (minbase + python3) from {mirror} ...")
        cmd = ["debootstrap", "--variant=minbase", "--include=python3", SUITE, str(root), mirror]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            raise SandboxError(f"debootstrap failed: {tail[0]}")
        for junk in ("var/cache/apt/archives", "var/lib/apt/lists"):
            shutil.rmtree(root / junk, ignore_errors=True)
        subprocess.run(["tar", "--numeric-owner", "-C", str(root), "-cf", str(tarball), "."], check=True)
        repo, tag = BASE_IMAGE.split(":")
        log(f"docker import -> {BASE_IMAGE}")
        client.api.import_image_from_file(str(tarball), repository=repo, tag=tag)  # type: ignore[attr-defined]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def build_image(force: bool = False, log: Callable[[str], None] = print) -> str:
    """Make sure the sandbox image exists (building it if needed) and return its tag.

    `force` rebuilds both the Debian base and the runner layer.
    """
    import docker.errors

    client = docker_client()
    tag = image_tag()
    if not force and _image_exists(client, tag):
        return tag
    if force or not _image_exists(client, BASE_IMAGE):
        _build_base(client, log)
    log(f"docker build -> {tag}")
    try:
        client.images.build(
            path=str(sandbox_dir()),
            tag=tag,
            buildargs={"BASE": BASE_IMAGE},
            rm=True,
            forcerm=True,
            pull=False,
        )
    except docker.errors.BuildError as exc:
        raise SandboxError(f"building {tag} failed: {exc.msg}") from None
    except docker.errors.APIError as exc:
        raise SandboxError(f"building {tag} failed: {exc.explanation or exc}") from None
    _remove_stale(client, tag)
    return tag


def _remove_stale(client: Any, keep: str) -> None:
    """Drop runner layers of older definitions (one that a container still uses stays)."""
    import docker.errors

    for image in client.images.list(name=IMAGE_REPO):
        for old in image.tags:
            if old != keep:
                with contextlib.suppress(docker.errors.APIError):
                    client.images.remove(old)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the verigen Python sandbox image.")
    parser.add_argument("--force", action="store_true", help="rebuild even if the image exists")
    args = parser.parse_args(argv)
    try:
        tag = build_image(force=args.force, log=lambda line: print(line, file=sys.stderr))
    except SandboxError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(tag)
    return 0


if __name__ == "__main__":
    sys.exit(main())
