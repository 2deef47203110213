"""`Last-Modified` for the documents that list stories for machines: feeds, the news sitemap.

Django dates them by their newest item, and that date moves back when the newest story is
unpublished: a reader or crawler sending the old date in `If-Modified-Since` would then be
told (304) that nothing changed. They carry instead the last time content readers see
changed, kept by the page cache's content version, which never moves back.
"""

from functools import wraps

from django.utils.decorators import method_decorator
from django.utils.http import http_date

from .page_cache import content_changed_at


def _dated_by_last_change(view):
    """Wrap `view`: a 200 answer's Last-Modified is the last content change."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        response = view(*args, **kwargs)
        if response.status_code == 200:
            response["Last-Modified"] = http_date(content_changed_at())
        return response

    return wrapper


# On a view class, as `views.public_page` is: it decorates the class's dispatch.
last_change_dated = method_decorator(_dated_by_last_change, "dispatch")
