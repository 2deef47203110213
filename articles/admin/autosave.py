"""The change form's autosave, presence and restore, for ArticleAdmin (rules in
`articles.autosave`; the script is `articles/static/articles/admin/autosave.js`).

- `<id>/autosave/` keeps what the form holds (or, for a heartbeat, only marks the user
  present) and answers with the autosave's time and who else has the story open;
- `autosave/new/` does the same for the add form, and makes the story a draft as soon as
  the form would save (the page then carries on as that draft's change form);
- `<id>/autosave/discard/` and `<id>/autosave/leave/` forget the copy or the presence;
- the change form opened with `?restore=autosave` is filled with the user's autosave.
"""

from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from .. import autosave, diffs, merge
from ..models import Article

RESTORE = "autosave"  # ?restore=autosave


def clock(moment) -> str:
    """A time of today as editors read it: "10:42"."""
    return format_date(timezone.localtime(moment), "H:i")


def editing(presences) -> list[dict]:
    return [{"name": str(p.user.name or p.user.email), "since": clock(p.since)} for p in presences]


def bound_to(form_class, data):
    """`form_class`, filled with `data` when the admin builds it without any (a GET)."""

    class Restored(form_class):
        def __init__(self, *args, **kwargs):
            if not args and kwargs.get("data") is None:
                kwargs["data"] = data
            super().__init__(*args, **kwargs)

    Restored.__name__ = form_class.__name__
    return Restored


