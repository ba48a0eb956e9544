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


# --- workspace store and plan-version imports ---
class UnknownVersion(KeyError):
    """A plan version id that the workspace does not hold; the message lists the ones it does."""

    def __init__(self, version_id: object, known: list[int]):
        self.version_id = version_id
        self.known = known
        super().__init__(f"unknown plan version {version_id!r}; the workspace has {known}")


class UnknownAreas(DataError):
    """Boundaries given for areas the version does not have; the problems list the valid area ids."""


class ImportRejected(DataError):
    """An import failed its checks; problems name the sheet or file, row and column. Nothing was saved."""


class UploadTooLarge(DataError):
    """An uploaded file is over the size limit, which the message states."""


class WorkspaceUnavailable(ValueError):
    """The workspace database cannot be opened (bad URL, server down, no PostGIS); the message says which and why."""


# --- editing: drafts, history, sign-in ---
class EditRejected(ValueError):
    """An edit failed its checks; `problems` are (i18n key, values) pairs, shown in the user's language."""

    def __init__(self, problems: list[tuple[str, dict[str, object]]]):
        self.problems = problems
        super().__init__("; ".join(self.messages("en")))

    def messages(self, lang: str) -> list[str]:
        """Each problem as a sentence in `lang`."""
        from sq_layout.i18n import t

        return [t(key, lang).format(**values) for key, values in self.problems]


class EditConflict(ValueError):
    """Someone saved the same record since the editor loaded it; nothing was written.

    `current` is the record as it is now (None: removed), `expected_rev`/`current_rev` the revisions."""

    def __init__(self, table: str, row_no: int, expected_rev: int, current: dict[str, object] | None):
        self.table, self.row_no, self.expected_rev, self.current = table, row_no, expected_rev, current
        self.current_rev = int(str(current["rev"])) if current else None
        now = "removed" if current is None else f"now at revision {self.current_rev}"
        super().__init__(f"{table} row {row_no} changed since revision {expected_rev} ({now}); nothing was saved")


class PermissionDenied(PermissionError):
    """The acting user's role does not allow this action (the store checks it on every write)."""
