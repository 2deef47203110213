"""Staff's notifications in the admin: the list, marking read, and which kinds are emailed.

Plain views under /admin/notifications/, each wrapped in `admin.site.admin_view` by
newsroom/urls.py: every staff member sees only their own notifications. Opening a story's
change form (from the list, the bell or an email) marks what told them about it read: the
form carries a "Mark read" form that articles/admin/mark_read.js sends at once.
"""

from django import forms
from django.contrib import admin, messages
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import notifications
from ..models import Notification, NotificationSettings

PER_PAGE = 50


def inbox(request):
    """The signed-in staff member's notifications, newest first, unread ones marked."""
    mine = Notification.objects.filter(recipient=request.user).select_related("actor", "article")
    page = Paginator(mine, PER_PAGE).get_page(request.GET.get("page"))
    rows = [(n, notifications.says(n)) for n in page]
    context = {
        **admin.site.each_context(request),
        "title": "Notifications",
        "page_obj": page,
        "rows": rows,
        "unread": mine.filter(read_at__isnull=True).count(),
    }
    return TemplateResponse(request, "admin/notifications/inbox.html", context)


class ReadOnOpenMixin:
    """For ArticleAdmin: the story's form offers to mark what told its reader about it read
    (a small POST form; a script sends it as soon as the page opens, since a GET may change
    nothing)."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["unread_here"] = Notification.objects.filter(
                recipient=request.user, article=obj, read_at__isnull=True
            ).count()
        return super().render_change_form(request, context, add, change, form_url, obj)


@require_POST
def mark_read(request):
    """Mark read one notification (`notification`), those about one story (`article`) or all
    of them (`all`); back to `next` (a page of this site) or the list, or JSON to a script."""
    unread = Notification.objects.filter(recipient=request.user, read_at__isnull=True)
    if "article" in request.POST:
        unread = unread.filter(article_id=_number(request.POST["article"]))
    elif "all" not in request.POST:
        unread = unread.filter(pk=_number(request.POST.get("notification")))
    marked = unread.update(read_at=timezone.now())
    if "application/json" in request.headers.get("Accept", ""):
        left = Notification.objects.filter(recipient=request.user, read_at__isnull=True).count()
        return JsonResponse({"ok": True, "marked": marked, "unread": left})
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    return redirect("notifications")


def _number(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class EmailChoicesForm(forms.Form):
    """One checkbox per kind: ticked, that kind is emailed too."""

    def __init__(self, *args, email_off: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        for name, kind in notifications.KINDS.items():
            self.fields[name] = forms.BooleanField(
                label=kind.label, required=False, initial=name not in email_off
            )

    def email_off(self) -> list[str]:
        return [name for name in notifications.KINDS if not self.cleaned_data[name]]


def email_settings(request):
    """Choose which kinds of notification also come by email."""
    choices = NotificationSettings.objects.filter(user=request.user).first()
    posted = request.POST if request.method == "POST" else None
    form = EmailChoicesForm(posted, email_off=choices.email_off if choices else [])
    if posted is not None and form.is_valid():
        NotificationSettings.objects.update_or_create(
            user=request.user, defaults={"email_off": form.email_off()}
        )
        messages.success(request, "Your email choices are saved.")
        return redirect("notification_settings")
    context = {
        **admin.site.each_context(request),
        "title": "Email me about",
        "form": form,
    }
    return TemplateResponse(request, "admin/notifications/settings.html", context)
