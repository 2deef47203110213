"""The story list at scale: how many stories it says it holds, and its date links, at a
cost that does not grow with the table.

Counts.
Counting every row on every list page costs more than the page itself and grows with the
table (100,000 stories: a scan of all of them, twice: the list's count and its "total").
So on PostgreSQL a list nobody narrowed (no filter, no search, no date chosen) of at least
ESTIMATE_FROM stories says "about N": the planner's estimate for the list's own query, from
the statistics that VACUUM and ANALYZE keep (PostgreSQL's autovacuum keeps them fresh). A
list the editor narrowed is counted exactly, as "12 drafts" must mean twelve; so is any list
on SQLite and any list under ESTIMATE_FROM stories. A page that comes back short of a full
page is its own exact count, so an estimate never claims stories where there are none.
A search, and a list of someone's own stories (a writer's list, "Mine"), is counted exactly
up to SEARCH_COUNT_CAP stories and says "more than" past it: a common word matches most of
the archive, and "own" is three tests no one index answers (the planner's guess at it is
off by half), so counting them all would read every story.

Search. On PostgreSQL the list's search reads the full-text index that reader search keeps
(articles.search): every word, or the beginning of one, in the headline, summary or text;
or the story's web address. Django's own search (`icontains` over three columns, which
SQLite keeps) reads every story for every search.

Dates. Django's date links above the list list the years (months, days) that hold stories
by reading every story of the list; these span the first to the last story of the table
(two index reads), so a year or month without stories may be offered and shows an empty list.
"""

from __future__ import annotations

import calendar
import datetime
import json
from dataclasses import dataclass

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import (
    ALL_VAR,
    ERROR_FLAG,
    IS_FACETS_VAR,
    IS_POPUP_VAR,
    ORDER_VAR,
    PAGE_VAR,
    TO_FIELD_VAR,
    ChangeList,
)
from django.contrib.postgres.search import SearchQuery
from django.core.paginator import EmptyPage, InvalidPage, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import Max, Min, Q
from django.utils import formats, timezone
from django.utils.text import capfirst

ESTIMATE_FROM = 10_000
SEARCH_COUNT_CAP = 1_000
# Query-string keys that page, sort or frame the list without narrowing it.
NOT_NARROWING = {
    ALL_VAR,
    ERROR_FLAG,
    IS_FACETS_VAR,
    IS_POPUP_VAR,
    ORDER_VAR,
    PAGE_VAR,
    TO_FIELD_VAR,
}


@dataclass(frozen=True)
class Count:
    number: int
    estimated: bool = False
    at_least: bool = False  # the count stopped at SEARCH_COUNT_CAP

    @property
    def label(self) -> str:
        number = formats.number_format(self.number, force_grouping=True)
        if self.at_least:
            return f"more than {number}"
        return f"about {number}" if self.estimated else number


