"""WordPress bodies into our HTML, before the sanitizer sees them.

Block-editor comments go, `[caption]` shortcodes become `<figure>`s, and classic-editor
text gets its paragraphs the way WordPress's `wpautop` makes them on display. What tags and
attributes survive is still decided by `articles.sanitize` when the story is saved.
"""

from __future__ import annotations

import hashlib
import re
from html import escape
from urllib.parse import unquote

from django.utils.text import slugify

from ..sanitize import html_to_text

SUMMARY_LIMIT = 300  # characters; one or two sentences under the headline

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
CAPTION = re.compile(r"\[caption\b([^\]]*)\](.*?)\[/caption\]", re.DOTALL | re.IGNORECASE)
CAPTION_IMAGE = re.compile(
    r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.DOTALL | re.IGNORECASE
)
CAPTION_ATTRIBUTE = re.compile(r"""\bcaption=(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
# The block-level tags around which wpautop starts a new paragraph.
BLOCKS = (
    "address|article|aside|blockquote|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header"
    "|hr|iframe|li|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul"
)
BLOCK_TAG = re.compile(rf"(</?(?:{BLOCKS})\b[^>]*>)", re.IGNORECASE)
STARTS_WITH_BLOCK = re.compile(rf"^</?(?:{BLOCKS})\b", re.IGNORECASE)
# Blocks whose text WordPress does not wrap in a paragraph of its own.
UNWRAPPED_IN = re.compile(r"^<(?:li|dt|dd|td|th|h[1-6]|figure|figcaption|p)\b[^>]*>$", re.I)
TIGHT_OPEN = re.compile(r"(<(?:li|dt|dd|td|th|h[1-6]|figcaption|p)\b[^>]*>)\n", re.I)
TIGHT_CLOSE = re.compile(r"\n(</(?:li|dt|dd|td|th|h[1-6]|figcaption|p)>)", re.I)
# Kept whole: a `<pre>`'s line breaks are its content; a figure is one block.
KEPT_WHOLE = re.compile(r"<(pre|figure)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.DOTALL | re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?।](?=\s)")


def strip_block_comments(html: str) -> str:
    """Remove the block editor's `<!-- wp:... -->` and `<!-- /wp:... -->` markers."""
    return BLOCK_COMMENT.sub("", html)


def _figure(match: re.Match) -> str:
    attributes, inner = match.group(1), match.group(2)
    image = CAPTION_IMAGE.match(inner)
    if not image:
        return inner
    caption = image.group(2).strip()
    if not caption:
        # Before WordPress 3.4 the caption was an attribute of the shortcode.
        quoted = CAPTION_ATTRIBUTE.search(attributes)
        caption = escape(next(filter(None, quoted.groups()), "")) if quoted else ""
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"<figure>{image.group(1).strip()}{figcaption}</figure>"


def captions_to_figures(html: str) -> str:
    """`[caption ...]<img ...> Text[/caption]` → `<figure><img ...><figcaption>Text</figcaption></figure>`."""  # noqa: E501
    return CAPTION.sub(_figure, html)


def autop(text: str) -> str:
    """Paragraphs from blank lines, `<br>` from single newlines, as WordPress's `wpautop`.

    Block-level elements stand on their own; `<pre>` and `<figure>` are left as they are.
    """
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group(0))
        return f"\n\n\x00{len(kept) - 1}\x00\n\n"

    text = KEPT_WHOLE.sub(keep, text.replace("\r\n", "\n").replace("\r", "\n"))
    # Every block tag on its own, so that the text between them is what gets paragraphs.
    text = BLOCK_TAG.sub(r"\n\n\1\n\n", text)
    chunks = [chunk.strip() for chunk in PARAGRAPH_BREAK.split(text)]
    out = []
    for chunk in filter(None, chunks):
        if chunk.startswith("\x00") or STARTS_WITH_BLOCK.match(chunk):
            out.append(chunk)
        elif out and UNWRAPPED_IN.match(out[-1]):
            out.append(chunk.replace("\n", "<br>\n"))
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    # `<li>Text</li>` on one line again, as it came.
    html = TIGHT_OPEN.sub(r"\1", "\n".join(out))
    html = TIGHT_CLOSE.sub(r"\1", html)
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], html)


def is_block_editor(html: str) -> bool:
    return "<!-- wp:" in html


def convert_body(html: str) -> str:
    """A WordPress post's `content:encoded` as our body HTML (still to be sanitized)."""
    block_editor = is_block_editor(html)
    html = captions_to_figures(strip_block_comments(html))
    return html.strip() if block_editor else autop(html)


def body_text(html: str) -> str:
    """The text of a body's paragraphs (headings and captions left out), to summarise."""
    paragraphs = PARAGRAPH.findall(html)
    return " ".join(html_to_text(p) for p in paragraphs) if paragraphs else html_to_text(html)


def summary_from(text: str, limit: int = SUMMARY_LIMIT) -> str:
    """A summary from a story's plain text: whole sentences up to `limit` characters.

    If even the first sentence is longer, it is cut at a word with an ellipsis.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    ends = [m.end() for m in SENTENCE_END.finditer(cut)]
    if ends and ends[-1] >= limit // 3:
        return cut[: ends[-1]]
    words = cut[:limit].rsplit(" ", 1)[0]
    return words.rstrip(",;:-\N{EN DASH}\N{EM DASH} ") + "…"


def plain_text(html: str) -> str:
    """Text of a WordPress title, excerpt or caption, for fields that hold no HTML."""
    return html_to_text(html)


def stable_suffix(text: str) -> str:
    """A short suffix that is the same on every run, for names with no ASCII slug."""
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:8]


def ascii_slug(text: str, *, max_length: int, fallback: str) -> str:
    """`text` as an ASCII slug (our URLs take no other), or `fallback` if nothing is left."""
    return slugify(unquote(text))[:max_length].strip("-") or fallback
