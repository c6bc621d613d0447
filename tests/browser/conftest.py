from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.services import need

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    need(Path(CHROMIUM).exists(), f"needs Debian's chromium at {CHROMIUM} (make test installs it)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Chromium logs on the console what these headers blocked, and any part of them it did not understand.
WATCHED_HEADERS = ("Content Security Policy", "Permissions-Policy")


@pytest.fixture
def page(browser):
    """A fresh tab; the test fails if the site's Content-Security-Policy blocked anything on it, or if
    Chromium did not understand the Permissions-Policy.

    Chromium reports each blocked script, style or image on the console, so every browser test also
    checks that the strict policy and the pages (admin and Swagger UI included) agree.
    """
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    blocked = []
    page.on(
        "console",
        lambda message: (
            any(header in message.text for header in WATCHED_HEADERS) and blocked.append(message.text)
        ),
    )
    yield page
    context.close()
    assert blocked == [], blocked


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def assert_no_axe_violations(axe, page):
    results = axe.run(page)
    violations = results.response["violations"]
    assert not violations, results.generate_report()


def open_suggestions(page, selector, text):
    """Type ``text`` into the combobox at ``selector`` and wait for its first suggestion; the listbox."""
    page.focus(selector)
    page.keyboard.type(text, delay=20)
    listbox = page.locator(f"#{page.get_attribute(selector, 'aria-controls')}")
    listbox.locator("[role=option]").first.wait_for()
    return listbox
