"""The editorial calendar in the admin: what is scheduled, published and due, day by day.

A month view and a week view (by hour) in the site's time zone, filtered by section and
assignee, with previous/next navigation. Editors move a scheduled story to another day or
time: by dragging it (articles/static/articles/admin/calendar.js), with its "previous day"
and "next day" buttons, or with the week view's time box. A story due and not yet published,
or waiting in review (listed beside the calendar), is scheduled with its card's time box and
"Schedule" button, never by a drag (a slip of the mouse must not put a story on the site).
Every move is a POST to `calendar_move_view`, which asks `workflow.schedule`; it answers JSON
to the script and redirects back to the calendar otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from .. import workflow
from ..models import Article, Section

VIEWS = ("month", "week")
HOURS = range(24)
# The stories in review listed beside the calendar, to be scheduled from there.
WAITING_SHOWN = 20


@dataclass
class Entry:
    """One story on one day (scheduled, published or due), or waiting in review."""

    article: Article
    kind: str  # "scheduled", "published", "due" or "review"
    at: datetime  # local time (for "review": the time its schedule box proposes)
    movable: bool = False


@dataclass
class Day:
    date: date
    in_range: bool = True  # false for the neighbouring months' days in a month grid
    entries: list[Entry] = field(default_factory=list)

    def at_hour(self, hour: int) -> list[Entry]:
        return [entry for entry in self.entries if entry.at.hour == hour]


def parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        return None


def parse_local(value: str | None) -> datetime | None:
    """A "YYYY-MM-DDTHH:MM" time as typed (or sent by the script), in the site's time zone."""
    try:
        moment = datetime.fromisoformat((value or "").strip())
    except ValueError:
        return None
    if timezone.is_aware(moment):
        return moment
    return timezone.make_aware(moment)


def day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def span(view: str, anchor: date) -> tuple[date, date]:
    """The first and last day a view shows: whole weeks, Monday first."""
    if view == "week":
        first = anchor - timedelta(days=anchor.weekday())
        return first, first + timedelta(days=6)
    start = anchor.replace(day=1)
    following = (start + timedelta(days=32)).replace(day=1)
    first = start - timedelta(days=start.weekday())
    last = following - timedelta(days=1)
    return first, last + timedelta(days=6 - last.weekday())


def neighbours(view: str, anchor: date) -> tuple[date, date]:
    """The anchors of the previous and next month or week."""
    if view == "week":
        return anchor - timedelta(days=7), anchor + timedelta(days=7)
    start = anchor.replace(day=1)
    return (start - timedelta(days=1)).replace(day=1), (start + timedelta(days=32)).replace(day=1)


