"""Sitemaps, the Google News sitemap and robots.txt: what crawlers read to find stories.

`/sitemap.xml` is an index of the sitemaps below, each split into files of `limit` URLs
(Django's paginator: a COUNT for the index, a slice per file), so no file nears the
protocol's 50,000 URLs / 50 MB at a million stories. Only live stories, and sections, tags
and authors that have some, are listed.
"""

from __future__ import annotations

from datetime import timedelta
from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Exists, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views import View
from taggit.models import Tag

from .last_modified import last_change_dated
from .models import Article, ArticleAuthor, Author, Page, Section, TaggedArticle
from .pagination import requested_page
from .views import public_page

SITEMAP_LIMIT = 10_000  # URLs per file: a fifth of the protocol's limit, a few MB at most
NEWS_WINDOW = timedelta(hours=48)  # Google News reads stories of the last two days
NEWS_LIMIT = 1_000  # and at most 1,000 of them per news sitemap
ROBOTS_DISALLOW = ("/admin/", "/accounts/", "/search/", "/preview/")


def newest_story(stories) -> Subquery:
    """Publication time of the newest of `stories` (live, filtered on an OuterRef)."""
    return Subquery(stories.order_by("-published_at").values("published_at")[:1])


def newest_published(stories):
    """Publication time of the newest of `stories`: a walk down the live index, one row."""
    return stories.order_by("-published_at").values_list("published_at", flat=True).first()


class NewsroomSitemap(Sitemap):
    limit = SITEMAP_LIMIT

    @cached_property
    def latest(self):
        """The newest `lastmod` of the sitemap, None when it lists nothing; one query."""
        return None

    def get_latest_lastmod(self):
        # Django's default computes lastmod for every item, loading every row.
        return self.latest

    @property
    def is_empty(self) -> bool:
        return self.latest is None


class PageSitemap(NewsroomSitemap):
    """The home page, the latest-news page and the standing pages (About Us...)."""

    @cached_property
    def entries(self) -> list[tuple[str, object]]:
        newest = newest_published(Article.objects.live())
        fixed = [(reverse("articles:home"), newest), (reverse("articles:latest"), newest)]
        return fixed + [(page.get_absolute_url(), page.updated_at) for page in Page.objects.all()]

    def items(self):
        return self.entries

    def location(self, item) -> str:
        return item[0]

    def lastmod(self, item):
        return item[1]

    @cached_property
    def latest(self):
        return max((lastmod for _, lastmod in self.entries if lastmod), default=None)

    @property
    def is_empty(self) -> bool:
        return False  # the home page is always there


class ListingSitemap(NewsroomSitemap):
    """Listing pages (sections, tags, authors) with live stories; lastmod is the newest one's."""

    model = None

    def stories_of_outer(self):
        """Live stories listed on the page of the row `OuterRef("pk")` points at."""
        raise NotImplementedError

    def has_stories(self):
        """The condition that the row `OuterRef("pk")` points at has live stories."""
        return Exists(self.stories_of_outer())

    def items(self):
        stories = self.stories_of_outer()
        # EXISTS stops at the first live story: cheap for the index's COUNT, however many
        # stories a tag has; the newest's time is computed for the rows of one file only.
        return (
            self.model.objects.filter(self.has_stories())
            .annotate(newest=newest_story(stories))
            .order_by("pk")
        )

    def lastmod(self, item):
        return item.newest


class SectionSitemap(ListingSitemap):
    model = Section

    def stories_of_outer(self):
        # A section page lists its child sections' stories too (`in_section`).
        outer = OuterRef("pk")
        return Article.objects.live().filter(Q(section_id=outer) | Q(section__parent_id=outer))

    def has_stories(self):
        # Two EXISTS, not one with an OR: each then probes the section index for one row,
        # where the OR made PostgreSQL join every section to every live story.
        outer = OuterRef("pk")
        live = Article.objects.live()
        return Exists(live.filter(section_id=outer)) | Exists(live.filter(section__parent_id=outer))

    @cached_property
    def latest(self):
        return newest_published(Article.objects.live())


class TagSitemap(ListingSitemap):
    model = Tag

    def stories_of_outer(self):
        return Article.objects.live().filter(tagged_items__tag_id=OuterRef("pk"))

    def location(self, item: Tag) -> str:
        return reverse("articles:tag", kwargs={"slug": item.slug})

    @cached_property
    def latest(self):
        tagged = TaggedArticle.objects.filter(content_object_id=OuterRef("pk"))
        return newest_published(Article.objects.live().filter(Exists(tagged)))


class AuthorSitemap(ListingSitemap):
    model = Author

    def stories_of_outer(self):
        return Article.objects.live().filter(bylines__author_id=OuterRef("pk"))

    @cached_property
    def latest(self):
        bylined = ArticleAuthor.objects.filter(article_id=OuterRef("pk"))
        return newest_published(Article.objects.live().filter(Exists(bylined)))


class ArticleSitemap(NewsroomSitemap):
    """Every live story, oldest first: a new story lands in the last file, the others stay."""

    def items(self):
        return (
            Article.objects.live()
            .only("slug", "published_at", "updated_at")
            .order_by("published_at", "pk")
        )

    def lastmod(self, item: Article):
        return item.last_updated

    @cached_property
    def latest(self):
        last_change = Coalesce("updated_at", "published_at")
        return Article.objects.live().aggregate(newest=Max(last_change))["newest"]


class NewsSitemap(Sitemap):
    """Google News: live stories of the last 48 hours, newest first, at most 1,000."""

    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        stories = Article.objects.live().filter(published_at__gte=since).newest_first()
        return stories.only("slug", "headline", "published_at", "updated_at")[:NEWS_LIMIT]

    def lastmod(self, item: Article):
        return item.last_updated


SITEMAPS = {
    "pages": PageSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
    "articles": ArticleSitemap,
}


@public_page
class SitemapIndexView(View):
    """`/sitemap.xml`: every non-empty sitemap, one entry per file, with its lastmod."""

    def get(self, request):
        sitemaps = {name: sitemap() for name, sitemap in SITEMAPS.items()}
        # An empty <urlset> breaks the sitemap schema (one <url> at least): leave it out.
        sitemaps = {name: sitemap for name, sitemap in sitemaps.items() if not sitemap.is_empty}
        return sitemap_views.index(
            request,
            sitemaps,
            template_name="sitemaps/index.xml",
            sitemap_url_name="articles:sitemap",
        )


@public_page
class SitemapView(View):
    """One file of one sitemap: `/sitemap-<section>.xml?p=<page>`."""

    page_parameters = ("p",)

    def get(self, request, section: str):
        requested_page(request, "p")  # one address per file: `?p=02` is a 404, not file 2
        return sitemap_views.sitemap(
            request, SITEMAPS, section=section, template_name="sitemaps/sitemap.xml"
        )


@public_page
@last_change_dated
class NewsSitemapView(View):
    """`/news-sitemap.xml`, in Google's news sitemap format."""

    page_parameters = ("p",)

    def get(self, request):
        requested_page(request, "p")
        return sitemap_views.sitemap(
            request, {"news": NewsSitemap}, template_name="sitemaps/news.xml"
        )


@public_page
class RobotsView(View):
    """`/robots.txt`: what crawlers may skip, and where the sitemaps are."""

    def get(self, request):
        lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), ""]
        for name in ("articles:sitemap_index", "articles:news_sitemap"):
            lines.append(f"Sitemap: {request.build_absolute_uri(reverse(name))}")
        return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