def planner_estimate(queryset) -> int | None:
    """PostgreSQL's estimate of the rows `queryset` returns (None on other databases)."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        raw = cursor.fetchone()[0]
    plan = json.loads(raw) if isinstance(raw, str) else raw
    return int(plan[0]["Plan"]["Plan Rows"])


def count(queryset, *, may_estimate: bool) -> Count:
    """The exact count, or, where `may_estimate` and the list is large, the estimate."""
    if may_estimate:
        estimate = planner_estimate(queryset)
        if estimate is not None and estimate >= ESTIMATE_FROM:
            # To two figures: the statistics are a sample, and "about 99,912" claims more.
            return Count(round(estimate, 2 - len(str(estimate))), estimated=True)
    return Count(queryset.count())


def capped_count(queryset) -> Count:
    """The exact count up to SEARCH_COUNT_CAP; past it, "more than" the cap."""
    found = queryset.order_by()[: SEARCH_COUNT_CAP + 1].count()
    if found > SEARCH_COUNT_CAP:
        return Count(SEARCH_COUNT_CAP, at_least=True)
    return Count(found)


def narrowed(request, search_var: str) -> bool:
    """Whether the editor chose a subset: a filter, a search or a date."""
    return any(
        key not in NOT_NARROWING and (key != search_var or value.strip())
        for key, value in request.GET.items()
    )


def by_ids_first(queryset, page):
    """A later page's rows by their ids first: the ids of page 1,000 come from the order's
    index alone (ids, dates and the trash mark are in it), where whole rows would be read
    for every story skipped, or the planner would sort the table instead."""
    ids = list(page.values_list("pk", flat=True))
    return queryset.filter(pk__in=ids)


class EstimatedPaginator(Paginator):
    """Pages of a list whose count is an estimate: a page past it may still hold stories,
    and the last one is not cut at the estimate."""

    def validate_number(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger("That page number is not an integer") from error
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        return number

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)


class EstimatingChangeList(ChangeList):
    """Django's list, counted by `count()` (`result_count_label` says "about" or "more than"
    where the count is not exact), with `date_links` for the date hierarchy."""

    def get_queryset(self, request, exclude_parameters=None):
        # A row of the list never shows the body: 100 bodies are most of a page's bytes.
        return super().get_queryset(request, exclude_parameters).defer("body", "body_text")

    @property
    def date_links(self) -> dict:
        """What Django's `{% date_hierarchy %}` shows, from the table's first and last dates."""
        return date_links(self)

    def get_results(self, request):
        admin = self.model_admin
        may_estimate = admin.may_estimate_count(request)
        if self.query or admin.count_is_capped(request):
            found = capped_count(self.queryset)
        else:
            found = count(self.queryset, may_estimate=may_estimate and not narrowed(request, "q"))
        if may_estimate or not admin.count_is_capped(request):
            full = count(self.root_queryset, may_estimate=may_estimate)
        else:
            full = capped_count(self.root_queryset)
        inexact = found.estimated or found.at_least
        paginator_class = EstimatedPaginator if inexact else admin.paginator
        paginator = paginator_class(self.queryset, self.list_per_page)
        paginator.count = found.number  # Paginator would count again
        can_show_all = found.number <= self.list_max_show_all and not inexact
        multi_page = found.number > self.list_per_page
        if (self.show_all and can_show_all) or not multi_page:
            result_list = self.queryset._clone()
        else:
            try:
                result_list = paginator.page(self.page_num).object_list
            except InvalidPage as error:
                raise IncorrectLookupParameters from error
            if self.page_num > 1:
                result_list = by_ids_first(self.queryset, result_list)
        if inexact:
            shown = len(result_list)  # fetches the page now (its rows are kept for the template)
            if shown < self.list_per_page:
                found = Count((self.page_num - 1) * self.list_per_page + shown)
                paginator.count = found.number
        self.result_count = found.number
        self.result_count_label = found.label
        self.count_is_estimate = inexact
        self.show_full_result_count = admin.show_full_result_count
        self.show_admin_actions = not self.show_full_result_count or bool(full.number)
        self.full_result_count = full.number if self.show_full_result_count else None
        self.full_count_is_estimate = full.estimated
        self.full_result_count_label = full.label
        self.result_list = result_list
        self.can_show_all = can_show_all
        self.multi_page = multi_page
        self.paginator = paginator


def date_links(cl) -> dict:
    """The date hierarchy's links (admin/date_hierarchy.html's context) for `cl`."""
    name = cl.date_hierarchy
    fields = {part: f"{name}__{part}" for part in ("year", "month", "day")}
    chosen = {part: cl.params.get(field) for part, field in fields.items()}

    def link(filters: dict) -> str:
        return cl.get_query_string({fields[k]: v for k, v in filters.items()}, [f"{name}__"])

    span = cl.model._default_manager.aggregate(first=Min(name), last=Max(name))
    if span["first"] is None:
        return {"show": False}
    first, last = (timezone.localtime(span[k]).date() for k in ("first", "last"))
    try:
        year = int(chosen["year"] or 0) or (first.year if first.year == last.year else 0)
        month = int(chosen["month"] or 0)
        day = int(chosen["day"] or 0)
        if not (chosen["year"] or chosen["month"] or chosen["day"]) and year:
            month = first.month if (first.year, first.month) == (last.year, last.month) else 0
        if year and month and day:
            picked = datetime.date(year, month, day)
            return {
                "show": True,
                "back": {
                    "link": link({"year": year, "month": month}),
                    "title": capfirst(formats.date_format(picked, "YEAR_MONTH_FORMAT")),
                },
                "choices": [{"title": capfirst(formats.date_format(picked, "MONTH_DAY_FORMAT"))}],
            }
        if year and month:
            days = [
                datetime.date(year, month, d)
                for d in range(1, calendar.monthrange(year, month)[1] + 1)
            ]
            return {
                "show": True,
                "back": {"link": link({"year": year}), "title": str(year)},
                "choices": [
                    {
                        "link": link({"year": year, "month": month, "day": d.day}),
                        "title": capfirst(formats.date_format(d, "MONTH_DAY_FORMAT")),
                    }
                    for d in days
                    if first <= d <= last
                ],
            }
        if year:
            months = [datetime.date(year, m, 1) for m in range(1, 13)]
            return {
                "show": True,
                "back": {"link": link({}), "title": "All dates"},
                "choices": [
                    {
                        "link": link({"year": year, "month": m.month}),
                        "title": capfirst(formats.date_format(m, "YEAR_MONTH_FORMAT")),
                    }
                    for m in months
                    if (first.year, first.month) <= (year, m.month) <= (last.year, last.month)
                ],
            }
    except ValueError:  # a month 13 or a day 32 in the address: Django's own list refuses it
        return {"show": False}
    return {
        "show": True,
        "back": None,
        "choices": [
            {"link": link({"year": y}), "title": str(y)} for y in range(first.year, last.year + 1)
        ],
    }


def full_text_search(queryset, term: str):
    """Stories holding every word of `term` (each may be the beginning of a word), or whose
    web address (or its last part) is `term`. PostgreSQL only."""
    from ..search import SEARCH_CONFIG, StoredSearchVector, normalize_query

    term = normalize_query(term)
    if not term:
        return queryset
    # Each word a quoted lexeme, so nothing an editor types is read as a tsquery operator.
    words = [word.replace("\\", "\\\\").replace("'", "''") for word in term.split()]
    query = SearchQuery(
        " & ".join(f"'{word}':*" for word in words), search_type="raw", config=SEARCH_CONFIG
    )
    slug = term.rstrip("/").rsplit("/", 1)[-1]
    return queryset.alias(search_vector=StoredSearchVector()).filter(
        Q(search_vector=query) | Q(slug=slug)
    )
