"""Settings for Newsroom, read from the environment with safe embedded defaults.

With nothing set, the site runs for development: SQLite in the project folder,
a local-memory cache, e-mail printed on the console and media on disk. Production
sets DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL and
REDIS_URL (see docs/environment.md and .env.example).
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.log import DEFAULT_LOGGING
from django_prose_editor.config import add_allowed_classes, add_tags_and_attributes, html_tags
from js_asset.js import static_lazy
from whitenoise.compress import Compressor

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    """The environment variable `name`, stripped, or `default` when unset or blank."""
    return os.environ.get(name, "").strip() or default


def env_bool(name: str, default: bool) -> bool:
    value = env(name)
    if not value:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {value!r}."
    )


def env_list(name: str, default: list[str]) -> list[str]:
    value = env(name)
    return [item.strip() for item in value.split(",") if item.strip()] if value else default


DEBUG = env_bool("DJANGO_DEBUG", default=True)

SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG=0 the site refuses to start "
            "without a secret key: set DJANGO_SECRET_KEY to a long random string "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    # Only ever used with DEBUG on, on a developer's machine.
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "taggit",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_prose_editor",
    "csp",
    "simple_history",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "accounts",
    "articles",
]

# Widgets render through TEMPLATES, so templates/ can hold our own widget templates.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from STATIC_ROOT, compressed and cached far ahead, before any
    # other middleware does work for them.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Reader pages from the shared cache, before everything else a page that is the same for
    # everyone does not need: it keeps each page with every header the middleware below gave
    # it (security policies, ETag), answers conditional GETs itself, and lets an old post's
    # address (`/?p=123`) through to the redirects.
    "articles.page_cache.PageCacheMiddleware",
    # Security headers: Content-Security-Policy (reader pages' or the admin's:
    # newsroom/security.py), Permissions-Policy and X-Frame-Options.
    "newsroom.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Old (WordPress) addresses that would be a 404 → 301 to the story. Inside CommonMiddleware,
    # so its APPEND_SLASH redirect never comes before ours.
    "articles.redirects.LegacyURLMiddleware",
    # ETags for every page, answering a matching conditional GET with 304 (which keeps the
    # page's own Content-Security-Policy and Permissions-Policy: newsroom/security.py).
    "newsroom.security.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.PrivatePagesMiddleware",
    # Staff who can publish reach the admin only with a second factor (accounts/mfa.py).
    "accounts.mfa.StaffSecondFactorMiddleware",
    # Revisions record who saved: the signed-in user of the request that saved.
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while a writer saves; the timeout waits out a short lock
    # instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, but an unreachable Redis is a cache miss, not a 500
            # (newsroom/cache.py); short timeouts, so a dead server does not stall pages.
            "BACKEND": "newsroom.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("DJANGO_CACHE_PREFIX", "newsroom"),
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
elif DEBUG:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # Without Redis, the workers of one machine still share one cache: files on local disk.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("DJANGO_CACHE_DIR", str(BASE_DIR / ".cache")),
            "OPTIONS": {"MAX_ENTRIES": 20_000, "CULL_FREQUENCY": 4},
        }
    }

# Reader pages kept whole in the cache (articles/page_cache.py); off for debugging them.
NEWSROOM_PAGE_CACHE = env_bool("NEWSROOM_PAGE_CACHE", default=True)
# Pages are kept per release (articles/page_cache.py): a deploy's name, its commit say, or
# by default a digest of the code and templates taken when a process starts.
NEWSROOM_RELEASE = env("NEWSROOM_RELEASE", "")
# A change replaces the pages it touches at once: this only bounds what the cache holds.
NEWSROOM_PAGE_CACHE_SECONDS = int(env("NEWSROOM_PAGE_CACHE_SECONDS", "3600"))
# A change replaces only the pages that show it ("targeted"), or every page ("global": the
# design before, kept for the benchmark's comparison). The site-wide boxes (the bell, Latest
# beside a story) on a page may be this many seconds older than the change that moved them:
# site.js brings them up to date from /site-parts/, so only readers without it see that.
NEWSROOM_PAGE_CACHE_INVALIDATION = env("NEWSROOM_PAGE_CACHE_INVALIDATION", "targeted")
NEWSROOM_PAGE_CACHE_SOFT_SECONDS = int(env("NEWSROOM_PAGE_CACHE_SOFT_SECONDS", "1800"))
if NEWSROOM_PAGE_CACHE_INVALIDATION not in {"targeted", "global"}:
    raise ImproperlyConfigured(
        "NEWSROOM_PAGE_CACHE_INVALIDATION must be targeted or global, not "
        f"{NEWSROOM_PAGE_CACHE_INVALIDATION!r}."
    )
# The benchmark's switches: a minimal "ceiling" view, and uncached pages on request.
NEWSROOM_BENCH = env_bool("NEWSROOM_BENCH", default=False)

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    # Sign-in by email, by emailed code, rate limits: one sign-in for readers and staff.
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# django-allauth: readers and staff sign in with their email address, by password or by a
# code sent by email; addresses must be verified (by link) before the first sign-in.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
# As slow for an address that has an account as for a new one (accounts/signup.py).
ACCOUNT_FORMS = {"signup": "accounts.signup.SignupForm"}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True  # one address per account; changing it verifies the new one
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_SESSION_REMEMBER = None  # "Remember me" is the reader's choice
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_NOTIFICATIONS = True  # password and email changes are confirmed by email
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# Behind nginx or a CDN, the number of proxies whose X-Forwarded-For is trusted: without it
# every reader shares the proxy's address, and its rate limit (DEPENDENCIES.md, trap 4).
ALLAUTH_TRUSTED_PROXY_COUNT = int(env("ALLAUTH_TRUSTED_PROXY_COUNT", "0"))
# Rate limits (allauth's, in the cache, by the client address read as above), the rest left
# at allauth's defaults. Failed sign-ins: ten a minute from one address, and five in five
# minutes from one address to one account: the adapter makes "key" the address and the
# account together (accounts/adapter.py), so guessing from one address never locks the owner
# out elsewhere. The contact form: five messages an hour from one address (articles/views.py).
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key", "contact": "5/h/ip"}

# Second factor (allauth.mfa): an authenticator app (TOTP) with recovery codes, or a passkey
# / security key (WebAuthn), which also signs in on its own. Offered to everyone; required
# before the admin for staff who can publish (accounts/mfa.py). Off by default with DEBUG on,
# so `make run`'s demo sign-ins stay a password; production has it unless told otherwise.
NEWSROOM_REQUIRE_STAFF_MFA = env_bool("NEWSROOM_REQUIRE_STAFF_MFA", default=not DEBUG)
MFA_ADAPTER = "accounts.mfa.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
# A phone's clock drifts: the code of the 30 seconds before or after is accepted too (each
# code still works once).
MFA_TOTP_TOLERANCE = 1

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env("DJANGO_TIME_ZONE", "Asia/Kolkata")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "newsroom" / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
# Media in an S3-compatible bucket (docs/object-storage.md), shared by every server, when a
# bucket is named; otherwise on this machine's disk, under MEDIA_ROOT.
NEWSROOM_MEDIA_S3_BUCKET = env("NEWSROOM_MEDIA_S3_BUCKET")
# Where readers' browsers fetch media from (a CDN in front of the bucket): a file's address
# is this, then its key in the bucket. Unset, addresses point at the bucket's endpoint.
NEWSROOM_MEDIA_URL = env("NEWSROOM_MEDIA_URL").rstrip("/")
MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# The origins media come from when not this site's own: the Content-Security-Policy's
# img-src allows them, or browsers would refuse every picture.
NEWSROOM_MEDIA_ORIGINS: list[str] = []
if NEWSROOM_MEDIA_URL and not NEWSROOM_MEDIA_S3_BUCKET:
    raise ImproperlyConfigured(
        "NEWSROOM_MEDIA_URL is the address of media kept in a bucket: set "
        "NEWSROOM_MEDIA_S3_BUCKET too, or unset it to keep media on this machine's disk."
    )
if NEWSROOM_MEDIA_S3_BUCKET:
    _media_prefix = env("NEWSROOM_MEDIA_S3_PREFIX").strip("/")
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": NEWSROOM_MEDIA_S3_BUCKET,
            "location": _media_prefix,
            # Empty: boto3 finds the keys itself (AWS_ACCESS_KEY_ID, ~/.aws, an instance role).
            "access_key": env("NEWSROOM_MEDIA_S3_ACCESS_KEY_ID") or None,
            "secret_key": env("NEWSROOM_MEDIA_S3_SECRET_ACCESS_KEY") or None,
            "endpoint_url": env("NEWSROOM_MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": env("NEWSROOM_MEDIA_S3_REGION") or None,
            # "path" for servers that cannot take the bucket in the host name (some MinIOs).
            "addressing_style": env("NEWSROOM_MEDIA_S3_ADDRESSING_STYLE") or None,
            # Pages are cached whole and shared: a signed address in one would expire there.
            "querystring_auth": False,
            # Two uploads of photo.jpg are two pictures, as on disk: never one replacing the
            # other (the renditions' race check in articles/images.py relies on it too).
            "file_overwrite": False,
            # A stored name never changes meaning (a new upload gets a new name): the CDN
            # and browsers keep a file as long as Django's own /media/ answers say.
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }
    if NEWSROOM_MEDIA_URL:
        _media_address = urlsplit(NEWSROOM_MEDIA_URL)
        if _media_address.scheme not in {"http", "https"} or not _media_address.netloc:
            raise ImproperlyConfigured(
                "NEWSROOM_MEDIA_URL must be a full address, such as "
                f"https://media.example.com; got {NEWSROOM_MEDIA_URL!r}."
            )
        MEDIA_STORAGE["OPTIONS"] |= {
            "custom_domain": _media_address.netloc + _media_address.path,
            "url_protocol": f"{_media_address.scheme}:",
        }
        MEDIA_URL = f"{NEWSROOM_MEDIA_URL}/{_media_prefix + '/' if _media_prefix else ''}"
        NEWSROOM_MEDIA_ORIGINS = [f"{_media_address.scheme}://{_media_address.netloc}"]
# Django answers /media/ itself only when asked: for one-machine setups (`make serve`, the
# benchmark) with no web server in front. Production serves media from nginx or object
# storage. On by default only in development, as before; never with a bucket, whose files
# are not under MEDIA_ROOT.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", default=DEBUG) and not NEWSROOM_MEDIA_S3_BUCKET
STORAGES = {
    "default": MEDIA_STORAGE,
    # In production (after `collectstatic`), file names carry a hash of their content, and a
    # gzip and a brotli copy of each lie beside them, for whitenoise to serve.
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# whitenoise: a hashed name is cached for ten years ("immutable"); the same file under its
# unhashed name (still served, for anything that links to it) may change at the next deploy,
# so a minute. In development (and tests) files are found where they are, on each request.
WHITENOISE_MAX_AGE = 0 if DEBUG else 60
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG
# Source maps are fetched by developer tools only: compressing the editor's 2 MB map
# doubled the time collectstatic takes.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

EMAIL_HOST = env("DJANGO_EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(env("DJANGO_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", default=True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "IndiaPost Live <newsroom@example.com>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Where emails link to (the admin's change form of a story): the site's address as staff
# reach it, with no trailing slash.
NEWSROOM_SITE_URL = env("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background jobs (django-tasks, the backport of Django 6's tasks): emails, picture copies and
# the "your story is live" notice. Under DEBUG (`make run`) a job runs at once, in the request;
# otherwise it is a row in the database that `manage.py run_jobs` (started by bin/serve) runs.
# A failed email is enqueued again later (articles/tasks.py); failures are listed in the admin.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if env_bool("DJANGO_TASKS_IMMEDIATE", default=DEBUG)
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

TAGGIT_CASE_INSENSITIVE = True

# The body editor's own extensions (django-prose-editor): ES modules under
# articles/static/articles/admin/editor/, enabled by name in articles.admin.forms.BODY_EDITOR.
# Each maps to what it writes (the package's allow-list format; articles.sanitize decides).
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        # Tables with caption and header row, pull quotes, clean paste (docs/rich-bodies.md).
        "js": [
            static_lazy("articles/admin/editor/table.js"),
            static_lazy("articles/admin/editor/pullquote.js"),
            static_lazy("articles/admin/editor/paste.js"),
        ],
        "extensions": {
            "CaptionedTable": html_tags(
                ["table", "caption", "thead", "tbody", "tr", "th", "td"],
                {"th": ["colspan", "rowspan"], "td": ["colspan", "rowspan"]},
            ),
            "PullQuote": lambda config, shared: (
                add_tags_and_attributes(shared, ["blockquote", "p"], None),
                add_allowed_classes(shared, {"blockquote": ["pull-quote"]}),
            ),
            "CleanPaste": html_tags([]),
        },
    },
    {
        # A picture of the media library inside the body, and its picker (docs/rich-bodies.md).
        "js": [static_lazy("articles/admin/editor/picture.js")],
        "extensions": {
            "LibraryPicture": html_tags(["figure", "figcaption"], {"figure": ["data-picture"]}),
        },
    },
    {
        # Embeds: the Embed button, and a provider's address pasted on its own line
        # (docs/rich-bodies.md; articles.embeds checks them).
        "js": [static_lazy("articles/admin/editor/embed.js")],
        "extensions": {
            "Embed": html_tags(["figure", "figcaption"], {"figure": ["data-embed", "data-id"]}),
        },
    },
]

# Security (docs/security.md). Headers on every response: no MIME sniffing, no framing, the
# origin only to other sites, a window of our own.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF cookie: the page script takes the token from /accounts/state/.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    # http -> https. A site on plain http (DJANGO_SECURE_COOKIES=0: `make serve`, the
    # benchmark) is not redirected unless asked.
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=SESSION_COOKIE_SECURE)
    SECURE_HSTS_SECONDS = int(env("DJANGO_SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)

# Whether a request came over https is taken from X-Forwarded-Proto only when the deployment
# says a proxy in front sets that header on every request (README "Behind nginx"): anyone
# can send it, and a page rendered for a forged scheme would carry its links to everyone.
# gunicorn reads no such header itself (newsroom/gunicorn_conf.py).
NEWSROOM_BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", default=False)
if NEWSROOM_BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp). Reader pages are cached whole and shared by everyone
# (articles/page_cache.py), so they carry no nonce and need none: no inline script or style
# anywhere on them. Only the admin, never cached, has a nonce (newsroom/security.py).
# e.g. a CDN that serves media; the media URL's own origin is always allowed.
NEWSROOM_CSP_EXTRA_IMG_SRC = [*NEWSROOM_MEDIA_ORIGINS, *env_list("DJANGO_CSP_IMG_SRC", [])]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *NEWSROOM_CSP_EXTRA_IMG_SRC],
        "font-src": [SELF],
        "connect-src": [SELF],
        # No frames; a page with embeds allows exactly its players' origins, after the
        # reader's click (articles/embeds/policy.py).
        "frame-src": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# The admin's: the body editor's inline import map carries the nonce, its inline styles
# need 'unsafe-inline' (which a nonce in style-src would switch off), and a chosen image is
# previewed from a blob: URL.
NEWSROOM_ADMIN_CSP = CONTENT_SECURITY_POLICY["DIRECTIVES"] | {
    "script-src": [SELF, NONCE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", *NEWSROOM_CSP_EXTRA_IMG_SRC],
}
# Powerful features no page of ours uses are off, for us and anything we embed. A page with
# embeds grants the few its players need (autoplay, encrypted-media, fullscreen,
# picture-in-picture) to their origins only: the reasons are in articles/embeds/policy.py.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Uploaded images (articles/uploads.py): real JPEG, PNG, WebP or GIF pictures only, within
# these limits (Pillow refuses to open anything much larger: decompression bombs).
NEWSROOM_UPLOAD_MAX_BYTES = int(float(env("NEWSROOM_UPLOAD_MAX_MB", "15")) * 1024 * 1024)
NEWSROOM_UPLOAD_MAX_PIXELS = int(float(env("NEWSROOM_UPLOAD_MAX_MEGAPIXELS", "40")) * 1_000_000)

# Every record reaches the console once, through the root logger. Django applies its own
# configuration first, whose `django` logger has a console handler of its own under DEBUG
# (and one mailing ADMINS, which we have none of): with the root's too, every "Not Found"
# and "Watching for file changes" was printed twice. Naming `django` here takes its
# handlers away; runserver's request lines (`django.server`) keep Django's format.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"django.server": DEFAULT_LOGGING["formatters"]["django.server"]},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": DEFAULT_LOGGING["handlers"]["django.server"],
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": []},
        "django.server": DEFAULT_LOGGING["loggers"]["django.server"],
    },
}
