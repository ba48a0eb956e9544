"""统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last one a check character.

Besides the shape and the check character, the registering authority and its category (characters 1–2), the
province of the registering office (characters 3–8, GB/T 2260) and the embedded 组织机构代码 (characters 9–17, with
its own GB 11714 check character) are checked. Full-width characters (as typed with a Chinese input method) and
spaces are normalised first (`normalise`).
"""

from __future__ import annotations

import re
import unicodedata

from sq_layout.i18n import Lang, t
from sq_layout.i18n.lang import join_list

# The code's alphabet: digits and capitals without I, O, S, V, Z (GB 32100-2015, 表1); a character's value is its index.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# Weight of position i is 3**i mod 31 (GB 32100-2015, 5.2).
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_SHAPE = re.compile(r"^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$")
# 登记管理部门代码 -> its 机构类别代码 (GB 32100-2015 表2: 1 机构编制, 5 民政, 9 工商, Y 其他; and the codes the
# national coding office assigned since to the other registering authorities: 2 外交, 3 司法行政, 4 文化, 6 旅游,
# 7 宗教, 8 工会, A 军队编制, N 农业).
AUTHORITIES: dict[str, str] = {
    "1": "1239",
    "2": "19",
    "3": "123459",
    "4": "19",
    "5": "1239",
    "6": "129",
    "7": "129",
    "8": "19",
    "9": "123",
    "A": "19",
    "N": "1239",
    "Y": "1",
}
# GB/T 2260 province codes (first two digits of the registering office's area) and 10 for national registration.
PROVINCES = frozenset(
    {"10", "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42"}
    | {"43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"}
)
# GB 11714-1997 组织机构代码: weights of the eight body characters; check = 11 - sum mod 11 (10 -> X, 11 -> 0).
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def normalise(code: str) -> str:
    """Full-width digits and letters to ASCII (NFKC), spaces dropped, upper case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", code)).upper()


def check_char(first17: str) -> str:
    """The check character for the first 17 characters of a code."""
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def org_check_char(body8: str) -> str:
    """The GB 11714 check character of an 8-character 组织机构代码 body (letters count A=10 … Z=35)."""
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body8, ORG_WEIGHTS, strict=True))
    r = 11 - total % 11
    return "X" if r == 10 else "0" if r == 11 else str(r)


def credit_code_problem(code: str, lang: Lang = "en") -> str | None:
    """None when the code (after `normalise`) is valid; otherwise what is wrong with it, in `lang` (zh/en)."""
    code = normalise(code)
    if len(code) != 18:
        return t("uscc_length", lang).format(n=len(code))
    if not _SHAPE.match(code):
        return t("uscc_shape", lang)
    categories = AUTHORITIES.get(code[0])
    if categories is None or code[1] not in categories:
        return t("uscc_authority", lang).format(
            code=code[:2], valid=join_list((a + c for a, cs in AUTHORITIES.items() for c in cs), lang)
        )
    if code[2:4] not in PROVINCES or code[2:8] == "000000":
        return t("uscc_area", lang).format(code=code[2:8])
    org = org_check_char(code[8:16])
    if code[16] != org:
        return t("uscc_org_check", lang).format(got=code[16], want=org, body=code[8:16])
    expected = check_char(code[:17])
    if code[17] != expected:
        return t("uscc_check", lang).format(got=code[17], want=expected)
    return None


def is_valid_credit_code(code: str) -> bool:
    """True when the code has the right shape, authority, area, embedded org code and check character."""
    return credit_code_problem(code) is None
