"""An article's revisions in the admin: who changed what, compare two, restore one.

django-simple-history keeps a row per save of an article (`Article.history`). The page lists
them newest first, compares any two (a line diff for the texts, old → new for the rest) and
restores one: its content is copied into the story, which is saved normally, so the restore
is a revision too. Status, publication time and trash are the workflow's alone and are kept.
"""

import difflib
import re
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from taggit.utils import parse_tags

from ..models import Article, Section, tag_string

# What a revision records, in the order the comparison shows it.
COMPARED = (
    "headline",
    "slug",
    "summary",
    "dateline",
    "body",
    "section",
    "tag_names",
    "featured_image",
    "featured_image_alt",
    "featured_image_caption",
    "featured_image_credit",
    "is_lead",
    "seo_title",
    "seo_description",
    "status",
    "published_at",
    "trashed_at",
)
TEXTS = {"headline", "summary", "body"}  # compared line by line
# What a restore copies back: everything but the workflow's fields.
RESTORED = tuple(name for name in COMPARED if name not in {"status", "published_at", "trashed_at"})
SHOWN = 100  # revisions listed on the page, newest first
LABELS = {"tag_names": "tags", "section": "section"}
BLOCK_END = re.compile(r"(</(?:p|h[1-6]|li|ul|ol|blockquote)>|<br ?/?>|<hr ?/?>)")


def label(name: str) -> str:
    return LABELS.get(name) or str(Article._meta.get_field(name).verbose_name)


def value(record, name: str):
    """A revision's raw value of a field (the id for the section)."""
    return getattr(record, "section_id" if name == "section" else name)


def changed_fields(new, old) -> list[str]:
    """The fields that differ between two revisions (every field with content, for the first)."""
    if old is None:
        return [name for name in COMPARED if value(new, name) not in ("", None, False)]
    return [name for name in COMPARED if value(new, name) != value(old, name)]


def when(moment) -> str:
    return format_date(timezone.localtime(moment), "j M Y, g:i A") if moment else "—"


def text_lines(name: str, text: str) -> list[str]:
    """A text as lines to compare: the body's HTML is broken after each block element."""
    if name == "body":
        text = BLOCK_END.sub(r"\1\n", text)
    return text.splitlines()


@dataclass
class Difference:
    label: str
    lines: list[str] | None = None  # a unified diff, for texts
    old: str = ""
    new: str = ""


def compare(old, new) -> list[Difference]:
    """What changed from revision `old` to revision `new`, field by field."""
    names = changed_fields(new, old)
    sections = Section.objects.in_bulk([value(old, "section"), value(new, "section")])
    differences = []
    for name in names:
        before, after = value(old, name), value(new, name)
        if name in TEXTS:
            lines = difflib.unified_diff(
                text_lines(name, before or ""), text_lines(name, after or ""), lineterm="", n=1
            )
            differences.append(Difference(label(name), lines=list(lines)[2:]))
            continue
        differences.append(
            Difference(
                label(name), old=shown(name, before, sections), new=shown(name, after, sections)
            )
        )
    return differences


def shown(name: str, raw, sections: dict) -> str:
    if name == "section":
        return str(sections.get(raw, f"(deleted section {raw})"))
    if name == "status":
        return Article.Status(raw).label if raw else "—"
    if name in {"published_at", "trashed_at"}:
        return when(raw)
    if name == "is_lead":
        return "yes" if raw else "no"
    return str(raw) if raw not in ("", None) else "(empty)"


@transaction.atomic
def restore_revision(article: Article, record, by) -> list[str]:
    """Copy `record`'s content into the story and save it (a new revision); say what was kept."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    kept = []
    for name in RESTORED:
        setattr(locked, "section_id" if name == "section" else name, value(record, name))
    if not Section.objects.filter(pk=record.section_id).exists():
        locked.section_id = article.section_id
        kept.append("the section (the revision's section was deleted)")
    if Article.objects.filter(slug=record.slug).exclude(pk=locked.pk).exists():
        locked.slug = article.slug
        kept.append("the web address (another story uses the revision's)")
    locked.last_edited_by = by
    if locked.is_live:
        locked.updated_at = timezone.now()
    locked._history_user = by
    locked._change_reason = f"Restored the revision of {when(record.history_date)}"[:100]
    locked.save()
    locked.tags.set(parse_tags(record.tag_names))
    return kept


class RevisionsAdminMixin:
    """The revisions page and the restore button, for ArticleAdmin."""

    def get_urls(self):
        return [
            path(
                "<path:object_id>/revisions/<int:history_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="articles_article_restore_revision",
            ),
            path(
                "<path:object_id>/revisions/",
                self.admin_site.admin_view(self.revisions_view),
                name="articles_article_revisions",
            ),
            *super().get_urls(),
        ]

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        """Tags are saved after the row (save_related): give this save's revision them now."""
        if "tags" in form.cleaned_data:
            obj.tag_names = tag_string(form.cleaned_data["tags"])
        super().save_model(request, obj, form, change)

    def _viewable(self, request, object_id) -> Article:
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such story.")
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return article

    def revisions_view(self, request, object_id):
        """Every revision, newest first, what each changed, and two of them compared."""
        article = self._viewable(request, object_id)
        records = list(
            article.history.select_related("history_user").order_by("-history_date", "-history_id")[
                : SHOWN + 1
            ]
        )
        rows = [
            {"record": record, "changed": [label(n) for n in changed_fields(record, older)]}
            for record, older in zip(records, [*records[1:], None][: len(records)], strict=True)
        ][:SHOWN]
        by_id = {record.history_id: record for record in records}
        new = by_id.get(_number(request.GET.get("new"))) or (records[0] if records else None)
        old = by_id.get(_number(request.GET.get("old"))) or (
            records[1] if len(records) > 1 else None
        )
        if old is not None and new is not None and old.history_date > new.history_date:
            old, new = new, old
        context = {
            **self.admin_site.each_context(request),
            "title": f"Revisions of “{article}”",
            "subtitle": None,
            "opts": self.opts,
            "object": article,
            "rows": rows,
            "more": len(records) > SHOWN,
            "old": old,
            "new": new,
            "differences": compare(old, new) if old is not None and new is not None else None,
            "may_restore": self.has_change_permission(request, article),
            "time_zone": timezone.get_current_timezone_name(),
            "change_url": reverse("admin:articles_article_change", args=[article.pk]),
        }
        return TemplateResponse(request, "admin/articles/article/revisions.html", context)

    def history_view(self, request, object_id, extra_context=None):
        """Django's "History" (its log of admin saves) is superseded by the revisions page."""
        return redirect("admin:articles_article_revisions", object_id)

    def restore_view(self, request, object_id, history_id):
        """Restore one revision (POST, for whoever may edit the story now)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._viewable(request, object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        record = get_object_or_404(article.history, history_id=history_id)
        kept = restore_revision(article, record, request.user)
        done = f"Restored the revision of {when(record.history_date)}."
        if kept:
            done += f" Kept the current {' and '.join(kept)}."
        self.message_user(request, done, messages.SUCCESS)
        return redirect("admin:articles_article_change", article.pk)


def _number(text) -> int | None:
    try:
        return int(text)
    except (TypeError, ValueError):
        return None
