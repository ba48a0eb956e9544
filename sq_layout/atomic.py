"""Write files and folders atomically: a uniquely named temporary sibling is renamed into place only when complete.

An interrupted or failed write (exception, Ctrl-C, SIGTERM) removes its temporary and leaves the previous output
as it was; two writers never share a temporary name. Every temporary file or folder (beside an output, or in the
system's temporary folder through `scratch`) is named `…sq-partial-<pid>-…`: a run killed outright (SIGKILL, power
loss) cannot clean up, so the next run in that folder removes those older than STALE_MINUTES whose process is gone.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from sq_layout.errors import OutputNotWritable

TAG = "sq-partial"
STALE_MINUTES = 10  # a leftover younger than this is left alone even if its process is gone (pid reuse, clocks)
_LEFTOVER = re.compile(rf"{TAG}-(\d+)-")


def _tag() -> str:
    return f"{TAG}-{os.getpid()}-"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def sweep(folder: str | Path, max_age_s: float = STALE_MINUTES * 60) -> list[Path]:
    """Remove the temporaries of killed runs in folder (tagged, older than max_age_s, their process gone)."""
    removed = []
    with contextlib.suppress(OSError):
        for path in Path(folder).iterdir():
            m = _LEFTOVER.search(path.name)
            if not m or _alive(int(m.group(1))):
                continue
            with contextlib.suppress(OSError):
                if time.time() - path.lstat().st_mtime < max_age_s:
                    continue
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed.append(path)
    return removed


def _raise_on_term(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@contextlib.contextmanager
def _term_raises() -> Iterator[None]:
    """While writing from the main thread, SIGTERM unwinds like Ctrl-C so the temporary is cleaned up."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_on_term)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def check_parent(target: Path) -> None:
    """Raise OutputNotWritable unless target's folder exists, is a folder and is writable."""
    parent = target.parent
    if not parent.exists():
        raise OutputNotWritable(target, why="why_no_folder", folder=parent)
    if not parent.is_dir():
        raise OutputNotWritable(target, why="why_not_folder", folder=parent)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputNotWritable(target, why="why_folder_read_only", folder=parent)
    if target.is_dir():
        raise OutputNotWritable(target, why="why_is_folder")


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a fresh temporary file path beside target; on success it replaces target, on failure it is removed."""
    target = Path(target)
    check_parent(target)
    sweep(target.parent)
    try:
        prefix, suffix = f".{_bounded(target.name)}.{_tag()}", target.suffix[:16]
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=target.parent)
    except OSError as exc:
        raise OutputNotWritable(target, system=exc) from None
    os.close(fd)
    tmp = Path(name)
    try:
        with _term_raises():
            yield tmp
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes(target: str | Path, data: bytes) -> Path:
    """Write data to target atomically and return target."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


@contextlib.contextmanager
def temp_dir_beside(target: str | Path) -> Iterator[Path]:
    """Yield a fresh, uniquely named temporary folder beside target, removed afterwards whatever happens."""
    target = Path(target)
    if not target.parent.is_dir():
        raise OutputNotWritable(target, why="why_no_folder", folder=target.parent)
    sweep(target.parent)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{_bounded(target.name)}.{_tag()}", dir=target.parent))
    except OSError as exc:
        raise OutputNotWritable(target, system=exc) from None
    try:
        with _term_raises():
            yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _bounded(name: str) -> str:
    return name[:60]  # the temporary's name stays within the file system's 255 bytes whatever the target's


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    """A fresh working folder in the system's temporary folder, removed afterwards whatever happens (and, after a
    SIGKILL, by a later run)."""
    base = Path(tempfile.gettempdir())
    sweep(base)
    tmp = Path(tempfile.mkdtemp(prefix=_tag(), dir=base))
    try:
        with _term_raises():
            yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def folder_into_place(target: str | Path) -> Iterator[Path]:
    """Yield a temporary folder beside target; on success it replaces target (a folder), on failure it is removed."""
    target = Path(target)
    with temp_dir_beside(target) as tmp:
        yield tmp
        if target.is_dir() and not target.is_symlink():
            old = target.with_name(f".{_bounded(target.name)}.{_tag()}old")
            os.replace(target, old)
            os.replace(tmp, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, target)


def move_into(files: dict[Path, Path]) -> None:
    """Rename each finished temporary file onto its target (same file system), replacing earlier versions."""
    for src, dst in files.items():
        os.replace(src, dst)
