#!/usr/bin/env bash
# Make sure a Docker engine answers and the verigen sandbox image exists. Idempotent.
#
#  1. If `docker info` answers, the engine is left alone.
#  2. Otherwise, as root on Debian: apt-get install docker.io (+ debootstrap), start dockerd in the
#     background (no bridge, no iptables: sandboxes have no network), wait up to 60 s.
#  3. Anything else: say what is missing and exit non-zero.
#  4. Build the sandbox image if it is missing (debootstrap base + runner layer; no registry).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOG="${VERIGEN_DOCKERD_LOG:-/var/log/verigen-dockerd.log}"
if [[ -n "${VIRTUAL_ENV:-}" ]]; then PY="$VIRTUAL_ENV/bin/python"
elif [[ -x "$ROOT/.venv/bin/python" ]]; then PY="$ROOT/.venv/bin/python"
else PY="${PYTHON:-python3}"; fi

say() { echo "ensure_docker: $*" >&2; }
is_root_debian() { [[ "$(id -u)" == 0 && -f /etc/debian_version ]]; }
engine_up() { docker info >/dev/null 2>&1; }

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  ((${#missing[@]} == 0)) && return 0
  say "installing ${missing[*]} from Debian's archive"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if ! engine_up; then
  if ! is_root_debian; then
    command -v docker >/dev/null || say "missing: the docker client"
    command -v dockerd >/dev/null || say "missing: the Docker engine (dockerd)"
    say "no Docker engine answers, and this is not root on Debian, so I cannot install/start one."
    say "start dockerd (or Docker Desktop), or run this script as root on Debian."
    exit 1
  fi
  command -v dockerd >/dev/null || apt_install docker.io
  command -v docker >/dev/null || apt_install docker.io
  if ! pgrep -x dockerd >/dev/null; then
    say "starting dockerd (log: $LOG)"
    mkdir -p "$(dirname "$LOG")"
    nohup setsid dockerd --bridge=none --iptables=false >>"$LOG" 2>&1 </dev/null &
  fi
  for _ in $(seq 60); do engine_up && break; sleep 1; done
  if ! engine_up; then
    say "dockerd did not answer within 60 s; last lines of $LOG:"
    tail -n 5 "$LOG" >&2 || true
    exit 1
  fi
fi
say "Docker engine answers ($(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?'))"

if ! command -v debootstrap >/dev/null; then
  if is_root_debian; then apt_install debootstrap
  else say "note: debootstrap is missing; building the sandbox base image will fail without it"; fi
fi

cd "$ROOT"
"$PY" -m verigen.code.sandbox_build
