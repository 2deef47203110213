"""The admin header's bell: how many notifications the signed-in staff member has unread."""

from django import template

from .. import notifications, tasks
from ..models import Notification

register = template.Library()


@register.inclusion_tag("admin/notifications/bell.html", takes_context=True)
def notification_bell(context):
    """The bell, linking to the notifications page, with the unread count (admin pages only)."""
    user = context["request"].user
    if not tasks.can_defer():
        # No worker waits for scheduled stories' times here (make run): tell their writers now.
        notifications.announce_due()
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
    return {"unread": unread}
