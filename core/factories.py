"""Base factory for pages, used by the tests and by ``seed_demo``."""

from __future__ import annotations

import wagtail_factories

from .demo import publish


class PageFactory(wagtail_factories.PageFactory):
    """A page as an editor makes it: added under its ``parent`` with
    ``add_child``, then saved as a revision and published (unless built with
    ``live=False``, which leaves a draft with one revision)."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        instance = super()._create(model_class, *args, **kwargs)
        if instance.pk is None:
            return instance
        if instance.live:
            publish(instance)
        else:
            instance.save_revision()
        return instance
