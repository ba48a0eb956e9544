"""统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last one a check character."""

from __future__ import annotations

import re

# The code's alphabet: digits and capitals without I, O, S, V, Z (GB 32100-2015, 表1); a character's value is its index.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# Weight of position i is 3**i mod 31 (GB 32100-2015, 5.2).
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_SHAPE = re.compile(r"^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$")


def check_char(first17: str) -> str:
    """The check character for the first 17 characters of a code."""
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> str | None:
    """None when the code is valid; otherwise what is wrong with it, in words."""
    code = code.strip().upper()
    if len(code) != 18:
        return f"18 characters expected, got {len(code)}"
    if not _SHAPE.match(code):
        return "characters 1–2 and 9–18 from 0-9 A-Y without I O S V Z, 3–8 digits (the area code) expected"
    expected = check_char(code[:17])
    if code[17] != expected:
        return f"check character {code[17]!r} does not match {expected!r} computed from the first 17"
    return None


def is_valid_credit_code(code: str) -> bool:
    """True when the code has the right shape and check character."""
    return credit_code_problem(code) is None
