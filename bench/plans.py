"""PostgreSQL plans of the queries reader pages, feeds and sitemaps really run.

Each page is requested in-process (uncached) under `CaptureQueriesContext`; every SELECT it
ran is explained with `EXPLAIN (ANALYZE, FORMAT JSON)`. A sequential scan of the articles
table or of its join tables (bylines, tag links) is what the check looks for: at 100,000
stories it means a listing reads every story instead of an index range.
"""

from __future__ import annotations

import json

from bench.breakdown import BYPASS_HEADERS, _meta, client

WATCHED = {
    "articles_article",
    "articles_articleauthor",
    "articles_taggedarticle",
    "articles_historicalarticle",  # the revisions (bench/admin_scale.py)
}
# A seq scan is an offender when it reads at least this many rows and more than twice the
# rows its query returns: fewer, it stopped early (an EXISTS's first match); about as many,
# it reads what the page lists (a sitemap file of 10,000 stories at 10,000 stories).
SCAN_ROWS = 1_000
# The list: every listing, the article, feeds and sitemaps. Search is planned too,
# but a common word matches a large share of stories, where a full scan is the right plan.
NOT_CHECKED = {"search", "list: search (common word)"}


def plan_pages(pages: dict[str, str]) -> dict[str, str]:
    """The benchmark's pages plus the other listings, feeds and sitemaps."""
    from django.db.models import Count

    from articles.models import Author

    author = Author.objects.annotate(n=Count("bylines")).order_by("-n", "pk").first()
    tag_path = pages["tag"]
    return {
        "home": pages["home"],
        "section": pages["section"],
        "tag": tag_path,
        "author": author.get_absolute_url(),
        "article": pages["article"],
        "search": pages["search"],
        "feed": "/feed/",
        "section feed": pages["section"] + "feed/",
        "tag feed": tag_path + "feed/",
        "author feed": author.get_absolute_url() + "feed/",
        "sitemap index": "/sitemap.xml",
        "sitemap: articles, first file": "/sitemap-articles.xml",
        "sitemap: sections": "/sitemap-sections.xml",
        "sitemap: tags": "/sitemap-tags.xml",
        "sitemap: authors": "/sitemap-authors.xml",
        "sitemap: pages": "/sitemap-pages.xml",
        "news sitemap": "/news-sitemap.xml",
    }


def _walk(node: dict, depth: int = 0):
    yield depth, node
    for child in node.get("Plans", []):
        yield from _walk(child, depth + 1)


def _node_label(node: dict) -> str:
    label = node["Node Type"]
    if node.get("Scan Direction") == "Backward":
        label += " Backward"
    where = node.get("Relation Name")
    if node.get("Index Name"):
        label += f" using {node['Index Name']}"
    if where:
        label += f" on {where}"
    return label


def summarize(plan: dict) -> str:
    """A plan as one line: nodes in tree order, children after their parent."""

    def render(node: dict) -> str:
        children = [render(child) for child in node.get("Plans", [])]
        label = _node_label(node)
        if not children:
            return label
        if len(children) == 1:
            return f"{label} → {children[0]}"
        return f"{label} [{' ; '.join(children)}]"

    return render(plan)


def seq_scans(plan: dict) -> list[dict]:
    """Sequential scans of the watched tables, with the rows each really read.

    Rows read = rows returned plus rows the filter removed, over all loops: an EXISTS that
    stops at its first row reads a handful, a listing that counts every story reads them all.
    """
    found = []
    for _, node in _walk(plan):
        if node["Node Type"] == "Seq Scan" and node.get("Relation Name") in WATCHED:
            rows = node.get("Actual Rows", 0) + node.get("Rows Removed by Filter", 0)
            found.append(
                {
                    "table": node["Relation Name"],
                    "rows_read": int(rows * node.get("Actual Loops", 1)),
                }
            )
    return found


def _tables(sql: str) -> str:
    """What a query reads, for a reader of the report: its FROM table, and COUNT if any."""
    start = sql.find(" FROM ")
    table = sql[start + 6 :].split()[0].strip('"(') if start >= 0 else "?"
    table = "a subquery" if table == "SELECT" else table
    return f"{'COUNT ' if 'COUNT(' in sql.upper() else ''}{table}"


def explain_page(path: str, browser=None) -> list[dict]:
    """Every distinct SELECT of GET `path`, with its plan's summary, time and seq scans;
    `browser` is a signed-in test client for admin pages (bench/admin_scale.py)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    browser = browser or client()
    browser.get(path, **_meta(BYPASS_HEADERS))  # warm the small caches (site settings...)
    with CaptureQueriesContext(connection) as captured:
        response = browser.get(path, **_meta(BYPASS_HEADERS))
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    found, seen = [], set()
    for query in captured.captured_queries:
        sql = query["sql"]
        # A union of SELECTs (articles.querysets.owned_by) starts with its first one in brackets.
        if not sql.lstrip("( ").upper().startswith("SELECT") or sql in seen:
            continue
        seen.add(sql)
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
            raw = cursor.fetchone()[0]
        top = (json.loads(raw) if isinstance(raw, str) else raw)[0]
        found.append(
            {
                "reads": _tables(sql),
                "plan": summarize(top["Plan"]),
                "returned": int(top["Plan"].get("Actual Rows", 0)),
                "ms": round(top["Execution Time"], 2),
                "seq_scans": seq_scans(top["Plan"]),
                "sql": sql,
            }
        )
    return found


def check_plans(pages: dict[str, str]) -> dict:
    """Plans of every page's queries on PostgreSQL; `seq_scans` lists the offenders."""
    from django.db import connection

    from articles.models import Article

    if connection.vendor != "postgresql":
        return {"skipped": "Plans are checked on PostgreSQL only (set DATABASE_URL)."}
    result = {"stories": Article.objects.count(), "pages": {}}
    for name, path in plan_pages(pages).items():
        result["pages"][name] = {"path": path, "queries": explain_page(path)}
    return {**result, **offenders(result)}


def offenders(plans: dict) -> dict[str, list[dict]]:
    """Seq scans that read far more rows than their query returns: the check's verdict."""
    found = {"seq_scans": [], "not_checked": []}
    for name, page in plans["pages"].items():
        for query in page["queries"]:
            for scan in query["seq_scans"]:
                rows = scan["rows_read"]
                if rows < SCAN_ROWS or rows <= 2 * max(query.get("returned", 0), 1):
                    continue
                item = {"page": name, **scan, "ms": query["ms"], "plan": query["plan"]}
                found["not_checked" if name in NOT_CHECKED else "seq_scans"].append(item)
    return found
