"""Receivers that connect Wagtail's and Django's signals to the services."""

from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, WorkflowState
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    workflow_approved,
    workflow_rejected,
)

from . import services, tasks
from .models import VOCABULARIES, AssociationPage, DirectoryEntry, Representative


@receiver(workflow_approved, sender=WorkflowState, dispatch_uid="foreningar_approved")
def on_workflow_approved(sender, instance, user=None, **kwargs):
    services.handle_workflow_approved(instance)


@receiver(workflow_rejected, sender=WorkflowState, dispatch_uid="foreningar_rejected")
def on_workflow_rejected(sender, instance, user=None, **kwargs):
    services.handle_workflow_rejected(instance)


@receiver(pre_delete, sender=Representative, dispatch_uid="foreningar_erase_rep")
def on_representative_deleted(sender, instance, **kwargs):
    services.forget_personal_data(instance)


# --- the register's read model ------------------------------------------------


@receiver(page_published, sender=AssociationPage, dispatch_uid="fn_dir_published")
def on_association_published(sender, instance, **kwargs):
    services.sync_entries([instance.pk])


@receiver(page_unpublished, sender=AssociationPage, dispatch_uid="fn_dir_unpublished")
def on_association_unpublished(sender, instance, **kwargs):
    # Not a sync from the database: Wagtail also sends this before deleting a
    # page, when the row is still live (unpublish(commit=False)).
    services.remove_entries([instance.pk])


@receiver(pre_delete, sender=AssociationPage, dispatch_uid="fn_dir_deleted")
def on_association_deleted(sender, instance, **kwargs):
    services.remove_entries([instance.pk])


@receiver(post_page_move, dispatch_uid="fn_dir_moved")
def on_page_moved(sender, instance, **kwargs):
    """A moved association, or a moved register or ancestor of one."""
    moved = AssociationPage.objects.descendant_of(instance, inclusive=True)
    ids = list(moved.values_list("pk", flat=True))
    if ids:
        services.sync_entries(ids)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="fn_dir_restricted")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="fn_dir_unrestricted")
def on_view_restriction_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if (
        page is None
        or AssociationPage.objects.descendant_of(page, inclusive=True).exists()
    ):
        tasks.rebuild_directory.enqueue()


def on_vocabulary_changed(sender, instance=None, **kwargs):
    """Names are searched and terms counted: recompute (in the background)."""
    if not kwargs.get("raw"):
        tasks.rebuild_directory.enqueue()


for _spec in VOCABULARIES:
    post_save.connect(
        on_vocabulary_changed, sender=_spec.model, dispatch_uid=f"fn_dir_{_spec.param}"
    )
    post_delete.connect(
        on_vocabulary_changed,
        sender=_spec.model,
        dispatch_uid=f"fn_dir_del_{_spec.param}",
    )


@receiver(post_migrate, dispatch_uid="fn_dir_after_migrate")
def build_directory_after_migrate(sender, app_config=None, **kwargs):
    """An install migrated to the read model starts with it filled in."""
    if app_config is None or app_config.label != "foreningar":
        return
    using = kwargs.get("using", "default")
    from django.db import connections

    tables = connections[using].introspection.table_names()
    if DirectoryEntry._meta.db_table not in tables:
        return  # migrated backwards, or not yet this far
    if (
        not DirectoryEntry.objects.exists()
        and AssociationPage.objects.listed().exists()
    ):
        services.rebuild_directory()
