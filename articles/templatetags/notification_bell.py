"""The admin header's bell: how many notifications the signed-in staff member has unread."""

from django import template

from ..models import Notification

register = template.Library()


@register.inclusion_tag("admin/notifications/bell.html", takes_context=True)
def notification_bell(context):
    """The bell, linking to the notifications page, with the unread count (admin pages only)."""
    user = context["request"].user
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
    return {"unread": unread}
