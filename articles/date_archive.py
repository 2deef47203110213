"""Stories by the date they were published: a year, a month or a day, in the site's time.

WordPress sites list their posts by date at `/2024/`, `/2024/10/` and `/2024/10/05/`; an
imported site's readers and search engines still follow those addresses, which redirect
to these pages (`articles.redirects`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.http import Http404
from django.utils import timezone
from django.utils.dateformat import format as date_format

# datetime's own bounds, less a year either side: the period's end, in UTC, must exist too.
FIRST_YEAR, LAST_YEAR = 2, 9998


@dataclass(frozen=True)
class Period:
    start: datetime
    end: datetime  # not included
    label: str

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> Period:
        """The period the address names; Http404 if it names no date."""
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise Http404("No such year.")
        try:
            first = date(year, month or 1, day or 1)
        except ValueError as error:
            raise Http404("No such date.") from error
        if day is not None:
            end = date.fromordinal(first.toordinal() + 1)
            label = date_format(first, "j F Y")
        elif month is not None:
            end = date(year + (month == 12), month % 12 + 1, 1)
            label = date_format(first, "F Y")
        else:
            end = date(year + 1, 1, 1)
            label = str(year)
        return cls(start=_midnight(first), end=_midnight(end), label=label)


class TwoDigits:
    """`<two_digits:month>`: a month or day as WordPress writes it in addresses ("05")."""

    regex = r"[0-9]{2}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{int(value):02d}"


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=timezone.get_current_timezone())
