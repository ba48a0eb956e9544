"""Write files and folders atomically: a uniquely named temporary sibling is renamed into place only when complete.

An interrupted or failed write (exception, Ctrl-C, SIGTERM) removes its temporary and leaves the previous output
as it was; two writers never share a temporary name.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from sq_layout.errors import OutputNotWritable


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
        raise OutputNotWritable(target, f"folder {parent} does not exist")
    if not parent.is_dir():
        raise OutputNotWritable(target, f"{parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputNotWritable(target, f"folder {parent} is not writable")
    if target.is_dir():
        raise OutputNotWritable(target, "a folder of that name exists; give a file name")


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a fresh temporary file path beside target; on success it replaces target, on failure it is removed."""
    target = Path(target)
    check_parent(target)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial" + target.suffix, dir=target.parent)
    except OSError as exc:
        raise OutputNotWritable(target, exc.strerror or str(exc)) from None
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
        raise OutputNotWritable(target, f"folder {target.parent} does not exist")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent))
    except OSError as exc:
        raise OutputNotWritable(target, exc.strerror or str(exc)) from None
    try:
        with _term_raises():
            yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def move_into(files: dict[Path, Path]) -> None:
    """Rename each finished temporary file onto its target (same file system), replacing earlier versions."""
    for src, dst in files.items():
        os.replace(src, dst)
