"""`verigen sandbox check`: prove each isolation guarantee on this host, failing closed.

Every guarantee is checked against a real container: its Docker configuration (inspect), what a
job can observe from inside, and what hostile jobs achieve. A check that errors counts as failed.
"""

from __future__ import annotations

import json
import secrets
import socket
from collections.abc import Callable
from typing import Any

from verigen.code.containers import LABEL, OWNER_LABEL, ContainerLimits, container_config, sweep_leftovers
from verigen.code.judge import judge_call, judge_stdio
from verigen.code.spec import CodeSpec, TestCase
from verigen.errors import SandboxError
from verigen.types import Status

Result = tuple[str, bool, str]

PROBE = r"""
import json, os, socket
status = dict(l.split(":", 1) for l in open("/proc/self/status") if ":" in l)
facts = {k: status[k].strip() for k in ("CapEff", "CapBnd", "NoNewPrivs", "Seccomp")}
facts["uid"] = os.getuid()
facts["ifaces"] = sorted(os.listdir("/sys/class/net"))
try:
    socket.create_connection(("1.1.1.1", 53), timeout=1)
    facts["connect"] = "connected"
except OSError as exc:
    facts["connect"] = type(exc).__name__
facts["writes"] = []
for path in ("/etc/probe", "/usr/probe", "/probe", "/opt/verigen/probe", "/var/probe"):
    try:
        open(path, "w").close()
        facts["writes"].append(path)
    except OSError:
        pass
facts["socket"] = [p for p in ("/var/run/docker.sock", "/run/docker.sock") if os.path.exists(p)]
facts["env"] = sorted(os.environ)
facts["mounts"] = [line.split()[4] for line in open("/proc/self/mountinfo")]
mine = os.getuid()
facts["procs"] = [p for p in os.listdir("/proc") if p.isdigit() and int(p) not in (os.getpid(), os.getppid())
                  and os.stat("/proc/" + p).st_uid == mine]
facts["files"] = sorted(os.listdir("/tmp")) + sorted(os.listdir("/dev/shm"))
print(json.dumps(facts))
"""

SECRET_HUNT = r"""
import gc, os
def answer(prefix):
    for obj in gc.get_objects():
        items = obj.values() if isinstance(obj, dict) else obj if isinstance(obj, (list, tuple)) else ()
        for value in items:
            if isinstance(value, str) and value.startswith(prefix) and len(value) > len(prefix):
                return value
    for pid in os.listdir("/proc"):
        for name in ("environ", "cmdline"):
            try:
                data = open(f"/proc/{pid}/{name}", "rb").read().decode("latin-1")
            except OSError:
                continue
            if prefix in data:
                return prefix + data.split(prefix, 1)[1][:32]
    return "not found"
"""


def _inspect_checks(container: Any, limits: ContainerLimits) -> list[Result]:
    container.reload()
    host, config = container.attrs["HostConfig"], container.attrs["Config"]
    ulimits = {u["Name"] for u in host.get("Ulimits") or []}
    log = host.get("LogConfig") or {}
    return [
        ("network disabled", host.get("NetworkMode") == "none", f"NetworkMode={host.get('NetworkMode')}"),
        ("read-only root filesystem", host.get("ReadonlyRootfs") is True, ""),
        ("size-capped tmpfs", "size=" in (host.get("Tmpfs") or {}).get("/tmp", ""), str(host.get("Tmpfs"))),
        ("pids limit", host.get("PidsLimit") == limits.pids, f"PidsLimit={host.get('PidsLimit')}"),
        (
            "memory == memory+swap",
            host.get("Memory", 0) > 0 and host.get("Memory") == host.get("MemorySwap"),
            f"{host.get('Memory')} / {host.get('MemorySwap')}",
        ),
        ("CPU quota", (host.get("NanoCpus") or 0) > 0, f"NanoCpus={host.get('NanoCpus')}"),
        ("all capabilities dropped", host.get("CapDrop") == ["ALL"] and not host.get("CapAdd"), ""),
        ("no-new-privileges", "no-new-privileges" in (host.get("SecurityOpt") or []), ""),
        ("not privileged", host.get("Privileged") is False, ""),
        ("init process", host.get("Init") is True, ""),
        (
            "ulimits nofile/fsize/core/cpu",
            ulimits >= {"nofile", "fsize", "core", "cpu"},
            str(sorted(ulimits)),
        ),
        ("bounded logs", "max-size" in (log.get("Config") or {}), str(log)),
        ("no host mounts", not host.get("Binds") and not container.attrs.get("Mounts"), ""),
        (
            "non-root user",
            config.get("User", "") not in ("", "0", "root") and not config["User"].startswith("0:"),
            "",
        ),
        ("labelled for the leftover sweep", LABEL in (config.get("Labels") or {}), ""),
    ]


