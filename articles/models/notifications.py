"""What the newsroom tells its staff: notifications in the admin, and who wants them emailed."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .article import Article


class Notification(models.Model):
    """One thing that happened to a story, told to one staff member (`articles.notifications`)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=30)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="notifications")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["recipient", "-created_at"],
                condition=Q(read_at__isnull=True),
                name="notification_unread",
            ),
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} on {self.article} for {self.recipient}"


class NotificationSettings(models.Model):
    """One staff member's choices: the kinds of notification they do not want emailed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    email_off = models.JSONField(
        default=list, blank=True, help_text="The kinds of notification not sent by email."
    )

    class Meta:
        verbose_name_plural = "notification settings"

    def __str__(self) -> str:
        return f"Notification settings of {self.user}"
