"""Staff's notifications in the admin: the list, marking read, and which kinds are emailed.

Plain views under /admin/notifications/, each wrapped in `admin.site.admin_view` by
newsroom/urls.py: every staff member sees only their own notifications. Opening a story's
change form (from the list, the bell or an email) marks what told them about it read.
"""

from django import forms
from django.contrib import admin, messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
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
    """For ArticleAdmin: the story's form, once open, has been seen."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            notifications.mark_read(user=request.user, article=obj)
        return super().render_change_form(request, context, add, change, form_url, obj)


@require_POST
def mark_read(request):
    """Mark one notification (`notification`) or all of them (`all`) read."""
    unread = Notification.objects.filter(recipient=request.user, read_at__isnull=True)
    if "all" not in request.POST:
        unread = unread.filter(pk=request.POST.get("notification") or 0)
    unread.update(read_at=timezone.now())
    return redirect("notifications")


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
