"""Text folded for comparison: case and accents, the one way every check and helper folds them.

`fold` ("Réunion" and "REUNION" are one word) decomposes the text (NFKD), drops the combining
marks and folds case. `fold_word` folds case first and reads the Turkish dotless "ı" as "i", as
the facility word list (`facility_words.txt`) is written. `strip_accents` drops the marks only.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold", "fold_word", "strip_accents"]


def strip_accents(text: str) -> str:
    """The text decomposed (NFKD) without its combining marks; case is kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case without accents: "Réunion" and "reunion" are one name."""
    if text.isascii():  # nothing to decompose, and ASCII case folding is lower()
        return text.lower()
    return strip_accents(text).casefold()


def fold_word(text: str) -> str:
    """Case, accents and the dotless i folded away, case first: how words of the facility word
    list and of names are compared."""
    if text.isascii():
        return text.casefold()
    return strip_accents(text.casefold().replace("ı", "i"))
