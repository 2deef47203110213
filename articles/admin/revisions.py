"""An article's revisions in the admin: who changed what, compare two, restore one.

django-simple-history keeps a row per save of an article (`Article.history`). The page lists
them newest first, a hundred a page (a story edited all day for weeks has thousands),
compares any two (through articles/diffs.py: the body paragraph by paragraph, texts word by
word, old → new for the rest) and restores one: its content is copied
into the story, which is saved normally, so the restore is a revision too. Restoring a live
story asks for confirmation first, showing what it changes. Status, publication time and trash
are the workflow's alone and are kept.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from taggit.utils import parse_tags

from ..diffs import FieldDifference, field_differences
from ..merge import BYLINES, FIELDS, kind
from ..models import Article, Section, tag_string

# What a revision records, in the order the comparison shows it: the story's fields as the
# merge knows them (tags as the names a revision keeps; bylines are not in revisions, nor
# the assignment, which the timeline records), then the workflow's.
COMPARED = (
    *(
        "tag_names" if name == "tags" else name
        for name in FIELDS
        if name not in {BYLINES, "assignee", "deadline"}
    ),
    "status",
    "published_at",
    "trashed_at",
)
# What a restore copies back: everything but the workflow's fields.
RESTORED = tuple(name for name in COMPARED if name not in {"status", "published_at", "trashed_at"})
SHOWN = 100  # revisions a page lists, newest first
LABELS = {"tag_names": "tags", "section": "section"}


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


def compare(old, new, names: tuple[str, ...] = COMPARED) -> list[FieldDifference]:
    """What differs from revision `old` to revision `new` in the fields `names`, in order."""
    sections = Section.objects.in_bulk([value(old, "section"), value(new, "section")])
    return field_differences(
        (
            label(name),
            kind(name),
            shown(name, value(old, name), sections),
            shown(name, value(new, name), sections),
        )
        for name in names
        if value(old, name) != value(new, name)
    )


def shown(name: str, raw, sections: dict) -> str:
    """A revision's value as staff read it ("" for none)."""
    if name == "section":
        return str(sections.get(raw, f"(deleted section {raw})"))
    if name == "status":
        return Article.Status(raw).label if raw else ""
    if name in {"published_at", "trashed_at"}:
        return when(raw) if raw else ""
    if name == "is_lead":
        return "yes" if raw else "no"
    return str(raw or "")


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
        """The revisions, newest first, a page at a time, what each changed, and two of them
        compared (the newest two unless others are picked)."""
        article = self._viewable(request, object_id)
        history = article.history.select_related("history_user").order_by(
            "-history_date", "-history_id"
        )
        paginator = Paginator(history, SHOWN)
        wanted = max(1, _number(request.GET.get("page")) or 1)
        records = _page_of(history, wanted)
        if wanted == 1 and len(records) <= SHOWN:
            paginator.count = len(records)  # all of them: no count to ask for
        page = paginator.get_page(wanted)
        if page.number != wanted:  # past the last page: the last one
            records = _page_of(history, page.number)
        rows = [
            {"record": record, "changed": [label(n) for n in changed_fields(record, older)]}
            for record, older in zip(records, [*records[1:], None][: len(records)], strict=True)
        ][:SHOWN]
        newest = records[:2] if page.number == 1 else list(history[:2])
        new = _picked(history, records, request.GET.get("new")) or (newest[0] if newest else None)
        old = _picked(history, records, request.GET.get("old")) or (
            newest[1] if len(newest) > 1 else None
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
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number),
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
        """Restore one revision (POST, for whoever may edit the story now); a live story's
        restore first shows what it changes and waits for `confirm=yes`."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._viewable(request, object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        record = get_object_or_404(article.history, history_id=history_id)
        if article.is_live and request.POST.get("confirm") != "yes":
            return self._confirm_restore(request, article, record)
        kept = restore_revision(article, record, request.user)
        done = f"Restored the revision of {when(record.history_date)}."
        if kept:
            done += f" Kept the current {' and '.join(kept)}."
        self.message_user(request, done, messages.SUCCESS)
        return redirect("admin:articles_article_change", article.pk)

    def _confirm_restore(self, request, article: Article, record):
        """The question before a live story's restore: what it would change, yes or cancel."""
        current = article.history.order_by("-history_date", "-history_id").first()
        context = {
            **self.admin_site.each_context(request),
            "title": f"Restore this revision of “{article}”?",
            "subtitle": None,
            "opts": self.opts,
            "object": article,
            "record": record,
            "differences": compare(current, record, RESTORED),
            "time_zone": timezone.get_current_timezone_name(),
            "change_url": reverse("admin:articles_article_change", args=[article.pk]),
            "revisions_url": reverse("admin:articles_article_revisions", args=[article.pk]),
        }
        return TemplateResponse(request, "admin/articles/article/restore_confirm.html", context)


def _page_of(history, number: int) -> list:
    """A page of revisions and one more: what the page's oldest revision changed is measured
    against the revision before it."""
    start = (number - 1) * SHOWN
    return list(history[start : start + SHOWN + 1])


def _picked(history, records: list, text):
    """The revision picked by its id in the query string: from the page, or looked up."""
    number = _number(text)
    if number is None:
        return None
    for record in records:
        if record.history_id == number:
            return record
    return history.filter(history_id=number).first()


def _number(text) -> int | None:
    try:
        return int(text)
    except (TypeError, ValueError):
        return None
