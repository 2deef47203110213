"""The newsroom's background jobs (django-tasks): sending email, making the smaller copies of
a story's picture, and telling writers their scheduled story is live.

Each job takes plain JSON arguments. Under DEBUG and in tests the backend runs a job at once;
in production it is a database row that `manage.py run_jobs` runs (bin/serve starts it). A
job that raises is marked failed in the tasks admin ("Task results"), traceback included.

Every job may run twice (a worker killed mid-job leaves it to the next one: `run_jobs`), so
each is written to end the same either way: copies already made are kept, a notice already
given is not repeated. Only an email may, rarely, go out twice; none is ever lost.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task, task_backends

logger = logging.getLogger(__name__)

# A mail server that refused or timed out gets these tries in all, each after a longer wait.
EMAIL_ATTEMPTS = 5
EMAIL_RETRY_AFTER = timedelta(minutes=1)


def can_defer() -> bool:
    """Whether the backend can run a job later (the database one can; the immediate one not)."""
    return task_backends["default"].supports_defer


@task()
def send_email(
    *,
    subject: str,
    text: str,
    to: list[str],
    html: str = "",
    from_email: str | None = None,
    headers: dict | None = None,
    attempt: int = 1,
) -> None:
    """Send one email; on failure, enqueue it again after a growing wait, up to EMAIL_ATTEMPTS."""
    message = EmailMultiAlternatives(subject, text, from_email, to, headers=headers or None)
    if html:
        message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:
        if attempt < EMAIL_ATTEMPTS and can_defer():
            wait = EMAIL_RETRY_AFTER * 2 ** (attempt - 1)
            send_email.using(run_after=timezone.now() + wait).enqueue(
                subject=subject,
                text=text,
                to=to,
                html=html,
                from_email=from_email,
                headers=headers,
                attempt=attempt + 1,
            )
            logger.warning("Email to %s failed (try %s); trying again in %s", to, attempt, wait)
        # Raised all the same, so that this try shows as failed in the tasks admin.
        raise


def email(message) -> None:
    """Send a Django `EmailMessage` (with its HTML alternative, if any) through the queue."""
    html = next(
        (
            content
            for content, mimetype in getattr(message, "alternatives", [])
            if mimetype == "text/html"
        ),
        "",
    )
    text = message.body
    if message.content_subtype == "html" and not html:
        text, html = "", message.body
    send_email.enqueue(
        subject=str(message.subject),
        text=text,
        to=list(message.to),
        html=html,
        from_email=message.from_email,
        headers=dict(message.extra_headers) or None,
    )


@task()
def announce_live(*, article_id: int, at: str) -> None:
    """Tell a story's writers it is live, if it is still set to go live at `at` (ISO time)."""
    from . import notifications

    notifications.announce_live(article_id=article_id, at=datetime.fromisoformat(at))


@task()
def make_renditions(*, article_id: int, name: str) -> None:
    """Make the smaller copies of story `article_id`'s picture, if `name` is still its picture."""
    from .models import Article

    article = Article.objects.filter(pk=article_id).first()
    if article is not None and article.featured_image.name == name:
        article.update_renditions()


@task()
def make_stories_renditions(*, stories: list[list]) -> None:
    """`make_renditions` for many stories (`[article_id, name]` pairs): one job per batch
    of a bulk writer (the WordPress import)."""
    for article_id, name in stories:
        make_renditions.call(article_id=article_id, name=name)


@task()
def make_picture_renditions(*, picture_id: int, name: str) -> None:
    """Make the smaller copies of library picture `picture_id`, if `name` is still its file."""
    from .library import featured
    from .models import Picture

    picture = Picture.objects.filter(pk=picture_id).first()
    if picture is not None and picture.image.name == name:
        featured.make_renditions(picture)
