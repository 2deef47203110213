"""Structured data for search engines: JSON-LD for the article page."""

from __future__ import annotations

from django.templatetags.static import static

from .body import embed_links
from .models import Article, SiteSettings


def article_json_ld(article: Article, *, absolute, site: SiteSettings) -> list[dict]:
    """`NewsArticle` and `BreadcrumbList` for `article`; `absolute(path)` makes full URLs."""
    url = absolute(article.get_absolute_url())
    news = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": article.headline[:110],
        "description": article.seo_description or article.summary,
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tags.all()],
        "author": [
            {
                "@type": "Organization" if author.is_desk else "Person",
                "name": author.name,
                "url": absolute(author.get_absolute_url()),
            }
            for author in article.byline_authors
        ],
        "publisher": {
            "@type": "Organization",
            "name": site.publisher,
            "logo": {"@type": "ImageObject", "url": absolute(static("img/logo.png"))},
        },
    }
    if article.published_at:  # a draft seen in preview has no dates yet
        news["datePublished"] = article.published_at.isoformat()
        news["dateModified"] = article.last_updated.isoformat()
    if article.featured_image:
        news["image"] = [absolute(article.featured_image.url)]
    if embedded := embed_links(article.body):
        # Embeds as plain links to the originals, with their captions (no player, no id).
        news["associatedMedia"] = [
            {"@type": "MediaObject", "name": name, "url": original} for original, name in embedded
        ]
    crumbs = [
        ("News", absolute("/")),
        (article.section.name, absolute(article.section.get_absolute_url())),
        (article.headline, url),
    ]
    breadcrumb = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": item}
            for n, (name, item) in enumerate(crumbs, start=1)
        ],
    }
    return [news, breadcrumb]
