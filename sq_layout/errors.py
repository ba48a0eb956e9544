"""The package's exceptions for user mistakes: each names the file, row and column or lists the valid choices.

Anything else raised is a bug and keeps its traceback (the CLI exits 1 for those, 2 for a `UserError`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

from sq_layout.i18n import Lang
from sq_layout.i18n.lang import Said


def system_reason(exc: OSError, lang: Lang) -> str:
    """Why the operating system refused, in `lang`: a common refusal in words (i18n `os_<errno name>`), any other as
    the system gave it."""
    import errno

    from sq_layout.i18n import t
    from sq_layout.i18n.refusals import OS_REASONS

    name = errno.errorcode.get(exc.errno or 0, "")
    return t(f"os_{name}", lang) if name in OS_REASONS else str(exc.strerror or exc)


def _said(key: str, params: Mapping[str, object], lang: Lang) -> str:
    """A string-table entry filled in for `lang`."""
    return Said(key, **params).text(lang)


def _named(values: Mapping[str, object], lang: Lang) -> Mapping[str, object]:
    """A message's values with the kind of thing it names (`what`) in words: i18n.refusals.WHATS, or a column's
    header; anything else as given."""
    from sq_layout.i18n import HEADERS
    from sq_layout.i18n.refusals import WHATS

    what = values.get("what")
    if not isinstance(what, str) or not (what in WHATS or what in HEADERS):
        return values
    return {**values, "what": (WHATS[what] if what in WHATS else HEADERS[what])[lang]}


class UserError(Exception):
    """Base of every mistake the user can fix: the message is one line meant for them.

    `str()` is the English for logs; `text(lang)` the reader's language: a string-table entry (`key` filled with
    `params`) when the error has one, a subclass's own rendering, else the message as raised."""

    key: str = ""
    params: Mapping[str, object] = MappingProxyType({})

    def __init__(self, *args: object, key: str = "", params: Mapping[str, object] | None = None) -> None:
        if key:
            self.key, self.params = key, dict(params or {})
        super().__init__(*(args or ((_said(key, self.params, "en"),) if key else ())))

    def text(self, lang: Lang) -> str:
        """The message in `lang`."""
        return _said(self.key, self.params, lang) if self.key else str(self)


def said(exc: BaseException, lang: Lang) -> str:
    """An exception's first line for a reader: a user error's in `lang`, anything else's as raised."""
    text = exc.text(lang) if isinstance(exc, UserError) else str(exc)
    return text.splitlines()[0] if text else type(exc).__name__


PROBLEM_CHARS = 600  # a problem repeats at most this much of the file, however long its values


def _short(text: str) -> str:
    return text if len(text) <= PROBLEM_CHARS else f"{text[:PROBLEM_CHARS]}… ({len(text):,} chars)"


