"""Reading a WordPress eXtended RSS (WXR 1.0-1.2) export as a stream.

lxml's `iterparse` hands over one `<item>` (or `<wp:author>`, `<wp:category>`) at a time;
each is cleared once read and dropped from the tree with everything before it, so memory
stays flat however large the file. Needs no Django: it only reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

WP_VERSIONS = ("1.0", "1.1", "1.2")
# WordPress writes http; the Theme Unit Test export and some hosts write https.
WP_NAMESPACES = tuple(
    f"{scheme}://wordpress.org/export/{v}/" for scheme in ("http", "https") for v in WP_VERSIONS
)
EXCERPT_NAMESPACES = tuple(f"{ns}excerpt/" for ns in WP_NAMESPACES)
VERSION = re.compile(r"\d+\.\d+")
_WP_LIKE = re.compile(r"^https?://wordpress\.org/export/[^/]+/$")
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"

# The elements read as units; everything else in the channel is dropped as it passes.
UNITS = ("item", "author", "category", "wxr_version")
WANTED = ["item", *(f"{{{ns}}}{name}" for ns in WP_NAMESPACES for name in UNITS[1:])]

UPLOADS = re.compile(r"/wp-content/uploads/(.+)$")


class WxrError(Exception):
    """The export cannot be read; the message names the line where that is known."""

    def __init__(self, message: str, line: int | None = None):
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


@dataclass(frozen=True)
class Author:
    login: str
    display_name: str
    email: str = ""


@dataclass(frozen=True)
class Category:
    nicename: str
    name: str
    parent: str  # the parent's nicename, "" for a top-level category
    line: int
    term_id: str = ""  # what plugins (Yoast's primary category) refer to it by


@dataclass(frozen=True)
class Attachment:
    id: int
    url: str
    alt: str
    caption: str
    parent: int = 0  # the post it was uploaded to (a gallery without ids shows these)
    link: str = ""  # its page's address on the WordPress site

    @property
    def upload_path(self) -> str:
        """The file's path under `wp-content/uploads/` (its name alone if the URL has none)."""
        path = self.url.split("?", 1)[0].split("#", 1)[0]
        match = UPLOADS.search(path)
        return match.group(1) if match else path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Item:
    """One `<item>`: a post, page, attachment, menu entry... as raw text from the export."""

    line: int
    post_id: str
    post_type: str
    status: str
    title: str
    link: str
    creator: str
    content: str
    excerpt: str
    post_name: str
    post_date: str
    post_date_gmt: str
    modified: str
    modified_gmt: str
    password: str
    attachment_url: str
    categories: tuple[tuple[str, str], ...]  # (nicename, name) in the export's order
    tags: tuple[str, ...]
    meta: dict[str, str] = field(default_factory=dict)
    comments: int = 0
    # Entities the file uses without defining them (`&nbsp;` in XML): the text around them
    # cannot be read whole, so the item must not be taken as it reads.
    undefined_entities: tuple[str, ...] = ()
    parent: str = ""  # wp:post_parent

    def __str__(self) -> str:
        title = self.title or "(no title)"
        return f"{self.post_type or 'item'} {self.post_id or '?'} “{title}” (line {self.line})"


@dataclass
class Site:
    """What the first pass collects: the tables items refer to, and how many items there are."""

    authors: dict[str, Author] = field(default_factory=dict)  # by login
    categories: dict[str, Category] = field(default_factory=dict)  # by nicename
    attachments: dict[int, Attachment] = field(default_factory=dict)  # by post id
    items: int = 0
    version: str = ""


class _Names:
    """The namespaces this file uses, learnt from its declarations as they stream past."""

    def __init__(self) -> None:
        self.wp = "{" + WP_NAMESPACES[2] + "}"
        self.excerpt = "{" + EXCERPT_NAMESPACES[2] + "}"
        self.unknown: str | None = None  # a WordPress namespace of a version we do not read

    def declare(self, uri: str) -> None:
        if uri in WP_NAMESPACES:
            self.wp = "{" + uri + "}"
        elif uri in EXCERPT_NAMESPACES:
            self.excerpt = "{" + uri + "}"
        elif _WP_LIKE.match(uri):
            self.unknown = uri


def _stream(
    path: Path | str, names: _Names | None = None
) -> Iterator[tuple[etree._Element, _Names]]:
    """Each wanted element once complete; cleared, with all before it, when the caller is done.

    `names` learns the file's namespaces as they are declared.
    """
    names = names or _Names()
    events = etree.iterparse(
        str(path),
        events=("start-ns", "end"),
        tag=WANTED,
        huge_tree=True,  # post bodies over 10 MB are rare but legal
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
    )
    try:
        for event, payload in events:
            if event == "start-ns":
                names.declare(payload[1])
                continue
            if payload.getparent() is not None and payload.getparent().tag != "channel":
                # A unit's name inside another unit (an item's own <wp:author>, as some
                # exporters write one) is part of it: clearing it would lose its siblings.
                continue
            yield payload, names
            payload.clear(keep_tail=False)
            parent = payload.getparent()
            if parent is not None:
                while payload.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as error:
        line = error.position[0] if error.position else error.lineno
        raise WxrError(f"the file is not well-formed XML: {error.msg}", line) from error


