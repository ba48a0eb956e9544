"""`python -m sq_layout workspace …` (versions: list, import, compare, export); --version/--db for the rest."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from sq_layout.cli import backup, edit
from sq_layout.cli.actor import acting_user, actor_options
from sq_layout.cli.common import dataset, dataset_options, lang_option, publish_options
from sq_layout.cli.speak import command, frame_lines, listing, say
from sq_layout.errors import BadInput
from sq_layout.i18n import Lang, by_lang

if TYPE_CHECKING:
    from sq_layout.imports.plan_import import PlanImport
    from sq_layout.store import Workspace

NAME = "workspace"
HELP = "h_workspace"


def add_arguments(w: argparse.ArgumentParser) -> None:
    """The `workspace` command group's subcommands."""
    ws = w.add_subparsers(dest="ws_command", required=True)
    init = command(ws, "init", "h_ws_init")
    ls = command(ws, "list", "h_ws_list")
    tpl = command(ws, "template", "h_ws_template")
    tpl.add_argument("-o", "--output", required=True, type=Path, help=say("h_output"))
    imp = command(ws, "import-plan", "h_ws_import")
    imp.add_argument("files", nargs="+", type=Path, help=say("h_ws_files"))
    imp.add_argument("--base", help=say("h_ws_base"))
    imp.add_argument("--title", help=say("h_title"))
    actor_options(imp)  # who imports it: an account proven by its password, or the workspace file's owner
    publish_options(imp)
    lang_option(imp, "h_lang_problems")
    cmp = command(ws, "compare", "h_ws_compare")
    cmp.add_argument("before", help=say("h_version_id"))
    cmp.add_argument("after", help=say("h_version_id"))
    cmp.add_argument("--xlsx", type=Path, help=say("h_compare_xlsx"))
    lang_option(cmp, "h_lang_compare")
    ex = command(ws, "export", "h_ws_export")
    ex.add_argument("-o", "--output", required=True, type=Path, help=say("h_output"))
    for p in (init, ls, tpl, imp, cmp, ex):
        dataset_options(p)
    for p in (init, ls):
        lang_option(p, "h_lang_versions")
    from sq_layout.cli.import_boundaries import add_import_boundaries_parser

    add_import_boundaries_parser(ws)  # defines its own --version (int) and --db
    edit.add_subcommands(ws)
    backup.add_subcommands(ws)


def run(a: argparse.Namespace) -> None:
    """Run one `workspace` subcommand."""
    from sq_layout import workspace

    cmd = a.ws_command
    if cmd == "import-boundaries":
        raise SystemExit(a.handler(a))
    if cmd in edit.COMMANDS:
        edit.run(a)
        return
    if cmd in backup.COMMANDS:
        backup.run(a)
        return
    ws = workspace.workspace(a.db)
    if cmd in ("init", "list"):
        _list_versions(ws, a.lang)
    elif cmd == "template":
        from sq_layout.imports.plan_template import template_bytes

        _write(a.output, template_bytes(dataset(a)))
    elif cmd == "import-plan":
        from sq_layout.imports.plan_import import import_plan

        base = workspace.version_id(a.base, a.db)
        user = acting_user(a, ws)
        result = import_plan(  # a refusal is said in --lang by cli.main (UserError.text)
            ws,
            a.files,
            base_version_id=base,
            title=a.title,
            user=user,
            publish=a.publish,
            confirm_stale_base=a.confirm_stale_base,
            lang=a.lang,
        )
        _imported(result, a.lang)
    elif cmd == "compare":
        _compare(a)
    elif cmd == "export":
        _export_version(a)


def _list_versions(ws: Workspace, lang: Lang) -> None:
    """The versions, newest published marked `*`: kind, author and publisher as the pages name them, times in
    Beijing time with the zone in the header."""
    from sq_layout.i18n import label, t
    from sq_layout.i18n.shown import when, who, with_zone
    from sq_layout.store.engine import redact

    print(f"# {t('cli_workspace', lang).format(url=redact(ws.url))}")
    latest = ws.latest_id()
    rows = []
    for v in ws.versions():
        mark = "*" if v.id == latest else " "
        lineage = [t("cli_from", lang).format(v=v.parent_id)] if v.parent_id else []
        lineage += [t("cli_by", lang).format(who=who(v.created_by, lang))] if v.created_by else []
        lineage += [t("cli_supersedes", lang).format(v=v.supersedes)] if v.supersedes else []
        lineage += [t("cli_published_by", lang).format(who=who(v.published_by, lang))] if v.published_by else []
        title = t("ws_baseline_title", lang) if v.kind == "baseline" else v.title
        items = by_lang("；", "; ", lang).join(lineage)
        shown = t("cli_lineage", lang).format(items=items) if lineage else ""
        rows.append([f"{mark}{v.id:>4}", label(v.kind, lang), when(v.created, lang), f"{title}{shown}"])
    head = [t(key, lang) for key in ("cli_col_id", "cli_col_kind", "cli_created", "cli_col_title")]
    head[2] = with_zone(head[2], lang)
    print("\n".join(listing(head, rows)))


def _imported(result: PlanImport, lang: Lang) -> None:
    """What an import made, in `lang`: a draft for an admin to publish, or the version it superseded; and the areas
    not drawn until their boundaries are imported."""
    from sq_layout.i18n import t
    from sq_layout.i18n.lang import join_list

    key = "cli_imported_draft" if result.kind == "draft" else "cli_imported_version"
    print(t(key, lang).format(v=result.version_id, title=result.title, old=result.supersedes))
    if result.undrawn:
        print(f"{t('ws_undrawn', lang)}: {join_list(result.undrawn, lang)}")


def _write(path: Path, data: bytes) -> None:
    from sq_layout.atomic import write_bytes

    write_bytes(path, data)
    print(path)


def _compare(a: argparse.Namespace) -> None:
    from dataclasses import replace

    from sq_layout import workspace
    from sq_layout.analysis.compare import TITLES, compare, readable_tables
    from sq_layout.i18n import t

    before = workspace.dataset(a.before, a.db)
    after = workspace.dataset(a.after, a.db)
    cmp = compare(before, after)
    if not cmp.changed:
        print(t("ws_no_change", a.lang))
    # what changed, as the Workspace page words it (names, changes in words, headers in --lang); the workbook keeps
    # every row, as the page's download does
    moved = cmp.chains["added"].map(len).astype(bool) | cmp.chains["removed"].map(len).astype(bool)
    changed = replace(cmp, chains=cmp.chains[moved], areas=cmp.areas[cmp.areas["status"] != "unchanged"])
    for key, frame in readable_tables(changed, before, after, a.lang).items():
        if len(frame):
            print("\n".join(["", t(TITLES[key], a.lang), *frame_lines(frame)]))
    if a.xlsx:
        from sq_layout.export.dataexport import xlsx

        _write(a.xlsx, xlsx(readable_tables(cmp, before, after, a.lang), a.lang))


def _export_version(a: argparse.Namespace) -> None:
    from sq_layout.export.version_export import version_bytes, write_bundle

    ds = dataset(a)
    suffix = a.output.suffix.lower().lstrip(".")
    if suffix == "":
        print(write_bundle(ds, a.output))
    elif suffix in ("gpkg", "xlsx", "zip"):
        _write(a.output, version_bytes(suffix, ds))
    else:
        raise BadInput("bad_version_format", suffix=a.output.suffix)
