from django.utils import timezone

from articles import page_cache
from articles.models import SiteSettings


def site(request):
    """The site's identity for every template: read once per process until it changes
    (saving it makes the page cache's new token), from the cache when the page cache is off.

    Named `site_settings`, not `site`: contrib.auth's views put their own `site` in the
    context, which would hide ours.
    """
    return {
        "site_settings": page_cache.per_version("site-settings", SiteSettings.current),
        "current_year": timezone.localdate().year,
    }
