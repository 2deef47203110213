"""Reader search at scale: in-process timings of `/search/?q=...` for the dataset's words.

The words are the dataset's own: on PostgreSQL the five that most stories hold (from
`ts_stat` over the stored search vectors, English stop words left out), the two most
common together, one held by about 5% of the stories and a rare one; on SQLite the same,
counted in Python over the newest stories. Each search is requested one at a time through
Django's test client (the whole middleware, no HTTP), the page cache bypassed
(`X-Bench-Bypass-Cache: 1`) so that every request really searches. Issue 17's goal, p50
under 50 ms for common words at 100,000 stories, is PostgreSQL's: SQLite's word match is
measured without it.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from urllib.parse import urlencode

from bench.breakdown import BYPASS_HEADERS, _meta, timed_requests

REQUESTS = 30
WARMUP = 3
COMMON_WORDS = 5
GOAL_P50_MS = 50.0
GOAL_STORIES = 100_000
SAMPLE = 2_000  # SQLite: stories whose words are counted
RARE_MIN_LETTERS = 5
# A word held by about this share of the stories is the newest-first plan's costliest: it
# reads about 500 / share rows to find the newest 500 matches (a common word, 500 or so).
MIDDLING_SHARE = 0.05
MIDDLING_MIN_LETTERS = 4
# SQLite only (PostgreSQL asks its own English dictionary): words a reader would not search.
STOP_WORDS = frozenset([
    "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "been", "before", "being", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further",
    "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if",
    "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "no", "nor",
    "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own",
    "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
    "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
    "will", "with", "would", "you", "your",
])  # fmt: skip
_WORD = re.compile(r"[a-z]+")

# Every alphabetic word of at least three letters in the stored vectors, with the stories
# holding it, English stop words left out (the search itself uses the 'simple' dictionary,
# which keeps them).
TS_STAT = """
    SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM articles_article')
    WHERE word ~ '^[a-z]{3,}$' AND to_tsvector('english', word) <> ''::tsvector
"""


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value at or above `share` of them."""
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def _postgres_counts() -> tuple[dict[str, int], int]:
    """Every word of the stored vectors with the stories holding it; the stories counted."""
    from django.db import connection

    from articles.models import Article

    with connection.cursor() as cursor:
        cursor.execute(TS_STAT)
        counts = dict(cursor.fetchall())
    return counts, Article.objects.count()


def count_words(texts) -> Counter:
    """How many of `texts` hold each word (lower case, letters only, stop words left out)."""
    found: Counter = Counter()
    for text in texts:
        found.update({w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS})
    return found


def _sampled_counts() -> tuple[dict[str, int], int]:
    """As `_postgres_counts`, over the newest `SAMPLE` live stories."""
    from articles.models import Article

    rows = Article.objects.live().newest_first().values_list("headline", "summary", "body_text")
    texts = [" ".join(row) for row in rows[:SAMPLE]]
    return count_words(texts), len(texts)


def choose_words(counts: dict[str, int], total: int, common: int = COMMON_WORDS) -> dict:
    """From {word: stories holding it}: the `common` most held, the one held nearest
    `MIDDLING_SHARE` of the `total` stories, and the rarest (candidates, rarest first)."""
    usable = sorted((n, w) for w, n in counts.items() if len(w) >= 3 and w not in STOP_WORDS)
    top = sorted(usable, key=lambda item: (-item[0], item[1]))[:common]
    others = [(n, w) for n, w in usable if (n, w) not in top and len(w) >= MIDDLING_MIN_LETTERS]
    middling = min(others, key=lambda item: abs(item[0] - MIDDLING_SHARE * total), default=None)
    rare = [(n, w) for n, w in usable if len(w) >= RARE_MIN_LETTERS][:20]
    return {
        "common": [{"query": w, "stories": n} for n, w in top],
        "middling": {"query": middling[1], "stories": middling[0]} if middling else None,
        "rare": [{"query": w, "stories": n} for n, w in rare],
    }


def _matches(query: str) -> int:
    """Stories a reader's search for `query` lists (at most `search.NEWEST_MATCHES`)."""
    from articles.models import Article
    from articles.search import search_articles

    return search_articles(Article.objects.live(), query).count()


def pick_searches(common: int = COMMON_WORDS) -> list[dict]:
    """The searches to time, each {"kind", "query", "stories"} (the stories holding the
    word; the search lists the newest 500 at most): common words, the two most common
    together, a middling word and a rare one."""
    from django.db import connection

    counts, total = _postgres_counts() if connection.vendor == "postgresql" else _sampled_counts()
    words = choose_words(counts, total, common)
    searches = [{"kind": "common", **word} for word in words["common"]]
    if len(words["common"]) >= 2:
        pair = " ".join(word["query"] for word in words["common"][:2])
        searches.append({"kind": "two words", "query": pair, "stories": None})
    if words["middling"]:
        searches.append({"kind": "middling", **words["middling"]})
    # The rarest word a reader would find: it may be only in drafts, which search never lists.
    rare = next((word for word in words["rare"] if _matches(word["query"])), None)
    if rare:
        searches.append({"kind": "rare", **rare})
    return searches


