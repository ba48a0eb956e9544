"""统一社会信用代码 check characters (GB 32100-2015)."""

from __future__ import annotations

import pytest

from sq_layout.invest.creditcode import (
    ALPHABET,
    WEIGHTS,
    check_char,
    credit_code_problem,
    is_valid_credit_code,
    normalise,
    org_check_char,
)

# The example code printed in GB 32100-2015 and two codes of listed companies as published in their annual reports.
VALID = ["91350100M000100Y43", "91110000100006485K", "91320000100007488M"]


def test_alphabet_and_weights_are_the_standards() -> None:
    assert len(ALPHABET) == 31 and not set("IOSVZ") & set(ALPHABET)
    assert WEIGHTS == (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


@pytest.mark.parametrize("code", VALID)
def test_valid_codes_pass(code: str) -> None:
    assert is_valid_credit_code(code) and check_char(code[:17]) == code[17]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("91350100M000100Y44", "check character"),
        ("91350100M000100Y4", "18 characters"),
        ("91350100M000100I43", "without I O S V Z"),
        ("913501X0M000100Y43", "3–8 digits"),
    ],
)
def test_invalid_codes_say_why(code: str, words: str) -> None:
    problem = credit_code_problem(code)
    assert problem is not None and words in problem


def test_every_single_character_change_is_caught() -> None:
    code = VALID[0]
    for i in range(17):
        for c in ALPHABET[:5]:
            if c != code[i] and (i not in range(2, 8) or c.isdigit()):
                assert not is_valid_credit_code(code[:i] + c + code[i + 1 :]), (i, c)


@pytest.mark.parametrize(
    ("code", "key"),
    [
        ("000000000000000000", "uscc_authority"),  # no registering authority 0
        ("B1350100M000100Y43", "uscc_authority"),  # B is no authority
        ("94350100M000100Y43", "uscc_authority"),  # 工商 has categories 1–3 only
        ("91000000M000100Y43", "uscc_area"),  # area 000000
        ("91990100M000100Y43", "uscc_area"),  # no province 99
        ("91350100M000100Y53", "uscc_org_check"),  # embedded org code M000100Y with check 5 instead of 4
    ],
)
def test_authority_area_and_org_code_are_checked(code: str, key: str) -> None:
    from sq_layout.i18n import TEXT

    code = code[:17] + check_char(code[:17])  # the outer check character right: only the part under test is wrong
    zh, en = credit_code_problem(code, "zh"), credit_code_problem(code, "en")
    assert zh is not None and en is not None
    assert zh.startswith(TEXT[key]["zh"][:4]) and en.startswith(TEXT[key]["en"][:10])
    assert not is_valid_credit_code(code)


def test_org_check_char_follows_gb11714() -> None:
    # the organisation codes inside the valid codes above carry their own check characters
    for code in VALID:
        assert org_check_char(code[8:16]) == code[16]
    # weights 3 7 9 10 5 8 4 2; 11 - sum mod 11, 10 -> X, 11 -> 0
    body = "D2143569"
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, weights, strict=True))
    r = 11 - total % 11
    assert org_check_char(body) == {10: "X", 11: "0"}.get(r, str(r))


def test_full_width_and_spaces_are_normalised() -> None:
    full = "".join(chr(ord(c) + 0xFEE0) for c in VALID[0])  # ９１３５… as a Chinese input method types them
    assert normalise(f" {full[:9]} {full[9:]} ") == VALID[0]
    assert is_valid_credit_code(full) and credit_code_problem(full.lower(), "zh") is None


def test_problems_are_in_the_readers_language() -> None:
    zh = credit_code_problem("91350100M000100Y44", "zh")
    assert zh is not None and "校验码" in zh and not any("a" <= ch <= "z" for ch in zh)
    assert credit_code_problem("123", "zh") == "应为18位，实为3位"
