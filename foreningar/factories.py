"""Factories for the register: used by the tests and by ``seed_demo``."""

from __future__ import annotations

import factory
import wagtail_factories
from django.conf import settings
from django.utils import timezone

from .models import (
    ActivityArea,
    ActivityLanguage,
    AssociationIndexPage,
    AssociationPage,
    District,
    TargetGroup,
)


def vocabulary(model, slug: str):
    """The default-locale row of a seeded vocabulary."""
    return model.objects.get(locale__language_code=settings.LANGUAGE_CODE, slug=slug)


class AssociationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Föreningar"
    slug = "foreningar"
    show_in_menus = True
    intro = "<p>Sök bland kommunens föreningar efter intresse, område och målgrupp.</p>"

    class Meta:
        model = AssociationIndexPage


class AssociationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Förening nummer {n}")
    slug = factory.Sequence(lambda n: f"forening-{n}")
    short_description = "En förening för alla som vill vara med."
    description = "<p>Vi träffas varje vecka och välkomnar nya medlemmar.</p>"
    town = "Exempelstad"
    last_verified_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = AssociationPage

    class Params:
        unlisted = factory.Trait(listed_publicly=False)
        dormant = factory.Trait(status=AssociationPage.Status.DORMANT)
        volunteers = factory.Trait(
            looking_for_volunteers=True, volunteers_text="Vi söker ledare."
        )

    @factory.post_generation
    def terms(self, create, extracted, **kwargs):
        """``terms={"activity_areas": ["idrott"], "districts": ["centrum"]}``"""
        if not extracted:
            return
        models = {
            "activity_areas": ActivityArea,
            "target_groups": TargetGroup,
            "districts": District,
            "languages": ActivityLanguage,
        }
        for field_name, slugs in extracted.items():
            getattr(self, field_name).set(
                [vocabulary(models[field_name], slug) for slug in slugs]
            )
        if create:
            self.save_revision().publish()

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.keywords.set(extracted)
            if create:
                self.save_revision().publish()
