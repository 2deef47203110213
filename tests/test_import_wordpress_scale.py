"""The WordPress import at scale: a generated export of 2,000 posts (bench/wxr_export.py),
its queries per post bounded on the first run and next to none on a rerun; and an import
killed mid-way, then run again, ending as one whole run (a real process, SIGKILL)."""

import io
import os
import signal
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection

from articles.models import Article
from bench import wxr_export
from tests.servers import ROOT, base_environment, run_manage, throwaway_database

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

POSTS = 2000
# New posts are written a batch at a time (articles/wordpress/batch.py): a dozen queries a
# batch, plus the first sight of each tag, section and author. About 1 a post today; one by
# one, each took 32.
QUERIES_PER_NEW_POST = 2
QUERIES_PER_UNCHANGED_POST = 0.1


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    path = tmp_path_factory.mktemp("wxr") / "generated.xml"
    with path.open("w", encoding="utf-8") as out:
        wxr_export.write(POSTS, out)
    return path


def import_counting(export, tmp_path) -> int:
    """Import `export`; how many queries that took (counted one by one: Django's query log
    keeps only the last 9,000)."""
    count = 0

    def counted(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        call_command(
            "import_wordpress",
            str(export),
            report=str(tmp_path / "report.jsonl"),
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    return count


def test_queries_per_post_are_bounded_and_a_rerun_with_nothing_changed_makes_next_to_none(
    export, tmp_path
):
    # One test for both: the rerun needs the first import, which takes the time.
    first = import_counting(export, tmp_path)
    assert Article.objects.count() == POSTS
    assert first / POSTS <= QUERIES_PER_NEW_POST
    again = import_counting(export, tmp_path)
    assert again / POSTS <= QUERIES_PER_UNCHANGED_POST


def snapshot(environment) -> str:
    return run_manage(
        environment,
        "shell",
        "--no-imports",
        "-c",
        "from articles.models import Article, LegacyURL; "
        "print([(a.wordpress_id, a.slug, a.status, a.section.slug, a.headline, a.tag_names, "
        "sorted(t.name for t in a.tags.all()), [b.author.slug for b in a.bylines.all()], "
        "a.history.count()) for a in Article.objects.order_by('wordpress_id')"
        ".select_related('section').prefetch_related('tags', 'bylines__author')]); "
        "print(sorted(LegacyURL.objects.values_list('path', 'article__wordpress_id')))",
    )


def stories(environment) -> int:
    return int(
        run_manage(
            environment,
            "shell",
            "--no-imports",
            "-c",
            "from articles.models import Article; print(Article.objects.count())",
        ).strip()
    )


# Enough that the import is far from done when it is killed, after its first progress line
# (500 items: 20 batches committed).
KILLED_POSTS = 1500


@pytest.mark.django_db(transaction=True)
def test_an_import_killed_mid_way_then_run_again_ends_as_one_whole_run(tmp_path):
    export = tmp_path / "killed.xml"
    with export.open("w", encoding="utf-8") as out:
        wxr_export.write(KILLED_POSTS, out)
    command = ["import_wordpress", str(export), "--batch-size", "25"]
    with (
        throwaway_database(tmp_path / "killed") as killed,
        throwaway_database(tmp_path / "whole") as whole,
    ):
        runs = {}
        for name, url in (("killed", killed), ("whole", whole)):
            (tmp_path / name).mkdir(exist_ok=True)
            runs[name] = base_environment(
                DATABASE_URL=url,
                DJANGO_TASKS_IMMEDIATE="1",
                DJANGO_MEDIA_ROOT=str(tmp_path / name / "media"),
            )
            run_manage(runs[name], "migrate", "--no-input", "--verbosity", "0")
        report = ["--report", str(tmp_path / "killed" / "report.jsonl")]
        process = subprocess.Popen(
            [sys.executable, "manage.py", *command, *report],
            cwd=ROOT,
            env=runs["killed"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            # Progress is reported after a batch commits: killed right after the first line.
            for line in process.stderr:
                if line.startswith("Importing "):
                    break
            else:
                pytest.fail("the import ended before it could be killed")
        finally:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
        assert 0 < stories(runs["killed"]) < KILLED_POSTS  # stopped mid-way, batches kept
        run_manage(runs["killed"], *command, *report, timeout=600)
        run_manage(
            runs["whole"],
            *command,
            "--report",
            str(tmp_path / "whole" / "report.jsonl"),
            timeout=600,
        )
        assert snapshot(runs["killed"]) == snapshot(runs["whole"])
