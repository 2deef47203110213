"""WordPress bodies into our HTML, before the sanitizer sees them.

Block-editor comments go, `[caption]` shortcodes become `<figure>`s, and classic-editor
text gets its paragraphs the way WordPress's `wpautop` makes them on display. Embeds
(`[embed]`, `[youtube]`, the block editor's embed blocks, `[video]`/`<video>` of a provider)
become our embeds; a video or audio file becomes a link to it; `<!--more-->` and
`<!--nextpage-->` go without leaving empty paragraphs; any other shortcode is removed (an
enclosing one keeps its text) and named, so it never reaches readers as literal text. What
tags and attributes survive is still decided by `articles.sanitize` when the story is saved.
"""

from __future__ import annotations

import hashlib
import re
from html import escape, unescape
from urllib.parse import unquote, urlsplit

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

BREAKS = re.compile(r"[ \t]*<!--\s*(?:more\b[^>]*?|nextpage|noteaser)\s*-->[ \t]*", re.I)
EMBED_SHORTCODE = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.I | re.S)
YOUTUBE_SHORTCODE = re.compile(r"\[youtube[=\s]\s*([^\]\s]+)[^\]]*\]", re.I)
MEDIA_SHORTCODE = re.compile(r"\[(video|audio)\b([^\]]*)\](?:(.*?)\[/\1\])?", re.I | re.S)
MEDIA_TAG = re.compile(r"<(video|audio)\b([^>]*)>(.*?)</\1\s*>", re.I | re.S)
BLOCK_EMBED = re.compile(
    r"<figure\b[^>]*\bwp-block-embed\b[^>]*>\s*<div\b[^>]*wp-block-embed__wrapper[^>]*>"
    r"\s*(.*?)\s*</div>\s*(?:<figcaption\b[^>]*>(.*?)</figcaption>)?\s*</figure>",
    re.I | re.S,
)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
SOURCE_SRC = re.compile(r"""<source\b[^>]*\bsrc\s*=\s*["']([^"']+)["']""", re.I)
MEDIA_FILE_KEYS = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mp3", "ogg", "wav", "m4a")
SHORTCODE = re.compile(r"\[(/?)([a-z][a-z0-9_-]*)((?:\s[^\[\]]*)?|=[^\[\]]*)\]")
# Shortcodes of WordPress itself and of the commonest plugins, removed even without
# attributes; any other bracketed word is kept unless it has `key=value` attributes, a
# closing tag or a plugin-like name (`[sic]`, `[1]` and `[UPDATE 2: …]` are text).
KNOWN_SHORTCODES = {"gallery", "playlist", "wp_caption", "contact-form", "simple"}
GALLERY = re.compile(r"\[gallery\b([^\]]*)\]", re.I)
# Where a gallery was: the importer puts the library's pictures of its attachments here.
GALLERY_MARK = re.compile(r'<figure data-wp-gallery="([^"]*)"></figure>')


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
    return convert(html)[0]


def convert(html: str) -> tuple[str, list[tuple[str, str]]]:
    """`convert_body`, and what was done that the report should say: (decision, detail)."""
    notes: list[tuple[str, str]] = []
    block_editor = is_block_editor(html)
    html = BREAKS.sub("\n\n" if not block_editor else "", html)
    html = BLOCK_EMBED.sub(lambda m: _embed_block(m.group(1), m.group(2) or "", notes), html)
    html = strip_block_comments(html)
    html = EMBED_SHORTCODE.sub(lambda m: _embed_block(m.group(1), "", notes), html)
    html = YOUTUBE_SHORTCODE.sub(lambda m: _embed_block(m.group(1), "", notes), html)
    html = MEDIA_SHORTCODE.sub(lambda m: _media(m.group(1), _attributes(m.group(2)), notes), html)
    html = MEDIA_TAG.sub(lambda m: _media_tag(m, notes), html)
    html = captions_to_figures(html)
    html = GALLERY.sub(_gallery, html)
    html = _other_shortcodes(html, notes)
    html = html.strip() if block_editor else autop(html)
    return re.sub(r"<p>\s*</p>", "", html), notes


def _gallery(match: re.Match) -> str:
    ids = _attributes(match.group(1)).get("ids", "")
    wanted = ",".join(part for part in re.split(r"[\s,]+", ids) if part.isdigit())
    return f'\n\n<figure data-wp-gallery="{wanted or "attached"}"></figure>\n\n'


def _attributes(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): unescape(next(g for g in m.groups()[1:] if g is not None))
        for m in ATTRIBUTE.finditer(text)
    }


def _embed_block(url: str, caption: str, notes: list) -> str:
    """An address WordPress embedded: our embed when a provider is known, else a link."""
    from ..embeds import from_url

    url = unescape(re.sub(r"<[^>]+>", "", url)).strip()
    caption_text = html_to_text(caption)
    found = from_url(url)
    if found is not None:
        figcaption = f"<figcaption>{escape(caption_text)}</figcaption>" if caption_text else ""
        return (
            f'\n\n<figure data-embed="{escape(found.provider)}" data-id="{escape(found.id)}">'
            f"{figcaption}</figure>\n\n"
        )
    if not url.startswith(("http://", "https://")):
        return ""
    notes.append(("embed-linked", f"{url}: no embed here for this address; linked instead"))
    text = escape(caption_text or url)
    return f'\n\n<p><a href="{escape(url)}">{text}</a></p>\n\n'


def _media(kind: str, attributes: dict[str, str], notes: list, inner: str = "") -> str:
    """A video or audio player: the provider's embed, else a link to the file."""
    url = next((attributes[k] for k in MEDIA_FILE_KEYS if attributes.get(k)), "")
    url = url or (SOURCE_SRC.search(inner).group(1) if SOURCE_SRC.search(inner) else "")
    if not url:
        notes.append(("shortcode-removed", f"a {kind} without an address"))
        return ""
    from ..embeds import from_url

    if from_url(url) is not None:
        return _embed_block(url, "", notes)
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or url
    notes.append(("media-linked", f"{kind} {url}: a file, not a provider; linked"))
    label = "Video" if kind.lower() == "video" else "Audio"
    return f'\n\n<p><a href="{escape(url)}">{label}: {escape(name)}</a></p>\n\n'


def _media_tag(match: re.Match, notes: list) -> str:
    return _media(match.group(1), _attributes(match.group(2)), notes, match.group(3))


def _other_shortcodes(html: str, notes: list) -> str:
    """Remove the shortcodes nothing here stands for; an enclosing one keeps its text."""
    closing = {m.group(2).lower() for m in SHORTCODE.finditer(html) if m.group(1)}
    removed: dict[str, int] = {}

    def remove(match: re.Match) -> str:
        name = match.group(2).lower()
        plugin_like = "_" in name or "-" in name
        if not (
            name in closing or match.group(3).strip() or plugin_like or name in KNOWN_SHORTCODES
        ):
            return match.group(0)
        if not match.group(1):
            removed[name] = removed.get(name, 0) + 1
        return ""

    html = SHORTCODE.sub(remove, html)
    for name, count in removed.items():
        notes.append(
            ("shortcode-removed", f"[{name}]" + (f" ({count} times)" if count > 1 else ""))
        )
    return html


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
