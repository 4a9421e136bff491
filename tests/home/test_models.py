"""Page types of the home app: where they may be created, and that they render."""

from __future__ import annotations

import datetime

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.factories import (
    AccessibilityStatementPageFactory,
    StandardPageFactory,
    site_root,
)
from home.models import (
    AccessibilityStatementPage,
    HomePage,
    KnownAccessibilityProblem,
    SiteSettings,
    StandardPage,
)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_tree_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_standard_pages_nest_but_hold_nothing_else(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, AccessibilityStatementPage)

    def test_accessibility_statement_is_a_leaf_under_home(self):
        self.assertAllowedParentPageTypes(AccessibilityStatementPage, {HomePage})
        self.assertAllowedSubpageTypes(AccessibilityStatementPage, set())


class RenderingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = site_root()
        cls.standard = StandardPageFactory(parent=cls.home, title="Om koordinatorn")
        cls.statement = AccessibilityStatementPageFactory(
            parent=cls.home,
            compliance=AccessibilityStatementPage.Compliance.PARTIAL,
            enforcement_text='<p><a href="https://www.digg.se/tdosanmalan">DIGG</a></p>',
        )
        for situation, description in [
            (KnownAccessibilityProblem.Situation.NO_VISION, "PDF utan taggar"),
            (KnownAccessibilityProblem.Situation.NO_VISION, "Bild utan alt-text"),
            (KnownAccessibilityProblem.Situation.COGNITION, "Lång juridisk text"),
        ]:
            cls.statement.known_problems.add(
                KnownAccessibilityProblem(situation=situation, description=description)
            )
        cls.statement.save()

    def test_migrated_home_page_is_the_site_root(self):
        self.assertIsInstance(self.home, HomePage)
        self.assertEqual(self.home.slug, "hem")
        self.assertEqual(self.home.url, "/")

    def test_pages_render(self):
        for page in (self.home, self.standard, self.statement):
            with self.subTest(page=page.title):
                self.assertPageIsRenderable(page)

    def test_pages_open_in_the_editor(self):
        # assertPageIsEditable cannot post StreamFields (their form is built by
        # JavaScript), so check that the edit view itself renders. (force_login:
        # the login throttle, django-axes, needs a request that client.login
        # does not pass to authenticate.)
        self.client.force_login(self.create_test_user())
        for page in (self.home, self.standard, self.statement):
            with self.subTest(page=page.title):
                response = self.client.get(f"/admin/pages/{page.pk}/edit/")
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, page.title)

    def test_standard_page_body_blocks_render(self):
        response = self.client.get(self.standard.url)
        self.assertContains(response, "<h2>Så här går det till</h2>", html=True)
        self.assertContains(response, "Kontakta koordinatorn om du har frågor")

    def test_statement_groups_problems_by_situation(self):
        grouped = self.statement.problems_by_situation()
        self.assertEqual(
            {key: [p.description for p in value] for key, value in grouped.items()},
            {
                "Användning utan syn": ["PDF utan taggar", "Bild utan alt-text"],
                "Användning med kognitiva begränsningar": ["Lång juridisk text"],
            },
        )

    def test_statement_shows_what_the_law_asks_for(self):
        response = self.client.get(self.statement.url)
        self.assertContains(response, "<strong>delvis förenlig</strong>", html=True)
        self.assertContains(response, "Användning utan syn")
        self.assertContains(response, "15 oktober 2026")  # date of the assessment
        self.assertContains(response, "2 november 2026")  # last updated
        self.assertContains(response, "https://www.digg.se/tdosanmalan")
        self.assertContains(response, 'id="aterkoppling"')


class SiteSettingsTests(WagtailPageTestCase):
    def test_settings_link_pages_and_default_title(self):
        from wagtail.models import Site

        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        self.assertEqual(
            settings.coordinator_title, "Välfärds- och föreningskoordinator"
        )
        statement = AccessibilityStatementPageFactory(
            parent=site_root(), assessment_date=datetime.date(2026, 1, 1)
        )
        settings.accessibility_page = statement
        settings.save()
        response = self.client.get("/")
        self.assertContains(response, f'href="{statement.url}"')
