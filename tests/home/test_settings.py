"""Settings read from the environment; production refuses unsafe defaults."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fnavet.settings.env import env_bool, env_list, parse_email_url

BASE_DIR = Path(__file__).resolve().parents[2]
GOOD_SECRET = "x" * 20 + "-production-secret-key-for-tests-only-0123456789"


def test_email_url_smtp_with_credentials_and_tls():
    config = parse_email_url("smtp+tls://user%40town:p%C3%A4ss@mail.example:587")
    assert config == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "user@town",
        "EMAIL_HOST_PASSWORD": "päss",
        "EMAIL_USE_SSL": False,
        "EMAIL_USE_TLS": True,
    }


def test_email_url_defaults_ports():
    assert parse_email_url("smtp://127.0.0.1")["EMAIL_PORT"] == 25
    smtps = parse_email_url("smtps://mail.example")
    assert smtps["EMAIL_PORT"] == 465
    assert smtps["EMAIL_USE_SSL"] is True


def test_email_url_local_catcher_and_console():
    assert parse_email_url("smtp://127.0.0.1:1025")["EMAIL_PORT"] == 1025
    assert parse_email_url("console:") == {
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"
    }


def test_email_url_unknown_scheme_is_an_error():
    with pytest.raises(ValueError, match="unknown scheme"):
        parse_email_url("imap://mail.example")


def test_env_helpers(monkeypatch):
    monkeypatch.setenv("FNAVET_FLAG", " Yes ")
    monkeypatch.setenv("FNAVET_HOSTS", "a.example, b.example,,")
    monkeypatch.delenv("FNAVET_MISSING", raising=False)
    assert env_bool("FNAVET_FLAG") is True
    assert env_bool("FNAVET_MISSING", True) is True
    assert env_list("FNAVET_HOSTS") == ["a.example", "b.example"]
    assert env_list("FNAVET_MISSING", "x,y") == ["x", "y"]


def _load_settings(module: str, **env: str) -> subprocess.CompletedProcess:
    """Import a settings module in a fresh interpreter with only ``env`` set."""
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "EMAIL_URL", "DATABASE_URL", "REDIS_URL", "DEBUG"}
    }
    clean_env.update(env)
    code = (
        f"import {module} as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.DEBUG, "
        "s.SESSION_COOKIE_SECURE if hasattr(s, 'SESSION_COOKIE_SECURE') else '')"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "secret",
    [None, "short-secret", "dev-only-insecure-key-change-me" + "x" * 40],
    ids=["missing", "short", "dev-default"],
)
def test_production_refuses_weak_secret_key(secret):
    env = {} if secret is None else {"SECRET_KEY": secret}
    result = _load_settings("fnavet.settings.production", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_loads_with_real_secret_and_email_url():
    result = _load_settings(
        "fnavet.settings.production",
        SECRET_KEY=GOOD_SECRET,
        EMAIL_URL="smtp://mail.example:2525",
    )
    assert result.returncode == 0, result.stderr
    backend, host, port, debug, secure_cookie = result.stdout.split()
    assert backend == "django.core.mail.backends.smtp.EmailBackend"
    assert (host, port, debug, secure_cookie) == (
        "mail.example",
        "2525",
        "False",
        "True",
    )


def test_email_url_overrides_dev_console_backend():
    plain = _load_settings("fnavet.settings.dev")
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.split()[0] == "django.core.mail.backends.console.EmailBackend"
    caught = _load_settings("fnavet.settings.dev", EMAIL_URL="smtp://127.0.0.1:1025")
    assert caught.returncode == 0, caught.stderr
    assert caught.stdout.split()[:3] == [
        "django.core.mail.backends.smtp.EmailBackend",
        "127.0.0.1",
        "1025",
    ]


def test_test_settings_are_safe(settings):
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
    assert settings.LANGUAGE_CODE == "sv"
    assert [code for code, _name in settings.LANGUAGES] == ["sv", "fi", "en"]
    assert settings.WAGTAIL_I18N_ENABLED
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
