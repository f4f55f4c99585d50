"""Open a local HTML file in headless Chromium with the network off; report script errors, blocked requests, a screenshot."""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS_DIR = Path(os.environ.get("TEST_ARTIFACTS_DIR", ROOT / "tests" / "artifacts"))
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
# Belt and braces beside request interception: a proxy on the discard port refuses whatever Chromium itself sends.
OFFLINE_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
                "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>")


@dataclass(frozen=True)
class RenderResult:
    """What one offline page load produced."""

    console_errors: list[str]  # console.error messages and uncaught exceptions
    failed_requests: list[str]  # requests that failed, and every non-local request (each is blocked)
    screenshot: Path
    title: str
    evaluated: Any = None  # the value of the `evaluate` expression, if one was given

    @property
    def clean(self) -> bool:
        """True when the page loaded with no script error and asked for nothing it could not have."""
        return not self.console_errors and not self.failed_requests


def find_chromium() -> Optional[str]:
    """Path of a Chromium executable, or None; CHROMIUM overrides the search."""
    for candidate in filter(None, (os.environ.get("CHROMIUM"), *CHROMIUM_CANDIDATES)):
        found = shutil.which(candidate)
        if found:
            return found
    return None


def require_chromium() -> str:
    """The Chromium path; skips the test where none is installed, but fails it in CI, which must install one."""
    found = find_chromium()
    if found:
        return found
    message = ("headless-browser test needs Chromium: apt-get install -y chromium (or set CHROMIUM=/path/to/chrome); "
               ".ci/run installs it")
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def artifact_path(name: str) -> Path:
    """Where a test keeps a file for people to look at (tests/artifacts/ or $TEST_ARTIFACTS_DIR), created if needed."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS_DIR / name


def render(html_path: Path, screenshot_path: Path, evaluate: Optional[str] = None, width: int = 1280,
           height: int = 900, chromium: Optional[str] = None) -> RenderResult:
    """Load html_path offline in headless Chromium, wait for it to settle, screenshot the full page, evaluate JS."""
    from playwright.sync_api import sync_playwright

    executable = chromium or require_chromium()
    console_errors: list[str] = []
    failed_requests: list[str] = []

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith(LOCAL_SCHEMES):
            request_route.continue_()
        else:
            failed_requests.append(f"blocked (network is off): {url}")
            request_route.abort("internetdisconnected")

    screenshot_path = Path(screenshot_path)
    screenshot_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=executable, headless=True, args=list(OFFLINE_ARGS),
            viewport={"width": width, "height": height})
        try:
            context.route("**/*", route)
            page = context.new_page()
            page.on("console", lambda msg: console_errors.append(f"console: {msg.text}") if msg.type == "error" else None)
            page.on("pageerror", lambda exc: console_errors.append(f"uncaught: {exc}"))
            page.on("requestfailed", lambda req: failed_requests.append(f"failed: {req.url} ({req.failure})")
                    if req.url.startswith(LOCAL_SCHEMES) else None)  # remote ones were recorded when blocked
            page.goto(Path(html_path).resolve().as_uri(), wait_until="load")
            page.wait_for_load_state("networkidle")
            page.evaluate("document.fonts.ready.then(() => true)")
            evaluated = page.evaluate(evaluate) if evaluate else None
            page.screenshot(path=str(screenshot_path), full_page=True)
            title = page.title()
        finally:
            context.close()
    return RenderResult(console_errors, sorted(set(failed_requests)), screenshot_path, title, evaluated)
