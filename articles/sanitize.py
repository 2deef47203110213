"""The one sanitizer for stored article HTML (DESIGN.md, "One rule, one place").

Every body is cleaned here when it is saved, for every role, administrators included:
`Article.clean_body()` (which `save()` runs) and `Page.save()` call `sanitize_body`, and code
that bypasses `save()` (bulk inserts in `seed_demo`) calls `clean_body()` itself. Templates
mark only the cleaned field safe.

Cleaning never loses what a reader sees without saying so: `removals` lists the text and the
elements it would remove, and `sanitize_body` refuses such a body (`BodyWouldLoseContent`)
unless its caller accepted the cleaned version: the admin with a tick box, the WordPress
import by listing the removals in its report.

Rich parts (docs/rich-bodies.md) are checked here too, after the allow-list: an embed figure
stays only if `articles.embeds` accepts its provider and id, a library picture only with a
positive integer id; a provider's address alone in a paragraph becomes an embed, and a frame
from a host on the administrators' allow-list a generic one. What goes is in `removals`.
"""

import difflib
import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser

import lxml.html
import nh3
from django.core.exceptions import ValidationError

from . import embeds

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "em", "figcaption", "figure",
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
    # Rich bodies (docs/rich-bodies.md): an embed (provider and id, checked by
    # articles.embeds) or a picture of the library (its id), each a figure.
    "figure": {"data-embed", "data-id", "data-picture"},
}
# Classes kept, and only these: a pull quote is a block quote set large beside the text.
ALLOWED_CLASSES = {"blockquote": {"pull-quote"}}
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

# A library picture's id: a positive integer, as the database makes them.
PICTURE_ID = re.compile(r"[1-9][0-9]{0,18}")
# Inside an embed's caption only phrasing stays: blocks give up their text, these go whole.
CAPTION_UNWRAPPED = {"p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "pre", "table",
                     "caption", "thead", "tbody", "tr", "th", "td", "hr"}  # fmt: skip
