#!/usr/bin/env python3
"""Sandbox throughput: the warm pool vs one fresh container per job, side by side in one run.

Both paths run the same small job (a function checked on three inputs) with the same hardening;
the per-container path runs fewer jobs because each costs a container start. Prints jobs/s for
both and their ratio. Usage: python scripts/bench_sandbox.py [--jobs 2000] [--slow-jobs 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from verigen.code.spec import CodeSpec, TestCase
from verigen.code.verifier import CodeVerifier
from verigen.types import Status

SPEC = CodeSpec("call", "add", (TestCase([1, 2], 3), TestCase([-5, 5], 0), TestCase([10**12, 1], 10**12 + 1)))


def program(index: int) -> str:
    return f"# job {index}\ndef add(a, b):\n    return a + b\n"


def measure(verifier: CodeVerifier, count: int) -> float:
    jobs = [(SPEC, program(i)) for i in range(count)]
    start = time.perf_counter()
    verdicts = verifier.verify_programs(jobs)
    elapsed = time.perf_counter() - start
    bad = [v for v in verdicts if v.status is not Status.PASS]
    if bad:
        raise SystemExit(f"{len(bad)} jobs did not pass: {bad[0].status.value} {bad[0].detail}")
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2000, help="jobs through the warm pool")
    parser.add_argument("--slow-jobs", type=int, default=20, help="jobs through one container each")
    parser.add_argument("--pool-size", type=int, default=None, help="containers (default: CPU count)")
    args = parser.parse_args()
    print(f"host: {os.cpu_count()} CPUs")
    with CodeVerifier(args.pool_size) as warm:
        measure(warm, 50)  # warm-up
        pool_rate = measure(warm, args.jobs)
        size = warm.pool.size
    print(f"warm pool ({size} containers): {args.jobs} jobs, {pool_rate:8.1f} jobs/s")
    with CodeVerifier(args.pool_size, per_job_containers=True) as cold:
        cold_rate = measure(cold, args.slow_jobs)
    print(f"one container per job     : {args.slow_jobs} jobs, {cold_rate:8.2f} jobs/s")
    print(f"ratio: warm pool is {pool_rate / cold_rate:.0f}x faster")


if __name__ == "__main__":
    main()
