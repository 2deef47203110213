"""Content-Security-Policy per area: the reader site's strict policy, and the admin's own.

Reader pages (and account pages, feeds, errors) get `CONTENT_SECURITY_POLICY`: no inline
script or style, and no nonce. A reader page is cached whole and shared by every visitor
(articles/page_cache.py), so a nonce rendered into it would be stale in the header of the
next response, and public to everyone. The page cache stands before this middleware and
keeps a page with the headers it made, so a page answered from the cache carries the same
header as the response that stored it.

The admin is never cached. It gets `NEWSROOM_ADMIN_CSP`, whose script-src allows this
response's nonce: articles/admin/csp.py puts it on the body editor's inline import map.

A page with embeds allows its players' origins (articles/embeds/policy.py) through
attributes of its response (`POLICY_SOURCES`); a 304 answering a conditional GET keeps them
too (`ConditionalGetMiddleware`), since a browser may update the headers of its stored copy
from a 304's.
"""

import functools
import hashlib

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase
from django.middleware import http
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.http import quote_etag


@functools.lru_cache(maxsize=64)
def _admin_prefix(urlconf: str | None, script_prefix: str) -> str | None:
    try:
        return reverse("admin:index", urlconf=urlconf)
    except NoReverseMatch:
        return None


def is_admin(request: HttpRequest) -> bool:
    """Whether `request` is for a page of the admin site."""
    # Remembered: a reverse() per response was a tenth of a page answered from the cache.
    prefix = _admin_prefix(getattr(request, "urlconf", None), get_script_prefix())
    return prefix is not None and request.path.startswith(prefix)


def in_order(policy: str, order: list[str]) -> str:
    """`policy` with its directives in `order` (django-csp 4.0 joins them in set order, which
    differs between processes), any others after them."""
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    rank = {name: index for index, name in enumerate(order)}
    return "; ".join(
        sorted(directives, key=lambda d: (rank.get(d.split()[0], len(rank)), d.split()[0]))
    )


# What the players a page with embeds allows travel in (articles/embeds/policy.py).
POLICY_SOURCES = ("_csp_replace", "_permissions_policy_override")
# What a response may carry that changes its policy (django-csp's decorators, the embeds').
POLICY_ATTRIBUTES = tuple(
    f"_csp_{name}{ro}" for name in ("config", "update", "replace", "exempt") for ro in ("", "_ro")
)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy on the admin's pages.

    Without a nonce, the headers depend only on the area, the response's policy attributes
    and whether it has the headers already: they are built once per process for each such
    set and then copied (building them was a third of a page answered from the cache).
    """

    _built: dict[tuple, tuple[str | None, str | None]] = {}

    def process_response(self, request: HttpRequest, response: HttpResponseBase):
        key = self._key(request, response)
        built = self._built.get(key) if key is not None else None
        if built is None:
            response = self._build(request, response)
            if key is not None and len(self._built) < 1000:
                self._built[key] = (response.get(HEADER), response.get(HEADER_REPORT_ONLY))
            return response
        for header, value in zip((HEADER, HEADER_REPORT_ONLY), built, strict=True):
            if value is not None:
                response[header] = value
        # As django-csp does once the header is written: a nonce asked for later is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def _build(self, request: HttpRequest, response: HttpResponseBase):
        response = super().process_response(request, response)
        if HEADER in response:
            order = list(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
            response[HEADER] = in_order(response[HEADER], order)
        return response

    def _key(self, request: HttpRequest, response: HttpResponseBase) -> tuple | None:
        """What the headers are made from, or None when they must be built (a nonce, the
        debug pages, prefixes excluded by path)."""
        if getattr(request, "_csp_nonce", None) is not None or settings.DEBUG:
            return None
        for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY"):
            if (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES"):
                return None
        return (
            is_admin(request),
            HEADER in response,
            HEADER_REPORT_ONLY in response,
            *(repr(getattr(response, name, None)) for name in POLICY_ATTRIBUTES),
        )

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        # A view's own @csp(...) still wins (config is then set).
        if not report_only and parts.config is None and is_admin(request):
            parts.config = settings.NEWSROOM_ADMIN_CSP
        return parts


@receiver(setting_changed)
def _forget_built_policies(setting, **kwargs) -> None:
    """Tests that change a policy's settings get headers built from the new ones."""
    if "CSP" in setting or "CONTENT_SECURITY" in setting or setting in {"DEBUG", "ROOT_URLCONF"}:
        ContentSecurityPolicyMiddleware._built.clear()
        _admin_prefix.cache_clear()


def set_etag(response: HttpResponseBase) -> None:
    """A strong ETag from the body, as Django's `set_response_etag` makes, with SHA-256 in
    place of MD5: on processors with SHA instructions it hashes a 70 KB page in 35 µs where
    MD5 takes 80 (a story page rendered from its parts takes about 600 µs in all)."""
    if not response.streaming and response.content:
        digest = hashlib.sha256(response.content).hexdigest()[:32]
        response.headers["ETag"] = quote_etag(digest)


class ConditionalGetMiddleware(http.ConditionalGetMiddleware):
    """Django's, with a 304 carrying the attributes its page's headers are made from, and
    the ETag of `set_etag`."""

    def process_response(self, request: HttpRequest, response: HttpResponseBase):
        if self.needs_etag(response) and not response.has_header("ETag"):
            set_etag(response)
        answer = super().process_response(request, response)
        if answer is not response:
            for name in POLICY_SOURCES:
                if hasattr(response, name):
                    setattr(answer, name, getattr(response, name))
        return answer
