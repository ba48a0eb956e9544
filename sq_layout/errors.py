"""Errors raised for bad input: they name the file, row, column and what was expected."""

from __future__ import annotations


class DataError(ValueError):
    """A data file (bundled or uploaded) is malformed; the message says where and what was expected."""

    def __init__(self, path: str, problems: list[str]):
        self.path = path
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{path}: {len(problems)} problem(s)\n{shown}{more}")
