"""The reader's language as a type: every signature that takes a language takes a `Lang`, made from outside text
(a URL's query, a command-line argument, a stored setting) only by `parse_lang` at the edge; a list a reader reads
is run together by `join_list`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal, TypeGuard, TypeVar

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
DEFAULT_LANG: Lang = "zh"
LIST_SEPARATOR: dict[Lang, str] = {"zh": "、", "en": ", "}  # how a language runs a list of names together
T = TypeVar("T")


def is_lang(value: object) -> TypeGuard[Lang]:
    """Whether `value` is one of the languages."""
    return value in LANGS


def parse_lang(value: object, default: Lang | None = None) -> Lang:
    """Outside text as a language; anything else is `default` when one is given, else a ValueError naming the
    choices (for argparse, whose message then lists them)."""
    if is_lang(value):
        return value
    if default is not None:
        return default
    raise ValueError(f"unknown language {str(value)[:20]!r}; choose one of {', '.join(LANGS)}")


def join_list(items: Iterable[object], lang: Lang) -> str:
    """Names (or numbers) run together as a list the way `lang` writes one: 甲、乙、丙 / A, B, C."""
    return LIST_SEPARATOR[lang].join(map(str, items))


class Listed(tuple[str, ...]):
    """Names a message lists (its choices), kept apart until the reader's language is known: `fill` runs them
    together by `join_list`; formatted plainly they read "a, b"."""

    def __str__(self) -> str:
        return ", ".join(self)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def fill(template: str, values: Mapping[str, object], lang: Lang) -> str:
    """A string table's template filled in, a `Listed` value run together by `join_list` in `lang`, a `Said` or a
    `{"zh": …, "en": …}` value in `lang`."""
    return template.format(
        **{k: join_list(v, lang) if isinstance(v, Listed) else worded(v, lang) for k, v in values.items()}
    )


def display_width(text: str) -> int:
    """How many columns `text` takes on a terminal or in a fixed-pitch layout: a wide (CJK) character two, any other
    one."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def by_lang(zh: T, en: T, lang: Lang) -> T:
    """The one of two language-bound choices that is not a word (a width, a layout, a column) for `lang`; words
    live in the string tables."""
    return zh if lang == "zh" else en


def lang_column(base: str, lang: Lang) -> str:
    """A frame's column in `lang`: `base` holds the Chinese, `base_en` the English (name, short_name, label, …)."""
    return base if lang == "zh" else f"{base}_en"


class Said:
    """A sentence of the string tables kept apart until the reader's language is known (a bundled file's problem is
    found once per process, then read in either language): `text(lang)` fills the template, a value that is itself a
    `Said` in the same language, a `{"zh": …, "en": …}` by `lang`; `str()` is the English (logs)."""

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values

    def text(self, lang: Lang) -> str:
        """The sentence in `lang`."""
        from sq_layout.i18n import t

        return fill(t(self.key, lang), self.values, lang)  # fill words a Said or {zh, en} value

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Said({self.key!r}, {self.values!r})"


def worded(value: object, lang: Lang) -> object:
    """A message's value in `lang`: a `Said` as its sentence, a `{"zh": …, "en": …}` by `lang`, else as given."""
    if isinstance(value, Said):
        return value.text(lang)
    if isinstance(value, Mapping) and set(value) == set(LANGS):
        return value[lang]
    return value
