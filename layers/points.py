"""Points on the map as one compact binary file per point set, drawn and clustered in the browser (static/sqpoints.js).

The file (static/points/<content hash>.bin) is written once, atomically, and never changes, so a rerun that shows the
same points sends only its name, and the browser fetches a new file only when the set changes.
Layout, for n points: int32 latitude × 1e5, int32 longitude × 1e5, uint16 chain number (0 = none; the browser picks
its colour and name by it, so any number of chains), then one byte each for radius × 10, kind and approximate
(13 bytes a point; names never leave the server).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from layers.assets import STATIC_DIR, STATIC_URL, publish_once, versioned_url
from sq_layout.cache import cached

POINTS_DIR = STATIC_DIR / "points"
KEEP_FILES = 48  # the newest point sets kept on disk; a set in use is touched on every rerun, so it stays
DECIMALS = 5  # ~1 m: the click position the server matches a point by
COLUMNS = ["lat", "lng", "chain", "radius", "kind", "approximate"]


@dataclass(frozen=True)
class PointSet:
    """Where the browser fetches a point set, and its size."""

    url: str
    n: int
    bytes: int


def encode(points: pd.DataFrame) -> bytes:
    """The binary point set: int32 positions (degrees × 1e5), uint16 chain, then radius × 10, kind, approximate as
    bytes."""
    n = len(points)
    pos = np.rint(points[["lat", "lng"]].to_numpy(dtype=float).T * 10**DECIMALS).astype("<i4")
    chain = np.rint(points["chain"].to_numpy(dtype=float)).clip(0, 65535).astype("<u2")
    small = np.vstack(
        [
            points["radius"].to_numpy(dtype=float) * 10,
            points["kind"].to_numpy(dtype=float),
            points["approximate"].to_numpy(dtype=float),
        ]
    )
    small = np.rint(small).clip(0, 255).astype(np.uint8)
    out: bytes = pos.reshape(2 * n).tobytes() + chain.tobytes() + small.reshape(3 * n).tobytes()
    return out


@cached(
    16,
    key="an encoded point set's bytes (Python keeps a bytes object's hash, so the same set is looked up cheaply)",
    invalidated="never: the name is the content's",
)
def _file_name(data: bytes) -> str:
    """The point set's file name, its content's hash: computed once per set, not on every rerun that shows it."""
    return hashlib.sha256(data).hexdigest()[:20] + ".bin"


def publish(data: bytes, n: int) -> PointSet:
    """Write an encoded point set to static/points/<content hash>.bin (once) and say where the browser finds it."""
    name = _file_name(data)
    publish_once(POINTS_DIR, name, data, KEEP_FILES)
    return PointSet(STATIC_URL + "points/" + name, n, len(data))


def points_spec(
    points: PointSet, colors: list[str], names: list[str], texts: Mapping[str, object]
) -> dict[str, object]:
    """What the map frame needs to show a point set: its runtime, file, colours (index 0 for no chain, then a palette
    chain n takes entry (n - 1) % len + 1 of), names by chain number and texts; the same set does nothing."""
    return {
        "script": versioned_url("sqpoints.js"),
        "url": points.url,
        "n": points.n,
        "colors": colors,
        "chains": names,
        "texts": texts,
    }
