"""Serve Leaflet, the map runtime and the files it fetches from the app itself, so the map draws with no network."""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

import xstatic.pkg.leaflet as xleaflet

from sq_layout.atomic import write_bytes
from sq_layout.cache import cached

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
VENDOR_DIR = STATIC_DIR / "vendor" / "leaflet"
# Relative to a component frame (/component/<name>/index.html), so it also works under --server.baseUrlPath.
STATIC_URL = "../../app/static/"
GEO = "geo"  # the folder of static/ that holds a version's areas for the map frame (layers.geostore)
# The areas' path as the server sees a request for them, behind any --server.baseUrlPath (ui.warmup watches it).
AREAS_REQUEST_PATH = "/" + STATIC_URL.removeprefix("../../") + GEO + "/"


def geo_url(name: str) -> str:
    """The map frame's URL of a file in static/geo/."""
    return f"{STATIC_URL}{GEO}/{name}"


LEAFLET_JS = [("leaflet", STATIC_URL + "vendor/leaflet/leaflet.js")]
LEAFLET_CSS = [("leaflet_css", STATIC_URL + "vendor/leaflet/leaflet.css"), ("sq_css", STATIC_URL + "sq.css")]


def versioned_url(name: str) -> str:
    """The URL of a script in static/ with its content hash: browsers fetch it again when, and only when, it changes."""
    return _versioned_url(name, (STATIC_DIR / name).stat().st_mtime_ns)


@cached(16, key="a static file's name and modification time (a new file, a new key)")
def _versioned_url(name: str, mtime_ns: int) -> str:
    """Hashed once per file version, not on every rerun that draws a map."""
    digest = hashlib.sha1((STATIC_DIR / name).read_bytes()).hexdigest()[:10]
    return f"{STATIC_URL}{name}?v={digest}"


def static_path(url: str) -> Path:
    """The file behind a static URL (STATIC_URL and a relative path; a query string is dropped)."""
    return STATIC_DIR / url.removeprefix(STATIC_URL).split("?", 1)[0]


def keep_in_use(urls: Iterable[str]) -> bool:
    """Touch the files a page still shows, so pruning (oldest first) keeps them; False if one is already gone."""
    for url in urls:
        try:
            os.utime(static_path(url))
        except FileNotFoundError:
            return False
    return True


def publish_once(folder: Path, name: str, data: bytes, keep: int) -> None:
    """Write a content-named static file atomically unless it is there, then prune the folder to its `keep` newest
    files of that suffix (a file in use is touched on every call, so pruning keeps it)."""
    path = folder / name
    if path.exists() and path.stat().st_size == len(data):
        os.utime(path)
        return
    folder.mkdir(parents=True, exist_ok=True)
    write_bytes(path, data)
    for old in sorted(folder.glob("*" + path.suffix), key=lambda p: p.stat().st_mtime)[:-keep]:
        old.unlink(missing_ok=True)


def vendor_copy(package: ModuleType, vendor_dir: Path, note: str) -> Path:
    """Copy an xstatic package's files into static/vendor/ once per version; a half-copied folder is never served."""
    version = str(package.VERSION)
    marker = vendor_dir / f"VERSION-{version}"
    if marker.exists():
        return vendor_dir
    tmp = vendor_dir.with_name(f".{vendor_dir.name}.{os.getpid()}.{secrets.token_hex(4)}")
    shutil.copytree(str(package.BASE_DIR), tmp)
    (tmp / marker.name).write_text(f"{note} {version}\n", encoding="utf-8")
    old = vendor_dir.with_name(f".{vendor_dir.name}.old.{secrets.token_hex(4)}") if vendor_dir.exists() else None
    if old is not None:
        vendor_dir.rename(old)
    try:
        tmp.rename(vendor_dir)
    except OSError:  # another process put the same files in place first
        shutil.rmtree(tmp, ignore_errors=True)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return vendor_dir


def ensure_leaflet(vendor_dir: Path = VENDOR_DIR) -> Path:
    """Copy Leaflet's dist files from the installed xstatic-leaflet package into static/ (once)."""
    return vendor_copy(xleaflet, vendor_dir, "Leaflet from xstatic-leaflet (BSD-2-Clause)")
