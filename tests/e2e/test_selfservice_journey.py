"""The whole self-service journey in a browser: register → confirm from the
outbox → the coordinator approves in the real Wagtail admin → public profile →
the representative logs in with an emailed link → edits the description →
public page unchanged until the coordinator approves → then changed.

axe-core checks every public page on the way (1280 px), and the registration
form and /min-forening/ also at 320 px."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.conftest import COORDINATOR_PASSWORD
from tests.e2e.helpers import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    check_page_at_widths,
)

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def selfservice_site(live_site, coordinator_user, registration_page):
    mail.outbox = []
    return live_site


def _link(base: str, needle: str) -> str:
    """The newest link containing ``needle`` in the outbox, on the live server."""
    for message in reversed(mail.outbox):
        for url in re.findall(r"https?://\S+", message.body):
            if needle in url:
                return base + "/" + url.split("://", 1)[1].split("/", 1)[1]
    raise AssertionError(f"no {needle} link in {[m.subject for m in mail.outbox]}")


def _checked(page, label: str) -> None:
    assert_no_axe_violations(page, label)


def _approve_in_admin(admin, base: str, association_id: int) -> None:
    """The coordinator opens the page in the Wagtail editor and approves the
    workflow task from the footer's action menu."""
    admin.goto(f"{base}/admin/pages/{association_id}/edit/")
    approve = admin.locator(
        'button[data-workflow-action-name="approve"]'
        ":not([data-workflow-action-modal-url])"
    ).first
    if not approve.is_visible():
        admin.locator(
            "footer .dropdown-toggle, [data-w-dropdown-target='toggle']"
        ).last.click()
    approve.click()
    admin.wait_for_load_state("networkidle")


def test_selfservice_journey(selfservice_site, browser, page):
    from foreningar.models import AssociationPage

    base = selfservice_site

    # 1. The registration form, also at 320 px.
    check_page_at_widths(page, f"{base}/foreningar/registrera/", "registration form")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base}/foreningar/registrera/")
    page.locator("#id_title").fill("Norrbyns schackklubb")
    page.locator("#id_short_description").fill("Schack för alla åldrar.")
    page.locator("#id_description").fill("Vi spelar varje tisdag.")
    page.locator("#id_town").fill("Exempelstad")
    page.locator("#id_applicant_name").fill("Aino Andersson")
    page.locator("#id_applicant_email").fill("aino@example.org")
    page.locator("#id_applicant_role").fill("Ordförande")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Skicka registreringen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kolla din e-post")
    _checked(page, "registration sent")

    # 2. The link from the outbox: a confirmation button, then a status page.
    page.goto(_link(base, "/bekrafta/"))
    _checked(page, "confirm email")
    page.get_by_role("button", name="Bekräfta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tack!")
    expect(page.get_by_text("väntar nu på granskning")).to_be_visible()
    _checked(page, "registration confirmed")
    association = AssociationPage.objects.get(title="Norrbyns schackklubb")
    assert not association.live

    # 3. The coordinator logs into the real Wagtail admin and approves.
    admin_context = browser.new_context(viewport={"width": 1280, "height": 900})
    admin = admin_context.new_page()
    admin.goto(f"{base}/admin/login/")
    admin.locator("#id_username").fill("koordinator-test")
    admin.locator("#id_password").fill(COORDINATOR_PASSWORD)
    admin.locator("button[type=submit]").click()
    admin.wait_for_url(f"{base}/admin/")
    _approve_in_admin(admin, base, association.pk)
    association.refresh_from_db()
    assert association.live

    # 4. The public profile shows the association.
    page.goto(f"{base}{association.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Norrbyns schackklubb")
    expect(page.get_by_text("Vi spelar varje tisdag.")).to_be_visible()
    assert "aino@example.org" not in page.content()
    _checked(page, "public profile")

    # 5. The representative logs in with an emailed link (a fresh browser).
    rep_context = browser.new_context(viewport={"width": 1280, "height": 900})
    rep = rep_context.new_page()
    rep.goto(f"{base}/min-forening/logga-in/")
    _checked(rep, "login form")
    rep.locator("#id_email").fill("aino@example.org")
    rep.get_by_role("button", name="Skicka inloggningslänk").click()
    expect(rep.get_by_role("heading", level=1)).to_have_text("Kolla din e-post")
    _checked(rep, "login link sent")
    rep.goto(_link(base, "/min-forening/logga-in/"))
    _checked(rep, "login confirm")
    rep.get_by_role("button", name="Logga in").click()
    expect(rep.get_by_role("heading", level=1)).to_have_text("Min förening")
    for width in (1280, 320):
        rep.set_viewport_size({"width": width, "height": 900})
        assert_no_axe_violations(rep, f"/min-forening/ at {width} px")
        if width == 320:
            assert_no_horizontal_scroll(rep, width, "/min-forening/")
    rep.set_viewport_size({"width": 1280, "height": 900})

    # 6. Edit the description; the public page stays as it was.
    rep.get_by_role("link", name="Norrbyns schackklubb").click()
    _checked(rep, "association in /min-forening/")
    rep.get_by_role("link", name="Ändra uppgifterna").click()
    _checked(rep, "edit form")
    rep.locator("#id_description").fill("Nu även onsdagar!")
    rep.get_by_role("button", name="Skicka ändringarna till granskning").click()
    expect(rep.get_by_text("Väntar på granskning")).to_be_visible()
    _checked(rep, "change submitted")
    page.goto(f"{base}{association.url}")
    expect(page.get_by_text("Vi spelar varje tisdag.")).to_be_visible()
    assert "Nu även onsdagar!" not in page.content()

    # 7. The coordinator approves; the public page shows the change.
    _approve_in_admin(admin, base, association.pk)
    page.goto(f"{base}{association.url}")
    expect(page.get_by_text("Nu även onsdagar!")).to_be_visible()
    assert "Vi spelar varje tisdag." not in page.content()
    _checked(page, "public profile after the change")

    admin_context.close()
    rep_context.close()
