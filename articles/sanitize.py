"""The one sanitizer for stored article HTML (DESIGN.md, "One rule, one place").

Every body is cleaned here when it is saved, for every role, administrators included:
`Article.save()` calls `clean_html`, and code that bypasses `save()` (bulk inserts in
`seed_demo`) calls it itself. Templates mark only the cleaned field safe.
"""

import re
from html import unescape

import nh3

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

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


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


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment, whitespace collapsed (for counting words)."""
    return _SPACE.sub(" ", unescape(_TAG.sub(" ", html or ""))).strip()
