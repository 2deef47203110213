from django.urls import path, register_converter

from . import feeds, sitemaps, views
from .date_archive import TwoDigits
from .slugs import SlugConverter

# Stories' slugs may be in any script (articles.slugs).
register_converter(SlugConverter, "story_slug")
register_converter(TwoDigits, "two_digits")

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("latest/", views.LatestView.as_view(), name="latest"),
    path("site-parts/", views.SitePartsView.as_view(), name="site_parts"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("news/<story_slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("preview/<str:token>/", views.SharedPreviewView.as_view(), name="shared_preview"),
    path("archive/<int:year>/", views.DateArchiveView.as_view(), name="year"),
    path("archive/<int:year>/<two_digits:month>/", views.DateArchiveView.as_view(), name="month"),
    path(
        "archive/<int:year>/<two_digits:month>/<two_digits:day>/",
        views.DateArchiveView.as_view(),
        name="day",
    ),
    path("section/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("tag/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("contact-us/", views.ContactView.as_view(), name="contact"),
    path("feed/", feeds.StoryFeed(), name="feed"),
    path("feed/atom/", feeds.StoryAtomFeed(), name="atom_feed"),
    path("section/<slug:slug>/feed/", feeds.SectionFeed(), name="section_feed"),
    path("section/<slug:slug>/feed/atom/", feeds.SectionAtomFeed(), name="section_atom_feed"),
    path("tag/<slug:slug>/feed/", feeds.TagFeed(), name="tag_feed"),
    path("tag/<slug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag_atom_feed"),
    path("author/<slug:slug>/feed/", feeds.AuthorFeed(), name="author_feed"),
    path("author/<slug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author_atom_feed"),
    path("sitemap.xml", sitemaps.SitemapIndexView.as_view(), name="sitemap_index"),
    path("sitemap-<slug:section>.xml", sitemaps.SitemapView.as_view(), name="sitemap"),
    path("news-sitemap.xml", sitemaps.NewsSitemapView.as_view(), name="news_sitemap"),
    path("robots.txt", sitemaps.RobotsView.as_view(), name="robots"),
    # Standing pages (About Us, Privacy Policy...) live at the top level, so this goes last.
    path("<slug:slug>/", views.PageView.as_view(), name="page"),
]
