"""Import a plan version from the Excel template, CSV tables or a bundle folder/zip: check all, then one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sq_layout.errors import ImportRejected
from sq_layout.i18n import Lang, t
from sq_layout.i18n.lang import join_list
from sq_layout.imports.plan_bundle import read_bundle
from sq_layout.imports.plan_template import read_csvs, read_workbook
from sq_layout.plan.check import Checked
from sq_layout.store import Workspace

ACCEPTED = (".xlsx", ".csv", ".txt", ".zip")


@dataclass(frozen=True)
class PlanImport:
    """The outcome of an import: the new version ('draft' or 'published', and the version it superseded when
    published) and the areas it lists but cannot draw yet."""

    version_id: int
    title: str
    undrawn: tuple[str, ...]
    kind: str = "published"
    supersedes: int | None = None


def check_plan_files(
    ws: Workspace, paths: list[Path], names: list[str] | None, base_version_id: int, lang: Lang = "en"
) -> Checked:
    """Read and validate the files (nothing is written); ImportRejected lists every problem, worded in `lang`."""
    names = names or [p.name for p in paths]
    if not paths:
        raise ImportRejected(t("pi_no_file", lang), [t("pi_choose_file", lang).format(kinds=join_list(ACCEPTED, lang))])
    suffixes = {Path(n).suffix.lower() for n in names}
    if len(paths) == 1 and (paths[0].is_dir() or suffixes == {".zip"}):
        return read_bundle(paths[0], names[0], lang)
    if suffixes == {".xlsx"} and len(paths) == 1:
        return read_workbook(paths[0], ws.load(base_version_id), names[0], lang)
    if suffixes <= {".csv", ".txt"}:
        return read_csvs(paths, ws.load(base_version_id), names, lang)
    raise ImportRejected(join_list(names, lang), [t("pi_unsupported", lang)])


def import_plan(
    ws: Workspace,
    paths: list[Path],
    *,
    names: list[str] | None = None,
    base_version_id: int | None = None,
    title: str | None = None,
    user: str | None = None,
    publish: bool = False,
    confirm_stale_base: bool = False,
    lang: Lang = "en",
) -> PlanImport:
    """Check the acting user may import, then the files whole, then save them as one new version: a draft (editor)
    once the workspace has accounts, published with publish=True (admin) or while it has none (as `local`).
    Nothing is read before the permission check and nothing is saved if any check fails; problems are in `lang`."""
    base = ws.latest_id() if base_version_id is None else base_version_id
    ws.check_import(user, base, publish=publish, confirm_stale_base=confirm_stale_base)
    names = names or [p.name for p in paths]
    checked = check_plan_files(ws, paths, names, base, lang)
    label = ", ".join(names)
    title = title or f"plan import: {label}"
    ds = checked.dataset
    summary = f"{len(ds.areas)} areas, {len(ds.industries)} industries, {len(ds.chains)} chains, "
    summary += f"{len(ds.assignments)} assignments; not drawn: {', '.join(checked.undrawn) or '-'}"
    record = dict(kind="plan", file_name=label, source=label, source_date=None, summary=summary)
    saved = ws.add_version(
        ds,
        title,
        base_version_id=base,
        user=user,
        note=summary,
        record=record,
        publish=publish,
        confirm_stale_base=confirm_stale_base,
    )
    return PlanImport(saved.id, title, checked.undrawn, saved.kind, saved.supersedes)
