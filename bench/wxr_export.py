"""A WordPress export of any size, for the import benchmark: `python -m bench.wxr_export N FILE`.

Shaped like a real newsroom's: a few dozen authors and categories (nested, some posts in
several, a primary category recorded by Yoast on some), a few hundred tags, block-editor
and classic-editor bodies, excerpts on some, drafts and scheduled posts among the
published. The text is generated from the demo's original phrases (articles/demo/bulk.py);
the same N gives the same file.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

AUTHORS = 40
CATEGORIES = 60
TAG_POOL = 300
STATUSES = ["publish"] * 90 + ["draft"] * 6 + ["pending"] * 2 + ["future"] * 2

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Generated newsroom</title><link>https://generated.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://generated.example</wp:base_site_url>
"""


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def write(count: int, out) -> None:
    """Write an export of `count` posts to the text stream `out`."""
    from articles.demo.bulk import ACTIONS, OBJECTS, PLACES, SENTENCES, SUBJECTS, TAGS

    rng = random.Random(count)
    out.write(HEAD)
    for n in range(AUTHORS):
        out.write(
            f"<wp:author><wp:author_id>{n + 1}</wp:author_id>"
            f"<wp:author_login>{cdata(f'reporter{n}')}</wp:author_login>"
            f"<wp:author_email>{cdata(f'reporter{n}@generated.example')}</wp:author_email>"
            f"<wp:author_display_name>{cdata(f'Reporter {n}')}</wp:author_display_name>"
            "</wp:author>\n"
        )
    for n in range(CATEGORIES):
        parent = f"desk-{n % 8}" if n >= 8 else ""
        out.write(
            f"<wp:category><wp:term_id>{n + 10}</wp:term_id>"
            f"<wp:category_nicename>{cdata(f'desk-{n}')}</wp:category_nicename>"
            f"<wp:category_parent>{cdata(parent)}</wp:category_parent>"
            f"<wp:cat_name>{cdata(f'Desk {n}')}</wp:cat_name></wp:category>\n"
        )
    tags = [f"{TAGS[n % len(TAGS)]} {n}" for n in range(TAG_POOL)]
    start = datetime(2015, 1, 1, tzinfo=UTC)
    for n in range(1, count + 1):
        post_id = 1000 + n
        headline = (
            f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(OBJECTS)} "
            f"{rng.choice(PLACES)} ({n})"
        )
        slug = f"story-{n}"
        when = start + timedelta(minutes=53 * n)
        status = rng.choice(STATUSES)
        if status == "future":
            when = datetime(2040, 1, 1, tzinfo=UTC) + timedelta(minutes=n)
        paragraphs = [" ".join(rng.sample(SENTENCES, 3)) for _ in range(rng.randint(3, 7))]
        if n % 2:
            body = "".join(
                f"<!-- wp:paragraph -->\n<p>{escape(p)}</p>\n<!-- /wp:paragraph -->\n\n"
                for p in paragraphs
            )
        else:
            body = "\n\n".join(escape(p) for p in paragraphs)
        categories = rng.sample(range(CATEGORIES), rng.choice([1, 1, 1, 2, 3]))
        terms = "".join(
            f'<category domain="category" nicename="desk-{c}">{cdata(f"Desk {c}")}</category>'
            for c in categories
        ) + "".join(
            f'<category domain="post_tag" nicename="t{t}">{cdata(tags[t])}</category>'
            for t in rng.sample(range(TAG_POOL), rng.randint(0, 4))
        )
        meta = ""
        if n % 5 == 0:
            meta += (
                "<wp:postmeta><wp:meta_key>_yoast_wpseo_primary_category</wp:meta_key>"
                f"<wp:meta_value>{categories[-1] + 10}</wp:meta_value></wp:postmeta>"
            )
        stamp = when.strftime("%Y-%m-%d %H:%M:%S")
        out.write(
            f"<item><title>{cdata(headline)}</title>"
            f"<link>https://generated.example/{when:%Y/%m/%d}/{slug}/</link>"
            f"<dc:creator>{cdata(f'reporter{n % AUTHORS}')}</dc:creator>"
            f"<content:encoded>{cdata(body)}</content:encoded>"
            f"<excerpt:encoded>{cdata(paragraphs[0] if n % 3 == 0 else '')}</excerpt:encoded>"
            f"<wp:post_id>{post_id}</wp:post_id>"
            f"<wp:post_date>{cdata(stamp)}</wp:post_date>"
            f"<wp:post_date_gmt>{cdata(stamp)}</wp:post_date_gmt>"
            f"<wp:post_modified>{cdata(stamp)}</wp:post_modified>"
            f"<wp:post_modified_gmt>{cdata(stamp)}</wp:post_modified_gmt>"
            f"<wp:post_name>{cdata(slug)}</wp:post_name><wp:status>{cdata(status)}</wp:status>"
            f"<wp:post_type>{cdata('post')}</wp:post_type>"
            f"<wp:post_password>{cdata('')}</wp:post_password>{terms}{meta}</item>\n"
        )
    out.write("</channel>\n</rss>\n")


def main(argv: list[str]) -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    django.setup()
    count, path = int(argv[0]), Path(argv[1])
    with path.open("w", encoding="utf-8") as out:
        write(count, out)


if __name__ == "__main__":
    main(sys.argv[1:])