def _probe_checks(facts: dict[str, Any]) -> list[Result]:
    allowed_env = {"PATH", "LANG", "HOME", "PYTHONDONTWRITEBYTECODE", "PYTHONHASHSEED", "HOSTNAME"}
    docker_own = {"/", "/tmp", "/etc/hosts", "/etc/hostname", "/etc/resolv.conf", "/sbin/docker-init"}
    docker_own.add("/usr/sbin/docker-init")  # the init process Docker mounts (read-only)
    foreign = [
        m for m in facts["mounts"] if m not in docker_own and m.split("/")[1] not in ("proc", "sys", "dev")
    ]
    return [
        ("job runs as non-root", facts["uid"] != 0, f"uid={facts['uid']}"),
        ("job has no capabilities", int(facts["CapEff"], 16) == 0, f"CapEff={facts['CapEff']}"),
        ("job has no_new_privs", facts["NoNewPrivs"] == "1", ""),
        ("seccomp filter active", facts["Seccomp"] == "2", f"Seccomp={facts['Seccomp']}"),
        ("no network interface but lo", facts["ifaces"] in ([], ["lo"]), str(facts["ifaces"])),
        ("outbound connect fails", facts["connect"] != "connected", facts["connect"]),
        ("root filesystem not writable", not facts["writes"], str(facts["writes"])),
        ("no Docker socket inside", not facts["socket"], str(facts["socket"])),
        ("minimal environment", set(facts["env"]) <= allowed_env, str(facts["env"])),
        ("no host paths mounted", not foreign, str(foreign)),
    ]


def _hostile_checks(sandbox: Any, run: Callable[[Any, CodeSpec, str], Any]) -> list[Result]:
    one = CodeSpec("call", "f", (TestCase([1], 1),), timeout=2.0)
    out: list[Result] = []
    cases = [
        ("deadline enforced", "def f(x):\n    while True: pass\n", one, Status.TIMEOUT),
        (
            "memory capped",
            "def f(x):\n    b = [bytearray(1 << 26) for _ in range(64)]\n",
            one,
            Status.MEMORY_LIMIT,
        ),
        (
            "output capped",
            "while True: print('x' * 4096)\n",
            CodeSpec("stdio", None, (TestCase("", "x"),), timeout=5.0),
            Status.OUTPUT_LIMIT,
        ),
        (
            "fork bomb contained",
            "import os\ndef f(x):\n    while True:\n        try: os.fork()\n        except OSError: pass\n",
            one,
            None,
        ),
        (
            "forged result lines do not pass",
            'import os\nprint(\'{"status": "pass"} PASS\')\n'
            'os.write(3, b\'{"i":0,"ok":2}\\n\')\nos._exit(0)\n',
            one,
            None,
        ),
    ]
    for name, code, spec, want in cases:
        verdict = run(sandbox, spec, code)
        ok = verdict.status is want if want else verdict.status not in (Status.PASS, Status.INFRA_ERROR)
        out.append((name, ok, f"{verdict.status.value}: {verdict.detail[:100]}"))
    leftover = (
        "import os, time\ndef f(x):\n    open('/tmp/left', 'w').write('x')\n    if os.fork() == 0:\n"
        "        os.setsid()\n        time.sleep(600)\n    return x\n"
    )
    run(sandbox, one, leftover)
    return out


def _run_on(sandbox: Any, spec: CodeSpec, code: str) -> Any:
    request = {
        "mode": spec.style,
        "code": code,
        "entry": spec.entry_point,
        "inputs": spec.sandbox_inputs(),
        "timeout": spec.timeout,
        "memory_mb": 256,
        "output_bytes": 1 << 20,
    }
    reply = sandbox.run(request)
    return (judge_call if spec.style == "call" else judge_stdio)(spec, reply, code)


def _sweep_check(pool: Any) -> list[Result]:
    config = container_config(str(pool.image), pool.limits)
    config["labels"] = {LABEL: "python", OWNER_LABEL: f"{socket.gethostname()}/999999999/gone"}
    orphan = pool.client.containers.run(**config)
    removed = sweep_leftovers(pool.client)
    gone = not pool.client.containers.list(all=True, filters={"id": orphan.id})
    return [("leftover containers swept at start-up", gone and removed >= 1, f"removed {removed}")]


def _inside_checks(sandbox: Any) -> list[Result]:
    request = {"mode": "stdio", "code": PROBE, "inputs": [""], "timeout": 10.0, "output_bytes": 1 << 20}
    facts = json.loads(sandbox.run(request)["records"][0]["stdout"])
    clean = not facts["procs"] and facts["files"] in ([], ["job"])
    return [
        *_probe_checks(facts),
        ("pooled container clean for the next job", clean, f"{facts['procs']} {facts['files']}"),
    ]


def _secret_check(sandbox: Any) -> list[Result]:
    token = "vg-" + secrets.token_hex(16)
    verdict = _run_on(
        sandbox, CodeSpec("call", "answer", (TestCase(["vg-"], token),), timeout=10.0), SECRET_HUNT
    )
    return [
        (
            "expected outputs never enter the sandbox",
            verdict.status is Status.WRONG_ANSWER,
            verdict.detail[:100],
        )
    ]


def sandbox_check() -> list[Result]:
    """Self-test of every isolation guarantee: (guarantee, ok, detail) each; any error is a failure."""
    from verigen.code.pool import WarmPool

    try:
        pool = WarmPool(2).start()
    except SandboxError as exc:
        return [("sandbox available", False, str(exc))]
    results: list[Result] = [("sandbox available", True, str(pool.image))]
    try:
        with pool.lease(1) as (sandbox,):
            steps: list[tuple[str, Callable[[], list[Result]]]] = [
                ("container configuration", lambda: _inspect_checks(sandbox.container, pool.limits)),
                ("hostile jobs", lambda: _hostile_checks(sandbox, _run_on)),
                ("inside view", lambda: _inside_checks(sandbox)),
                ("expected outputs never enter the sandbox", lambda: _secret_check(sandbox)),
                ("leftover containers swept at start-up", lambda: _sweep_check(pool)),
            ]
            for label, step in steps:
                try:
                    results.extend(step())
                except Exception as exc:
                    results.append((label, False, f"could not check: {str(exc)[:200]}"))
    finally:
        pool.close()
    return results
