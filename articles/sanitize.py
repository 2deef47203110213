"""The one sanitizer for stored article HTML (DESIGN.md, "One rule, one place").

Every body is cleaned here when it is saved, for every role, administrators included:
`Article.clean_body()` (which `save()` runs) and `Page.save()` call `sanitize_body`, and code
that bypasses `save()` (bulk inserts in `seed_demo`) calls `clean_body()` itself. Templates
mark only the cleaned field safe.

Cleaning never loses what a reader sees without saying so: `removals` lists the text and the
elements it would remove, and `sanitize_body` refuses such a body (`BodyWouldLoseContent`)
unless its caller accepted the cleaned version: the admin with a tick box, the WordPress
import by listing the removals in its report.
"""

import difflib
import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser

import nh3
from django.core.exceptions import ValidationError

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "em", "figcaption", "figure",
    "h2", "h3", "h4", "hr", "i", "li", "ol", "p", "pre", "q", "s", "small", "strong",
    "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul", "img",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Elements a reader sees that the allow-list never keeps, as `removals` names them. Others
# that go (div, span, h1, details…) leave their text, which is all a reader saw of them.
VISIBLE_ELEMENTS = {
    "iframe": "an embedded frame",
    "video": "a video",
    "audio": "an audio player",
    "object": "an embedded object",
    "embed": "an embedded object",
    "svg": "a drawing",
    "math": "a formula",
    "canvas": "a canvas",
    "input": "a form field",
    "textarea": "a text box",
    "select": "a drop-down list",
    "button": "a button",
}
# An image whose address goes is lost, unless the address was a script, which shows nothing.
NO_PICTURE = ("javascript:", "vbscript:")
FOREIGN = {"svg", "math"}  # inside these a <style> holds markup, not CSS
QUOTE_LIMIT = 80  # characters of lost text quoted in a removal
SOURCE_LIMIT = 60  # characters of a removed element's address
# Word pairs the diff may compare before common words stop anchoring it (difflib's autojunk):
# a body of one word repeated must not stall a save.
DIFF_BUDGET = 1_000_000

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


class BodyWouldLoseContent(ValidationError):
    """Cleaning the body would remove what a reader sees; `removed` lists it."""

    def __init__(self, removed: list[str]):
        self.removed = removed
        super().__init__(
            f"Saving would remove: {'; '.join(removed)}. Fix the body, or accept the cleaned "
            "version (accept_cleaned_body).",
            code="body_would_lose_content",
        )


def clean_html(html: str) -> str:
    """Return `html` with only the allow-listed tags, attributes and link schemes left.

    Scripts, styles, event handlers and `javascript:` URLs are removed with their content
    where they carry any; outside links get `rel="noopener noreferrer"`.
    """
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def sanitize_body(html: str, *, accept_cleaned: bool = False) -> str:
    """Return `clean_html(html)`; raise BodyWouldLoseContent if that would remove what a
    reader sees, unless `accept_cleaned`."""
    cleaned = clean_html(html)
    if not accept_cleaned and (removed := _removals(html or "", cleaned)):
        raise BodyWouldLoseContent(removed)
    return cleaned


