from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from articles.models import SiteSettings


def site(request):
    """The site's identity for every template; read only when a template uses it.

    Named `site_settings`, not `site`: contrib.auth's views put their own `site` in the
    context, which would hide ours.
    """
    return {
        "site_settings": SimpleLazyObject(SiteSettings.current),
        "current_year": timezone.localdate().year,
    }
