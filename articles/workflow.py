"""How a story changes state: the one place that writes `Article.status` (DESIGN.md).

A table of transitions and a function per action. Each function checks who may act and
from which state, saves the story with `update_fields`, records an `EditorialEvent`, all
in one transaction on a locked row. Admin buttons, admin actions, commands and tests call
these; invalid requests raise `WorkflowError` with a message fit to show the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from . import notifications
from .models import Article, EditorialEvent

Status = Article.Status
PUBLISH = "articles.publish_article"
DELETE = "articles.delete_article"


class WorkflowError(Exception):
    """A transition that is not allowed: the message says why, in words for the user."""


@dataclass(frozen=True)
class Transition:
    label: str  # the button's text
    sources: frozenset[str]
    target: str | None  # None: the status does not change (trash, restore)
    permission: str | None  # None: whoever may edit the story


def _states(*states: str) -> frozenset[str]:
    return frozenset(states)


UNPUBLISHED = _states(Status.DRAFT, Status.IN_REVIEW, Status.CHANGES_REQUESTED)
EVERY_STATE = _states(*Status.values)

TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(
        "Submit for review", _states(Status.DRAFT, Status.CHANGES_REQUESTED), Status.IN_REVIEW, None
    ),
    "withdraw": Transition("Withdraw", _states(Status.IN_REVIEW), Status.DRAFT, None),
    "request_changes": Transition(
        "Request changes", _states(Status.IN_REVIEW), Status.CHANGES_REQUESTED, PUBLISH
    ),
    "approve": Transition(
        "Approve and publish", _states(Status.IN_REVIEW), Status.PUBLISHED, PUBLISH
    ),
    # From "published" only while the story is still scheduled: publish it now.
    "publish": Transition(
        "Publish now", UNPUBLISHED | {Status.ARCHIVED, Status.PUBLISHED}, Status.PUBLISHED, PUBLISH
    ),
    "schedule": Transition("Schedule", UNPUBLISHED | {Status.PUBLISHED}, Status.PUBLISHED, PUBLISH),
    "unpublish": Transition("Unpublish", _states(Status.PUBLISHED), Status.DRAFT, PUBLISH),
    "archive": Transition("Archive", _states(Status.PUBLISHED), Status.ARCHIVED, PUBLISH),
    "trash": Transition("Move to trash", EVERY_STATE, None, DELETE),
    "restore": Transition("Restore from trash", EVERY_STATE, None, DELETE),
}


def may_edit(user, article: Article) -> bool:
    """Editors edit any story; writers their own, while it is a draft or sent back to them."""
    if not user.is_active or not user.has_perm("articles.change_article"):
        return False
    if article.trashed_at is not None:
        return False
    if user.has_perm(PUBLISH):
        return True
    return is_own(user, article) and article.status in {Status.DRAFT, Status.CHANGES_REQUESTED}


def may_view(user, article: Article) -> bool:
    """Whether `user` may open the story in the admin: editors any, writers their own."""
    if not (user.is_active and user.is_staff) or article.pk is None:
        return False
    if not (user.has_perm("articles.view_article") or user.has_perm("articles.change_article")):
        return False
    return user.has_perm(PUBLISH) or is_own(user, article)


def is_own(user, article: Article) -> bool:
    """The story was started by `user`, is assigned to them, or carries their byline."""
    if article.pk is None or user.pk in (article.created_by_id, article.assignee_id):
        return True
    return article.bylines.filter(author__user_id=user.pk).exists()


def allowed(user, article: Article, action: str) -> bool:
    """Whether `user` may take `action` on `article` now (for buttons; the functions re-check)."""
    try:
        _check(user, article, action)
    except WorkflowError:
        return False
    return True


def available_actions(user, article: Article) -> list[tuple[str, str]]:
    """(action, label) for every action `user` may take on `article` in its current state."""
    return [(name, t.label) for name, t in TRANSITIONS.items() if allowed(user, article, name)]


def check(action: str, *, article: Article, by, note: str = "", at: datetime | None = None) -> None:
    """Raise `WorkflowError` unless `act` would succeed now; writes nothing.

    The change form asks this before it saves an edit, so that an action that would be
    refused never follows a save: the edit and the action go through together or not at all.
    """
    if action not in ACTIONS:
        raise WorkflowError("There is no such action.")
    _check(by, article, action)
    if action == "request_changes" and not note.strip():
        raise WorkflowError("Say what should change: a note is required.")
    if action == "schedule":
        _check_schedule_time(at)


def act(action: str, *, article: Article, by, note: str = "", at: datetime | None = None):
    """Take `action` (a key of `ACTIONS`) with the arguments that action takes."""
    function = ACTIONS[action]
    if action == "schedule":
        return function(article=article, by=by, at=at)
    if action in NOTED:
        return function(article=article, by=by, note=note)
    return function(article=article, by=by)


def _check_schedule_time(at: datetime | None) -> None:
    if at is None:
        raise WorkflowError("Give a date and a time (hours and minutes) to schedule the story.")
    if timezone.is_naive(at):
        raise WorkflowError("Give the time with its time zone.")
    if at <= timezone.now():
        raise WorkflowError("Pick a time in the future to schedule, or publish now.")


def _check(user, article: Article, action: str) -> Transition:
    transition = TRANSITIONS[action]
    trashed = article.trashed_at is not None
    if action == "restore":
        if not trashed:
            raise WorkflowError("This story is not in the trash.")
    elif trashed:
        raise WorkflowError("This story is in the trash: restore it first.")
    if action == "publish" and article.is_live:
        raise WorkflowError("This story is already published.")
    if article.status not in transition.sources:
        raise WorkflowError(
            f"“{transition.label}” is not possible for a story that is "
            f"{article.get_status_display().lower()}."
        )
    if transition.permission:
        if not user.has_perm(transition.permission):
            raise WorkflowError(f"You are not allowed to “{transition.label.lower()}”.")
    elif not (
        user.has_perm(PUBLISH)
        or (user.has_perm("articles.change_article") and is_own(user, article))
    ):
        raise WorkflowError("Only the story's writer or an editor can do that.")
    return transition


@transaction.atomic
def _apply(
    *,
    article: Article,
    by,
    action: str,
    note: str = "",
    changes: dict | None = None,
    checked: bool = True,
) -> Article:
    locked = Article.objects.select_for_update().get(pk=article.pk)
    transition = _check(by, locked, action) if checked else TRANSITIONS[action]
    before = locked.status
    fields = dict(changes or {})
    if transition.target:
        fields["status"] = transition.target
    if "published_at" in fields and locked.first_published_at is None:
        fields["first_published_at"] = fields["published_at"]
    fields["last_edited_by"] = by
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.save(update_fields=[*fields, "modified_at"])
    event = EditorialEvent.objects.create(
        article=locked,
        actor=by,
        action=action,
        from_status=before,
        to_status=locked.status,
        note=note,
        scheduled_for=fields["published_at"] if action == "schedule" else None,
    )
    notifications.after_event(event)
    # The caller's instance reflects the new state too.
    for name in (*fields, "modified_at"):
        setattr(article, name, getattr(locked, name))
    return article


def submit(*, article: Article, by) -> Article:
    """Send a draft (or a story sent back) to the editors."""
    return _apply(article=article, by=by, action="submit")


def withdraw(*, article: Article, by) -> Article:
    """Take a story back from review to keep working on it."""
    return _apply(article=article, by=by, action="withdraw")


def request_changes(*, article: Article, by, note: str) -> Article:
    """Send a story in review back to its writer, saying what to change."""
    if not note.strip():
        raise WorkflowError("Say what should change: a note is required.")
    return _apply(article=article, by=by, action="request_changes", note=note.strip())


def approve(*, article: Article, by, note: str = "") -> Article:
    """Publish a story in review now."""
    changes = {"published_at": timezone.now()}
    return _apply(article=article, by=by, action="approve", note=note, changes=changes)


def publish(*, article: Article, by, at: datetime | None = None) -> Article:
    """Publish now, or at `at` (a time ahead schedules the story: it goes live by itself)."""
    if at is not None and at > timezone.now():
        return schedule(article=article, by=by, at=at)
    return _apply(
        article=article, by=by, action="publish", changes={"published_at": timezone.now()}
    )


def schedule(*, article: Article, by, at: datetime) -> Article:
    """Publish at a time ahead: readers see the story from then on, with no job to run."""
    _check_schedule_time(at)
    return _apply(article=article, by=by, action="schedule", changes={"published_at": at})


def unpublish(*, article: Article, by, note: str = "") -> Article:
    """Take a published (or scheduled) story off the site, back to draft."""
    return _apply(article=article, by=by, action="unpublish", note=note)


def archive(*, article: Article, by, note: str = "") -> Article:
    """Take a published story off the site for good, keeping it in the newsroom."""
    return _apply(article=article, by=by, action="archive", note=note)


def trash(*, article: Article, by) -> Article:
    """Move a story to the trash: off the site and out of lists, restorable."""
    return _apply(article=article, by=by, action="trash", changes={"trashed_at": timezone.now()})


def restore(*, article: Article, by) -> Article:
    """Bring a story back from the trash, in the state it was in."""
    return _apply(article=article, by=by, action="restore", changes={"trashed_at": None})


def follow_source(*, article: Article, published: bool, note: str, at=None) -> Article:
    """Put the story in the state its source now gives it: off the site (a draft), or
    published again at `at`. For imports (the WordPress import's rerun): no one acted, so
    no permission applies; the timeline records it with `note` naming the source."""
    if published:
        return _apply(
            article=article,
            by=None,
            action="publish",
            note=note,
            changes={"published_at": at},
            checked=False,
        )
    return _apply(article=article, by=None, action="unpublish", note=note, checked=False)


ACTIONS = {
    "submit": submit,
    "withdraw": withdraw,
    "request_changes": request_changes,
    "approve": approve,
    "publish": publish,
    "schedule": schedule,
    "unpublish": unpublish,
    "archive": archive,
    "trash": trash,
    "restore": restore,
}

# The actions that take an optional (request_changes: required) note for the timeline.
NOTED = frozenset({"request_changes", "approve", "unpublish", "archive"})