def time_search(query: str, requests: int = REQUESTS) -> dict:
    """p50 and p95 ms of GET /search/?q=`query`, page cache bypassed, and the time in its
    queries."""

    path = "/search/?" + urlencode({"q": query})
    totals, dbs, counts = timed_requests(path, _meta(BYPASS_HEADERS), requests, warmup=WARMUP)
    return {
        "path": path,
        "requests": requests,
        "p50_ms": round(statistics.median(totals), 2),
        "p95_ms": round(percentile(totals, 0.95), 2),
        "max_ms": round(max(totals), 2),
        "db_p50_ms": round(statistics.median(dbs), 2),
        "queries": max(counts),
        "listed": _matches(query),
        "times_ms": [round(t, 2) for t in totals],
    }


def slowest_query(path: str) -> dict | None:
    """PostgreSQL: the search page's slowest SELECT, explained (bench/plans.py)."""
    from django.db import connection

    from bench.plans import explain_page

    if connection.vendor != "postgresql":
        return None
    slowest = max(explain_page(path), key=lambda query: query["ms"])
    return {key: slowest[key] for key in ("reads", "plan", "ms", "returned")}


def measure(requests: int = REQUESTS, say=print) -> dict:
    """Every search of `pick_searches`, timed; the facts of the dataset beside them."""
    from django.db import connection

    from articles.models import Article

    searches = pick_searches()
    for search in searches:
        search.update(time_search(search["query"], requests))
        search["slowest_query"] = slowest_query(search["path"])
        say(
            f"search {search['kind']:<9} {search['query']!r:<24} p50 {search['p50_ms']:7.1f} ms"
            f"  p95 {search['p95_ms']:7.1f} ms  (database {search['db_p50_ms']:.1f} ms)"
        )
    common = [t for s in searches if s["kind"] == "common" for t in s["times_ms"]]
    return {
        "engine": connection.vendor,
        "live_stories": Article.objects.live().count(),
        "requests": requests,
        "searches": searches,
        "common_p50_ms": round(statistics.median(common), 2) if common else None,
    }


def targets(result: dict) -> list[dict]:
    """Issue 17's goal for search, on PostgreSQL only (none for SQLite's word match)."""
    if result["engine"] != "postgresql" or result["common_p50_ms"] is None:
        return []
    p50 = result["common_p50_ms"]
    common = [s for s in result["searches"] if s["kind"] == "common"]
    slowest = max(common, key=lambda s: s["p50_ms"])
    enough = result["live_stories"] >= GOAL_STORIES
    in_the_way = []
    if not enough:
        in_the_way.append(
            f"measured at {result['live_stories']:,} live stories: the goal is at "
            f"{GOAL_STORIES:,} (`--articles {GOAL_STORIES}`)"
        )
    if p50 >= GOAL_P50_MS:
        plan = slowest.get("slowest_query") or {}
        in_the_way.append(
            f"{slowest['query']!r}: {slowest['p50_ms']:.1f} ms, {slowest['db_p50_ms']:.1f} ms of "
            f"it in {slowest['queries']} queries"
            + (f"; slowest: `{plan['plan']}` {plan['ms']} ms" if plan else "")
        )
    return [
        {
            "target": "Search p50 under 50 ms for common words (PostgreSQL, 100,000 stories)",
            "measured": f"{p50:.1f} ms over {', '.join(s['query'] for s in common)} "
            f"(slowest: {slowest['query']} {slowest['p50_ms']:.1f} ms)",
            "pass": p50 < GOAL_P50_MS and enough,
            "in_the_way": "; ".join(in_the_way),
        }
    ]


def render(result: dict) -> list[str]:
    """The report's section: one row per search."""
    rows = []
    for s in result["searches"]:
        stories = f"{s['stories']:,}" if s.get("stories") is not None else "n/a"
        rows.append(
            f"| {s['kind']} | `{s['query']}` | {stories} | {s['listed']:,} | {s['p50_ms']:.1f} | "
            f"{s['p95_ms']:.1f} | {s['db_p50_ms']:.1f} ({s['queries']}) |"
        )
    goal = (
        f"Issue 17's goal: p50 under {GOAL_P50_MS:g} ms for common words at "
        f"{GOAL_STORIES:,} stories on PostgreSQL; here {result['common_p50_ms']:.1f} ms over "
        "all requests for the common words."
        if result["engine"] == "postgresql"
        else "SQLite searches with a word match (`articles/search.py`): measured without "
        "issue 17's goal, which is PostgreSQL's full-text search's."
    )
    out = [
        "## Search",
        "",
        f"`/search/?q=...` on {result['engine']} with {result['live_stories']:,} live stories "
        f"(`bench/search_timing.py`): {result['requests']} requests per search, one at a "
        "time, in-process (no HTTP), the page cache bypassed so each request searches. The "
        "words are the dataset's most common (stop words left out), the two most common "
        f"together, a *middling* word (held by about {MIDDLING_SHARE:.0%} of the stories: the "
        "newest-first plan reads the most rows for it) and a rare one. *Stories*: how many "
        "hold the word; *listed*: how many the search lists (the newest 500 matches at "
        "most). " + goal,
        "",
        "| Kind | Query | Stories | Listed | p50 ms | p95 ms | DB p50 ms (queries) |",
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
    ]
    plans = [s for s in result["searches"] if s.get("slowest_query")]
    if plans:
        out += ["Slowest query of each search (`EXPLAIN ANALYZE`):", ""]
        out += [
            f"- `{s['query']}`: {s['slowest_query']['ms']} ms, `{s['slowest_query']['plan']}`"
            for s in plans
        ]
        out.append("")
    return out
