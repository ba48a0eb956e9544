"""Names users type for areas, industries, sub-industries, chains and tiers: Chinese, English or id, all accepted."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sq_layout.errors import UnknownValue
from sq_layout.plan.dataset import Dataset

KINDS = ("areas", "industries", "subindustries", "chains", "tiers")
TIERS = pd.DataFrame(
    {"id": ["dominant", "leading"], "name": ["主导产业", "先导产业"], "name_en": ["Dominant", "Leading"]}
)
_WHAT = {"areas": "area", "industries": "industry", "subindustries": "sub-industry", "chains": "chain", "tiers": "tier"}


@dataclass(frozen=True)
class Named:
    """One choice: its id and its Chinese and English names."""

    id: str
    name: str
    name_en: str


def choices(ds: Dataset, kind: str) -> list[Named]:
    """Every valid value of a kind, in plan order."""
    if kind == "areas":
        t = ds.areas.rename(columns={"area_id": "id"})
    elif kind == "industries":
        t = ds.industries.rename(columns={"industry_id": "id"})
    elif kind == "subindustries":
        t = ds.subindustries.rename(columns={"subindustry_id": "id"})
    elif kind == "chains":
        t = ds.chains.assign(id=ds.chains["chain_no"].astype(str))
    elif kind == "tiers":
        t = TIERS
    else:
        raise UnknownValue("list", kind, KINDS)
    return [Named(str(r.id), str(r.name), str(r.name_en)) for r in t.itertuples()]


def _aliases(ds: Dataset, kind: str) -> dict[str, str]:
    """Every accepted spelling (case-folded) → id."""
    out: dict[str, str] = {}
    for c in choices(ds, kind):
        for a in (c.id, c.name, c.name_en):
            out.setdefault(a.casefold(), c.id)
    if kind == "areas":
        for r in ds.areas.itertuples():
            for short in (r.short_name, r.short_name_en):
                out.setdefault(str(short).casefold(), str(r.area_id))
    if kind == "tiers":
        out.update({"主导": "dominant", "先导": "leading"})
    return out


def resolve(ds: Dataset, kind: str, text: str) -> str:
    """The id a typed name stands for, or UnknownValue listing the choices with a did-you-mean."""
    hit = _aliases(ds, kind).get(str(text).strip().casefold())
    if hit is None:
        shown = [f"{c.id}={c.name}" if c.id != c.name else c.id for c in choices(ds, kind)]
        aliases = [a for c in choices(ds, kind) for a in (c.id, c.name, c.name_en)]
        raise UnknownValue(_WHAT[kind], text, shown, aliases)
    return hit


def resolve_chain(ds: Dataset, text: str) -> int:
    """A chain number from its number, Chinese or English name."""
    return int(resolve(ds, "chains", text))
