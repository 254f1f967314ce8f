"""How names and phrases compare: words, case- and accent-folding, comparison keys, id slugs."""
from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]")


def words(text: str) -> list[str]:
    """The words of a name or phrase as the lexicons compare them."""
    return _WORD.findall(text)


class _Marks(dict):
    """Code point → None for a combining mark (``str.translate`` drops it), else itself; filled as met."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_MARKS = _Marks()


def fold(word: str) -> str:
    """Case- and accent-insensitive form of a word for lookups."""
    if word.isascii():   # most words: nothing to decompose
        return word.lower()
    return unicodedata.normalize("NFKD", word.casefold()).translate(_MARKS)


def name_key(name: str) -> str:
    """Comparison key of a name: "Yoon Suk-yeol" and "Yoon Suk Yeol" are equal."""
    return re.sub(r"[\W_]+", "", fold(name))


def slug(name: str) -> str:
    """The id part of a name: lowercase ASCII words joined by hyphens."""
    return re.sub(r"[\W_]+", "-", fold(name)).strip("-") or "x"
