"""`python -m sq_layout workspace import-boundaries FILE …`: a dry run prints matches and findings; --yes saves."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sq_layout.cli.actor import acting_user, actor_options
from sq_layout.cli.common import db_option, iso_date, lang_option, publish_options
from sq_layout.cli.speak import command, say
from sq_layout.errors import BadInput, BoundaryCRSRequired, EditConflict, UserError
from sq_layout.i18n import Lang, name_col, t
from sq_layout.imports.boundaries import BoundaryImport, preview_upload, save_import
from sq_layout.imports.boundary_crs import CRS_CHOICES
from sq_layout.imports.boundary_files import check_size
from sq_layout.imports.boundary_match import SKIP

_ENCODINGS = {"utf-8": "utf-8", "utf8": "utf-8", "gbk": "gb18030", "gb18030": "gb18030", "gb2312": "gb18030"}


def add_import_boundaries_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the import-boundaries subcommand to a subparsers object; its handler is in `handler`."""
    p = command(subparsers, "import-boundaries", "h_bnd")
    p.add_argument("file", type=Path, help=say("h_bnd_file"))
    p.add_argument("--crs", help=say("h_bnd_crs", choices=", ".join(CRS_CHOICES)))
    p.add_argument("--encoding", choices=sorted(_ENCODINGS), help=say("h_bnd_encoding"))
    p.add_argument("--match", action="append", default=[], metavar="NAME=AREA", help=say("h_bnd_match"))
    p.add_argument("--source", default="", help=say("h_bnd_source"))
    p.add_argument("--date", type=iso_date, help=say("h_bnd_date"))
    p.add_argument("--version", type=int, help=say("h_bnd_version"))
    db_option(p)
    actor_options(p)  # who saves (with --yes): an account proven by its password, or the workspace file's owner
    publish_options(p)
    lang_option(p, "h_lang_report")
    p.add_argument("--yes", action="store_true", help=say("h_bnd_yes"))
    p.set_defaults(handler=run_import_boundaries)
    return p


def _matches(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, area = pair.partition("=")
        if not sep or not name.strip() or not area.strip():
            raise BadInput("cli_bad_match", pair=repr(pair))
        out[name.strip()] = area.strip()
    return out


def format_preview(preview: BoundaryImport, area_names: dict[str, str], lang: Lang) -> str:
    """The dry-run report: file facts, then one block per feature with its match and findings."""
    source = t("bnd_src_" + preview.crs_source, lang)
    encoding = f"{preview.encoding} ({preview.encoding_source})" if preview.encoding else "—"
    info = {"kind": preview.kind, "crs": preview.crs, "crs_source": source, "encoding": encoding}
    lines = [f"{preview.file_name}: " + t("bnd_file_info", lang).format(**info, field=preview.name_field or "—")]
    for f in preview.features:
        area = t("bnd_skip", lang) if f.area_id == SKIP else area_names.get(f.area_id or "", "?")
        if f.area_id not in (None, SKIP):
            area += f" ({f.area_id}{', ' + f.matched_by if f.matched_by == 'user' else ''})"
        status = t("bnd_status_" + f.status, lang)
        lines.append(f"  #{f.number} {f.name or '—'} → {area}  [{status}]")
        lines += [
            "      " + t("cli_finding", lang).format(level=t("bnd_status_" + x.level, lang), message=x.message(lang))
            for x in f.findings
        ]
    return "\n".join(lines)


def _refused(message: str, lang: Lang) -> int:
    """Say why nothing was imported, in `lang`, on stderr; the exit code for bad input."""
    print(t("err_line", lang).format(msg=message), file=sys.stderr)
    return 2


def run_import_boundaries(args: argparse.Namespace) -> int:
    """Preview (and with --yes save) an import; bad input ends with the reason and exit code 2."""
    from sq_layout.errors import system_reason
    from sq_layout.i18n.lang import Said
    from sq_layout.store import open_workspace
    from sq_layout.store.drafts import boundary_revs
    from sq_layout.store.engine import driver_reason, redact, resolve_url
    from sq_layout.store.history import conflict_text

    try:
        ws = open_workspace(args.db)
    except Exception as exc:  # a bad URL, a server that is down: one line, not a traceback
        url = resolve_url(args.db)
        said = Said("err_ws_open", url=redact(url), reason=driver_reason(exc, url))
        return _refused(said.text(args.lang), args.lang)
    user = None
    try:
        base = args.version if args.version is not None else ws.latest_id()
        if args.yes:  # who saves, and whether they may, is settled before the file is read
            user = acting_user(args, ws)
            ws.check_import(user, base, publish=args.publish, confirm_stale_base=args.confirm_stale_base)
        ds = ws.load(base)
        seen = boundary_revs(ws, base)  # into a draft: a boundary saved by someone else before --yes lands is refused
        check_size(str(args.file), Path(args.file).stat().st_size)
        data = Path(args.file).read_bytes()
        enc = _ENCODINGS[args.encoding] if args.encoding else None
        preview = preview_upload(
            Path(args.file).name, data, ds, crs=args.crs, encoding=enc, matches=_matches(args.match)
        )
        names = dict(zip(ds.areas["area_id"], ds.areas[name_col(args.lang)], strict=True))
        print(format_preview(preview, names, args.lang))
        if not preview.ok:
            print("\n".join(["", t("bnd_fix_first", args.lang), *preview.problems(args.lang)]), file=sys.stderr)
            return 2
        if not args.yes:
            print("\n" + t("cli_dry_run", args.lang).format(base=base))
            return 0
        version = save_import(
            preview,
            ws,
            base,
            source=args.source,
            source_date=args.date,
            user=user,
            publish=args.publish,
            confirm_stale_base=args.confirm_stale_base,
            seen=seen,
        )
    except EditConflict as exc:
        return _refused(conflict_text(ws, base, exc, args.lang), args.lang)
    except BoundaryCRSRequired as exc:
        code = _refused(exc.text(args.lang), args.lang)
        print(f"  --crs {' | '.join(CRS_CHOICES)}", file=sys.stderr)
        return code
    except UserError as exc:  # a refused file, edit or option in the reader's language
        return _refused(exc.text(args.lang), args.lang)
    except OSError as exc:  # a file that cannot be read: the system's reason in words
        what = f" {exc.filename}" if exc.filename else ""
        return _refused(
            t("fail_read_write", args.lang).format(what=what, reason=system_reason(exc, args.lang)), args.lang
        )
    except (KeyError, ValueError) as exc:
        return _refused(str(exc.args[0] if isinstance(exc, KeyError) else exc), args.lang)
    saved = "bnd_saved_draft" if ws.info(version).kind == "draft" and version != base else "bnd_saved"
    print(t(saved, args.lang).format(version=version, base=base))
    return 0
