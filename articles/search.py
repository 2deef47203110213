"""Reader search: PostgreSQL full-text search, or a plain word match elsewhere (DESIGN.md).

The newest matches are searched (`NEWEST_MATCHES`), ranked on PostgreSQL, newest first
elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import reduce
from operator import and_, or_
from typing import TYPE_CHECKING, Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connections
from django.db.models import Expression, F, Q

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.models.sql.compiler import SQLCompiler

    from .querysets import ArticleQuerySet

MAX_QUERY_LENGTH = 200
# A common word matches most of the archive, and ranking every match reads every one of them
# (a second at 100,000 stories). News readers look for what is recent: the newest matches are
# ranked, this many (25 pages), which the newest-first index finds without reading the rest.
NEWEST_MATCHES = 500
SEARCH_CONFIG = "simple"
FALLBACK_FIELDS = ("headline", "summary", "body_text")

_UNSAFE_CHARS = re.compile("\x00")


class StoredSearchVector(Expression):
    """The `search_vector` column that migration 0003 adds to the articles table on PostgreSQL."""

    # Not a model field, because SQLite cannot have the generated column (DEPENDENCIES.md,
    # trap 7). Unlike RawSQL naming "articles_article", this follows the table's alias, so
    # the search still works when the queryset becomes a subquery (`pk__in=...`).
    output_field = SearchVectorField()
    column = "search_vector"

    def __init__(self, alias: str | None = None) -> None:
        super().__init__()
        self.alias = alias

    def resolve_expression(
        self,
        query: Any = None,
        allow_joins: bool = True,
        reuse: Any = None,
        summarize: bool = False,
        for_save: bool = False,
    ) -> StoredSearchVector:
        """A copy bound to the alias of the query's articles table."""
        return type(self)(query.get_initial_alias())

    def relabeled_clone(self, relabels: dict[str, str]) -> StoredSearchVector:
        """A copy that follows its table when the query is relabelled as a subquery."""
        return type(self)(relabels.get(self.alias, self.alias))

    def as_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper
    ) -> tuple[str, list[Any]]:
        """`"alias"."search_vector"`."""
        table = compiler.quote_name_unless_alias(self.alias)
        return f"{table}.{connection.ops.quote_name(self.column)}", []


def normalize_query(query: str) -> str:
    """The query stripped, its whitespace collapsed and NUL removed, cut to 200 characters."""
    # PostgreSQL refuses NUL in text parameters; a reader can send one as %00.
    words = _UNSAFE_CHARS.sub("", query or "").split()
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


def search_articles(queryset: ArticleQuerySet, query: str) -> ArticleQuerySet:
    """The newest `NEWEST_MATCHES` stories in `queryset` matching `query`, best match first;
    none for an empty query."""
    query = normalize_query(query)
    if not query:
        return queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        # websearch_to_tsquery accepts any input (quotes, -, operators) without an error.
        search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        # alias(), not annotate(): neither the vector nor the rank travels to Python.
        matches = queryset.alias(search_vector=StoredSearchVector()).filter(
            search_vector=search_query
        )
        order = ("-search_rank", "-published_at", "-pk")
        found = queryset.alias(
            search_vector=StoredSearchVector(),
            search_rank=SearchRank(F("search_vector"), search_query),
        )
    else:
        matches = queryset.filter(_every_word(query))
        order = ("-published_at", "-pk")
        found = queryset
    newest = matches.order_by("-published_at", "-pk").values("pk")[:NEWEST_MATCHES]
    return found.filter(pk__in=newest).order_by(*order)


class Results(Sequence):
    """Search results for a paginator: the matches' ids, best first, found by one query; a
    page's stories fetched in card shape when it is asked for.

    A queryset would be searched twice per page, once to count and once for the page.
    """

    def __init__(self, ids: list[int], cards: ArticleQuerySet):
        self.ids = ids
        self.cards = cards

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        wanted = self.ids[index]
        found = self.cards.in_bulk(wanted)
        return [found[pk] for pk in wanted if pk in found]


def find(cards: ArticleQuerySet, query: str) -> Results:
    """`search_articles` over `cards`, for a paginated list."""
    ids = list(search_articles(cards.order_by(), query).values_list("pk", flat=True))
    return Results(ids, cards)


def _every_word(query: str) -> Q:
    """SQLite's search: every word of the query in a searched field (no ranking)."""
    conditions = [
        reduce(or_, (Q(**{f"{field}__icontains": word}) for field in FALLBACK_FIELDS))
        for word in dict.fromkeys(query.split())
    ]
    return reduce(and_, conditions)
