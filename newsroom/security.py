"""Content-Security-Policy per area: the reader site's strict policy, and the admin's own.

Reader pages (and account pages, feeds, errors) get `CONTENT_SECURITY_POLICY`: no inline
script or style, and no nonce. A reader page is cached whole and shared by every visitor
(articles/page_cache.py), so a nonce rendered into it would be stale in the header of the
next response, and public to everyone. This middleware sits outside the page cache, so a
page answered from the cache gets the same header as the response that stored it.

The admin is never cached. It gets `NEWSROOM_ADMIN_CSP`, whose script-src allows this
response's nonce: articles/admin/csp.py puts it on the body editor's inline import map.

A page with embeds allows its players' origins (articles/embeds/policy.py) through
attributes of its response, which the page cache keeps with the page; a 304 answering a
conditional GET keeps them too (`ConditionalGetMiddleware`), since a browser may update the
headers of its stored copy from a 304's.
"""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.middleware import http
from django.urls import NoReverseMatch, reverse

from articles.page_cache import KEPT_ATTRIBUTES


def is_admin(request: HttpRequest) -> bool:
    """Whether `request` is for a page of the admin site."""
    try:
        prefix = reverse("admin:index")
    except NoReverseMatch:
        return False
    return request.path.startswith(prefix)


def in_order(policy: str, order: list[str]) -> str:
    """`policy` with its directives in `order` (django-csp 4.0 joins them in set order, which
    differs between processes), any others after them."""
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    rank = {name: index for index, name in enumerate(order)}
    return "; ".join(
        sorted(directives, key=lambda d: (rank.get(d.split()[0], len(rank)), d.split()[0]))
    )


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy on the admin's pages."""

    def process_response(self, request: HttpRequest, response: HttpResponseBase):
        response = super().process_response(request, response)
        if HEADER in response:
            order = list(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
            response[HEADER] = in_order(response[HEADER], order)
        return response

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        # A view's own @csp(...) still wins (config is then set).
        if not report_only and parts.config is None and is_admin(request):
            parts.config = settings.NEWSROOM_ADMIN_CSP
        return parts


class ConditionalGetMiddleware(http.ConditionalGetMiddleware):
    """Django's, with a 304 carrying the attributes its page's headers are made from."""

    def process_response(self, request: HttpRequest, response: HttpResponseBase):
        answer = super().process_response(request, response)
        if answer is not response:
            for name in KEPT_ATTRIBUTES:
                if hasattr(response, name):
                    setattr(answer, name, getattr(response, name))
        return answer
