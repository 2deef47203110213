"""Who hears about what happens to a story: the one place that decides notifications.

A table of kinds (what each says, and who gets it when a workflow step causes it), then
small functions. `notify()` is the one door: it leaves out whoever acted and anyone
inactive, and waits for the transaction to commit before it writes the notifications and
queues their emails (`articles.tasks`), so a step that rolls back tells nobody. Staff read
them in the admin (the bell, /admin/notifications/) and by email unless they turned that
kind off (`NotificationSettings`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Article, EditorialEvent, Notification, NotificationSettings

PUBLISH = "articles.publish_article"


@dataclass(frozen=True)
class Kind:
    label: str  # what the settings page calls it
    says: str  # the line in the list and the email's subject: "{actor} ... “{article}”"
    action: str | None  # the workflow action that causes it, if one does
    to: str | None  # who gets it then: "editors" or "writers"


KINDS: dict[str, Kind] = {
    "submitted": Kind(
        "A story is submitted for review",
        "{actor} submitted “{article}” for review",
        "submit",
        "editors",
    ),
    "changes_requested": Kind(
        "Changes are requested on your story",
        "{actor} asked for changes to “{article}”",
        "request_changes",
        "writers",
    ),
    "approved": Kind(
        "Your story is approved",
        "{actor} approved and published “{article}”",
        "approve",
        "writers",
    ),
    "published": Kind(
        "Your story is published", "{actor} published “{article}”", "publish", "writers"
    ),
    "scheduled": Kind(
        "Your story is scheduled", "{actor} scheduled “{article}”", "schedule", "writers"
    ),
    "unpublished": Kind(
        "Your story is unpublished", "{actor} unpublished “{article}”", "unpublish", "writers"
    ),
    "assigned": Kind(
        "A story is assigned to you", "{actor} assigned “{article}” to you", None, None
    ),
    "mentioned": Kind(
        "You are mentioned in a note", "{actor} mentioned you on “{article}”", None, None
    ),
    "live": Kind("Your scheduled story goes live", "“{article}” is now live", None, None),
}
BY_ACTION = {kind.action: name for name, kind in KINDS.items() if kind.action}


def editors():
    """Active staff who may publish: those who review what is submitted."""
    users = get_user_model().objects.filter(is_active=True, is_staff=True)
    return users.filter(
        Q(is_superuser=True)
        | Q(
            groups__permissions__codename="publish_article",
            groups__permissions__content_type__app_label="articles",
        )
        | Q(
            user_permissions__codename="publish_article",
            user_permissions__content_type__app_label="articles",
        )
    ).distinct()


def writers(article: Article):
    """The story's writers: who started it, whom it is assigned to, and the staff its
    bylines are linked to (the people `workflow.is_own` lets work on it)."""
    return (
        get_user_model()
        .objects.filter(
            Q(pk=article.created_by_id)
            | Q(pk=article.assignee_id)
            | Q(author_profile__bylines__article=article),
            is_active=True,
        )
        .distinct()
    )


def after_event(event: EditorialEvent) -> None:
    """Tell whoever a workflow step concerns, once its transaction commits."""
    kind = BY_ACTION.get(event.action)
    if kind is None:
        return
    audience = editors() if KINDS[kind].to == "editors" else writers(event.article)
    notify(kind, article=event.article, actor=event.actor, recipients=audience, note=event.note)
    if kind == "scheduled" and event.scheduled_for:
        transaction.on_commit(partial(_schedule_live_notice, event.article_id, event.scheduled_for))


def notify(kind: str, *, article: Article, actor, recipients: Iterable, note: str = "") -> None:
    """Tell `recipients` (users) about `kind` on `article`, in the admin and by email, after commit.

    The one who acted is never told of their own action; inactive users are left out.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown notification kind: {kind}")
    ids = {user.pk for user in recipients if user.is_active}
    ids.discard(getattr(actor, "pk", None))
    if ids:
        transaction.on_commit(
            partial(_deliver, kind, article.pk, getattr(actor, "pk", None), sorted(ids), note)
        )


