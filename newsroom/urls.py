import re

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from articles.admin.notifications import email_settings, inbox, mark_read
from articles.admin.view_on_site import view_on_site
from newsroom.media import serve_media

admin.site.site_header = "IndiaPost Live newsroom"
admin.site.site_title = "Newsroom"
admin.site.index_title = "Newsroom"
# Staff sign in where readers do (same rate limits, sign-in by code); the admin's own
# login page only sends them there, and a signed-in reader gets 403 "no access".
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    # Before the admin's own "view on site", which would name unpublished stories to any staff.
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
        name="view_on_site",
    ),
    path("admin/notifications/", admin.site.admin_view(inbox), name="notifications"),
    path("admin/notifications/read/", admin.site.admin_view(mark_read), name="notifications_read"),
    path(
        "admin/notifications/settings/",
        admin.site.admin_view(email_settings),
        name="notification_settings",
    ),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("articles.urls")),
]

if settings.NEWSROOM_BENCH:
    # The benchmark's framework ceiling (bench/), before the articles' catch-all page slug.
    from newsroom.bench_views import bench_ceiling

    urlpatterns.insert(-1, path("bench/ceiling/<int:size>/", bench_ceiling, name="bench_ceiling"))

if settings.SERVE_MEDIA:
    # In production media comes from the web server or object storage, never from Django:
    # only development and one-machine setups (DJANGO_SERVE_MEDIA=1) serve it here.
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns.insert(0, re_path(rf"^{media_prefix}(?P<path>.+)$", serve_media))
