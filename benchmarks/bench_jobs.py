"""Wall time of ``syrdiplo extract --jsonl`` with ``--jobs 1`` against ``--jobs 2``.

    python benchmarks/bench_jobs.py [--articles 2000] [--rounds 3] [--jobs 2] [--json]

Writes a batch of ``--articles`` articles (the samples repeated, each copy
published a day later than the one before), then runs the command line on it
with ``--jobs 1`` and with ``--jobs N``, alternating, ``--rounds`` times, each a
fresh process (start-up, plugin loading and the pool's start included), output
to a file. The ratio is taken within a round, ``jobs 1`` over ``jobs N``, and
reported as the median and range over rounds. The outputs of the two are
compared byte for byte. CPU seconds (user + system of the command and every
process it starts, sampled through /proc by ``_proctree``) show how much work
the pool adds.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from _articles import cli, fmt_ratio, machine, spread, write_batch
from _proctree import run_watched


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the command and all it starts) of one command."""
    run = run_watched(command, stdout=subprocess.DEVNULL)
    if run["returncode"] not in (0, 3):
        sys.exit(f"{' '.join(command)} failed ({run['returncode']})")
    return run["wall_seconds"], run["cpu_seconds"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2, help="the pool size to compare with 1")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="syrdiplo-bench-") as folder:
        batch = write_batch(Path(folder) / "batch.jsonl", args.articles)
        outputs = {1: Path(folder) / "jobs1.jsonl", args.jobs: Path(folder) / "jobsN.jsonl"}
        before = machine()
        walls: dict[int, list[float]] = {1: [], args.jobs: []}
        cpus: dict[int, list[float]] = {1: [], args.jobs: []}
        for number in range(args.rounds):
            order = [1, args.jobs] if number % 2 == 0 else [args.jobs, 1]
            for jobs in order:
                wall, cpu = timed(
                    cli(
                        "extract",
                        "--jsonl",
                        str(batch),
                        "--jobs",
                        str(jobs),
                        "--no-progress",
                        "-o",
                        str(outputs[jobs]),
                    )
                )
                walls[jobs].append(wall)
                cpus[jobs].append(cpu)
        same = filecmp.cmp(outputs[1], outputs[args.jobs], shallow=False)
        after = machine()

    report: dict[str, Any] = {
        "articles": args.articles,
        "rounds": args.rounds,
        "jobs": args.jobs,
        "wall_seconds": {f"jobs {j}": spread(v) for j, v in walls.items()},
        "cpu_seconds": {f"jobs {j}": spread(v) for j, v in cpus.items()},
        "speedup": spread(
            [one / many for one, many in zip(walls[1], walls[args.jobs], strict=True)]
        ),
        "identical_output": same,
        "machine_before": before,
        "load_average_after": after["load_average"],
    }
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
    else:
        print(markdown(report))
    return 0 if same else 1


def markdown(report: dict[str, Any]) -> str:
    lines = [
        f"## --jobs 1 vs --jobs {report['jobs']}: {report['articles']} articles x {report['rounds']} rounds",
        "",
        "| run | wall s (median) | runs | CPU s (median) |",
        "|---|---:|---|---:|",
    ]
    for name, wall in report["wall_seconds"].items():
        cpu = report["cpu_seconds"][name]
        lines.append(
            f"| {name} | {wall['median']:.2f} | {wall['min']:.2f}–{wall['max']:.2f} | {cpu['median']:.2f} |"
        )
    m = report["machine_before"]
    lines += [
        "",
        f"Speed-up (jobs 1 / jobs {report['jobs']}, wall): {fmt_ratio(report['speedup'])}. "
        f"Outputs identical: {'yes' if report['identical_output'] else 'NO'}.",
        f"Python {m['python']}, {m['cores']} cores, load average {m['load_average']} before "
        f"and {report['load_average_after']} after; commit {m['commit']}.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
