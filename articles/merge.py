"""Three-way merge of a story when a save is based on an outdated form.

The change form carries, signed, the story as it was when the user opened it (the base).
When someone saved in between, each field is compared three ways: the base, the story as
stored now (theirs) and what the user sent (mine). A field only they changed keeps their
value, a field only this user changed takes the user's, and a field both changed
differently is a conflict, shown side by side for the user to pick. Every field the form
edits counts, bylines and the featured image included.

Values are compared in one plain shape (`snapshot`): text as text, the section as its id,
tags as sorted names, bylines as author ids in order, the image as its file name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.core import signing
from django.utils import timezone
from django.utils.formats import date_format

from .models import Article, Author, Section, tag_string
from .sanitize import clean_html

TEXTS = (
    "headline",
    "slug",
    "summary",
    "dateline",
    "featured_image_alt",
    "featured_image_caption",
    "featured_image_credit",
    "seo_title",
    "seo_description",
)
# In the order the form shows them.
FIELDS = (
    "headline",
    "slug",
    "section",
    "summary",
    "dateline",
    "body",
    "tags",
    "bylines",
    "featured_image",
    "featured_image_alt",
    "featured_image_caption",
    "featured_image_credit",
    "is_lead",
    "assignee",
    "deadline",
    "seo_title",
    "seo_description",
)
SALT = "articles.merge.base"
BYLINES = "bylines"  # the byline inline's prefix


def label(name: str) -> str:
    if name == BYLINES:
        return "bylines"
    if name == "tags":
        return "tags"
    return str(Article._meta.get_field(name).verbose_name)


def snapshot(article: Article) -> dict:
    """The story's merged fields as stored, in the shape they are compared in."""
    values = {name: getattr(article, name) or "" for name in TEXTS}
    values["body"] = article.body or ""
    values["section"] = str(article.section_id or "")
    values["tags"] = sorted(article.tags.names()) if article.pk else []
    values[BYLINES] = (
        list(article.bylines.order_by("order", "pk").values_list("author_id", flat=True))
        if article.pk
        else []
    )
    values["featured_image"] = article.featured_image.name or ""
    values["is_lead"] = bool(article.is_lead)
    values["assignee"] = str(article.assignee_id or "")
    values["deadline"] = moment(article.deadline)
    return values


def moment(value) -> str:
    """A time as compared and signed: ISO 8601 in UTC, or "" for none."""
    return value.astimezone(UTC).isoformat() if value else ""


def sign(values: dict, conflicts: list[str] | tuple = ()) -> str:
    """The base the form carries: the snapshot and the conflicts still to be settled."""
    return signing.dumps({"values": values, "conflicts": list(conflicts)}, salt=SALT, compress=True)


def unsign(token: str) -> tuple[dict | None, list[str]]:
    """The base a form sent back, or (None, []) when it carries none that we signed."""
    try:
        loaded = signing.loads(token or "", salt=SALT)
    except signing.BadSignature:
        return None, []
    return loaded.get("values"), [n for n in loaded.get("conflicts", ()) if n in FIELDS]


def submitted_bylines(data, prefix: str = BYLINES) -> list[int]:
    """Author ids in byline order as the form's byline rows say (deleted rows left out).

    Read from the raw data, not the formset: after someone else's save a row may name a
    byline that no longer exists, which the formset would refuse.
    """
    try:
        total = min(int(data.get(f"{prefix}-TOTAL_FORMS") or 0), 1000)
    except ValueError:
        total = 0
    rows = []
    for index in range(total):
        author = data.get(f"{prefix}-{index}-author")
        if not author or data.get(f"{prefix}-{index}-DELETE"):
            continue
        try:
            order = int(data.get(f"{prefix}-{index}-order") or 0)
            rows.append((order, index, int(author)))
        except ValueError:
            continue
    seen: list[int] = []
    for _, _, author in sorted(rows):
        if author not in seen:
            seen.append(author)
    return seen


def comparable(name: str, value):
    if name == "body":
        return clean_html(value or "")
    if name in TEXTS:
        return (value or "").strip()
    if name == "tags":
        return sorted(value or [])
    return value


def same(name: str, one, other) -> bool:
    return comparable(name, one) == comparable(name, other)


@dataclass
class Merge:
    """Who changed which field since the base."""

    theirs: list[str] = field(default_factory=list)  # only they did: their value is kept
    mine: list[str] = field(default_factory=list)  # only this user did: theirs is replaced
    conflicts: list[str] = field(default_factory=list)  # both did, differently: the user picks


def merge(base: dict | None, theirs: dict, mine: dict) -> Merge:
    """Sort the fields into theirs, mine and conflicts. Without a base every difference
    between theirs and mine is a conflict: nothing says which side changed it."""
    result = Merge()
    for name in FIELDS:
        if name not in mine or same(name, theirs[name], mine[name]):
            continue
        if base is None or name not in base:
            result.conflicts.append(name)
        elif same(name, base[name], mine[name]):
            result.theirs.append(name)
        elif same(name, base[name], theirs[name]):
            result.mine.append(name)
        else:
            result.conflicts.append(name)
    return result


def shown(name: str, value) -> str:
    """A value as the user reads it (the section's name, tags and bylines as names)."""
    if name == "section":
        section = Section.objects.filter(pk=value or None).first()
        return section.name if section else ""
    if name == "tags":
        return tag_string(value or [])
    if name == BYLINES:
        names = dict(Author.objects.filter(pk__in=value or []).values_list("pk", "name"))
        return ", ".join(names.get(pk, f"(deleted author {pk})") for pk in value or [])
    if name == "is_lead":
        return "yes" if value else "no"
    if name == "assignee":
        user = get_user_model().objects.filter(pk=value or None).first()
        return str(user) if user else "nobody"
    if name == "deadline":
        if not value:
            return "none"
        return date_format(timezone.localtime(datetime.fromisoformat(value)), "j F Y, g:i A")
    return str(value or "")


def kind(name: str) -> str:
    """How `articles.diffs` shows the field: the body by paragraph, texts by word."""
    if name == "body":
        return "body"
    return "text" if name in TEXTS else "value"


def byline_rows(article: Article, wanted: list[int], prefix: str = BYLINES) -> dict[str, str]:
    """Byline-formset data that, saved on the story as stored now, leaves `wanted` in order.

    Every stored row is sent with its id (deleted when not wanted), then a new row for each
    wanted author not yet on the story: whatever the rows on screen were based on.
    """
    stored = list(article.bylines.order_by("order", "pk"))
    data: dict[str, str] = {}
    index = 0
    for row in stored:
        keys = f"{prefix}-{index}-"
        data[keys + "id"] = str(row.pk)
        data[keys + "article"] = str(article.pk)
        data[keys + "author"] = str(row.author_id)
        if row.author_id in wanted:
            data[keys + "order"] = str(wanted.index(row.author_id))
        else:
            data[keys + "order"] = str(row.order)
            data[keys + "DELETE"] = "on"
        index += 1
    present = {row.author_id for row in stored}
    for position, author in enumerate(wanted):
        if author in present:
            continue
        keys = f"{prefix}-{index}-"
        data[keys + "article"] = str(article.pk)
        data[keys + "author"] = str(author)
        data[keys + "order"] = str(position)
        index += 1
    data[f"{prefix}-TOTAL_FORMS"] = str(index)
    data[f"{prefix}-INITIAL_FORMS"] = str(len(stored))
    return data
