"""The seam where persistence plugs in: the investment tables as one value, and a repository that holds them.

The demo set lives in memory per session (MemoryRepository); the workspace keeps everything else per plan version
with its edit history (`sq_layout.invest.store_repository.StoreRepository`), behind the same two methods.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

import pandas as pd

from sq_layout.invest.schemas import (
    ACTUALS,
    CARRIERS,
    CHAIN_LEADS,
    CHAIN_TASKS,
    FIRMS,
    LINKS,
    PROJECTS,
    PROSPECTS,
    empty_table,
)
from sq_layout.invest.seed import plan_carriers, plan_firms, plan_projects, read_links
from sq_layout.plan.dataset import Dataset

if TYPE_CHECKING:
    from sq_layout.invest.importer import ImportResult


@dataclass(frozen=True, eq=False)
class InvestData:
    """Firms, projects, carrier parks, chain links, yearly actuals, target firms (prospects), 链长制 (chain_leads) and
    十个一 (chain_tasks); demo=True marks the fictional set."""

    firms: pd.DataFrame
    projects: pd.DataFrame
    carriers: pd.DataFrame
    links: pd.DataFrame
    actuals: pd.DataFrame
    demo: bool = False
    prospects: pd.DataFrame = field(default_factory=lambda: empty_table(PROSPECTS))
    chain_leads: pd.DataFrame = field(default_factory=lambda: empty_table(CHAIN_LEADS))
    chain_tasks: pd.DataFrame = field(default_factory=lambda: empty_table(CHAIN_TASKS))

    @classmethod
    def of(cls, tables: dict[str, pd.DataFrame], demo: bool = False) -> InvestData:
        """The record set from its tables by name (a table not given is empty)."""
        names = ("firms", "projects", "carriers", "links", "actuals", "prospects", "chain_leads", "chain_tasks")
        return cls(demo=demo, **{n: tables[n] for n in names if n in tables})

    def validated(self) -> InvestData:
        """The same tables, each checked against its schema (raises pandera's SchemaError)."""
        return replace(
            self,
            firms=FIRMS.validate(self.firms),
            projects=PROJECTS.validate(self.projects),
            carriers=CARRIERS.validate(self.carriers),
            links=LINKS.validate(self.links),
            actuals=ACTUALS.validate(self.actuals),
            prospects=PROSPECTS.validate(self.prospects),
            chain_leads=CHAIN_LEADS.validate(self.chain_leads),
            chain_tasks=CHAIN_TASKS.validate(self.chain_tasks),
        )


def plan_baseline(ds: Dataset) -> InvestData:
    """What the plan itself names: firms and 表三 projects where it states their area, carrier parks, chain links."""
    return InvestData(plan_firms(ds), plan_projects(ds), plan_carriers(ds), read_links(), empty_table(ACTUALS))


def _renumber(existing: pd.DataFrame, new: pd.DataFrame, key: str, prefix: str) -> pd.DataFrame:
    taken = existing[key].str.extract(rf"^{prefix}(\d+)$")[0].dropna().astype(int)
    start = int(taken.max()) + 1 if len(taken) else 1
    return new.assign(**{key: [f"{prefix}{start + i:05d}" for i in range(len(new))]})


def add_records(data: InvestData, new: dict[str, pd.DataFrame]) -> InvestData:
    """Append validated imports (by kind: firms, projects, actuals, prospects); actual figures replace the same
    chain/year/area."""
    firms, projects, actuals = data.firms, data.projects, data.actuals
    if "firms" in new and len(new["firms"]):
        firms = pd.concat([firms, _renumber(firms, new["firms"], "firm_id", "F")], ignore_index=True)
    if "projects" in new and len(new["projects"]):
        projects = pd.concat([projects, _renumber(projects, new["projects"], "project_id", "P")], ignore_index=True)
    prospects = data.prospects
    if "prospects" in new and len(new["prospects"]):
        fresh = _renumber(prospects, new["prospects"], "prospect_id", "T")
        prospects = pd.concat([prospects, fresh], ignore_index=True)
    if "actuals" in new and len(new["actuals"]):
        key = ["chain_no", "year", "area_id"]
        kept = actuals.merge(new["actuals"][key], on=key, how="left", indicator=True)
        actuals = pd.concat([actuals[(kept["_merge"] == "left_only").to_numpy()], new["actuals"]], ignore_index=True)
    return replace(data, firms=firms, projects=projects, actuals=actuals, prospects=prospects).validated()


class Repository(Protocol):
    """Where the investment tables live between reruns."""

    def load(self) -> InvestData:
        """The current tables."""
        ...

    def save(self, data: InvestData, note: str) -> int | None:
        """Replace the tables in one step, recording what changed and why (the change's id where one is kept)."""
        ...

    def can_write(self) -> bool:
        """Whether this repository's user may save (checked again, against the stored role, by every save)."""
        ...


@dataclass
class MemoryRepository:
    """In-memory tables (one per app session) with a log of saves; nothing outlives the process."""

    data: InvestData
    history: list[tuple[str, str]] = field(default_factory=list)

    def load(self) -> InvestData:
        """The current tables."""
        return self.data

    def can_write(self) -> bool:
        """Always: the session's own tables."""
        return True

    def save(self, data: InvestData, note: str) -> None:
        """Validate, then replace the tables; a failing validation leaves them as they were."""
        self.data = data.validated()
        self.history.append((datetime.now(UTC).isoformat(timespec="seconds"), note))


def replace_links(data: InvestData, chain_no: int, edited: pd.DataFrame) -> InvestData:
    """One chain's links as edited by a user (new rows get ids; blank source means 用户); validated as a whole."""
    rows = edited.dropna(subset=["name"]).copy()
    rows = rows[rows["name"].astype(str).str.strip() != ""]
    taken = set(data.links["link_id"])
    ids = []
    for lid in rows.get("link_id", pd.Series([None] * len(rows), index=rows.index)):
        if isinstance(lid, str) and lid:
            ids.append(lid)
            continue
        k = 1
        while f"c{chain_no}-u{k}" in taken:
            k += 1
        taken.add(f"c{chain_no}-u{k}")
        ids.append(f"c{chain_no}-u{k}")
    out = pd.DataFrame(
        {
            "link_id": ids,
            "chain_no": chain_no,
            "position": range(1, len(rows) + 1),
            "stage": rows["stage"].fillna("").astype(str).to_numpy(),
            "name": rows["name"].astype(str).str.strip().to_numpy(),
            "source": rows.get("source", pd.Series("", index=rows.index)).fillna("").replace("", "用户").to_numpy(),
            "line": pd.array(rows.get("line", pd.Series(pd.NA, index=rows.index)).to_numpy(), dtype="Int64"),
            "quote": rows.get("quote", pd.Series("", index=rows.index)).fillna("").astype(str).to_numpy(),
        }
    )
    others = data.links[data.links["chain_no"] != chain_no]
    return replace(data, links=pd.concat([others, out], ignore_index=True)).validated()


def import_upload(
    repo: Repository, ds: Dataset, name: str, content: bytes, crs: str = "wgs84", kind: str | None = None
) -> list[ImportResult]:
    """Read an uploaded file; only when every row of every sheet passes, add its records to `repo` in one save.

    Who may save is checked before the file is read (PermissionDenied): a visitor's upload is never parsed."""
    from sq_layout.errors import PermissionDenied
    from sq_layout.invest.importer import read_upload

    if not repo.can_write():
        raise PermissionDenied(None, None, "import")
    data = repo.load()
    results = read_upload(ds, name, content, data.links, crs, kind)
    if results and all(r.ok for r in results):
        repo.save(add_records(data, {r.kind: r.table for r in results if r.table is not None}), f"import {name}")
    return results