class DataError(UserError, ValueError):
    """A data file (bundled or uploaded) is malformed; the message says where and what was expected.

    A problem is a line already worded for its reader, or a `Said` worded when read (`lines(lang)`); `problems` are
    the English lines (logs)."""

    def __init__(self, path: str, problems: Sequence[str | Said]):
        self.path = _short(path)
        self.said = list(problems)
        self.problems = self.lines("en")
        shown = "\n".join(f"  - {p}" for p in self.problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{self.path}: {len(problems)} problem(s)\n{shown}{more}")

    def lines(self, lang: Lang) -> list[str]:
        """Each problem in `lang` (a line worded when it was found stays as it is)."""
        return [_short(p.text(lang) if isinstance(p, Said) else p) for p in self.said]

    def text(self, lang: Lang) -> str:
        """The file and how many problems in `lang`, then the problems in `lang` (a limit: its sentence)."""
        if self.key:
            return super().text(lang)
        lines = self.lines(lang)
        head = _said("pi_problems", {"path": self.path, "n": len(lines)}, lang)
        more = len(lines) - 20
        tail = [f"  {_said('pi_more', {'n': more}, lang)}"] if more > 0 else []
        return "\n".join([head, *(f"  - {p}" for p in lines[:20]), *tail])


# --- workspace store and plan-version imports ---
class UnknownVersion(UserError, KeyError):
    """A plan version id that the workspace does not hold; the message lists the ones it does."""

    def __init__(self, version_id: object, known: list[int]):
        self.version_id = version_id
        self.known = known
        super().__init__(f"unknown plan version {version_id!r}; the workspace has {known}")

    def text(self, lang: Lang) -> str:
        """The version asked for and the ones the workspace has, in `lang`."""
        from sq_layout.i18n.lang import Listed

        return _said("err_unknown_version", {"v": self.version_id, "known": Listed(map(str, self.known))}, lang)

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownAreas(DataError):
    """Boundaries given for areas the version does not have; the problems list the valid area ids."""


class ImportRejected(DataError):
    """An import failed its checks; problems name the sheet or file, row and column. Nothing was saved."""


class UploadTooLarge(DataError):
    """An uploaded file is over a limit of sq_layout.upload_limits, which the message states; nothing was read.

    `key`/`params` give the message in zh/en (sq_layout.i18n); `text(lang)` renders it."""

    def __init__(
        self, path: str, problems: Sequence[str | Said], key: str = "", params: Mapping[str, object] | None = None
    ):
        super().__init__(path, problems)
        self.key, self.params = key, dict(params or {})


class WorkspaceUnavailable(UserError, ValueError):
    """The workspace database cannot be opened (bad URL, server down, no PostGIS); the message says which and why."""


class WorkspaceBusy(UserError, RuntimeError):
    """A write waited longer than the workspace allows (a lock held by another session, or a statement that ran too
    long); its transaction was rolled back, so nothing was saved. Pages say it with the i18n key `workspace_busy`."""

    def __init__(self) -> None:
        super().__init__(
            "the workspace is busy: another session holds what this change needs, or it ran too long; "
            "nothing was saved — try again in a moment"
        )
        self.key = "workspace_busy"


class BoundaryImportError(DataError):
    """A boundary file a user brought cannot be imported; `key`/`params` give the message in zh/en (sq_layout.i18n)."""

    def __init__(
        self, path: str, problems: Sequence[str | Said], key: str = "", params: Mapping[str, object] | None = None
    ):
        super().__init__(path, problems)
        self.key, self.params = key, dict(params or {})


class BoundaryFileTooLarge(BoundaryImportError):
    """The uploaded boundary file is over the size limit (the limit is in the message)."""


class BoundaryFormatError(BoundaryImportError):
    """The upload is not a readable GeoJSON, zipped Shapefile, GeoPackage or KML/KMZ."""


class BoundaryCRSRequired(BoundaryImportError):
    """The file declares no usable coordinate system: the user must choose one (a suggestion is attached)."""

    def __init__(self, path: str, problems: Sequence[str | Said], suggestion: str | None, choices: tuple[str, ...]):
        super().__init__(path, problems, "bnd_crs_required", {"suggestion": suggestion or "—"})
        self.suggestion = suggestion
        self.choices = choices


class UnknownValue(UserError, KeyError):
    """A typed name (area, industry, chain, format …) matches nothing; lists the choices and a close match."""

    def __init__(self, what: str, value: object, choices: Iterable[str], aliases: Iterable[str] = ()):
        self.what = what
        self.value = value
        self.choices = list(dict.fromkeys(choices))
        pool = list(dict.fromkeys([*aliases, *self.choices]))
        close = difflib.get_close_matches(str(value), pool, n=1, cutoff=0.5)
        self.close = close[0] if close else None
        super().__init__(self.text("en"))

    def text(self, lang: Lang) -> str:
        """What was typed, a close match and the choices, in `lang` (sq_layout.i18n.refusals.WHATS names `what`)."""
        from sq_layout.i18n.lang import Listed

        hint = _said("err_did_you_mean", {"close": self.close}, lang) if self.close else ""
        values = {"what": self.what, "value": self.value, "hint": hint, "choices": Listed(self.choices)}
        return _said("err_unknown", _named(values, lang), lang)

    def __str__(self) -> str:
        return str(self.args[0])


class BadInput(UserError, ValueError):
    """An option or request that cannot be honoured as given (out of range, wrong suffix, empty selection …): a
    string-table key (sq_layout.i18n.refusals) and its values; `str()` is the English."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key=key, params=params)


class ConfigError(UserError, ValueError):
    """A setting (an environment variable) holds a value the app cannot use; names the setting, value and what fits."""

    def __init__(self, setting: str, value: str, expected: str):
        """`expected`: the string-table key of what would fit (sq_layout.i18n.refusals, `cfg_*`)."""
        self.setting, self.value, self.expected_key = setting, value, expected
        self.expected = _said(expected, {}, "en")
        super().__init__(f"{setting}: {value!r} is not {self.expected}")

    def text(self, lang: Lang) -> str:
        """The setting, its value and what would fit, in `lang`."""
        values = {"setting": self.setting, "value": self.value, "expected": _said(self.expected_key, {}, lang)}
        return _said("err_config", values, lang)


class OutputNotWritable(UserError, OSError):
    """The output path cannot be written (missing or read-only folder, a folder where a file is meant …)."""

    def __init__(
        self, path: object, reason: str = "", *, why: str = "", system: OSError | None = None, **values: object
    ):
        """`reason` as given, or the system's refusal `system`, or `why`: a string-table key filled with `values`
        (then `reason` is made from it)."""
        self.path, self.system = path, system
        self.reason = _said(why, values, "en") if why else system_reason(system, "en") if system else reason
        self.why, self.values = why, values
        super().__init__(f"cannot write {path}: {self.reason}")

    def text(self, lang: Lang) -> str:
        """The path and why, in `lang` (the system's refusal in words where it is a common one)."""
        if self.why:
            reason = _said(self.why, self.values, lang)
        else:
            reason = system_reason(self.system, lang) if self.system else self.reason
        return _said("err_not_writable", {"path": self.path, "reason": reason}, lang)

    def __str__(self) -> str:
        return str(self.args[0])


# --- editing: drafts, history, sign-in ---
class EditRejected(UserError, ValueError):
    """An edit failed its checks; `problems` are (i18n key, values) pairs, shown in the user's language."""

    def __init__(self, problems: list[tuple[str, dict[str, object]]]):
        self.problems = problems
        super().__init__("; ".join(self.messages("en")))

    def messages(self, lang: Lang) -> list[str]:
        """Each problem as a sentence in `lang` (what it names in words)."""
        return [
            _said(key, _named(values, lang) if key == "ev_unknown" else values, lang) for key, values in self.problems
        ]

    def text(self, lang: Lang) -> str:
        """The problems in `lang`, one a line."""
        return "\n".join(self.messages(lang))


class EditConflict(UserError, ValueError):
    """Someone saved the same record since the editor loaded it; nothing was written.

    `current` is the record as it is now (None: removed), `expected_rev`/`current_rev` the revisions."""

    def __init__(self, table: str, row_no: int, expected_rev: int, current: dict[str, object] | None):
        self.table, self.row_no, self.expected_rev, self.current = table, row_no, expected_rev, current
        self.current_rev = int(str(current["rev"])) if current else None
        now = "removed" if current is None else f"now at revision {self.current_rev}"
        super().__init__(f"{table} row {row_no} changed since revision {expected_rev} ({now}); nothing was saved")

    def text(self, lang: Lang) -> str:
        """The table in words, the record and the revisions, in `lang`."""
        from sq_layout.i18n.shown import sheet_name

        key = "err_edit_conflict_removed" if self.current is None else "err_edit_conflict"
        values = {"table": sheet_name(self.table, lang), "row": self.row_no, "rev": self.expected_rev}
        return _said(key, {**values, "now": self.current_rev}, lang)


class PermissionDenied(UserError, PermissionError):
    """The acting user's role does not allow this action (the store checks it on every write)."""

    def __init__(self, user: str | None, role: str | None, action: str):
        self.user, self.role, self.action = user, role, action
        super().__init__(f"{user or 'anonymous'} ({role or 'no account'}) may not {action}")

    def text(self, lang: Lang) -> str:
        """Who, with which role, may not do what, in `lang`."""
        from sq_layout.i18n import t

        role = t(f"role_{self.role}", lang) if self.role else t("err_no_account", lang)
        values = {"user": self.user or t("err_anonymous", lang), "role": role, "action": t(f"perm_{self.action}", lang)}
        return _said("err_denied", values, lang)


# --- investment records in the workspace ---
class DemoNotStored(UserError, ValueError):
    """The fictional demo set (示例数据) is never written into the workspace; it stays in the page's session."""

    key = "inv_store_demo"


class InvestConflict(UserError, ValueError):
    """A version's investment records were saved by someone else since they were loaded; nothing was saved."""

    def __init__(self, version_id: int, who: str, when: str, why: str = ""):
        self.version_id, self.who, self.when, self.why = version_id, who, when, why
        because = f" ({why})" if why else ""
        super().__init__(
            f"the investment records of version {version_id} were saved by {who} at {when}{because} since you loaded "
            "them; nothing was saved — reload and repeat your change"
        )

    def text(self, lang: Lang) -> str:
        """Who saved when (Beijing time) and why, in `lang`, as the investment pages say it."""
        from sq_layout.i18n.shown import when, who

        values = {"who": who(self.who, lang), "when": when(self.when, lang), "why": self.why or "—"}
        return _said("inv_store_conflict", values, lang)
