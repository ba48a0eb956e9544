"""A bench's figures, written to bench/figures/<bench>.json, from which `python -m bench.report` makes
docs/performance.md. Every figure a guide shows comes from such a file: none is typed by hand.

    fig = Figures("bench_app", "The explorer's reruns", "from a click or a filter to the page updated")
    fig.add("browser", "click -> card shown", samples=[0.21, 0.25, 0.23], unit="s", column="9 areas")
    fig.ratio("browser", "app / one-widget page", app_samples, bare_samples, column="cold start")
    fig.write()

Rows of one table that share a metric are shown side by side, one column each. A figure with samples shows their
median and range; pairs counts the interleaved rounds a ratio was measured over.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FIGURES = Path(__file__).resolve().parent / "figures"
CPU_NOTE = (
    "On a loaded machine the wall clock is several times the CPU time the process itself used; on an idle "
    "2-core machine the two are close, so the CPU column is the better estimate of what a user of an idle "
    "machine waits."
)


def load_average() -> list[float]:
    """The machine's load average over 1, 5 and 15 minutes, rounded to hundredths."""
    return [round(x, 2) for x in os.getloadavg()]


def machine() -> dict[str, Any]:
    """What the figures were measured on: cores, processor, memory, system and Python."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(int(s.split()[1]) for s in Path("/proc/meminfo").read_text().splitlines() if s.startswith("MemT"))
    except (OSError, StopIteration):
        mem_kb = 0
    return {
        "cores": os.cpu_count(),
        "cpu": cpu or platform.processor(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


class Figures:
    """One bench run's figure set: rows of (table, metric, column) with value, unit, samples and pairs."""

    def __init__(self, bench: str, title: str, measures: str, *, command: str | None = None) -> None:
        self.bench, self.title, self.measures = bench, title, measures
        self.command = command or "python -m bench." + bench + "".join(f" {a}" for a in sys.argv[1:])
        self.load_before = load_average()
        self.load_after: list[float] | None = None  # at write() unless a bench sets when its measuring ended
        self.started = datetime.now(UTC)
        self.rows: list[dict[str, Any]] = []
        self.notes: list[str] = []

    def add(
        self,
        table: str,
        metric: str,
        value: float | int | str | None = None,
        *,
        unit: str = "",
        samples: list[float] | None = None,
        pairs: int | None = None,
        column: str = "",
        target: str = "",
    ) -> None:
        """A figure: its value (the median of samples when given), unit, samples and the interleaved pairs behind it."""
        if value is None and samples:
            value = statistics.median(samples)
        row: dict[str, Any] = {"table": table, "metric": metric, "column": column, "value": value, "unit": unit}
        if samples:
            row["samples"] = [round(s, 6) for s in samples]
        if pairs:
            row["pairs"] = pairs
        if target:
            row["target"] = target
        self.rows.append(row)

    def ratio(
        self, table: str, metric: str, a: list[float], b: list[float], *, column: str = "", target: str = ""
    ) -> float:
        """The ratio of interleaved pairs a[i] / b[i]: their median, with every pair's ratio as samples."""
        if len(a) != len(b) or not a:
            raise ValueError(f"{metric}: {len(a)} against {len(b)} samples; a ratio needs pairs")
        each = [x / y for x, y in zip(a, b, strict=True)]
        self.add(table, metric, unit="×", samples=each, pairs=len(each), column=column, target=target)
        return statistics.median(each)

    def add_wall_and_cpu(
        self, table: str, metric: str, wall: float | list[float], cpu: float | list[float], *, target: str = ""
    ) -> None:
        """A timing as two figures side by side: the wall clock and the CPU time of the measuring process itself."""
        for column, value in (("wall clock", wall), ("CPU (the process's own)", cpu)):
            if isinstance(value, list):
                self.add(table, metric, samples=value, unit="s", column=column, target=target)
            else:
                self.add(table, metric, value, unit="s", column=column, target=target)
        if CPU_NOTE not in self.notes:
            self.notes.append(CPU_NOTE)

    def note(self, text: str) -> None:
        """A sentence the guide prints under the bench's table (what the figures say, what was left out)."""
        self.notes.append(text)

    def as_dict(self) -> dict[str, Any]:
        """The figure set as the JSON the report reads."""
        return {
            "bench": self.bench,
            "title": self.title,
            "measures": self.measures,
            "command": self.command,
            "date": self.started.strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(),
            "load_average": {"before": self.load_before, "after": self.load_after or load_average()},
            "figures": self.rows,
            "notes": self.notes,
        }

    def write(self, name: str | None = None) -> Path:
        """Write bench/figures/<name>.json at once (a temporary file renamed), so a reader never sees half a file."""
        FIGURES.mkdir(exist_ok=True)
        out = FIGURES / f"{name or self.bench}.json"
        text = json.dumps(self.as_dict(), indent=1, ensure_ascii=False) + "\n"
        with tempfile.NamedTemporaryFile("w", dir=FIGURES, suffix=".tmp", delete=False, encoding="utf-8") as fh:
            fh.write(text)
        os.replace(fh.name, out)
        print(f"figures written to {out.relative_to(FIGURES.parent.parent)}")
        return out
