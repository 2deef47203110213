"""Autosave and presence: the rules for what staff typed but have not saved, and who has a
story open.

While a story's form is open its script sends the form's fields a few seconds after typing
stops (and at least every 30 s while typing), and a heartbeat when nothing changed. Each
request keeps the user's autosave (one per user and story; one per user for a new story not
saved yet) and marks the user present on the story. An autosave never touches the story:
readers, feeds and the page cache never see it, and it is not a revision. Saving the story
through its form deletes that user's autosave; opening the form with one that differs from
the story offers to restore it. Presence warns and never locks: whoever has the story open
and was heard from in the last `PRESENT_FOR` counts as editing it.
"""

from __future__ import annotations

import json
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone
from taggit.utils import parse_tags

from . import merge
from .models import Article, Autosave, Presence

PRESENT_FOR = timedelta(seconds=75)  # two missed heartbeats (30 s apart), and some slack
FORGOTTEN_AFTER = timedelta(days=1)
LARGEST = 2_000_000  # characters of form data kept: far above any story, far below abuse
# Sent with the form but not part of what the user typed.
NOT_KEPT = {"csrfmiddlewaretoken", "_workflow", "_save", "_continue", "_addanother", "heartbeat"}


class AutosaveError(Exception):
    """The autosave could not be kept: the message says why, in words for the user."""


def kept_fields(data: QueryDict) -> dict[str, list[str]]:
    """The fields of a form post worth keeping, as lists of values (files are never sent)."""
    kept = {name: data.getlist(name) for name in data if name not in NOT_KEPT}
    if len(json.dumps(kept)) > LARGEST:
        raise AutosaveError("This story is too long to keep as you type; save it now.")
    return kept


def as_post(autosave: Autosave) -> QueryDict:
    """The autosave as the form post it was taken from, to fill the form again."""
    data = QueryDict(mutable=True)
    for name, values in autosave.data.items():
        data.setlist(name, [str(value) for value in values])
    return data


@transaction.atomic
def keep(*, user, article: Article | None, data: QueryDict) -> Autosave:
    """Keep what `user` typed for `article` (None: a new story), replacing their last copy."""
    fields = kept_fields(data)
    now = timezone.now()
    updated = Autosave.objects.filter(user=user, article=article).update(data=fields, saved_at=now)
    if updated:
        return Autosave.objects.get(user=user, article=article)
    try:
        with transaction.atomic():
            return Autosave.objects.create(user=user, article=article, data=fields, saved_at=now)
    except IntegrityError:  # the same user's other tab made it first: keep the newest
        Autosave.objects.filter(user=user, article=article).update(data=fields, saved_at=now)
        return Autosave.objects.get(user=user, article=article)


def mine(*, user, article: Article | None) -> Autosave | None:
    return Autosave.objects.filter(user=user, article=article).first()


def discard(*, user, article: Article | None) -> None:
    """Forget `user`'s unsaved changes to `article` (after they saved it, or chose to)."""
    Autosave.objects.filter(user=user, article=article).delete()


def adopt(*, user, article: Article) -> None:
    """A new story was just made from `user`'s autosave: the autosave now belongs to it."""
    Autosave.objects.filter(user=user, article=article).delete()
    Autosave.objects.filter(user=user, article__isnull=True).update(article=article)


def values(autosave: Autosave) -> dict:
    """The autosave's fields in the shape `articles.merge` compares stories in."""
    data = as_post(autosave)
    found = {}
    for name in (*merge.TEXTS, "body", "section"):
        if name in data:
            found[name] = data.get(name, "")
    if "tags" in data:
        found["tags"] = sorted(parse_tags(data.get("tags", "")))
    if f"{merge.BYLINES}-TOTAL_FORMS" in data:
        found[merge.BYLINES] = merge.submitted_bylines(data)
    if "section" in data or "headline" in data:  # a checkbox is sent only when ticked
        found["is_lead"] = bool(data.get("is_lead"))
    return found


def differences(autosave: Autosave, article: Article, editable) -> list[str]:
    """The fields the user may edit where the autosave differs from the story as stored."""
    kept, stored = values(autosave), merge.snapshot(article)
    return [
        name
        for name in merge.FIELDS
        if name in kept and name in editable and not merge.same(name, stored[name], kept[name])
    ]


def offered(
    *, user, article: Article | None, compared_with: Article, editable
) -> tuple[Autosave | None, list[str]]:
    """`user`'s autosave of `article` (None: a new story) if it holds anything that
    `compared_with` (the story as stored, or an empty one) does not in the fields `editable`
    (a field the form does not offer, such as a writer's lead flag, is not theirs to restore)."""
    autosave = mine(user=user, article=article)
    if autosave is None:
        return None, []
    changed = differences(autosave, compared_with, editable)
    return (autosave, changed) if changed else (None, [])


def present(*, user, article: Article) -> None:
    """Note that `user` has `article` open now."""
    now = timezone.now()
    gone = now - PRESENT_FOR
    # Forms closed without a word (a crashed browser) leave rows behind: sweep this story's.
    Presence.objects.filter(article=article, seen_at__lt=now - FORGOTTEN_AFTER).delete()
    # A presence not heard from for a while starts a new session: its "since" is now.
    Presence.objects.filter(user=user, article=article, seen_at__lt=gone).update(since=now)
    if not Presence.objects.filter(user=user, article=article).update(seen_at=now):
        try:
            with transaction.atomic():
                Presence.objects.create(user=user, article=article, since=now, seen_at=now)
        except IntegrityError:
            Presence.objects.filter(user=user, article=article).update(seen_at=now)


def leave(*, user, article: Article) -> None:
    """`user` closed the form (or went elsewhere)."""
    Presence.objects.filter(user=user, article=article).delete()


def others(*, user, article: Article) -> list[Presence]:
    """Who else has `article` open now, longest first."""
    recent = timezone.now() - PRESENT_FOR
    return list(
        Presence.objects.filter(article=article, seen_at__gte=recent)
        .exclude(user=user)
        .select_related("user")
        .order_by("since")
    )
