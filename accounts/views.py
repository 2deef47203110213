"""A reader's own pages: account overview, Saved stories, For You, save and follow.

Reader pages are the same for everyone (DESIGN.md), so their save and follow controls are
links to the small pages here, which hold the POST form and its CSRF token. The page's
script reads `/accounts/state/` and posts to the same URLs asking for JSON. Everything
here belongs to one visitor, so nothing here may be cached.
"""

from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import ListView, TemplateView

from articles.models import Article
from articles.pagination import NumberedPages

from . import pending, personal

MAX_STATE_IDS = 100
MAX_ID = 2**63 - 1  # the largest primary key the database holds; larger ones are junk

# Each page varies by visitor: neither the browser's cache nor a shared one may keep it.
private = cache_control(private=True, no_store=True)
private_page = method_decorator(private, "dispatch")


def wants_json(request) -> bool:
    """Whether the page's script asked (browsers' own Accept headers never name JSON)."""
    return "application/json" in request.headers.get("Accept", "")


def safe_next(request, url: str | None) -> str | None:
    """`url` if it leads back to this site (same host, and https if this request is)."""
    allowed = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if allowed else None


def url_or(name: str, fallback: str) -> str:
    """The URL named `name`, or `fallback` while that app is not wired in."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return fallback


class StoryPages(NumberedPages):
    """A card list paginated as the reader pages are (articles/pagination.py)."""

    context_object_name = "articles"


@private_page
class OverviewView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/overview.html"


@private_page
class SavedStoriesView(LoginRequiredMixin, StoryPages, ListView):
    template_name = "accounts/saved.html"

    def get_queryset(self):
        return personal.saved_stories(self.request.user).for_cards()


@private_page
class ForYouView(LoginRequiredMixin, StoryPages, ListView):
    template_name = "accounts/for_you.html"

    def get_queryset(self):
        return personal.for_you(self.request.user).for_cards()

    def get_context_data(self, **kwargs):
        follows = list(personal.follows_of(self.request.user))
        context = {"follows": follows}
        if not follows:
            context["suggested_sections"] = personal.suggested_sections()
            context["popular_tags"] = personal.popular_tags()
        return super().get_context_data(**context, **kwargs)


class ToggleForm(forms.Form):
    """The save/follow pages' form: which action, and where to go afterwards."""

    action = forms.ChoiceField(widget=forms.HiddenInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)

    def __init__(self, *args, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [(action, action) for action in actions]


@private_page
class ToggleView(View):
    """GET: a page with the form for the action that applies. POST: do it, then go back.

    POST answers `{json_key: state}` instead of a redirect when the script asks for JSON.
    Both are idempotent: doing an action twice leaves one row, undoing a missing one is fine.
    """

    template_name = "accounts/toggle.html"
    on_action = ""  # the action that turns the state on ("save", "follow")
    off_action = ""
    json_key = ""

    def get_target(self):
        raise NotImplementedError

    def look_up(self) -> bool:
        """Whether the action is on now (saved, followed)."""
        raise NotImplementedError

    def wish(self) -> list:
        """The action that turns the state on, as accounts/pending.py keeps it."""
        raise NotImplementedError

    def is_on(self) -> bool:
        if not hasattr(self, "_on"):
            # Nobody is signed in: the form offers to turn it on, after signing in.
            self._on = self.request.user.is_authenticated and self.look_up()
        return self._on

    def turn(self, on: bool) -> None:
        raise NotImplementedError

    def target_url(self) -> str:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        self.target = self.get_target()
        if request.method == "POST" and not request.user.is_authenticated:
            return self.sign_in_first(request)
        return super().dispatch(request, *args, **kwargs)

    def sign_in_first(self, request):
        """Keep the action for the sign-in to do (accounts/pending.py), and go to sign in.

        Then back to this page (with its `next`); JSON for the script.
        """
        if request.POST.get("action") == self.on_action:
            pending.remember(request, self.wish())
        back = request.path
        wanted = safe_next(request, request.POST.get("next"))
        if wanted:
            back += "?next=" + quote(wanted, safe="/")
        if wants_json(request):
            login = redirect_to_login(back)["Location"]
            return JsonResponse({"error": "Sign in first.", "sign_in": login}, status=401)
        return redirect_to_login(back)

    def get(self, request, *args, **kwargs):
        next_url = safe_next(request, request.GET.get("next")) or self.target_url()
        return self.render(self.make_form(initial={"next": next_url}))

    def post(self, request, *args, **kwargs):
        form = self.make_form(data=request.POST)
        if not form.is_valid():
            if wants_json(request):
                return JsonResponse({"error": "Unknown action."}, status=400)
            return self.render(self.make_form(), status=400)
        on = form.cleaned_data["action"] == self.on_action
        self.turn(on)
        if wants_json(request):
            return JsonResponse({self.json_key: on})
        return redirect(safe_next(request, form.cleaned_data["next"]) or self.target_url())

    def make_form(self, data=None, initial=None) -> ToggleForm:
        initial = {"action": self.off_action if self.is_on() else self.on_action, **(initial or {})}
        return ToggleForm(data, initial=initial, actions=[self.on_action, self.off_action])

    def render(self, form, status: int = 200) -> HttpResponse:
        context = {
            "form": form,
            "on": self.is_on(),
            "target_url": self.target_url(),
            **self.context(),
        }
        return TemplateResponse(self.request, self.template_name, context, status=status)

    def context(self) -> dict:
        return {}


class SaveView(ToggleView):
    """Save a live story for later, or take it out of the saved stories."""

    on_action, off_action, json_key = "save", "remove", "saved"

    def get_target(self):
        return get_object_or_404(Article.objects.live(), pk=self.kwargs["article_id"])

    def look_up(self) -> bool:
        return personal.is_saved(user=self.request.user, article=self.target)

    def wish(self) -> list:
        return ["save", self.target.pk]

    def turn(self, on: bool) -> None:
        change = personal.save_story if on else personal.remove_saved_story
        change(user=self.request.user, article=self.target)

    def target_url(self) -> str:
        return self.target.get_absolute_url()

    def context(self) -> dict:
        return {
            "kind": "story",
            "title": self.target.headline,
            "label": "Saved stories",
            "button": "Remove from saved" if self.is_on() else "Save story",
            "back_label": "Back to the story",
        }


class FollowView(ToggleView):
    """Follow a section, tag or author, or stop following it."""

    on_action, off_action, json_key = "follow", "unfollow", "following"

    def get_target(self):
        self.kind = personal.follow_kind(self.kwargs["kind"])
        if self.kind is None:
            raise Http404("Only sections, tags and authors can be followed.")
        return self.kind.get(self.kwargs["slug"])

    def look_up(self) -> bool:
        return personal.is_following(
            user=self.request.user, kind=self.kind.name, target=self.target
        )

    def wish(self) -> list:
        return ["follow", self.kind.name, self.target.slug]

    def turn(self, on: bool) -> None:
        change = personal.follow if on else personal.unfollow
        change(user=self.request.user, kind=self.kind.name, target=self.target)

    def target_url(self) -> str:
        return self.kind.url(self.target)

    def context(self) -> dict:
        return {
            "kind": self.kind.name,
            "title": self.target.name,
            "label": f"Follow a{'n' if self.kind.name == 'author' else ''} {self.kind.name}",
            "button": "Unfollow" if self.is_on() else "Follow",
            "back_label": f"Back to the {self.kind.name} page",
        }


def asked_ids(request) -> list[int]:
    """The article ids in `?articles=1,2,3`: at most 100, junk ignored, never an error."""
    ids: list[int] = []
    for value in ",".join(request.GET.getlist("articles")).split(","):
        value = value.strip()
        if value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID:
            ids.append(int(value))
            if len(ids) == MAX_STATE_IDS:
                break
    return list(dict.fromkeys(ids))


@require_GET
@private
def state(request) -> JsonResponse:
    """What the page's script needs to draw the personal bits of a shared, cached page."""
    user = request.user
    signed_in = user.is_authenticated
    overview = reverse("accounts:overview")
    data = {
        "authenticated": signed_in,
        "name": (user.name or user.email.split("@")[0]) if signed_in else "",
        # Only for a signed-in reader: an anonymous visitor gets no CSRF cookie from here.
        "csrf_token": get_token(request) if signed_in else "",
        "saved": personal.saved_among(user, asked_ids(request)) if signed_in else [],
        "following": (
            personal.followed_slugs(user) if signed_in else {kind: [] for kind in personal.KINDS}
        ),
        # Reader pages show no messages (they are the same for everyone): the script does.
        "messages": [
            {"level": message.level_tag, "text": str(message)}
            for message in messages.get_messages(request)
        ],
        "links": {
            "overview": overview,
            "saved": reverse("accounts:saved"),
            "for_you": reverse("accounts:for_you"),
            "account": url_or("account_email", overview),
            "sign_out": url_or("account_logout", overview),
        },
    }
    return JsonResponse(data)
