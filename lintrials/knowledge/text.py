"""Text folded for comparison: case and accents, the one way every check and helper folds them.

`fold` ("Réunion" and "REUNION" are one word) decomposes the text (NFKD), drops the combining
marks and folds case. `fold_word` folds case first and reads the Turkish dotless "ı" as "i", as
the facility word list (`facility_words.txt`) is written. `strip_accents` drops the marks only.
`words` is a text as its words and numbers only, folded: what two values are compared by when
case, spacing and punctuation do not matter ("10mg, oral" and "10 mg oral" are alike, "1.0 mg"
and "10 mg" are not).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "fold_word", "strip_accents", "words"]


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


# A number (its decimal point or thousands comma kept) or a run of letters.
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
# A full stop or apostrophe inside a word: "p.o." and "po", "Crohn's" and "Crohns" are alike.
_INNER_MARK = re.compile(r"(?<=[^\W\d_])[.'’](?=[^\W\d_])")


def words(text: str | None) -> tuple[str, ...]:
    """The words and numbers of a text, folded (`fold`), without spacing and punctuation:
    "Tablet, 10mg (p.o.)" -> ("tablet", "10", "mg", "po")."""
    return tuple(_WORD.findall(_INNER_MARK.sub("", fold(text or ""))))
