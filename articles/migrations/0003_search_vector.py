"""The stored, weighted full-text vector of each article and its GIN index (PostgreSQL)."""

from django.db import migrations

# PostgreSQL only: SQLite has no tsvector type, so on SQLite this migration does nothing
# and `articles.search` falls back to a word match (DEPENDENCIES.md, trap 7). The model does
# not declare the column, so makemigrations never sees it.
# A generated column pins the types of the columns it reads: a later migration that changes
# the type of headline, summary or body_text must drop this column (and its index) first and
# recreate both afterwards, or PostgreSQL refuses the ALTER.
ADD_SEARCH_VECTOR = [
    """
    ALTER TABLE articles_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', coalesce(headline, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(summary, '')), 'B')
        || setweight(to_tsvector('simple', coalesce(body_text, '')), 'C')
    ) STORED
    """,
    "CREATE INDEX article_search_gin ON articles_article USING GIN (search_vector)",
]

DROP_SEARCH_VECTOR = [
    "DROP INDEX IF EXISTS article_search_gin",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
]


def add_search_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in ADD_SEARCH_VECTOR:
            schema_editor.execute(statement)


def drop_search_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP_SEARCH_VECTOR:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_roles")]

    operations = [migrations.RunPython(add_search_vector, drop_search_vector)]
