"""Page type rules, the idempotent set-up (registration page + review
workflow) and its wiring into seed_demo."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask
from wagtail.test.utils import WagtailPageTestCase

from foreningar.demo import ensure_registration_page
from foreningar.models import (
    AssociationIndexPage,
    AssociationPage,
    AssociationRegistrationPage,
)
from foreningar.services.workflow import REVIEW_WORKFLOW_NAME

pytestmark = pytest.mark.django_db


class TestRegistrationPageType(WagtailPageTestCase):
    def test_lives_only_under_the_register_without_children(self):
        self.assertAllowedParentPageTypes(
            AssociationRegistrationPage, {AssociationIndexPage}
        )
        self.assertAllowedSubpageTypes(AssociationRegistrationPage, {})
        self.assertIn(
            AssociationRegistrationPage,
            AssociationIndexPage.allowed_subpage_models(),
        )
        self.assertIn(AssociationPage, AssociationIndexPage.allowed_subpage_models())
        self.assertEqual(AssociationRegistrationPage.max_count, 1)


def test_ensure_registration_page_is_idempotent(register):
    first = ensure_registration_page()
    second = ensure_registration_page()
    assert first.pk == second.pk
    assert first.url == "/foreningar/registrera/"
    assert first.live and first.privacy_version
    assert (
        AssociationRegistrationPage.objects.filter(locale__language_code="sv").count()
        == 1
    )
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW_NAME)
    assert WorkflowTask.objects.filter(workflow=workflow).count() == 1
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)
    assert list(task.groups.values_list("name", flat=True)) == ["Koordinatorer"]
    assert WorkflowPage.objects.get(page=register).workflow == workflow
    # Associations under the register get this workflow.
    association = AssociationPage(title="X", slug="x", short_description="x")
    register.add_child(instance=association)
    assert association.get_workflow() == workflow


def test_without_a_register_there_is_nothing_to_set_up(register):
    register.delete()
    assert ensure_registration_page() is None


def test_a_coordinators_own_workflow_choice_is_kept(register):
    other = Workflow.objects.create(name="Egen granskning")
    WorkflowPage.objects.update_or_create(page=register, defaults={"workflow": other})
    ensure_registration_page()
    assert WorkflowPage.objects.get(page=register).workflow == other


def test_seed_demo_sets_up_registration(register):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    call_command("seed_demo", stdout=out)
    assert "Registreringssidan" in out.getvalue()
    assert (
        AssociationRegistrationPage.objects.filter(locale__language_code="sv").count()
        == 1
    )
    assert Workflow.objects.filter(name=REVIEW_WORKFLOW_NAME).count() == 1


def test_registration_page_editable_in_admin(coordinator_client, registration_page):
    response = coordinator_client.get(f"/admin/pages/{registration_page.pk}/edit/")
    assert response.status_code == 200
    assert "privacy_version" in response.content.decode()
