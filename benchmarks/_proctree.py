"""Run a command and watch its whole process tree through /proc (Linux).

Pool workers started by a fork server are not children of the command, so
``getrusage(RUSAGE_CHILDREN)`` misses them. This samples every process in the
tree instead:

* ``peak_process_mb``: the largest peak RSS (``VmHWM``) of any one process;
  for the command itself the exact figure from ``wait4``;
* ``peak_tree_mb``: the largest sum over the tree of proportional set size
  (``Pss`` from ``smaps_rollup``, which shares copy-on-write pages fairly;
  ``VmRSS`` where that file is missing), sampled;
* ``cpu_seconds``: user + system time of every process seen, as last sampled
  (short by at most one sampling interval per process).
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def _tree(root: int) -> list[int]:
    children = _children_map()
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        queue.extend(children.get(pid, ()))
    return found


def _kb(text: str, key: str) -> int | None:
    for line in text.splitlines():
        if line.startswith(key):
            return int(line.split()[1])
    return None


def _sample(pid: int) -> tuple[int, int, float] | None:
    """(VmHWM kB, Pss or VmRSS kB, CPU seconds) of one process, or None if it is gone."""
    base = Path(f"/proc/{pid}")
    try:
        status = (base / "status").read_text()
        stat = (base / "stat").read_text()
        try:
            resident = _kb((base / "smaps_rollup").read_text(), "Pss:")
        except OSError:
            resident = None
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    cpu = (int(fields[11]) + int(fields[12])) / _TICKS
    hwm = _kb(status, "VmHWM:") or 0
    if resident is None:
        resident = _kb(status, "VmRSS:") or 0
    return hwm, resident, cpu


def run_watched(command: Sequence[str], *, interval: float = 0.1, **popen: Any) -> dict[str, Any]:
    """Run ``command`` to the end; its exit code, wall time, peak memory and CPU time."""
    start = time.perf_counter()
    process = subprocess.Popen(list(command), **popen)
    peak_hwm: dict[int, int] = {}
    cpu: dict[int, float] = {}
    peak_tree = 0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        tree_total = 0
        for member in _tree(process.pid):
            sample = _sample(member)
            if sample is None:
                continue
            hwm, resident, seconds = sample
            peak_hwm[member] = max(peak_hwm.get(member, 0), hwm)
            cpu[member] = seconds
            tree_total += resident
        peak_tree = max(peak_tree, tree_total)
        time.sleep(interval)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    # The command's own figures are exact; its children's as last sampled.
    peak_hwm[process.pid] = max(peak_hwm.get(process.pid, 0), usage.ru_maxrss)
    cpu[process.pid] = max(cpu.get(process.pid, 0.0), usage.ru_utime + usage.ru_stime)
    return {
        "returncode": process.returncode,
        "wall_seconds": wall,
        "peak_process_mb": max(peak_hwm.values()) / 1024,
        "peak_tree_mb": peak_tree / 1024,
        "cpu_seconds": sum(cpu.values()),
        "processes": len(peak_hwm),
    }
