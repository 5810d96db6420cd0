"""Settings for the interview archive: one file, driven by the environment.

Every variable is listed in the README. Development defaults are safe; with DJANGO_DEBUG off
(the default) a missing secret key stops start-up instead of running with a public one.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

DATA_DIR = Path(env("ARCHIVE_DATA_DIR", default=str(BASE_DIR / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)  # a new data directory just works
DEBUG = env.bool("DJANGO_DEBUG", default=False)


def _secret_key() -> str:
    if key := env("DJANGO_SECRET_KEY", default=""):
        return key
    # `make run` writes a random key here on first start, so a fresh clone serves safely.
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    if DEBUG:
        return "insecure-development-key"
    raise ImproperlyConfigured(f"Set DJANGO_SECRET_KEY or write a key to {key_file} (DJANGO_DEBUG is off).")


SECRET_KEY = _secret_key()
# The default is this machine only; Django's test client adds "testserver" itself, so no
# test-only name reaches a deployment (checks.py warns if one is configured there).
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# The address permalinks, citations and social cards are built from when no request is at
# hand; behind a proxy, set it to the public address.
SITE_URL = env("ARCHIVE_SITE_URL", default="").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",  # sitemap.xml (archive/sitemaps.py)
    "haystack",
    "axes",
    "archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "archive.security.PermissionsPolicyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out user or address first
    "django.contrib.auth.backends.ModelBackend",
]
# An off-site or missing ?next= after logging in lands in the admin, not a 404.
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'archive.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # Several gunicorn workers and the importer write at once: wait for the lock
        # instead of failing, and take it at BEGIN so no transaction deadlocks on upgrade.
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file, not memory, so that tests in other processes see the same test database.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test-archive.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The search engines SEARCH_URL may name: the project's Whoosh backend (one machine), or
# haystack's own backends for a search cluster (docs/deployment.md).
SEARCH_ENGINES = {
    "whoosh": "archive.search.whoosh.backend.ArchiveWhooshEngine",
    "elasticsearch7": "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine",
    "elasticsearch7s": "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine",
    "solr": "haystack.backends.solr_backend.SolrEngine",
}


def _search_connection(variable: str, default: str | None = None) -> dict:
    url = env(variable, default=default)
    scheme = url.partition("://")[0]
    if scheme not in SEARCH_ENGINES:
        raise ImproperlyConfigured(
            f"{variable} must start with {', '.join(s + '://' for s in SEARCH_ENGINES)} (not {scheme!r})."
        )
    # The engine is chosen here by scheme, not with env.search_url(engine=...): django-environ
    # puts that engine on some schemes and not on others.
    connection = environ.Env.search_url_config(url)
    connection["ENGINE"] = SEARCH_ENGINES[scheme]
    if scheme == "whoosh":
        # The project's backend suggests spellings when asked, without haystack's per-query
        # suggestion; a cluster's suggester is switched on in the URL (?INCLUDE_SPELLING=true).
        connection["INCLUDE_SPELLING"] = False
    else:
        connection.setdefault("INCLUDE_SPELLING", False)
        # Raise instead of logging and answering "nothing found": a failed index write is
        # then queued for retry (archive/indexing.py), and a search with the cluster down
        # fails loudly instead of reading as "nobody said that".
        connection["SILENTLY_FAIL"] = False
    return connection


HAYSTACK_CONNECTIONS = {"default": _search_connection("SEARCH_URL", default=f"whoosh://{DATA_DIR / 'whoosh'}")}
if env("SEARCH_REBUILD_URL", default=""):
    # A second index to rebuild into while "default" keeps serving; set only for the
    # rebuild commands (`rebuild_index --using rebuild`), see docs/deployment.md.
    HAYSTACK_CONNECTIONS["rebuild"] = _search_connection("SEARCH_REBUILD_URL")
HAYSTACK_SIGNAL_PROCESSOR = "archive.indexing.IndexSyncProcessor"
HAYSTACK_LIMIT_TO_REGISTERED_MODELS = False
# Seconds a write waits for the index lock; below gunicorn's 60 s request timeout, so a
# worker is never killed mid-write. A write that gives up is queued and retried.
ARCHIVE_INDEX_LOCK_TIMEOUT = env.int("ARCHIVE_INDEX_LOCK_TIMEOUT", default=30)
# Rows a bulk import writes to the index between commits. Fewer: less memory (the writer
# holds every row until it commits; the README gives the measured size) and more, smaller
# segments.
ARCHIVE_INDEX_COMMIT_ROWS = env.int("ARCHIVE_INDEX_COMMIT_ROWS", default=25_000)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# An upload of many transcripts at once is normal; a single file over this is refused.
ARCHIVE_MAX_UPLOAD_BYTES = env.int("ARCHIVE_MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = ARCHIVE_MAX_UPLOAD_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = ARCHIVE_MAX_UPLOAD_BYTES
DATA_UPLOAD_MAX_NUMBER_FILES = 500

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features no page uses, refused for every page (archive/security.py).
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=False)
SESSION_COOKIE_HTTPONLY = True
BEHIND_PROXY = env.bool("DJANGO_BEHIND_PROXY", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# Behind TLS (docs/production.env): redirect plain HTTP to HTTPS (unless the proxy already
# does) and tell browsers to use HTTPS only, for DJANGO_HSTS_SECONDS. Start small (3600)
# and raise it to a year (31536000) once HTTPS is known to work: browsers remember it.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)

# Admin logins (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one user name, or
# from one address, further tries are refused for AXES_COOLOFF_TIME with a page that says so
# (429). docs/deployment.md says how an administrator lifts a lockout sooner.
AXES_FAILURE_LIMIT = env.int("ARCHIVE_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("ARCHIVE_LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own: a user, or an address
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "archive/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "archive.security.client_ip"
AXES_USERNAME_CALLABLE = "archive.security.client_username"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # the admin's "Access failures": every wrong password, with address

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    # A search cluster's client logs every refused connection with a traceback; the project
    # reports the failure itself (a queued index write, "search unavailable", check_index).
    "loggers": {name: {"level": "ERROR"} for name in ("elasticsearch", "pysolr", "urllib3")},
}
