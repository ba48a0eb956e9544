"""统一社会信用代码 check characters (GB 32100-2015)."""

from __future__ import annotations

import pytest

from sq_layout.invest.creditcode import ALPHABET, WEIGHTS, check_char, credit_code_problem, is_valid_credit_code

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
