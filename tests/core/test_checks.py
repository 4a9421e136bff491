"""core.checks: production says loudly when rate limits are per process."""

from __future__ import annotations

import pytest
from django.core import checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from core.checks import check_rate_limit_cache

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/0",
    }
}


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
        "django.core.cache.backends.filebased.FileBasedCache",
    ],
)
def test_a_per_process_cache_without_debug_is_a_warning(backend):
    caches = {"default": {"BACKEND": backend, "LOCATION": "/tmp/fnavet-check"}}
    with override_settings(DEBUG=False, CACHES=caches, RATE_LIMITS_PER_PROCESS=False):
        messages = check_rate_limit_cache()
    assert [(type(m), m.id) for m in messages] == [(checks.Warning, "core.W001")]
    assert "REDIS_URL" in messages[0].hint
    assert "RATE_LIMITS_PER_PROCESS" in messages[0].hint


@override_settings(DEBUG=False, CACHES=REDIS, RATE_LIMITS_PER_PROCESS=False)
def test_redis_is_shared():
    assert check_rate_limit_cache() == []


@override_settings(DEBUG=True, CACHES=LOCMEM, RATE_LIMITS_PER_PROCESS=False)
def test_development_is_left_alone():
    assert check_rate_limit_cache() == []


@override_settings(DEBUG=False, CACHES=LOCMEM, RATE_LIMITS_PER_PROCESS=True)
def test_the_opt_out_leaves_an_info():
    messages = check_rate_limit_cache()
    assert [(type(m), m.id) for m in messages] == [(checks.Info, "core.I001")]


@override_settings(DEBUG=False, CACHES=LOCMEM, RATE_LIMITS_PER_PROCESS=False)
def test_the_check_is_registered_and_fails_a_strict_deploy_check():
    with pytest.raises(SystemCheckError, match="core.W001"):
        call_command("check", "--fail-level", "WARNING", tags=["caches"])
