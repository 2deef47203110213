from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from articles.models import SiteSettings


def site(request):
    """The site's identity for every template; read only when a template uses it."""
    return {
        "site": SimpleLazyObject(SiteSettings.current),
        "current_year": timezone.localdate().year,
    }
