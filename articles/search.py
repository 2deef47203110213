"""Reader search: PostgreSQL full-text search, or a plain word match elsewhere (DESIGN.md)."""

from __future__ import annotations

import re
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
    """Stories in `queryset` matching `query`, best match first; none for an empty query."""
    query = normalize_query(query)
    if not query:
        return queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        return _full_text_search(queryset, query)
    return _word_match_search(queryset, query)


def _full_text_search(queryset: ArticleQuerySet, query: str) -> ArticleQuerySet:
    """Matches of the stored weighted vector, by rank, then newest first."""
    # websearch_to_tsquery accepts any input (quotes, -, operators) without a syntax error.
    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    # alias(), not annotate(): neither the vector nor the rank needs to travel to Python.
    return (
        queryset.alias(search_vector=StoredSearchVector())
        .filter(search_vector=search_query)
        .alias(search_rank=SearchRank(F("search_vector"), search_query))
        .order_by("-search_rank", "-published_at", "-pk")
    )


def _word_match_search(queryset: ArticleQuerySet, query: str) -> ArticleQuerySet:
    """Stories holding every word of the query in a searched field, newest first."""
    conditions = [
        reduce(or_, (Q(**{f"{field}__icontains": word}) for field in FALLBACK_FIELDS))
        for word in dict.fromkeys(query.split())
    ]
    return queryset.filter(reduce(and_, conditions)).order_by("-published_at", "-pk")
