"""The change form's "Notes" module and its request-changes box, for ArticleAdmin (rules
in `articles.notes`).

- `<id>/notes/` adds a note (POST: `body`) and answers with the change form again, at the
  thread. A refused note's text comes back in the form (kept in the session), never lost.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone

from .. import notes, workflow
from ..models import Article

DRAFT_KEY = "story-note-draft-{}"


class NotesAdminMixin:
    """A story's discussion thread on its change form, and the note asking for changes."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.note_add_view)
        urls = [path("<path:object_id>/notes/", view, name="articles_article_note_add")]
        return urls + list(super().get_urls())

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk and workflow.may_view(request.user, obj):
            context["notes"] = {
                "thread": notes.thread(obj),
                "add_url": reverse("admin:articles_article_note_add", args=[obj.pk]),
                "draft": request.session.pop(DRAFT_KEY.format(obj.pk), ""),
                "max_length": notes.MAX_LENGTH,
                "time_zone": timezone.get_current_timezone_name(),
            }
            context["open_request"] = notes.open_request(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def note_add_view(self, request, object_id):
        """Add a note to the story's thread (POST only)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such story.")
        body = request.POST.get("body", "")
        try:
            notes.add(article=article, by=request.user, body=body)
        except notes.NoteError as error:
            self.message_user(request, str(error), messages.ERROR)
            if body.strip():
                request.session[DRAFT_KEY.format(article.pk)] = body
        else:
            self.message_user(request, "Your note was added.", messages.SUCCESS)
        return self._back_to_notes(request, article)

    def _back_to_notes(self, request, article: Article):
        if self.has_view_permission(request, article):
            url = reverse("admin:articles_article_change", args=[article.pk])
            return redirect(f"{url}#notes")
        return redirect("admin:articles_article_changelist")
