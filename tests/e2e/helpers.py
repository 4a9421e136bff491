"""Assertions for browser tests: axe-core (WCAG 2.1 A/AA) and reflow at 320 px.

Import them in e2e tests::

    from tests.e2e.helpers import assert_no_axe_violations, check_page_at_widths
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

# The rules that EN 301 549 / WCAG 2.1 AA ask for; axe's best practices are not law.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Desktop and the narrowest width WCAG 1.4.10 (reflow) asks for.
WIDTHS = (1280, 320)
NARROW = 320
VIEWPORT_HEIGHT = 900


@cache
def _axe() -> Axe:
    # Reads axe.min.js once per session instead of once per check.
    return Axe()


def format_violations(violations: list[dict]) -> str:
    """One readable block per violated rule: what, how bad, where, and why."""
    lines: list[str] = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'n/a'}): "
            f"{violation['help']}\n  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node.get("target", []))
            lines.append(f"    at {target}")
            lines.append(f"      {node.get('html', '')[:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n      ")
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page: Page, context_label: str) -> None:
    """Run axe-core on the page as it is now; fail listing every WCAG 2.1 A/AA
    violation with its selector and axe's explanation."""
    results = _axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_TAGS},
            "resultTypes": ["violations"],
        },
    )
    violations = results.response["violations"]
    if violations:
        raise AssertionError(
            f"axe-core found {len(violations)} WCAG 2.1 A/AA violation(s) on "
            f"{context_label} ({page.url}):\n{format_violations(violations)}"
        )


def assert_no_horizontal_scroll(page: Page, width: int, context_label: str) -> None:
    """WCAG 1.4.10: content reflows at ``width`` without scrolling sideways
    (the document no wider than the window)."""
    scroll_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= min(width, inner_width), (
        f"{context_label} scrolls horizontally at {width} px "
        f"(document is {scroll_width} px wide)"
    )


def check_page_at_widths(
    page: Page,
    url: str,
    context_label: str,
    *,
    expected_status: int = 200,
    widths: Iterable[int] = WIDTHS,
) -> None:
    """Open ``url`` at each width (1280 and 320 px by default), check the status,
    run axe, and check that nothing scrolls sideways."""
    for width in widths:
        page.set_viewport_size({"width": width, "height": VIEWPORT_HEIGHT})
        response = page.goto(url)
        assert response is not None, f"{context_label}: no response from {url}"
        assert response.status == expected_status, (
            f"{context_label}: {url} answered {response.status}, "
            f"expected {expected_status}"
        )
        label = f"{context_label} at {width} px"
        assert_no_axe_violations(page, label)
        assert_no_horizontal_scroll(page, width, label)


def check_pages(page: Page, base: str, pages: Iterable[tuple[str, str, int]]) -> None:
    """``check_page_at_widths`` for each (label, path, status); reports every
    failing page at once."""
    failures = []
    for label, path, status in pages:
        try:
            check_page_at_widths(page, base + path, label, expected_status=status)
        except AssertionError as error:
            failures.append(str(error))
    assert not failures, "\n\n".join(failures)
