"""The change form's "Preview links" module, for ArticleAdmin (rules in
`articles.preview_links`; the copy button is `articles/static/articles/admin/preview_links.js`).

- `<id>/preview-links/` makes a link (POST: `hours`, one of the expiry choices);
- `<id>/preview-links/<link>/revoke/` stops one working.

Both answer with the change form again, the new link's address shown in its list.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from .. import preview_links
from ..models import Article, PreviewLink


class PreviewLinksAdminMixin:
    """Create and revoke preview links from a story's change form."""

    def get_urls(self):
        def view(function, name):
            return self.admin_site.admin_view(function), f"articles_article_{name}"

        urls = [
            (
                "<path:object_id>/preview-links/",
                *view(self.preview_link_create_view, "preview_link_create"),
            ),
            (
                "<path:object_id>/preview-links/<uuid:link_id>/revoke/",
                *view(self.preview_link_revoke_view, "preview_link_revoke"),
            ),
        ]
        return [path(route, function, name=name) for route, function, name in urls] + list(
            super().get_urls()
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk and preview_links.may_share(request.user, obj):
            context["preview_links"] = self._preview_links_context(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _preview_links_context(self, request, article: Article) -> dict:
        links = article.preview_links.select_related("created_by").order_by("-created_at")
        rows = []
        for link in links:
            token = preview_links.token_for(link)
            rows.append(
                {
                    "link": link,
                    # Shown only while it works: there is nothing to copy in a dead link.
                    "url": request.build_absolute_uri(
                        reverse("articles:shared_preview", args=[token])
                    )
                    if link.is_active
                    else "",
                    "revoke_url": reverse(
                        "admin:articles_article_preview_link_revoke", args=[article.pk, link.pk]
                    ),
                }
            )
        return {
            "rows": rows,
            "create_url": reverse("admin:articles_article_preview_link_create", args=[article.pk]),
            "choices": preview_links.EXPIRY_CHOICES.items(),
            "default": preview_links.DEFAULT_HOURS,
            "time_zone": timezone.get_current_timezone_name(),
        }

    def preview_link_create_view(self, request, object_id):
        """A new preview link to the story (POST only)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such story.")
        try:
            hours = int(request.POST.get("hours", preview_links.DEFAULT_HOURS))
        except ValueError:
            hours = -1  # refused by the rule, with its message
        try:
            link = preview_links.create(article=article, by=request.user, hours=hours)
        except preview_links.PreviewLinkError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            until = format_date(timezone.localtime(link.expires_at), "j M Y, H:i")
            done = f"Preview link created: copy it below. It works until {until}."
            self.message_user(request, done, messages.SUCCESS)
        return self._back_to_links(request, article)

    def preview_link_revoke_view(self, request, object_id, link_id):
        """Stop one of the story's preview links working (POST only)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_object(request, unquote(object_id))
        link = PreviewLink.objects.filter(pk=link_id, article=article).first() if article else None
        if link is None:
            raise Http404("No such preview link.")
        try:
            preview_links.revoke(link=link, by=request.user)
        except preview_links.PreviewLinkError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(request, "The preview link was revoked.", messages.SUCCESS)
        return self._back_to_links(request, article)

    def _back_to_links(self, request, article: Article):
        if self.has_view_permission(request, article):
            url = reverse("admin:articles_article_change", args=[article.pk])
            return redirect(f"{url}#preview-links")
        return redirect("admin:articles_article_changelist")