CAPTION_DROPPED = {"figure", "img", "iframe", "figcaption"}
# Cleaned HTML that may hold a rich part: only such bodies are parsed a second time.
_RICH_HINT = re.compile(r"<figure|<iframe|<p>\s*(?:<a [^>]*>)?\s*https?://")
# An embed as stored (cleaned bodies hold no figure inside one): not text for readers' counts.
_STORED_EMBED = re.compile(r"<figure [^>]*data-embed=[^>]*>.*?</figure>", re.DOTALL)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_STAND_IN_BASE = 0xF0000  # a private-use plane: U+F0000 + the control character's code
_STAND_IN = re.compile("[\U000f0000-\U000f001f]")

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
    where they carry any; outside links get `rel="noopener noreferrer"`. Rich parts are
    checked and made (`_rich_parts`).
    """
    return _clean(html)[0]


def sanitize_body(html: str, *, accept_cleaned: bool = False) -> str:
    """Return `clean_html(html)`; raise BodyWouldLoseContent if that would remove what a
    reader sees, unless `accept_cleaned`."""
    cleaned, made = _clean(html)
    if not accept_cleaned and (removed := _removals(html or "", cleaned, made)):
        raise BodyWouldLoseContent(removed)
    return cleaned


def _allow_list(html: str, *, frames: bool = False) -> str:
    tags, attributes = ALLOWED_TAGS, ALLOWED_ATTRIBUTES
    if frames:  # kept for `_rich_parts` to judge, never past it
        tags, attributes = tags | {"iframe"}, attributes | {"iframe": {"src"}}
    return nh3.clean(
        html,
        tags=tags,
        attributes=attributes,
        url_schemes=ALLOWED_URL_SCHEMES,
        allowed_classes=ALLOWED_CLASSES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def _clean(html: str) -> tuple[str, list[str]]:
    """(the cleaned body, the provider addresses that became embeds)."""
    html = html or ""
    hosts = embeds.Hosts()
    # The allow-list of frame hosts is read only for a body with a frame in it.
    frames = "<iframe" in html.lower() and bool(hosts.names)
    cleaned = _allow_list(html, frames=frames)
    if not _RICH_HINT.search(cleaned):
        return cleaned, []
    cleaned, made = _rich_parts(cleaned, hosts)
    # Once more through the allow-list: whatever the second parse did, nothing else passes.
    return _allow_list(cleaned), made


# Rich parts: embeds and library pictures (docs/rich-bodies.md).


def _rich_parts(cleaned: str, hosts: embeds.Hosts) -> tuple[str, list[str]]:
    # lxml refuses the control characters HTML lets through: they cross it as stand-ins.
    stand_ins = not _STAND_IN.search(cleaned)
    if stand_ins:
        cleaned = _CONTROL.sub(lambda m: chr(_STAND_IN_BASE + ord(m.group())), cleaned)
    else:
        cleaned = _CONTROL.sub("", cleaned)
    root = lxml.html.fragment_fromstring(cleaned, create_parent="div")
    made: list[str] = []
    _check_children(root, hosts, made, top=True)
    html = lxml.html.tostring(root, encoding="unicode")[len("<div>") : -len("</div>")]
    if stand_ins:
        html = _STAND_IN.sub(lambda m: chr(ord(m.group()) - _STAND_IN_BASE), html)
    return html, made


def _check_children(element, hosts: embeds.Hosts, made: list[str], *, top: bool) -> None:
    for child in list(element):
        if child.tag == "figure":
            _check_figure(child, hosts, made)
        elif child.tag == "iframe":
            _check_frame(child, hosts)
        elif top and child.tag == "p" and (frame := _lone_frame(child)) is not None:
            _check_frame(frame, hosts, replacing=child)
        elif top and child.tag == "p" and (url := _bare_url(child)):
            found = embeds.from_url(url)
            if found is not None:
                child.addnext(_embed_figure(found, tail=child.tail))
                child.getparent().remove(child)
                made.append(url)
        else:
            _check_children(child, hosts, made, top=False)


def _embed_figure(found: embeds.Embed, caption=None, tail=None):
    figure = lxml.html.Element("figure")
    figure.set("data-embed", found.provider)
    figure.set("data-id", found.id)
    if caption is not None:
        figure.append(caption)
    figure.tail = tail
    return figure


def _check_figure(figure, hosts: embeds.Hosts, made: list[str]) -> None:
    """An embed with a known provider and a valid id keeps only them and its caption; a
    library picture needs a positive integer id; anything else claiming to be one goes."""
    provider, picture = figure.get("data-embed"), figure.get("data-picture")
    if provider is not None:
        found = embeds.embed(provider, figure.get("data-id"), hosts)
        if found is None:
            figure.drop_tree()
            return
        caption = next((child for child in figure if child.tag == "figcaption"), None)
        if caption is not None:
            caption.tail = None
            _phrasing_only(caption)
        figure.addnext(_embed_figure(found, caption, tail=figure.tail))
        figure.getparent().remove(figure)
        return
    if picture is not None and not PICTURE_ID.fullmatch(picture):
        figure.drop_tree()
        return
    figure.attrib.pop("data-id", None)
    _check_children(figure, hosts, made, top=False)


def _phrasing_only(caption) -> None:
    for element in list(caption.iterdescendants()):
        if element.tag in CAPTION_DROPPED:
            element.drop_tree()
        elif element.tag in CAPTION_UNWRAPPED:
            element.drop_tag()


def _lone_frame(paragraph):
    """The frame a paragraph holds and nothing else, or None."""
    children = list(paragraph)
    if len(children) != 1 or children[0].tag != "iframe":
        return None
    if (paragraph.text or "").strip() or (children[0].tail or "").strip():
        return None
    return children[0]


def _check_frame(frame, hosts: embeds.Hosts, replacing=None) -> None:
    """A frame from an allow-listed host becomes a generic embed; any other goes, its text
    (shown by no browser, kept as before frames were judged here) left in its place."""
    found = embeds.iframe_embed(frame.get("src"), hosts)
    if found is None:
        frame.drop_tag()
        return
    old = replacing if replacing is not None else frame
    old.addnext(_embed_figure(found, tail=old.tail))
    old.getparent().remove(old)


def _bare_url(paragraph) -> str | None:
    """The address a paragraph holds alone (as text, or as a link whose text it is)."""
    children = [child for child in paragraph if child.tag != "br"]
    if any((child.tail or "").strip() for child in paragraph if child.tag == "br"):
        return None
    if not children:
        text = paragraph.text_content().strip()
    elif len(children) == 1 and children[0].tag == "a" and len(children[0]) == 0:
        link = children[0]
        if (paragraph.text or "").strip() or (link.tail or "").strip():
            return None
        text = (link.text or "").strip()
        if text != (link.get("href") or "").strip():
            return None
    else:
        return None
    return text if text and not any(c.isspace() for c in text) else None


def removals(html: str) -> list[str]:
    """What cleaning `html` would remove that a reader sees, in reading order: each element
    shown (frame, video, drawing, formula, form control, image whose address goes) and each
    run of lost text, quoted.

    Not listed: attributes (event handlers, unsafe links), comments, whitespace, scripts and
    the CSS of style elements. Lenient where a browser hides the writer's words: a script or
    style never closed, or a <style> inside svg/math (markup there: the mutation-XSS trick),
    counts as text, so cleaning cannot swallow what follows unnoticed.
    """
    return _removals(html or "", *_clean(html))


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment, whitespace collapsed (for counting words).

    Embeds are not text of the story: neither they nor their captions count.
    """
    html = _STORED_EMBED.sub(" ", html or "")
    return _SPACE.sub(" ", unescape(_TAG.sub(" ", html))).strip()


