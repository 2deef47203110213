"""The benchmark's data: the demo site plus N generated stories, on PostgreSQL or SQLite.

On PostgreSQL when DATABASE_URL is set, else in a SQLite file of its own
(`bench/bench.sqlite3`), with pictures in `bench/media/`; both are git-ignored. Building
is incremental: a re-run adds only the stories that are missing.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQLITE_FILE = ROOT / "bench" / "bench.sqlite3"
MEDIA_ROOT = ROOT / "bench" / "media"
GENERATED_IMAGES = "articles/generated/"  # where seed_demo --articles puts its pictures
SEARCH_WORD = "council"  # in generated and demo stories alike


def database_url() -> str:
    return os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{SQLITE_FILE}"


def server_connection(config: dict):
    """An autocommit connection to the PostgreSQL server of `config` (dj_database_url's),
    for creating and dropping databases."""
    import psycopg

    return psycopg.connect(
        dbname="postgres",
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        autocommit=True,
    )


def ensure_postgres_database(url: str) -> None:
    """Create the PostgreSQL database `url` names, when it does not exist yet."""
    import dj_database_url
    from psycopg import sql

    config = dj_database_url.parse(url)
    if "postgresql" not in config["ENGINE"]:
        return
    with server_connection(config) as admin:
        found = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not found:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))


def generated_count() -> int:
    from articles.models import Article

    return Article.objects.filter(featured_image__startswith=GENERATED_IMAGES).count()


def prepare(articles: int, log: io.TextIOBase) -> dict:
    """Migrate, seed the demo site, top the generated stories up to `articles`; the facts."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from articles.models import Article

    started = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0, stdout=log)
    call_command("seed_demo", stdout=log)
    missing = articles - generated_count()
    if missing > 0:
        log.write(f"Adding {missing} generated stories\n")
        call_command("seed_demo", articles=missing, stdout=log)
    if connection.vendor == "postgresql":
        # Fresh statistics after bulk inserts, and the visibility map that index-only scans
        # need (autovacuum would get there on a live site, later).
        with connection.cursor() as cursor:
            for table in ("articles_article", "articles_articleauthor", "articles_taggedarticle"):
                cursor.execute(f"VACUUM ANALYZE {table}")
            cursor.execute("ANALYZE")
    call_command("collectstatic", interactive=False, verbosity=0, stdout=log)
    return {
        "engine": connection.vendor,
        "database": str(settings.DATABASES["default"]["NAME"]),
        "generated_stories": generated_count(),
        "stories": Article.objects.count(),
        "live_stories": Article.objects.live().count(),
        "prepare_seconds": round(time.monotonic() - started, 1),
    }


def pick_pages() -> dict[str, str]:
    """The page of each kind the benchmark drives, as paths."""
    from django.db.models import Count
    from taggit.models import Tag

    from articles.models import Article

    live = Article.objects.live()
    article = live.filter(tagged_items__isnull=False).newest_first().first() or live.first()
    # The busiest tag: its page counts the most stories.
    tag = (
        Tag.objects.annotate(stories=Count("articles_taggedarticle_items"))
        .order_by("-stories", "pk")
        .first()
    )
    return {
        "home": "/",
        "section": "/section/india/",
        "article": article.get_absolute_url(),
        "tag": f"/tag/{tag.slug}/",
        "search": f"/search/?q={SEARCH_WORD}",
        "feed": "/feed/",
        "sitemap": "/sitemap.xml",
    }
