"""The string tables: every key in one table only, every entry in both languages."""

from __future__ import annotations

from collections import Counter

from sq_layout import i18n


def test_keys_are_unique_across_the_wing_tables() -> None:
    counts = Counter(k for table in i18n.TABLES for k in table)
    assert [k for k, n in counts.items() if n > 1] == []
    assert len(i18n.TEXT) == sum(len(table) for table in i18n.TABLES)


def test_every_entry_speaks_both_languages() -> None:
    for table in (*i18n.TABLES, i18n.LABELS, i18n.HEADERS):
        for key, entry in table.items():
            assert set(entry) >= set(i18n.LANGS), key
            assert all(str(entry[lang]).strip() for lang in i18n.LANGS), key
