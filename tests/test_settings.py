import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_settings(**env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS"))}
    environment.update(DJANGO_SETTINGS_MODULE="newsroom.settings", **env)
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEBUG, settings.CACHES['default']['BACKEND'], settings.TIME_ZONE)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = load_settings(DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_settings_start_with_a_secret_key():
    result = load_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False")


def test_development_defaults_need_no_environment():
    result = load_settings()
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "django.core.cache.backends.locmem.LocMemCache",
        "Asia/Kolkata",
    ]


def test_an_unreadable_debug_value_is_refused_with_a_message():
    result = load_settings(DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be one of" in result.stderr


def test_redis_url_selects_the_redis_cache():
    result = load_settings(REDIS_URL="redis://127.0.0.1:6379/0")
    assert result.returncode == 0, result.stderr
    assert "newsroom.cache.ResilientRedisCache" in result.stdout


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set (CI sets it)")
def test_the_configured_redis_cache_stores_and_returns_values():
    from django.core.cache.backends.redis import RedisCache

    cache = RedisCache(os.environ["REDIS_URL"], {"KEY_PREFIX": f"test-{os.getpid()}"})
    cache.set("probe", {"ok": 1}, timeout=10)
    assert cache.get("probe") == {"ok": 1}
    cache.delete("probe")
