from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from articles.models import SiteSettings


def site(request):
    """The site's identity for every template that uses it (the admin's do not): read once
    per process until it changes (saving it makes the page cache's new token), from the
    cache when the page cache is off.

    Named `site_settings`, not `site`: contrib.auth's views put their own `site` in the
    context, which would hide ours.
    """
    return {
        "site_settings": SimpleLazyObject(SiteSettings.shown),
        "current_year": timezone.localdate().year,
    }
