"""Peak memory of ``syrdiplo extract --jsonl`` on 2,000 against 20,000 articles.

    python benchmarks/bench_memory.py [--sizes 2000 20000] [--jobs 1] [--json]

For each size, writes a batch (the samples repeated) and runs the command line
on it in a fresh process, output to a file, watching its process tree through
/proc (``_proctree``): the peak resident set size of the largest single process
(for the command itself the exact ``wait4`` figure, the same as
``getrusage(RUSAGE_CHILDREN).ru_maxrss``), and, with ``--jobs`` above 1, the
sampled peak of the whole tree (the parent, the fork server and the workers,
by proportional set size). Streaming means neither should grow with the batch:
the report gives the ratio of the largest batch's peak to the smallest's.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from _articles import cli, machine, write_batch
from _proctree import run_watched


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    runs = []
    before = machine()
    with tempfile.TemporaryDirectory(prefix="syrdiplo-bench-") as folder:
        for size in sorted(args.sizes):
            batch = write_batch(Path(folder) / f"batch{size}.jsonl", size)
            output = Path(folder) / "out.jsonl"
            command = cli(
                "extract",
                "--jsonl",
                str(batch),
                "--jobs",
                str(args.jobs),
                "--no-progress",
                "-o",
                str(output),
            )
            run = run_watched(command, stdout=subprocess.DEVNULL)
            if run["returncode"] not in (0, 3):
                sys.exit(f"{' '.join(command)} failed ({run['returncode']})")
            with open(output, "rb") as handle:
                lines = sum(1 for _ in handle)
            runs.append(
                {
                    "articles": size,
                    "input_mb": round(batch.stat().st_size / 2**20, 1),
                    "output_lines": lines,
                    "peak_rss_mb": round(run["peak_process_mb"], 1),
                    "peak_tree_mb": round(run["peak_tree_mb"], 1),
                    "processes": run["processes"],
                    "wall_seconds": round(run["wall_seconds"], 2),
                }
            )
            batch.unlink()
    after = machine()
    report: dict[str, Any] = {
        "jobs": args.jobs,
        "runs": runs,
        "growth": round(runs[-1]["peak_rss_mb"] / runs[0]["peak_rss_mb"], 3),
        "tree_growth": round(runs[-1]["peak_tree_mb"] / max(runs[0]["peak_tree_mb"], 0.1), 3),
        "machine_before": before,
        "load_average_after": after["load_average"],
    }
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
    else:
        print(markdown(report))
    complete = all(r["output_lines"] == r["articles"] for r in runs)
    return 0 if complete else 1


def markdown(report: dict[str, Any]) -> str:
    lines = [
        f"## Peak memory of `syrdiplo extract --jsonl --jobs {report['jobs']}`",
        "",
        "| articles | input MB | output lines | peak RSS MB, largest process | peak MB, whole tree (PSS, sampled) | processes | wall s |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in report["runs"]:
        lines.append(
            f"| {run['articles']:,} | {run['input_mb']} | {run['output_lines']:,} | "
            f"{run['peak_rss_mb']} | {run['peak_tree_mb']} | {run['processes']} | {run['wall_seconds']} |"
        )
    m = report["machine_before"]
    first, last = report["runs"][0], report["runs"][-1]
    lines += [
        "",
        f"Peak at {last['articles']:,} articles / peak at {first['articles']:,}: "
        f"{report['growth']}x (largest process), {report['tree_growth']}x (whole tree).",
        f"Python {m['python']}, {m['cores']} cores, load average {m['load_average']} before "
        f"and {report['load_average_after']} after; commit {m['commit']}.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
