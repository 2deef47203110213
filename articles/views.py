"""Reader pages. Every story list starts from `Article.objects.live()`."""

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from .models import Article, Author, Page, Section

HOME_LATEST = 12
PER_PAGE = 20


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        live = Article.objects.live().for_cards().newest_first()
        lead = live.lead_first().first()
        latest = live.exclude(pk=lead.pk) if lead else live
        context.update(lead=lead, latest=latest[:HOME_LATEST])
        return context


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.live().for_detail()


class StoryListView(ListView):
    """A paginated list of live stories under a heading (section, tag or author)."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = PER_PAGE

    def paginate_queryset(self, queryset, page_size):
        page = self.get_paginator(queryset, page_size).get_page(self.request.GET.get("page"))
        return page.paginator, page, page.object_list, page.has_other_pages()

    def stories(self):
        raise NotImplementedError

    def get_queryset(self):
        return self.stories().for_cards().newest_first()


class SectionView(StoryListView):
    def stories(self):
        self.section = get_object_or_404(
            Section.objects.select_related("parent"), slug=self.kwargs["slug"]
        )
        return Article.objects.live().in_section(self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.section.name,
            description=self.section.description,
            section=self.section,
            **kwargs,
        )


class TagView(StoryListView):
    def stories(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return Article.objects.live().tagged(self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.tag.name, tag=self.tag, **kwargs)


class AuthorView(StoryListView):
    def stories(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return Article.objects.live().by_author(self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.author.name, description=self.author.bio, author=self.author, **kwargs
        )


class PageView(DetailView):
    model = Page
    template_name = "pages/page.html"
    context_object_name = "page"
