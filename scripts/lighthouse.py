"""Lighthouse (mobile) on every public page, in English and Spanish, and on the quiz pages.
For the README's Lighthouse table.

    npm install lighthouse@12          # once, in any folder; then pass its path with LIGHTHOUSE=
    .venv/bin/python scripts/lighthouse.py http://127.0.0.1:8000

Serve the site as in production first (DEBUG=0, collected static files, HTTP cookies allowed:
SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 SECURE_SSL_REDIRECT=0). The script takes the
quick quiz in Chromium without JavaScript to get a quiz page, a plan step and a results page,
then passes that browser's cookies to Lighthouse. It prints one line a page: performance /
accessibility / best practices / SEO, then the audits that did not pass.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

LIGHTHOUSE = os.environ.get("LIGHTHOUSE", "node_modules/.bin/lighthouse")
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
PUBLIC = [
    "/", "/clusters/", "/clusters/?framework=classic-16", "/clusters/healthcare-human-services/",
    "/clusters/healthcare-human-services/physical-health/", "/occupations/29-1141.00/",
    "/search/", "/search/?q=nurse", "/compare/?o=29-1141.00&o=31-1131.00&o=47-2111.00",
    "/my-careers/", "/about-the-data/", "/quiz/",
]  # fmt: skip
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def quiz_pages(base: str, prefix: str) -> list[tuple[str, str, str]]:
    """(name, address, Cookie header) of a quiz page and the plan step of one attempt, left
    open there, and the results of a second, finished one."""

    def answer_to_plan(page) -> None:
        page.goto(f"{base}{prefix}/quiz/")
        page.locator("form[action*='quick-interest-quiz'] button").click()
        while "/plan/" not in page.url:
            for statement in page.locator("fieldset.quiz-item").all():
                statement.locator("input[type=radio]").nth(3).check()
            page.locator("main form button[type=submit]").first.click()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        answer_to_plan(page)
        plan = page.url
        answer_to_plan(page)
        page.locator("main input[type=radio]").first.check()
        page.locator("main form button[type=submit]").first.click()
        results = page.url
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in context.cookies())
        browser.close()
    quiz_page = plan.replace("/plan/", "/page/1/")
    return [
        ("a quiz page", quiz_page, cookie),
        ("plan step", plan, cookie),
        ("results", results, cookie),
    ]


def scores(address: str, cookie: str) -> tuple[list[int], list[str]]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [
            LIGHTHOUSE, address, "--quiet", "--output=json", f"--output-path={report}",
            f"--chrome-flags=--headless=new {' '.join(FLAGS)}",
        ]  # fmt: skip
        if cookie:
            command.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
        for _attempt in range(3):  # Lighthouse sometimes misses a trace and asks to run again
            done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM})
            if done.returncode == 0:
                break
        done.check_returncode()
        result = json.loads(report.read_text())
    marks = [round((result["categories"][c]["score"] or 0) * 100) for c in CATEGORIES]
    failed = [
        name
        for name, audit in result["audits"].items()
        if audit.get("scoreDisplayMode") in ("binary", "numeric") and (audit["score"] or 0) < 1
    ]
    return marks, failed


def main(base: str) -> None:
    for prefix in ("", "/es"):
        pages = [(path, base + prefix + path, "") for path in PUBLIC]
        pages += quiz_pages(base, prefix)
        for name, address, cookie in pages:
            marks, failed = scores(address, cookie)
            print(f"{prefix or '(en)'} {name}: {' / '.join(map(str, marks))}  {' '.join(failed)}")


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000")
