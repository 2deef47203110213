from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "IndiaPost Live newsroom"
admin.site.site_title = "Newsroom"
admin.site.index_title = "Newsroom"
# Staff sign in where readers do (same rate limits, sign-in by code); the admin's own
# login page only sends them there, and a signed-in reader gets 403 "no access".
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    # In production media comes from the web server or object storage, never from Django.
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
