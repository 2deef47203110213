"""Which page of a list a reader asked for: one address per page, anything else a 404.

Page 1 is the list's bare address; `?page=1` answers with a 301 to it, so caches and
crawlers see one address per page (a canonical link alone would still leave two copies to
render and store). Pages 2 and on are `?page=N`, N written as we write it; anything else
(`?page=abc`, `?page=0`, `?page=02`, a page past the last) is a 404, never a 500 and never
some other page under a new address.
"""

import re

from django.core.paginator import InvalidPage
from django.http import Http404, HttpResponsePermanentRedirect

PER_PAGE = 20
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


def requested_page(request, parameter: str = "page") -> int:
    """The page number the query string asks for (1 without one); Http404 if it is malformed."""
    value = request.GET.get(parameter)
    if value is None:
        return 1
    if not PAGE_NUMBER.fullmatch(value):
        raise Http404("No such page.")
    return int(value)


class NumberedPages:
    """A ListView's pages at `?page=N`, as the module says."""

    paginate_by = PER_PAGE

    def get(self, request, *args, **kwargs):
        if request.GET.get("page") == "1":
            query = request.GET.copy()
            del query["page"]
            rest = query.urlencode()
            return HttpResponsePermanentRedirect(f"{request.path}?{rest}" if rest else request.path)
        return super().get(request, *args, **kwargs)

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        try:
            page = paginator.page(requested_page(self.request))
        except InvalidPage:
            raise Http404("No such page.") from None
        return paginator, page, page.object_list, page.has_other_pages()