class CalendarAdminMixin:
    """Adds the calendar and its move endpoint to the stories' admin."""

    calendar_template = "admin/articles/article/calendar.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("calendar/", view(self.calendar_view), name="articles_article_calendar"),
            path(
                "calendar/move/<path:object_id>/",
                view(self.calendar_move_view),
                name="articles_article_calendar_move",
            ),
            *super().get_urls(),
        ]

    def calendar_view(self, request):
        """The month or week around `?date=`, with `?section=` and `?assignee=` filters."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        view = request.GET.get("view") if request.GET.get("view") in VIEWS else "month"
        anchor = parse_date(request.GET.get("date")) or timezone.localdate()
        first, last = span(view, anchor)
        start, end = day_start(first), day_start(last + timedelta(days=1))

        stories = self.get_queryset(request).not_trashed().select_related("section", "assignee")
        sections = Section.objects.order_by("name")
        section = sections.filter(pk=_number(request.GET.get("section"))).first()
        if section is not None:
            stories = stories.in_section(section)
        staff = get_user_model().objects.filter(is_staff=True, is_active=True).order_by("email")
        who = request.GET.get("assignee") or ""
        assignee = request.user if who == "me" else staff.filter(pk=_number(who)).first()
        if assignee is not None:
            stories = stories.assigned_to(assignee)

        editor = request.user.has_perm(workflow.PUBLISH)
        days = {
            first + timedelta(days=n): Day(first + timedelta(days=n))
            for n in range((last - first).days + 1)
        }
        for day in days.values():
            day.in_range = view == "week" or day.date.month == anchor.month
        for article in stories.published_between(start, end):
            local = timezone.localtime(article.published_at)
            kind = "scheduled" if article.is_scheduled else "published"
            days[local.date()].entries.append(
                Entry(article, kind, local, movable=editor and kind == "scheduled")
            )
        for article in stories.due_between(start, end):
            local = timezone.localtime(article.deadline)
            days[local.date()].entries.append(
                # A scheduled story moves by its "scheduled" card; a story not published yet
                # is scheduled from its "due" one.
                Entry(
                    article, "due", local, movable=editor and article.status in workflow.UNPUBLISHED
                )
            )
        for day in days.values():
            day.entries.sort(key=lambda entry: (entry.at, entry.article.pk))

        waiting = []
        if editor:
            proposed = _next_hour()
            waiting = [
                Entry(article, "review", timezone.localtime(article.deadline or proposed), True)
                for article in stories.filter(status=Article.Status.IN_REVIEW).order_by(
                    "-modified_at", "-pk"
                )[:WAITING_SHOWN]
            ]

        previous, following = neighbours(view, anchor)
        query = {"view": view}
        if section is not None:
            query["section"] = section.pk
        if who and assignee is not None:
            query["assignee"] = who
        ordered = list(days.values())
        context = {
            **self.admin_site.each_context(request),
            "title": "Editorial calendar",
            "opts": self.model._meta,
            "view": view,
            "anchor": anchor,
            "first": first,
            "last": last,
            "today": timezone.localdate(),
            "weeks": [ordered[i : i + 7] for i in range(0, len(ordered), 7)],
            "days": ordered,
            "hour_rows": [(hour, [(day, day.at_hour(hour)) for day in ordered]) for hour in HOURS]
            if view == "week"
            else [],
            "previous": urlencode({**query, "date": previous.isoformat()}),
            "next": urlencode({**query, "date": following.isoformat()}),
            "this_period": urlencode({**query, "date": timezone.localdate().isoformat()}),
            "other_view": urlencode(
                {**query, "view": "week" if view == "month" else "month", "date": anchor}
            ),
            "sections": sections,
            "section": section,
            "staff": staff,
            "who": who if assignee is not None else "",
            "editor": editor,
            "waiting": waiting,
            "time_zone": timezone.get_current_timezone_name(),
            "media": forms.Media(
                css={"all": ["articles/admin/calendar.css"]}, js=["articles/admin/calendar.js"]
            ),
        }
        return TemplateResponse(request, self.calendar_template, context)

    def calendar_move_view(self, request, object_id):
        """Schedule or reschedule one story (POST only): `at`, or `date`, or `shift` in days."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such story.")
        wants_json = "application/json" in request.headers.get("Accept", "")
        try:
            at = self._new_time(article, request.POST)
            workflow.schedule(article=article, by=request.user, at=at)
        except workflow.WorkflowError as error:
            if wants_json:
                return JsonResponse({"ok": False, "error": str(error)}, status=400)
            self.message_user(request, f"“{article.headline}”: {error}", messages.ERROR)
            return self._back_to_calendar(request)
        local = timezone.localtime(article.published_at)
        done = f"“{article.headline}” now goes live {local.day} {local:%B, %H:%M}."
        self.message_user(request, done, messages.SUCCESS)
        if wants_json:
            return JsonResponse(
                {
                    "ok": True,
                    "message": done,
                    "published_at": article.published_at.isoformat(),
                    "date": local.date().isoformat(),
                    "time": f"{local:%H:%M}",
                }
            )
        return self._back_to_calendar(request)

    def _new_time(self, article: Article, data) -> datetime:
        """The time a move asks for, keeping the story's time of day when only the day moves.

        A scheduled story keeps its time; a story not yet published takes its deadline's.
        """
        if not _may_schedule_here(article):
            raise workflow.WorkflowError(
                "Only a story that is scheduled, or not yet published, can be scheduled on the "
                "calendar."
            )
        current = timezone.localtime(
            article.published_at if article.is_scheduled else article.deadline or timezone.now()
        )
        # The day buttons share a form with the week view's time box: a pressed one wins.
        if data.get("shift") in {"-1", "1"}:
            day = current.date() + timedelta(days=int(data["shift"]))
            at = timezone.make_aware(datetime.combine(day, current.time()))
        elif data.get("at"):
            at = parse_local(data["at"])
        elif data.get("date"):
            day = parse_date(data["date"])
            at = timezone.make_aware(datetime.combine(day, current.time())) if day else None
        else:
            at = None
        if at is None:
            raise workflow.WorkflowError("Give the new day, or day and time, for the story.")
        return at

    def _back_to_calendar(self, request):
        back = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(back)
        return redirect(reverse("admin:articles_article_calendar"))


def _next_hour() -> datetime:
    """The first full hour from an hour on: what a story's schedule box proposes."""
    soon = timezone.localtime() + timedelta(hours=2)
    return soon.replace(minute=0, second=0, microsecond=0)


def _may_schedule_here(article: Article) -> bool:
    """Scheduled (to move), or not yet published (to schedule); never a live or trashed story."""
    if article.trashed_at is not None:
        return False
    return article.is_scheduled or article.status in workflow.UNPUBLISHED


def _number(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
