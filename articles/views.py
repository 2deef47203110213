"""Reader pages. Every story list starts from `Article.objects.live()`.

Reader pages are the same for every visitor (DESIGN.md), so they are public and
cacheable; the pages that hold a form (Contact Us) are not.
"""

from functools import wraps

from allauth.core import ratelimit
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.views.decorators.cache import cache_control, never_cache
from django.views.generic import DetailView, FormView, ListView, TemplateView
from taggit.models import Tag

from . import cards, invalidation, page_cache, preview_links, story_page
from .body import embeds_in
from .date_archive import Period
from .embeds import policy as embed_policy
from .forms import ContactForm
from .models import Article, Author, Page, Section
from .pagination import NumberedPages
from .search import NEWEST_MATCHES, find, normalize_query
from .workflow import may_edit

HOME_TOP = 4  # stories beside the lead
HOME_SECTION = 4  # stories in each section block
HOME_LATEST = 10
# Over the contact form's limit (ACCOUNT_RATE_LIMITS["contact"]: five an hour per address).
TOO_MANY_MESSAGES = (
    "You have sent us several messages in a short time, so this one has not been sent. "
    "It is kept below: please send it again in an hour."
)

# Browsers keep a page a minute; shared caches (ours, a CDN) five.
_public_headers = method_decorator(cache_control(public=True, max_age=60, s_maxage=300), "dispatch")


def public_page(view_class):
    """A reader page: public headers; the page cache shows it only its `page_parameters`."""
    if not hasattr(view_class, "page_parameters"):
        view_class.page_parameters = ()
    return _public_headers(view_class)


def in_block(live, section: Section, shown: list[int]):
    """A home page section block: its newest stories not already at the top of the page."""
    stories = live.in_section(section).exclude(pk__in=shown).card_fields().newest_first()
    return stories[:HOME_SECTION]


@public_page
class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        live = Article.objects.live()
        lead = live.card_fields().lead_first().first()
        others = live.card_fields().newest_first().exclude(pk=getattr(lead, "pk", None))
        others = list(others[: HOME_TOP + HOME_LATEST])
        top, latest = others[:HOME_TOP], others[HOME_TOP:]
        shown = [story.pk for story in (lead, *top) if story]
        # One query per primary section (an index range with a LIMIT).
        blocks = [
            (section, list(in_block(live, section, shown)))
            for section in Section.objects.filter(in_primary_menu=True, parent=None)
        ]
        self.on_page = [lead, *others, *(story for _, stories in blocks for story in stories)]
        page_cache.depends_on_stories(
            self.on_page,
            invalidation.ALL_STORIES,
            *(invalidation.section_list(section.pk) for section, _ in blocks),
        )
        return super().get_context_data(lead=lead, top=top, latest=latest, blocks=blocks, **kwargs)

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        # Its six lists of cards: the bylines of those rendered in one query, not six.
        with cards.together(self.on_page):
            return self.render_to_response(context).render()


@public_page
class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.live().for_detail()

    def get(self, request, *args, **kwargs):
        # From the story's kept parts: no query unless one of them has to be rendered.
        parts = story_page.for_reader(request, kwargs["slug"], self.get_object)
        return self.render_parts(parts)

    def render_parts(self, parts: story_page.StoryParts, **context):
        response = self.render_to_response(self.get_context_data(**parts.context(), **context))
        # Its players' origins, and nothing more, in the page's headers.
        return embed_policy.apply(response, parts.story["embeds"])

    def get_context_data(self, **kwargs):
        # SingleObjectMixin's would need the story loaded; the page has its parts.
        return TemplateView.get_context_data(self, **kwargs)


@public_page
class SitePartsView(TemplateView):
    """The parts every page shows of the site's newest stories, as they are now: the bell's
    list and the Latest box. A page from the cache shows them as they were when it was
    rendered (articles/page_cache.py: soft keys); site.js brings them up to date from here.
    Exact itself: any new story renders it again."""

    template_name = "articles/site_parts.html"

    def get_context_data(self, **kwargs):
        latest = story_page.latest_thumbs(soft=False)
        return super().get_context_data(latest=mark_safe("".join(html for _, html in latest)))

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response


