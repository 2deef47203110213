"""Template tags for the reader frame and the article page."""

import json
from datetime import timedelta
from urllib.parse import quote

from django import template
from django.db.models import Q
from django.template.loader_tags import BlockNode
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from articles import cards as story_cards
from articles import invalidation, page_cache
from articles.body import reader_html, split_after_paragraphs
from articles.embeds import Hosts
from articles.models import Article, Section

register = template.Library()

NOTIFICATION_WINDOW = timedelta(hours=72)
NOTIFICATION_COUNT = 9
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.simple_tag
def menus() -> SimpleLazyObject:
    """Both menus' sections from one query: {"primary": [...], "mobile": [...]}.

    Lazy: the query runs only if a part of the frame that lists them is rendered, not when
    the frame comes from its cached fragment.
    """
    return SimpleLazyObject(_menus)


def _menus() -> dict[str, list[Section]]:
    sections = list(Section.objects.filter(Q(in_primary_menu=True) | Q(in_mobile_menu=True)))
    return {
        "primary": sorted(
            (s for s in sections if s.in_primary_menu), key=lambda s: (s.position, s.name)
        ),
        "mobile": sorted(
            (s for s in sections if s.in_mobile_menu), key=lambda s: (s.mobile_position, s.name)
        ),
    }


class FrameFragmentNode(template.Node):
    # What is inside is not walked when a page that extends another is rendered (Django
    # walks the parent's whole tree for its blocks at each render): a fragment holds no block.
    child_nodelists = ()

    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context) -> str:
        vary = "\x1f".join(str(value.resolve(context)) for value in self.vary)
        return page_cache.fragment(
            self.name.resolve(context), vary, lambda: self.nodelist.render(context)
        )


@register.tag
def frame_fragment(parser, token):
    """`{% frame_fragment "name" value... %}…{% endframe_fragment %}`: rendered once per
    content version and per set of values (articles.page_cache.fragment). What is inside
    must be the same for every page that gives the same values, and for every visitor."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("frame_fragment needs a name.")
    nodelist = parser.parse(("endframe_fragment",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):
        raise template.TemplateSyntaxError("A frame_fragment cannot hold a {% block %}.")
    name, *vary = (parser.compile_filter(bit) for bit in bits[1:])
    return FrameFragmentNode(nodelist, name, vary)


@register.simple_tag
def cards(stories, kind: str = "card", **options) -> str:
    """`{% cards stories level=3 compact=True %}`: a card (or with kind="thumb" a teaser) per
    story, each kept until its story changes (articles/cards.py)."""
    return story_cards.render(kind, stories, **options)


@register.filter
def menu_path(request) -> str:
    """The path the primary menu marks as current: a page of its own (home, a section), or
    "" on every other page, whose menu is then one and the same."""
    match = getattr(request, "resolver_match", None)
    if match and match.view_name in {"articles:home", "articles:section"}:
        return request.path
    return ""


@register.simple_tag
def notification_stories() -> list[Article]:
    """The bell's stories: up to nine from the last 72 hours, newest first."""
    since = timezone.now() - NOTIFICATION_WINDOW
    live = Article.objects.live().filter(published_at__gte=since)
    stories = list(live.card_fields().newest_first()[:NOTIFICATION_COUNT])
    # In the header's fragment, whose keys are soft for the pages that show it.
    page_cache.depends_on_stories(stories, invalidation.ALL_STORIES)
    return stories


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    """`path` as a full URL on the host the page was requested from."""
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path


@register.simple_tag(takes_context=True)
def page_number_url(context, number: int) -> str:
    """This list's address for page `number`: `?page=N`, and the bare address for page 1."""
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    if number > 1:
        query["page"] = number
    return f"{request.path}?{query.urlencode()}" if query else request.path


@register.simple_tag
def article_body(article: Article, after_paragraphs: int = 3) -> tuple[str, str]:
    """The body split after its third paragraph (for the Read More box), dateline first.

    Each part is rendered for readers by articles.body (embeds as facades, library pictures,
    tables). Marking them safe is right only because the body was cleaned by
    articles.sanitize when it was saved; the dateline is escaped here.
    """
    body = article.body
    if article.dateline:
        label = format_html('<strong class="dateline">{}:</strong> ', article.dateline)
        body = f"<p>{label}{body[3:]}" if body.startswith("<p>") else f"<p>{label}</p>{body}"
    head, tail = split_after_paragraphs(body, after_paragraphs)
    hosts = Hosts()  # the allow-list of frame hosts, read once for both parts if needed
    return mark_safe(reader_html(head, hosts)), mark_safe(reader_html(tail, hosts))


@register.filter
def reader_body(html: str) -> str:
    """A standing page's stored body as readers get it (articles.body): embeds as facades,
    library pictures, tables that scroll. Safe only because the body was cleaned on save."""
    return mark_safe(reader_html(html))


@register.simple_tag
def share_links(url: str, title: str) -> list[tuple[str, str]]:
    """(network, share URL) for each network of LAYOUT.md, carrying the canonical URL."""
    u, t = quote(url, safe=""), quote(title, safe="")
    return [
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={u}"),
        ("Twitter", f"https://twitter.com/intent/tweet?url={u}&text={t}"),
        ("Whatsapp", f"https://api.whatsapp.com/send?text={t}%20{u}"),
        ("Telegram", f"https://t.me/share/url?url={u}&text={t}"),
    ]


@register.filter
def json_ld(data) -> str:
    """A JSON-LD script element; `<`, `>` and `&` escaped so no string can close it."""
    text = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.filter
def cookie_notice(text: str) -> str:
    """The cookie notice, escaped, with “Privacy Policy” and “Terms of Use” as links."""
    html = str(escape(text))
    for label, slug in (("Privacy Policy", "privacy-policy"), ("Terms of Use", "terms-of-use")):
        url = reverse("articles:page", args=[slug])
        html = html.replace(label, f'<a href="{url}">{label}</a>', 1)
    return mark_safe(html)