class AutosaveAdminMixin:
    """Autosave endpoints and restore for ArticleAdmin."""

    def get_urls(self):
        def view(function, name):
            return self.admin_site.admin_view(function), f"articles_article_{name}"

        urls = [
            ("autosave/new/", *view(self.autosave_new_view, "autosave_new")),
            ("autosave/new/discard/", *view(self.discard_view, "autosave_new_discard")),
            ("<path:object_id>/autosave/", *view(self.autosave_view, "autosave")),
            ("<path:object_id>/autosave/discard/", *view(self.discard_view, "autosave_discard")),
            ("<path:object_id>/autosave/leave/", *view(self.leave_view, "autosave_leave")),
        ]
        return [path(route, function, name=name) for route, function, name in urls] + list(
            super().get_urls()
        )

    # Restore: the change form filled with the autosave instead of the stored story.

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        saved = self._restoring(request, obj)
        return bound_to(form, autosave.as_post(saved)) if saved else form

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        saved = self._restoring(request, obj)
        if saved:
            kwargs.update(data=autosave.as_post(saved), files={})
        return kwargs

    def _restoring(self, request, obj):
        if request.method != "GET" or request.GET.get("restore") != RESTORE:
            return None
        if not hasattr(request, "restored_autosave"):
            if obj is None:
                allowed = self.has_add_permission(request)
            else:
                allowed = self.has_change_permission(request, obj)
            request.restored_autosave = (
                autosave.mine(user=request.user, article=obj) if allowed else None
            )
        return request.restored_autosave

    def autosave_context(self, request, obj) -> dict:
        """What the change form shows of autosave and presence, and what its script needs."""
        user = request.user
        if obj is None:
            context = {
                "autosave_urls": {
                    "save": reverse("admin:articles_article_autosave_new"),
                    "discard": reverse("admin:articles_article_autosave_new_discard"),
                },
                "autosave_story": "new",
            }
        else:
            context = {
                "autosave_urls": {
                    name: reverse(f"admin:articles_article_autosave{suffix}", args=[obj.pk])
                    for name, suffix in (("save", ""), ("leave", "_leave"), ("discard", "_discard"))
                },
                "autosave_story": obj.pk,
                "editing_now": editing(autosave.others(user=user, article=obj)),
            }
        restored = getattr(request, "restored_autosave", None)
        if restored is not None:
            context["autosave_restored"] = restored
        elif request.method == "GET":
            story = obj if obj is not None else Article()
            readonly = set(self.get_readonly_fields(request, obj))
            editable = {name for name in merge.FIELDS if name not in readonly}
            offer, changed = autosave.offered(
                user=user, article=obj, compared_with=story, editable=editable
            )
            if offer is not None:
                context["autosave_offer"] = offer
                context["autosave_differences"] = self._differences(story, offer, changed)
        return context

    @staticmethod
    def _differences(article, offer, changed) -> list:
        stored, kept = merge.snapshot(article), autosave.values(offer)
        pairs = []
        for name in changed:
            kind = merge.kind(name)
            old, new = stored[name], kept[name]
            if kind == "value":
                old, new = merge.shown(name, old), merge.shown(name, new)
            pairs.append((merge.label(name), kind, old, new))
        return diffs.field_differences(pairs)

    # The endpoints the script calls: POST only, answered in JSON, never cached (admin_view).

    def _editable(self, request, object_id) -> Article:
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such story.")
        return article

    def _answer(self, request, article, saved, **extra) -> JsonResponse:
        state = {
            "saved_at": saved.saved_at.isoformat() if saved else None,
            "saved_label": clock(saved.saved_at) if saved else None,
            "editing": editing(autosave.others(user=request.user, article=article))
            if article
            else [],
            **extra,
        }
        if article is not None:
            state["version"] = article.modified_at.isoformat()
            state["saved_by"] = str(article.last_edited_by or "someone")
            state["saved_label_story"] = clock(article.modified_at)
        return JsonResponse(state)

    def autosave_view(self, request, object_id):
        """Keep the form's fields as this user's autosave (or only say they are here)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._editable(request, object_id)
        if not self.has_change_permission(request, article):
            return JsonResponse({"error": "You cannot edit this story now."}, status=403)
        saved = None
        try:
            if not request.POST.get("heartbeat"):
                saved = autosave.keep(user=request.user, article=article, data=request.POST)
        except autosave.AutosaveError as error:
            return JsonResponse({"error": str(error)}, status=413)
        autosave.present(user=request.user, article=article)
        return self._answer(request, article, saved)

    def autosave_new_view(self, request):
        """The add form's autosave: a draft as soon as the form would save, else a copy."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):
            return JsonResponse({"error": "You cannot add stories."}, status=403)
        try:
            with transaction.atomic():
                article = self._draft_from(request)
                saved = autosave.keep(user=request.user, article=article, data=request.POST)
        except autosave.AutosaveError as error:
            return JsonResponse({"error": str(error)}, status=413)
        if article is None:
            return self._answer(request, None, saved, created=None)
        autosave.present(user=request.user, article=article)
        form = self.get_form(request, article, change=True)(instance=article)
        created = {
            "id": article.pk,
            "change_url": reverse("admin:articles_article_change", args=[article.pk]),
            "edit_version": form["edit_version"].initial,
            "edit_base": form["edit_base"].initial,
            **self.autosave_context(request, article)["autosave_urls"],
        }
        return self._answer(request, article, saved, created=created)

    def _draft_from(self, request) -> Article | None:
        """A draft of the new story from the add form's fields, once they would save."""
        fields = flatten_fieldsets(self.get_fieldsets(request, None))
        form = self.get_form(request, None, change=False, fields=fields)(request.POST)
        if not form.is_valid():
            return None
        article = self.save_form(request, form, change=False)
        self.save_model(request, article, form, change=False)
        form.save_m2m()
        self.log_addition(request, article, "Made a draft from the first autosave.")
        autosave.adopt(user=request.user, article=article)
        return article

    def discard_view(self, request, object_id=None):
        """Forget this user's unsaved changes to the story, or to a new one (the offer's
        "Discard them")."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._editable(request, object_id) if object_id is not None else None
        autosave.discard(user=request.user, article=article)
        self.message_user(request, "Your unsaved changes were discarded.", messages.SUCCESS)
        if article is None:
            return redirect("admin:articles_article_add")
        return redirect("admin:articles_article_change", article.pk)

    def leave_view(self, request, object_id):
        """The form was closed: this user no longer counts as editing the story."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        autosave.leave(user=request.user, article=self._editable(request, object_id))
        return HttpResponse(status=204)
