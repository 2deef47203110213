"""A bare Django view with no project middleware: the reference of the benchmark's shares.

The ceiling (`newsroom/bench_views.py`) runs through the project's middleware; this runs the
same view in a Django with nothing around it (no middleware, no apps, no database), under
the same gunicorn configuration, so "a share of a bare Django view" means what the
framework alone costs on this machine, measured side by side with the pages.

    gunicorn -c newsroom/gunicorn_conf.py bench.bare:application
"""

import secrets

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY=secrets.token_urlsafe(50),
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    USE_TZ=True,
)

from django.core.wsgi import get_wsgi_application  # noqa: E402  (after the settings)
from django.urls import path  # noqa: E402

from newsroom.bench_views import bench_ceiling  # noqa: E402

urlpatterns = [path("bare/<int:size>/", bench_ceiling)]
application = get_wsgi_application()
