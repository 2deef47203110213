"""Notes on a story: who may write them, what a mention is, and who hears of it.

A note is a line in the staff's discussion thread on a story's change form (`StoryNote`).
Whoever may open the story in the admin may write one: editors on any story, writers on
their own (`workflow.may_view`). Notes are for the newsroom only: reader pages, feeds,
revisions and a reader's data export never show them.

Mentions. `@` starts a mention when it does not follow a letter, digit, dot or `@` (so an
email address in a note mentions nobody), and names someone in one of two ways, with case
ignored:

- `@asha` (letters, digits and `_ + -`, dots only between them): the staff member whose
  email address starts `asha@`;
- `@"Asha Rao"`: the staff member whose name is exactly "Asha Rao".

A mention counts only for active staff who may open the story themselves; every match is
told (two people share a name: both are), the note's writer never is, and unknown names are
left as text. The telling waits for the transaction to commit (`notifications.notify`).

The admin's form and tests call these functions; refusals raise `NoteError` with a message
fit to show the user.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from . import notifications
from .models import Article, EditorialEvent, StoryNote
from .workflow import may_view

MAX_LENGTH = 4000  # characters: a note, not an article
MENTION = re.compile(r'(?<![\w.@])@(?:"([^"\n]{1,150})"|([\w+-]+(?:\.[\w+-]+)*))')


class NoteError(Exception):
    """A note that is not allowed: the message says why, in words for the user."""


def add(*, article: Article, by, body: str) -> StoryNote:
    """Add `by`'s note to `article`'s thread and tell the staff it mentions, after commit."""
    if not may_view(by, article):
        raise NoteError("You are not allowed to add notes to this story.")
    if article.trashed_at is not None:
        # As for its fields: a story in the trash is kept as it was, to be restored or emptied.
        raise NoteError("This story is in the trash: restore it to add a note.")
    text = body.replace("\r\n", "\n").strip()
    if not text:
        raise NoteError("Write something first: the note is empty.")
    if len(text) > MAX_LENGTH:
        raise NoteError(f"A note holds at most {MAX_LENGTH} characters; this one has {len(text)}.")
    with transaction.atomic():
        note = StoryNote.objects.create(article=article, author=by, body=text)
        notifications.notify(
            "mentioned",
            article=article,
            actor=by,
            recipients=mentioned(article=article, body=text),
            note=text,
        )
    return note


def mentioned(*, article: Article, body: str) -> list:
    """The staff `body` mentions who may open `article` (see the module's rule)."""
    return _people(article, _keys(body))


def thread(article: Article) -> list[tuple[StoryNote, SafeString]]:
    """The story's notes, oldest first, each with its body as escaped HTML, mentions marked."""
    notes = list(article.notes.select_related("author"))
    keys = set().union(*(_keys(note.body) for note in notes))
    known = {key for person in _people(article, keys) for key in _keys_of(person)}
    return [(note, as_html(note.body, known)) for note in notes]


def as_html(body: str, known: Iterable[tuple[str, str]] = ()) -> SafeString:
    """`body` escaped, its line breaks kept, and the mentions in `known` marked."""
    known = set(known)
    parts, end = [], 0
    for match in MENTION.finditer(body):
        parts.append(escape(body[end : match.start()]))
        if _key(match) in known:
            parts.append(format_html('<mark class="note-mention">{}</mark>', match[0]))
        else:
            parts.append(escape(match[0]))
        end = match.end()
    parts.append(escape(body[end:]))
    return mark_safe("".join(parts).replace("\n", "<br>"))  # every part escaped above


def open_request(article: Article) -> EditorialEvent | None:
    """The editor's request for changes the writer has not yet answered by resubmitting."""
    if article.pk is None or article.status != Article.Status.CHANGES_REQUESTED:
        return None
    # Events come newest first: the later of the last request and the last submission.
    latest = (
        article.events.filter(action__in=("request_changes", "submit"))
        .select_related("actor")
        .first()
    )
    return latest if latest is not None and latest.action == "request_changes" else None


def _key(match: re.Match) -> tuple[str, str]:
    if match[1] is not None:
        return ("name", " ".join(match[1].split()).lower())
    return ("local", match[2].lower())


def _keys(body: str) -> set[tuple[str, str]]:
    return {_key(match) for match in MENTION.finditer(body)}


def _keys_of(person) -> set[tuple[str, str]]:
    keys = {("local", person.email.rpartition("@")[0].lower())}
    if person.name:
        keys.add(("name", " ".join(person.name.split()).lower()))
    return keys


def _people(article: Article, keys: Iterable[tuple[str, str]]) -> list:
    matches = Q()
    for kind, value in keys:
        if kind == "name":
            matches |= Q(name__iexact=value)
        else:
            matches |= Q(email__istartswith=f"{value}@")
    if not matches:
        return []
    staff = get_user_model().objects.filter(matches, is_active=True, is_staff=True)
    # Checked again with the keys `thread` marks by, so a mention is told and marked alike.
    wanted = set(keys)
    return [
        person
        for person in staff.order_by("pk")
        if _keys_of(person) & wanted and may_view(person, article)
    ]
