"""Story slugs in any script: a Hindi or Tamil newsroom's addresses read in its language.

Django's `slugify(allow_unicode=True)` and its slug validator keep only `\\w`, which drops
the vowel signs of Indian scripts (combining marks): "हिंदी" would become "हद". Here a slug
keeps letters, marks and digits of every script, with "-" between words; URLs carry it
percent-encoded, as browsers send it.
"""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

KEPT_CATEGORIES = ("L", "M", "N")  # letters, marks, numbers (first letter of the category)
SEPARATORS = "-_"


# Most slugs are plain ASCII: checked at once, without a look-up per character.
_ASCII_SLUG = re.compile(r"[A-Za-z0-9_-]+")


def _kept(character: str) -> bool:
    return character in SEPARATORS or unicodedata.category(character)[0] in KEPT_CATEGORIES


def unicode_slug(text: str, max_length: int) -> str:
    """`text` as a slug: lower case, words joined by "-", every script's letters kept."""
    text = unicodedata.normalize("NFC", text).lower()
    words, word = [], []
    for character in text:
        if _kept(character) and character not in SEPARATORS:
            word.append(character)
        elif word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    return "-".join(words)[:max_length].rstrip("-")


@deconstructible
class SlugValidator:
    """Letters, marks and digits of any script, "-" and "_": what `unicode_slug` makes."""

    message = "Use letters, numbers, hyphens or underscores (in any script), without spaces."
    code = "invalid"

    def __call__(self, value: str) -> None:
        if value and _ASCII_SLUG.fullmatch(value):
            return
        if not value or not all(_kept(c) for c in value):
            raise ValidationError(self.message, code=self.code, params={"value": value})

    def __eq__(self, other) -> bool:
        return isinstance(other, SlugValidator)


validate_slug = SlugValidator()


class SlugConverter:
    """`<story_slug:slug>` in a URL pattern: any slug `validate_slug` accepts (anything else,
    NUL and other control characters included, does not match: a 404, never a query)."""

    regex = r"[^/?#\s]+"

    def to_python(self, value: str) -> str:
        try:
            validate_slug(value)
        except ValidationError as error:
            raise ValueError(value) from error
        return value

    def to_url(self, value: str) -> str:
        return value