def _text(element: etree._Element, path: str) -> str:
    return (element.findtext(path) or "").strip()


def _item(element: etree._Element, names: _Names) -> Item:
    wp = names.wp
    categories, tags = [], []
    for term in element.iterchildren("category"):
        domain = term.get("domain", "")
        name = (term.text or "").strip()
        if domain == "category":
            categories.append((term.get("nicename", "").strip(), name))
        elif domain == "post_tag" and name:
            tags.append(name)
    meta = {}
    for entry in element.iterchildren(f"{wp}postmeta"):
        meta[_text(entry, f"{wp}meta_key")] = _text(entry, f"{wp}meta_value")
    entities = tuple(dict.fromkeys(f"&{e.name};" for e in element.iter(etree.Entity)))
    return Item(
        line=element.sourceline or 0,
        post_id=_text(element, f"{wp}post_id"),
        post_type=_text(element, f"{wp}post_type"),
        status=_text(element, f"{wp}status"),
        title=_text(element, "title"),
        link=_text(element, "link"),
        creator=_text(element, f"{DC}creator"),
        content=element.findtext(f"{CONTENT}encoded") or "",
        excerpt=_text(element, f"{names.excerpt}encoded"),
        post_name=_text(element, f"{wp}post_name"),
        post_date=_text(element, f"{wp}post_date"),
        post_date_gmt=_text(element, f"{wp}post_date_gmt"),
        modified=_text(element, f"{wp}post_modified"),
        modified_gmt=_text(element, f"{wp}post_modified_gmt"),
        password=_text(element, f"{wp}post_password"),
        attachment_url=_text(element, f"{wp}attachment_url"),
        parent=_text(element, f"{wp}post_parent"),
        categories=tuple(categories),
        tags=tuple(tags),
        meta=meta,
        comments=sum(1 for _ in element.iterchildren(f"{wp}comment")),
        undefined_entities=entities,
    )


def read_site(path: Path | str, progress: Callable[[int], None] | None = None) -> Site:
    """First pass: authors, categories, attachments and the item count, streaming the file.

    It reads the whole file, so a file that is not well-formed fails here, before any write.
    """
    site = Site()
    names = _Names()
    for element, _ in _stream(path, names):
        wp = names.wp
        tag = element.tag
        if tag == "item":
            site.items += 1
            if progress:
                progress(site.items)
            if _text(element, f"{wp}post_type") == "attachment":
                _attachment(element, names, site)
        elif tag == f"{wp}author":
            login = _text(element, f"{wp}author_login")
            full = " ".join(
                part
                for part in (
                    _text(element, f"{wp}author_first_name"),
                    _text(element, f"{wp}author_last_name"),
                )
                if part
            )
            display = _text(element, f"{wp}author_display_name") or full or login
            if login:
                site.authors[login] = Author(
                    login=login, display_name=display, email=_text(element, f"{wp}author_email")
                )
        elif tag == f"{wp}category":
            nicename = _text(element, f"{wp}category_nicename")
            if nicename:
                site.categories[nicename] = Category(
                    nicename=nicename,
                    name=_text(element, f"{wp}cat_name") or nicename,
                    parent=_text(element, f"{wp}category_parent"),
                    line=element.sourceline or 0,
                    term_id=_text(element, f"{wp}term_id"),
                )
        elif tag == f"{wp}wxr_version":
            site.version = (element.text or "").strip()
    if not site.version and names.unknown:
        raise WxrError(
            f"this WordPress export uses the namespace {names.unknown}, a version this "
            "importer does not read (WXR 1.0 to 1.2, over http or https)."
        )
    if not site.version:
        raise WxrError("this is not a WordPress export: it has no <wp:wxr_version>.")
    if not VERSION.fullmatch(site.version):
        raise WxrError(
            f"this is not a WordPress export: its <wp:wxr_version> “{site.version[:40]}” is "
            "not a version number."
        )
    return site


def _attachment(element: etree._Element, names: _Names, site: Site) -> None:
    item = _item(element, names)
    if item.post_id.isdigit() and item.attachment_url:
        site.attachments[int(item.post_id)] = Attachment(
            id=int(item.post_id),
            url=item.attachment_url,
            parent=int(item.parent) if item.parent.isascii() and item.parent.isdigit() else 0,
            alt=item.meta.get("_wp_attachment_image_alt", ""),
            caption=item.excerpt,
            link=item.link,
        )


def iter_items(path: Path | str) -> Iterator[Item]:
    """Second pass: every `<item>` in the file's order, one at a time."""
    for element, names in _stream(path):
        if element.tag == "item":
            yield _item(element, names)
