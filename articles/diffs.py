"""Readable differences between two versions of a story's fields, as escaped, safe HTML.

The one place that shows staff what changed (revisions, restore, conflicts, autosave): texts
are compared word by word with `difflib`, the body paragraph by paragraph and then word by
word within the paragraphs that changed, and other values as "old → new". Deletions are
`<del class="diff-del">`, insertions `<ins class="diff-ins">` (styled by
`articles/static/articles/admin/diff.css`); every character of the inputs is escaped, and
the body's tags are never shown, only its text.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from html.parser import HTMLParser

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# Words (with their apostrophes), single punctuation marks, runs of whitespace.
TOKEN = re.compile(r"\s+|\w+(?:['\u2019]\w+)*|[^\w\s]")
# The body's elements that hold a paragraph's worth of text; a new one starts a new block.
BLOCKS = {
    "address", "blockquote", "caption", "dd", "div", "dt", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "section",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
SIMILAR = 0.5  # share of words in common for two paragraphs to be one paragraph edited
CONTEXT = 1  # unchanged paragraphs kept on each side of a change
EMPTY = "(empty)"


@dataclass
class FieldDifference:
    """One field's label and what changed in it, as safe HTML."""

    label: str
    html: SafeString


def field_differences(pairs: Iterable[tuple[str, str, str, str]]) -> list[FieldDifference]:
    """One difference per `(label, kind, old, new)` whose values differ; kind is "text",
    "body" or "value"."""
    show = {"text": text_diff, "body": body_diff, "value": value_change}
    return [
        FieldDifference(label, show[kind](old or "", new or ""))
        for label, kind, old, new in pairs
        if (old or "") != (new or "")
    ]


def value_change(old: str, new: str) -> SafeString:
    """`old → new` for a value shown whole (a section, a date, a file name), "(empty)" for none."""
    return format_html(
        '<del class="diff-del">{}</del> → <ins class="diff-ins">{}</ins>',
        old or EMPTY,
        new or EMPTY,
    )


def text_diff(old: str, new: str) -> SafeString:
    """Plain text with the words deleted from `old` and inserted in `new` marked."""
    runs = _runs(TOKEN.findall(old or ""), TOKEN.findall(new or ""))
    return mark_safe("".join(_marked(runs)))  # every part is escaped or built by format_html


def body_diff(old_html: str, new_html: str) -> SafeString:
    """The body's text paragraph by paragraph, changed words marked, whole paragraphs added
    or removed marked, and long unchanged stretches folded into one line."""
    old, new = body_blocks(old_html), body_blocks(new_html)
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    shown = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            shown += _unchanged(old[i1:i2], first=index == 0, last=index == len(opcodes) - 1)
            continue
        shown += _replaced(old[i1:i2], new[j1:j2])
    return mark_safe("".join(shown))  # every part is built by format_html


def body_blocks(html: str) -> list[str]:
    """The text of each paragraph-like block of an HTML fragment, entities decoded, spaces
    collapsed, empty blocks left out."""
    parser = _BlockParser()
    parser.feed(html or "")
    parser.close()
    parser.flush()
    return parser.blocks


class _BlockParser(HTMLParser):
    """Collects text, starting a new block at each block element's start and end."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.text: list[str] = []

    def flush(self) -> None:
        text = " ".join("".join(self.text).split())
        if text:
            self.blocks.append(text)
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.flush()
        elif tag == "br":
            self.text.append(" ")
        elif tag == "img":
            # A picture in the body has no text of its own; its description stands for it.
            attributes = dict(attrs)
            self.text.append(f" [image: {attributes.get('alt') or attributes.get('src') or ''}] ")

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        self.text.append(data)


def _runs(old: list[str], new: list[str]) -> list[tuple[bool, str, str]]:
    """`(unchanged, old text, new text)` runs; spaces alone between two changes join them,
    so a rewritten phrase reads as one deletion and one insertion."""
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    runs: list[tuple[bool, str, str]] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        before, after = "".join(old[i1:i2]), "".join(new[j1:j2])
        # Opcodes alternate between equal and changed, so an inner equal run sits between two.
        unchanged = tag == "equal" and not (before.isspace() and 0 < index < len(opcodes) - 1)
        if runs and not unchanged and not runs[-1][0]:
            runs[-1] = (False, runs[-1][1] + before, runs[-1][2] + after)
        else:
            runs.append((unchanged, before, after))
    return runs


def _marked(runs: list[tuple[bool, str, str]]) -> Iterable[str]:
    for unchanged, before, after in runs:
        if unchanged:
            yield escape(before)
            continue
        if before:
            yield _deleted(before)
        if after:
            yield _inserted(after)


def _deleted(text: str) -> SafeString:
    return format_html('<del class="diff-del">{}</del>', text)


def _inserted(text: str) -> SafeString:
    return format_html('<ins class="diff-ins">{}</ins>', text)


def _block(html: SafeString, kind: str = "") -> SafeString:
    return format_html('<p class="{}">{}</p>', f"diff-block {kind}".strip(), html)


def _replaced(before: list[str], after: list[str]) -> list[SafeString]:
    """Paragraphs replaced by others, in reading order: each old one beside the most similar
    new one after the last paired (its words compared), the rest deleted or inserted whole."""
    shown, start = [], 0
    for text in before:
        best, ratio = None, 0.0
        for index in range(start, len(after)):
            similarity = _similarity(text, after[index])
            if similarity >= SIMILAR and similarity > ratio:
                best, ratio = index, similarity
        if best is None:
            shown.append(_block(_deleted(text), "diff-block-del"))
            continue
        shown += [_block(_inserted(added), "diff-block-ins") for added in after[start:best]]
        shown.append(_block(text_diff(text, after[best])))
        start = best + 1
    return shown + [_block(_inserted(added), "diff-block-ins") for added in after[start:]]


def _similarity(old: str, new: str) -> float:
    matcher = SequenceMatcher(None, _words(old), _words(new), autojunk=False)
    # The quick upper bounds spare the full comparison of paragraphs that share little.
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def _words(text: str) -> list[str]:
    return [token for token in TOKEN.findall(text) if not token.isspace()]


def _unchanged(blocks: list[str], *, first: bool, last: bool) -> list[SafeString]:
    """Unchanged paragraphs: one kept next to each change, the rest folded when two or more."""
    before = [] if first else blocks[:CONTEXT]
    after = [] if last else blocks[-CONTEXT:]
    hidden = len(blocks) - len(before) - len(after)
    if hidden < 2:  # a fold line would take the room of the one paragraph it hides
        return [_block(escape(text)) for text in blocks]
    folded = format_html(
        '<p class="diff-block diff-unchanged">… {} unchanged paragraphs …</p>', hidden
    )
    return [
        *(_block(escape(text)) for text in before),
        folded,
        *(_block(escape(text)) for text in after),
    ]