def _removals(html: str, cleaned: str, made: list[str] = ()) -> list[str]:
    if cleaned in (html, html.strip()):  # every save of a clean body: nothing to read
        return []
    before, after = _Reading.of(html), _Reading.of(cleaned)
    found = [*before.elements, *_lost_pictures(before, after), *_lost_rich_parts(before, after)]
    found += _lost_text(before.words, after.words, made)
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


def _lost_rich_parts(before: "_Reading", after: "_Reading") -> list[tuple[int, str]]:
    """Embeds, frames and library pictures that did not become (or stay) a rich part."""
    kept = Counter(after.embeds)
    hosts = embeds.Hosts()
    lost = []
    for position, kind, first, second in before.rich:  # in reading order
        if kind == "frame":
            found = embeds.iframe_embed(first, hosts) if first else None
            key = (found.provider, found.id) if found else None
            description = _element("iframe", {"src": first})
        elif kind == "embed":
            key = (first, second)
            description = f"an embed ({_shorten(f'{first}: {second}', SOURCE_LIMIT)})"
        else:
            key = ("picture", first)
            description = (
                f"a picture from the library (data-picture: {_shorten(first, SOURCE_LIMIT)})"
            )
        if key is not None and kept[key]:
            kept[key] -= 1
        else:
            lost.append((position, description))
    return lost


def _lost_text(before: list[str], after: list[str], made=()) -> list[tuple[int, str]]:
    """Runs of words in `before` that `after` no longer has, with where they started.

    The addresses in `made` became embeds: not lost.
    """
    if before == after:
        return []
    made = Counter(made)
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
        if made and not (gone := [word for word in gone if not _take(made, word)]):
            continue  # an address that became an embed
        if _kept_within("".join(gone), "".join(after[j1:j2])):
            continue  # the same letters, run together or among others (a tag between went)
        if f" {' '.join(gone)} " in f" {added} ":
            continue  # moved, not lost (stray text in a table goes before the table)
        lost.append((i1, f"the text “{_shorten(' '.join(gone), QUOTE_LIMIT)}”"))
    return lost


def _take(counter: Counter, key) -> bool:
    if counter[key]:
        counter[key] -= 1
        return True
    return False


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
        # Rich parts met: (words before it, "frame" | "embed" | "picture", value, value).
        self.rich: list[tuple[int, str, str, str]] = []
        self.embeds: list[tuple[str, str]] = []  # (provider, id) of each embed figure
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
        if tag == "iframe":  # lost, unless it became a generic embed (_lost_rich_parts)
            self.rich.append((len(self.words), "frame", attributes.get("src") or "", ""))
        elif tag in VISIBLE_ELEMENTS:
            self.elements.append((len(self.words), _element(tag, attributes)))
        elif tag == "figure" and (provider := attributes.get("data-embed")) is not None:
            embed_id = attributes.get("data-id") or ""
            self.rich.append((len(self.words), "embed", provider, embed_id))
            self.embeds.append((provider, embed_id))
        elif tag == "figure" and (picture := attributes.get("data-picture")) is not None:
            self.rich.append((len(self.words), "picture", picture, ""))
            self.embeds.append(("picture", picture))
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
