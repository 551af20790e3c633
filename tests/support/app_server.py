"""Real app servers (Granian, production settings) and a small cookie-keeping HTTP client.

For tests that need the site running in other processes, sharing the test database.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path

from bench.server import free_port, server_command

ROOT = Path(__file__).resolve().parents[2]


def production_env(*, database_url: str, secret_key: str) -> dict[str, str]:
    """Production settings on plain HTTP.

    Built from scratch, so none of the test run's own settings (pyproject's pytest env) leak in.
    """
    env = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "PYTHONPATH"}}
    env.update(
        DJANGO_SETTINGS_MODULE="careerclusters.settings",
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        STATIC_MANIFEST="0",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


@dataclass
class AppServer:
    process: subprocess.Popen
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def worker_pids(self) -> set[int]:
        """The server's worker processes (children of the Granian main process)."""
        children = set()
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, IndexError):
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    children.add(int(stat.parent.name))
        return children

    def stop(self) -> None:
        """Stop the whole process group (main process and workers)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


def start_servers(envs: list[dict[str, str]], log_dir: Path, *, workers: int = 1):
    """Start one Granian per environment (in parallel) and wait until each answers /healthz."""
    servers, ports = [], set()
    for number, env in enumerate(envs, start=1):
        while (port := free_port()) in ports:  # not yet bound by the server started before
            pass
        ports.add(port)
        log = log_dir / f"server-{number}-{port}.log"
        command = server_command(port=port, workers=workers)
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so stop() reaches the workers
            )  # fmt: skip
        servers.append(AppServer(process, port, log))
    try:
        for server in servers:
            _wait_ready(server)
    except BaseException:
        stop_servers(servers)
        raise
    return servers


def stop_servers(servers: list[AppServer]) -> None:
    for server in servers:
        server.stop()


def _wait_ready(server: AppServer, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"The server exited:\n{server.log.read_text()}")
        url = f"{server.url}/healthz"
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
            if response.status == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(
        f"The server did not answer /healthz in {timeout} s:\n{server.log.read_text()}"
    )


# ---------------------------------------------------------------------------------------
# HTTP


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: str

    @property
    def location(self) -> str:
        return urllib.parse.urlsplit(self.headers.get("location", "")).path


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect comes back as it is, so tests see every status code


class Client:
    """A browser-like client: one cookie jar, whatever server it talks to. No redirects."""

    def __init__(self):
        self.cookies = CookieJar()
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirects
        )

    def cookie(self, name: str) -> str:
        return next(c.value for c in self.cookies if c.name == name)

    def get(self, base: str, path: str, **kwargs) -> Reply:
        return self.request(base, path, **kwargs)

    def post(self, base: str, path: str, data, **kwargs) -> Reply:
        return self.request(base, path, data=data, **kwargs)

    def request(self, base: str, path: str, data=None, headers=None, timeout=30) -> Reply:
        body = None if data is None else urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(base + path, data=body, headers=headers or {})
        try:
            with self._opener.open(request, timeout=timeout) as response:
                return Reply(response.status, _headers(response), response.read().decode())
        except urllib.error.HTTPError as error:  # 3xx, 4xx and 5xx
            with error:
                return Reply(error.code, _headers(error), error.read().decode())


def _headers(response) -> dict[str, str]:
    return {k.lower(): v for k, v in response.headers.items()}


# ---------------------------------------------------------------------------------------
# Forms


@dataclass
class Form:
    attrs: dict[str, str]
    fields: list[tuple[str, str]] = field(default_factory=list)  # what a browser would submit
    radios: list[str] = field(default_factory=list)  # names of radio groups, in page order


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: list | None = None
        self._select: list | None = None  # [name, [(value, selected)], multiple]

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = Form(a)
            self.forms.append(self._form)
        elif tag == "option" and self._select is not None:
            self._select[1].append((a.get("value", ""), "selected" in a))
        elif self._form is None or not a.get("name") or "disabled" in a:
            return
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind == "radio" and a["name"] not in self._form.radios:
                self._form.radios.append(a["name"])
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            self._form.fields.append((a["name"], a.get("value", "on")))
        elif tag == "textarea":
            self._textarea = [a["name"], ""]
        elif tag == "select":
            self._select = [a["name"], [], "multiple" in a]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self._form.fields.append((name, text.removeprefix("\n")))  # as browsers read it
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, options, multiple = self._select
            chosen = [value for value, selected in options if selected]
            if not chosen and options and not multiple:
                chosen = [options[0][0]]  # a single select submits its first option by default
            self._form.fields += [(name, value) for value in chosen]
            self._select = None


def forms(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


def form(html: str, **attrs: str) -> Form:
    """The one form with these attributes, e.g. form(html, action="/quiz/begin/x/")."""
    found = [f for f in forms(html) if all(f.attrs.get(k) == v for k, v in attrs.items())]
    assert len(found) == 1, f"expected one form with {attrs}, found {len(found)}"
    return found[0]
