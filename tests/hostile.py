"""Hostile files for the upload limits' tests and bench: built on the fly, never stored."""

from __future__ import annotations

import io
import zipfile

CHUNK = 1 << 20


def xlsx_bomb(unpacked: int, sheet: str = "areas") -> bytes:
    """A real workbook whose one shared string is `unpacked` bytes of text (packed about 1,000 times smaller)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = sheet
    wb.active["A1"] = "x"
    plain = io.BytesIO()
    wb.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "xl/sharedStrings.xml":
                dst.writestr(info.filename, src.read(info.filename))
        with dst.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
            head = b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
            head += b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'
            f.write(head)
            left = unpacked - len(head) - 20
            block = b"A" * CHUNK
            while left > 0:
                f.write(block[: min(CHUNK, left)])
                left -= CHUNK
            f.write(b"</t></si></sst>")
    return out.getvalue()


def zip_bomb(member: str, unpacked: int) -> bytes:
    """A zip whose one member is `unpacked` bytes of spaces, written a block at a time."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf, zf.open(member, "w", force_zip64=True) as f:
        block = b" " * CHUNK
        for start in range(0, unpacked, CHUNK):
            f.write(block[: min(CHUNK, unpacked - start)])
    return out.getvalue()
