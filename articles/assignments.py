"""Who works on a story next, and by when: the one place that writes `Article.assignee` and
`Article.deadline`.

Editors assign; the assignee must be an active staff member (or nobody, to unassign). Each
change is saved on a locked row and recorded on the story's timeline as an "assign" event;
when the story goes to someone new, `assigned` is sent once the transaction commits, for
the notifications. Refusals raise `AssignmentError` with a message fit to show the user.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.formats import date_format

from .models import Article, EditorialEvent
from .workflow import PUBLISH

# Sent after the commit when a story is assigned to someone new: `article`, `by`, `assignee`.
assigned = Signal()


class AssignmentError(Exception):
    """An assignment that is not allowed: the message says why, in words for the user."""


def may_assign(user) -> bool:
    """Editors assign stories and set deadlines."""
    return user.is_active and user.has_perm(PUBLISH)


def _check(*, by, assignee, deadline: datetime | None) -> None:
    if not may_assign(by):
        raise AssignmentError("Only editors can assign stories and set deadlines.")
    if assignee is not None and not (assignee.is_active and assignee.is_staff):
        raise AssignmentError(f"{assignee} is not an active member of the newsroom's staff.")
    if deadline is not None and timezone.is_naive(deadline):
        raise AssignmentError("Give the deadline with its time zone.")


def _note(assignee, deadline: datetime | None) -> str:
    who = f"Assigned to {assignee}" if assignee is not None else "Unassigned"
    if deadline is None:
        return f"{who}, no deadline."
    due = date_format(timezone.localtime(deadline), "j F Y, g:i A")
    return f"{who}, due {due}."


@transaction.atomic
def assign(*, article: Article, by, assignee, deadline: datetime | None = None) -> Article:
    """Give the story to `assignee` (None: nobody) with an optional deadline."""
    _check(by=by, assignee=assignee, deadline=deadline)
    locked = Article.objects.select_for_update().get(pk=article.pk)
    new_assignee = getattr(assignee, "pk", None) != locked.assignee_id
    if not new_assignee and deadline == locked.deadline:
        return article
    locked.assignee = assignee
    locked.deadline = deadline
    locked.last_edited_by = by
    locked.save(update_fields=["assignee", "deadline", "last_edited_by", "modified_at"])
    EditorialEvent.objects.create(
        article=locked,
        actor=by,
        action="assign",
        from_status=locked.status,
        to_status=locked.status,
        note=_note(assignee, deadline),
    )
    for name in ("assignee", "deadline", "last_edited_by", "modified_at"):
        setattr(article, name, getattr(locked, name))
    if new_assignee and assignee is not None:
        transaction.on_commit(
            lambda: assigned.send(sender=Article, article=locked, by=by, assignee=assignee)
        )
    return article
