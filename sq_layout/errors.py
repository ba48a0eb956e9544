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


class BoundaryImportError(DataError):
    """A boundary file a user brought cannot be imported; `key`/`params` give the message in zh/en (sq_layout.i18n)."""

    def __init__(self, path: str, problems: list[str], key: str = "", params: dict[str, object] | None = None):
        super().__init__(path, problems)
        self.key = key
        self.params = params or {}


class BoundaryFileTooLarge(BoundaryImportError):
    """The uploaded boundary file is over the size limit (the limit is in the message)."""


class BoundaryFormatError(BoundaryImportError):
    """The upload is not a readable GeoJSON, zipped Shapefile, GeoPackage or KML/KMZ."""


class BoundaryCRSRequired(BoundaryImportError):
    """The file declares no usable coordinate system: the user must choose one (a suggestion is attached)."""

    def __init__(self, path: str, problems: list[str], suggestion: str | None, choices: tuple[str, ...]):
        super().__init__(path, problems, "bnd_crs_required", {"suggestion": suggestion or "—"})
        self.suggestion = suggestion
        self.choices = choices