def removals(html: str) -> list[str]:
    """What cleaning `html` would remove that a reader sees, in reading order: each element
    shown (frame, video, drawing, formula, form control, image whose address goes) and each
    run of lost text, quoted.

    Not listed: attributes (event handlers, unsafe links), comments, whitespace, scripts and
    the CSS of style elements. Lenient where a browser hides the writer's words: a script or
    style never closed, or a <style> inside svg/math (markup there: the mutation-XSS trick),
    counts as text, so cleaning cannot swallow what follows unnoticed.
    """
    return _removals(html or "", clean_html(html))


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment, whitespace collapsed (for counting words)."""
    return _SPACE.sub(" ", unescape(_TAG.sub(" ", html or ""))).strip()


def _removals(html: str, cleaned: str) -> list[str]:
    if cleaned in (html, html.strip()):  # every save of a clean body: nothing to read
        return []
    before, after = _Reading.of(html), _Reading.of(cleaned)
    found = [*before.elements, *_lost_pictures(before, after)]
    found += _lost_text(before.words, after.words)
    found.sort(key=lambda entry: entry[0])  # stable: an element before the text after it
    return [
        description if n == 1 else f"{description} ({n} times)"
        for description, n in Counter(description for _, description in found).items()
    ]


def _lost_pictures(before: "_Reading", after: "_Reading") -> list[tuple[int, str]]:
    kept = Counter(source for _, source in after.pictures)
    lost = []
    for position, source in before.pictures:
        if kept[source]:
            kept[source] -= 1
        elif not "".join(source.split()).lower().startswith(NO_PICTURE):
            lost.append((position, f"an image (img: {_shorten(source, SOURCE_LIMIT)})"))
    return lost


def _lost_text(before: list[str], after: list[str]) -> list[tuple[int, str]]:
    """Runs of words in `before` that `after` no longer has, with where they started."""
    if before == after:
        return []
    counts = Counter(after)
    pairs = sum(n * counts[word] for word, n in Counter(before).items())
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=pairs > DIFF_BUDGET)
    opcodes = matcher.get_opcodes()
    added = " ".join(
        " ".join(after[j1:j2]) for op, _, _, j1, j2 in opcodes if op in ("insert", "replace")
    )
    lost = []
    for op, i1, i2, j1, j2 in opcodes:
        if op not in ("delete", "replace"):
            continue
        gone = before[i1:i2]
        if _kept_within("".join(gone), "".join(after[j1:j2])):
            continue  # the same letters, run together or among others (a tag between went)
        if f" {' '.join(gone)} " in f" {added} ":
            continue  # moved, not lost (stray text in a table goes before the table)
        lost.append((i1, f"the text “{_shorten(' '.join(gone), QUOTE_LIMIT)}”"))
    return lost


def _kept_within(text: str, other: str) -> bool:
    """Whether every character of `text` is in `other`, in order."""
    rest = iter(other)
    return all(character in rest for character in text)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _element(tag: str, attributes: dict[str, str | None]) -> str:
    source = (attributes.get("src") or attributes.get("data") or "").strip()
    where = f": {_shorten(source, SOURCE_LIMIT)}" if source else ""
    return f"{VISIBLE_ELEMENTS[tag]} ({tag}{where})"


class _Reading(HTMLParser):
    """An HTML fragment as a reader meets it: its words, and the elements and images shown.

    Every tag separates words, in both readings compared, so only text that goes counts.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self.elements: list[tuple[int, str]] = []  # (words read before it, description)
        self.pictures: list[tuple[int, str]] = []  # (words read before it, address)
        self._text: list[str] = []  # read since the last tag
        self._foreign = 0  # svg and math elements open
        self._hidden: str | None = None  # the script or style whose raw text this is
        self._hidden_text: list[str] = []

    @classmethod
    def of(cls, html: str) -> "_Reading":
        reading = cls()
        reading.feed(html)
        reading.close()
        return reading

    def set_cdata_mode(self, elem, **kwargs):
        if elem == "style" and self._foreign:
            return  # browsers read it as markup: its text and elements are the reader's
        if elem in ("script", "style"):
            self._hidden = elem
        super().set_cdata_mode(elem, **kwargs)

    def handle_starttag(self, tag, attrs):
        self._end_word()
        attributes = dict(attrs)
        if tag in FOREIGN:
            self._foreign += 1
        if tag in VISIBLE_ELEMENTS:
            self.elements.append((len(self.words), _element(tag, attributes)))
        elif tag == "img" and (source := (attributes.get("src") or "").strip()):
            self.pictures.append((len(self.words), source))

    def handle_endtag(self, tag):
        self._end_word()
        if tag == self._hidden:  # a script, or a style's CSS: never shown
            self._hidden = None
            self._hidden_text.clear()
        elif tag in FOREIGN and self._foreign:
            self._foreign -= 1

    def handle_data(self, data):
        (self._hidden_text if self._hidden else self._text).append(data)

    def handle_comment(self, data):
        self._end_word()

    handle_decl = handle_pi = unknown_decl = handle_comment

    def close(self):
        super().close()
        # A script or style never closed hides the rest from a browser, but the writer wrote
        # it: read it as text and markup (HTMLParser leaves it unread, or hands it over).
        while self._hidden:
            rest = "".join(self._hidden_text) + self.rawdata
            self._hidden, self._hidden_text, self.rawdata = None, [], ""
            self.clear_cdata_mode()
            self.feed(rest)
            super().close()
        self._end_word()

    def _end_word(self) -> None:
        if self._text:
            self.words += "".join(self._text).split()
            self._text.clear()
