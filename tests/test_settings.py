import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db
# Variables the test runner sets; the subprocesses must see production defaults instead.
SETTINGS_VARS = {"DEBUG", "SECRET_KEY", "STATIC_MANIFEST", "SECURE_SSL_REDIRECT"}


def _csp(client):
    return client.get("/")["Content-Security-Policy"]


def test_csp_header_is_strict(client):
    policy = _csp(client)
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_security_headers_present(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_htmx_is_configured_for_the_csp(client):
    html = client.get("/").content.decode()
    assert '"allowEval": false' in html
    assert '"includeIndicatorStyles": false' in html
    assert "X-CSRFToken" in html


def _settings_in_subprocess(env: dict, expression: str) -> subprocess.CompletedProcess:
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='careerclusters.settings';"
        f"from django.conf import settings; print({expression})"
    )
    full_env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARS}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True
    )


def test_production_settings_are_secure():
    result = _settings_in_subprocess(
        {"DEBUG": "0", "SECRET_KEY": "x" * 50},
        "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
        "settings.SECURE_HSTS_SECONDS, settings.SECURE_SSL_REDIRECT, "
        "settings.STORAGES['staticfiles']['BACKEND']",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "True True 31536000 True whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_secret_key_required_when_debug_is_off():
    result = _settings_in_subprocess({"DEBUG": "0"}, "settings.SECRET_KEY")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_bad_boolean_is_a_clear_error():
    result = _settings_in_subprocess({"DEBUG": "maybe"}, "settings.DEBUG")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_proxy_header_is_opt_in():
    off = _settings_in_subprocess(
        {"DEBUG": "0", "SECRET_KEY": "x" * 50}, "settings.SECURE_PROXY_SSL_HEADER"
    )
    on = _settings_in_subprocess(
        {"DEBUG": "0", "SECRET_KEY": "x" * 50, "TRUST_X_FORWARDED_PROTO": "1"},
        "settings.SECURE_PROXY_SSL_HEADER",
    )
    assert off.stdout.strip() == "None"
    assert on.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_hsts_header_when_debug_is_off(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_csrf_cookie_is_http_only(client):
    client.get("/")
    assert client.cookies["csrftoken"]["httponly"]


def test_no_server_header_names_the_software(client):
    assert client.get("/healthz")["Server"] == ""
    assert client.get("/no-such-page/")["Server"] == ""
