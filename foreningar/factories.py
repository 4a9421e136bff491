"""Factories for the register: used by the tests and by ``seed_demo``."""

from __future__ import annotations

import factory
from django.conf import settings
from django.utils import timezone

from core.demo import publish
from core.factories import PageFactory

from .models import (
    AssociationIndexPage,
    AssociationPage,
    RegistrationApplication,
    Representative,
    RepresentativeLink,
    vocabulary_spec,
)


def vocabulary(model, slug: str):
    """The default-locale row of a seeded vocabulary."""
    return model.objects.get(locale__language_code=settings.LANGUAGE_CODE, slug=slug)


class AssociationIndexPageFactory(PageFactory):
    title = "Föreningar"
    slug = "foreningar"
    show_in_menus = True
    intro = "<p>Sök bland kommunens föreningar efter intresse, område och målgrupp.</p>"

    class Meta:
        model = AssociationIndexPage


class AssociationPageFactory(PageFactory):
    """``terms={"activity_areas": ["idrott"], "districts": ["centrum"]}`` sets
    vocabulary terms by slug; ``tags=["fotboll"]`` free keywords."""

    title = factory.Sequence(lambda n: f"Förening nummer {n}")
    slug = factory.Sequence(lambda n: f"forening-{n}")
    short_description = "En förening för alla som vill vara med."
    description = "<p>Vi träffas varje vecka och välkomnar nya medlemmar.</p>"
    town = "Exempelstad"
    last_verified_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = AssociationPage
        skip_postgeneration_save = True

    class Params:
        unlisted = factory.Trait(listed_publicly=False)
        dormant = factory.Trait(status=AssociationPage.Status.DORMANT)
        volunteers = factory.Trait(
            looking_for_volunteers=True, volunteers_text="Vi söker ledare."
        )

    @classmethod
    def _create(cls, model_class, *args, terms=None, **kwargs):
        for field, slugs in (terms or {}).items():
            kwargs[field] = [
                vocabulary(vocabulary_spec(field).model, slug) for slug in slugs
            ]
        return super()._create(model_class, *args, **kwargs)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.keywords.set(extracted)
            if create:
                publish(self)


class RepresentativeFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"representant{n}@example.org")
    name = factory.Faker("name", locale="sv_SE")
    language = settings.LANGUAGE_CODE

    class Meta:
        model = Representative
        skip_postgeneration_save = True

    @factory.post_generation
    def associations(self, create, extracted, **kwargs):
        """``associations=[page, ...]`` links the person to them."""
        for association in extracted or ():
            RepresentativeLink.objects.create(
                representative=self, association=association, role="Kontaktperson"
            )


class RepresentativeLinkFactory(factory.django.DjangoModelFactory):
    representative = factory.SubFactory(RepresentativeFactory)
    association = None
    role = "Kassör"

    class Meta:
        model = RepresentativeLink


class RegistrationApplicationFactory(factory.django.DjangoModelFactory):
    kind = RegistrationApplication.Kind.REGISTER
    data = factory.LazyFunction(
        lambda: {
            "title": "Norrbyns schackklubb",
            "short_description": "Vi spelar schack för alla åldrar.",
            "town": "Exempelstad",
            "org_id_kind": "",
            "org_id": "",
        }
    )
    applicant_name = factory.Faker("name", locale="sv_SE")
    applicant_email = factory.Sequence(lambda n: f"sokande{n}@example.org")
    applicant_role = "Ordförande"
    language = settings.LANGUAGE_CODE
    consent_version = "2026-11-24"
    consent_text_hash = "0" * 64
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = RegistrationApplication