def _never_shared(view):
    """Never cached anywhere: replaces the story page's public headers, which it inherits."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        response = view(*args, **kwargs)
        del response["Cache-Control"]
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response

    return wrapper


@method_decorator(_never_shared, "dispatch")
class ArticlePreviewView(ArticleDetailView):
    """A story exactly as readers will see it, in any state, for staff who may edit it.

    Anyone else gets the same 404 as for a story that does not exist.
    """

    def get_queryset(self):
        return Article.objects.for_detail()

    def get_object(self, queryset=None):
        article = super().get_object(queryset)
        if not (self.request.user.is_staff and may_edit(self.request.user, article)):
            raise Http404("No such story.")
        return article

    def get(self, request, *args, **kwargs):
        article = self.get_object()
        parts = story_page.fresh(request, article)
        return self.render_parts(parts, article=article, preview=True)


class SharedPreviewView(ArticlePreviewView):
    """A story's preview for anyone holding a preview link (articles/preview_links.py).

    Expired, revoked, tampered and trashed links get the same 404 as a missing story.
    """

    page_parameters = None  # not a page to the page cache: nothing of it is ever stored

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_object(self, queryset=None):
        article = preview_links.open(self.kwargs["token"])
        if article is None:
            raise Http404("No such story.")
        return article


@public_page
class StoryListView(NumberedPages, ListView):
    """A paginated card list of live stories under a heading (section, tag, author...)."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    page_parameters = ("page",)

    def stories(self):
        return Article.objects.live()

    def list_key(self) -> str:
        """The list the page shows (articles/invalidation.py)."""
        return invalidation.ALL_STORIES

    def get_queryset(self):
        return self.stories().card_fields().newest_first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page_cache.depends_on_stories(context["object_list"], self.list_key())
        return context


class LatestView(StoryListView):
    extra_context = {"heading": "Latest News"}


class SectionView(StoryListView):
    def stories(self):
        self.section = get_object_or_404(
            Section.objects.select_related("parent"), slug=self.kwargs["slug"]
        )
        return Article.objects.live().in_section(self.section)

    def list_key(self) -> str:
        return invalidation.section_list(self.section.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.section.name,
            description=self.section.description,
            section=self.section,
            **kwargs,
        )


class DateArchiveView(StoryListView):
    """The live stories published in a year, a month or a day."""

    def stories(self):
        self.period = Period.of(
            self.kwargs["year"], self.kwargs.get("month"), self.kwargs.get("day")
        )
        return Article.objects.live().filter(
            published_at__gte=self.period.start, published_at__lt=self.period.end
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=f"Stories from {self.period.label}",
            empty_message=f"No stories were published in {self.period.label}.",
            **kwargs,
        )


class TagView(StoryListView):
    def stories(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return Article.objects.live().tagged(self.tag)

    def list_key(self) -> str:
        return invalidation.tag_list(self.tag.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.tag.name,
            description=f"Stories tagged “{self.tag.name}”.",
            tag=self.tag,
            **kwargs,
        )


class AuthorView(StoryListView):
    template_name = "articles/author.html"

    def stories(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return Article.objects.live().by_author(self.author)

    def list_key(self) -> str:
        return invalidation.author_list(self.author.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.author.name, description=self.author.bio, author=self.author, **kwargs
        )


class SearchView(StoryListView):
    template_name = "articles/search.html"
    page_parameters = ("q", "page")

    def get_queryset(self):
        self.query = normalize_query(self.request.GET.get("q", ""))
        return find(Article.objects.live().card_fields(), self.query)

    def list_key(self) -> str:
        return invalidation.ANY_STORY  # any story's change may match the words

    def get_context_data(self, **kwargs):
        if self.query:
            heading = f"Search results for “{self.query}”"
            empty = "No stories match your search. Try fewer words, or other ones."
        else:
            heading, empty = "Search", "Type a word or two to search every story we have published."
        context = super().get_context_data(
            query=self.query, heading=heading, empty_message=empty, **kwargs
        )
        count = context["paginator"].count if self.query else 0
        if count >= NEWEST_MATCHES:
            context["found"] = (
                f"{NEWEST_MATCHES:,} or more stories found: the newest {NEWEST_MATCHES:,}, "
                "best matches first. Add a word to narrow the search."
            )
        elif self.query:
            context["found"] = f"{count:,} stor{'y' if count == 1 else 'ies'} found."
        return context


class EmbedsAllowedMixin:
    """A standing page's embeds: their players' origins, and nothing more, in its headers."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page")
        context["embeds"] = embeds_in(page.body) if page is not None else []
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        return embed_policy.apply(response, context["embeds"])


@public_page
class PageView(EmbedsAllowedMixin, DetailView):
    model = Page
    template_name = "pages/page.html"
    context_object_name = "page"

    def get_context_data(self, **kwargs):
        page_cache.depends_on()  # its own text only: a change to a standing page is everyone's
        return super().get_context_data(**kwargs)


@method_decorator(never_cache, "dispatch")
class ContactView(EmbedsAllowedMixin, FormView):
    """Contact Us: the page's text, then a form that stores the message for the editors."""

    template_name = "pages/contact.html"
    form_class = ContactForm

    def get_context_data(self, **kwargs):
        page = Page.objects.filter(slug="contact-us").first()
        return super().get_context_data(page=page, **kwargs)

    def form_valid(self, form):
        # allauth's limiter, so the same cache and the same reading of the client's address
        # (behind proxies: ALLAUTH_TRUSTED_PROXY_COUNT) as sign-in's limits.
        if not ratelimit.consume(self.request, action="contact"):
            form.add_error(None, TOO_MANY_MESSAGES)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        form.save()
        messages.success(
            self.request,
            "Thank you for writing to us. Your message has reached the newsroom; "
            "if it needs an answer, an editor will reply by email.",
        )
        return redirect(reverse("articles:contact") + "#contact-form")
