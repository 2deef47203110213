"""Uploaded files served by Django, for one-machine setups only (DJANGO_SERVE_MEDIA=1).

Production serves MEDIA_ROOT from nginx or object storage. `make serve` and the benchmark
run with no web server in front, so there Django answers /media/ itself.
"""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve

# A stored file's name never changes meaning: a new upload gets a new name.
MEDIA_MAX_AGE = 24 * 60 * 60


@require_safe
def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    """The file at `path` under MEDIA_ROOT (GET and HEAD only; never outside MEDIA_ROOT)."""
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError:
        # A name the file system refuses (longer than it allows, say) is no file: 404, not 500.
        raise Http404("No such file.") from None
    patch_cache_control(response, public=True, max_age=MEDIA_MAX_AGE)
    return response