def on_assigned(sender, *, article: Article, by, assignee, **kwargs) -> None:
    """Receiver of `articles.assignments.assigned`: tell the assignee."""
    notify("assigned", article=article, actor=by, recipients=[assignee])


def announce_live(*, article_id: int, at: datetime) -> None:
    """Tell the writers a scheduled story is live, unless it was rescheduled or taken down.

    Those already told that it went live at `at` are not told again (a job may run twice).
    """
    article = Article.objects.filter(pk=article_id).first()
    if article is None or article.published_at != at or not article.is_live:
        return
    told = Notification.objects.filter(kind="live", article=article, created_at__gte=at)
    recipients = writers(article).exclude(pk__in=told.values("recipient"))
    notify("live", article=article, actor=None, recipients=recipients)


# Stories scheduled further back than this are not announced by `announce_due`.
ANNOUNCE_WITHIN = timedelta(days=1)


def announce_due() -> None:
    """Announce the scheduled stories that went live lately and were not announced yet.

    For the immediate backend (`make run`, tests), which cannot hold a job until a story's
    time: the admin's bell asks this on each page instead. The database backend's worker
    runs `announce_live` at the time (`_schedule_live_notice`).
    """
    now = timezone.now()
    announced = Notification.objects.filter(
        kind="live", article=OuterRef("article_id"), created_at__gte=OuterRef("scheduled_for")
    )
    due = (
        EditorialEvent.objects.filter(
            action="schedule",
            scheduled_for__lte=now,
            scheduled_for__gt=now - ANNOUNCE_WITHIN,
            # Still set to go live then: one query answers, on the pages where nothing is due.
            article__status=Article.Status.PUBLISHED,
            article__published_at=F("scheduled_for"),
        )
        .exclude(Exists(announced))
        .values_list("article_id", "scheduled_for")
        .distinct()
    )
    for article_id, at in due:
        announce_live(article_id=article_id, at=at)


def wants_email(user, kind: str) -> bool:
    """Whether `user` gets `kind` by email (everyone does until they turn it off)."""
    try:
        off = user.notification_settings.email_off
    except NotificationSettings.DoesNotExist:
        off = []
    return bool(user.email) and kind not in off


def says(notification: Notification) -> str:
    """The notification in one line: who did what to which story."""
    return KINDS[notification.kind].says.format(
        actor=notification.actor or "Someone", article=notification.article.headline
    )


def change_url(article: Article) -> str:
    """The absolute address of the story's change form in the admin, for emails."""
    path = reverse("admin:articles_article_change", args=[article.pk])
    return f"{settings.NEWSROOM_SITE_URL}{path}"


def _schedule_live_notice(article_id: int, at: datetime) -> None:
    from . import tasks

    # The immediate backend (development, tests) cannot wait: `announce_due` stands in.
    if tasks.can_defer():
        tasks.announce_live.using(run_after=at).enqueue(article_id=article_id, at=at.isoformat())


def _deliver(kind: str, article_id: int, actor_id: int | None, ids: list[int], note: str) -> None:
    from . import tasks

    users = get_user_model().objects
    article = Article.objects.get(pk=article_id)
    actor = users.filter(pk=actor_id).first() if actor_id else None
    now = timezone.now()
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient=user, kind=kind, article=article, actor=actor, note=note, created_at=now
        )
        for user in users.filter(pk__in=ids).select_related("notification_settings")
    )
    for notification in notifications:
        if wants_email(notification.recipient, kind):
            tasks.email(_email(notification))


def _email(notification: Notification):
    from django.core.mail import EmailMultiAlternatives

    context = {
        "notification": notification,
        "says": says(notification),
        "url": change_url(notification.article),
        "settings_url": f"{settings.NEWSROOM_SITE_URL}{reverse('notification_settings')}",
    }
    message = EmailMultiAlternatives(
        context["says"],
        render_to_string("articles/notifications/email.txt", context),
        to=[notification.recipient.email],
    )
    message.attach_alternative(
        render_to_string("articles/notifications/email.html", context), "text/html"
    )
    return message
