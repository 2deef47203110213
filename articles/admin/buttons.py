"""The workflow buttons of the change form: what a press asks for, and what to say after.

A button on the change form submits the form itself (`_workflow=<action>`, with the note or
the date and time it needs), so the edit on screen is validated and saved first and the
action follows in the same transaction (`stories.ArticleAdmin`). A story the user may only
look at keeps small separate forms posting to the workflow URL, which read the same fields.
`articles.workflow` decides whether the action is allowed; this module only reads and words.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.dateformat import format as format_date

from .. import workflow

# What each button says once it has worked (schedule says when).
DONE = {
    "submit": "Submitted for review.",
    "withdraw": "Withdrawn from review: the story is a draft again.",
    "request_changes": "Sent back to the writer with your note.",
    "approve": "Approved and published.",
    "publish": "Published.",
    "unpublish": "Unpublished: the story is a draft again.",
    "archive": "Archived.",
    "trash": "Moved to the trash.",
    "restore": "Restored from the trash.",
}
# Taken on what is on screen (they submit the change form); the trash buttons stay apart:
# restoring concerns a story nobody can edit, and trashing needs no edit to go through.
WITH_THE_FORM = frozenset(workflow.TRANSITIONS) - {"trash", "restore"}


def when(moment: datetime) -> str:
    """A time as editors read it, in the site's time zone: "27 November, 2026 9:00 AM"."""
    return format_date(timezone.localtime(moment), "j F, Y g:i A")


@dataclass(frozen=True)
class Press:
    """One press of a workflow button, with what came with it."""

    action: str
    note: str = ""
    at: datetime | None = None  # the time to schedule for, read in the site's time zone

    @property
    def label(self) -> str:
        return workflow.TRANSITIONS[self.action].label

    def check(self, *, article, by) -> None:
        workflow.check(self.action, article=article, by=by, note=self.note, at=self.at)

    def take(self, *, article, by) -> str:
        """Apply the action through `articles.workflow`; say what was done."""
        workflow.act(self.action, article=article, by=by, note=self.note, at=self.at)
        if self.action == "schedule":
            return f"Scheduled for {when(self.at)}."
        return DONE[self.action]


def read(action: str | None, data) -> Press | None:
    """The press `data` (a POST) carries for `action`, or None when it names no action."""
    if not action or action not in workflow.ACTIONS:
        return None
    at = scheduled_time(data) if action == "schedule" else None
    return Press(action, note=(data.get("note") or "").strip(), at=at)


def pressed(data) -> Press | None:
    """The workflow button that submitted the change form, if one did."""
    action = data.get("_workflow")
    return read(action, data) if action in WITH_THE_FORM else None


def scheduled_time(data) -> datetime | None:
    """The date and time a form sent, read in the site's time zone (None if unreadable)."""
    text = f"{(data.get('date') or '').strip()} {(data.get('time') or '').strip()}"
    try:
        naive = datetime.strptime(text, "%Y-%m-%d %H:%M")  # noqa: DTZ007 (made aware below)
    except ValueError:
        return None
    return timezone.make_aware(naive, timezone.get_current_timezone())
