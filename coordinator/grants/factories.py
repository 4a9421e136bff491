"""Factories for grant calls: used by the tests and by ``seed_demo``."""

from __future__ import annotations

import datetime

import factory
from django.conf import settings
from django.utils import timezone

from core.factories import PageFactory
from foreningar.factories import vocabulary
from foreningar.models import ActivityArea, TargetGroup

from .models import (
    CallWatch,
    Funder,
    FunderKind,
    GrantCallIndexPage,
    GrantCallPage,
    HelpRequest,
)

PRIVACY_TEXT = (
    "<p>Koordinatorn använder ditt namn, din e-post, ditt telefonnummer och din "
    "fråga bara för att svara dig och hjälpa er med ansökan.</p>"
    "<ul><li>Rättslig grund: ditt samtycke. Du kan återkalla det genom att "
    "kontakta koordinatorn, så raderar vi frågan.</li>"
    "<li>Frågan raderas ett år efter att den är besvarad.</li>"
    "<li>Uppgifterna lämnas inte ut till finansiären eller någon annan.</li></ul>"
)


def _at(days: float, hour: int = 16) -> datetime.datetime:
    """``days`` from today at ``hour`` o'clock local time."""
    day = timezone.localdate() + datetime.timedelta(days=int(days))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class FunderFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Stiftelsen nummer {n}")
    kind = FunderKind.FOUNDATION
    website = "https://stiftelse.example.org/"

    class Meta:
        model = Funder
        skip_postgeneration_save = True


class GrantCallIndexPageFactory(PageFactory):
    title = "Bidrag"
    slug = "bidrag"
    show_in_menus = True
    intro = "<p>Bidrag som föreningar kan söka just nu, och de som är på väg.</p>"
    privacy_text = PRIVACY_TEXT
    privacy_version = "2026-11-24"

    class Meta:
        model = GrantCallIndexPage


class GrantCallPageFactory(PageFactory):
    """``terms={"purposes": ["kultur"], "target_groups": ["unga"]}`` sets the
    vocabularies by slug. Traits: ``open`` (default), ``closing_soon``,
    ``upcoming``, ``closed``."""

    title = factory.Sequence(lambda n: f"Bidrag nummer {n}")
    slug = factory.Sequence(lambda n: f"bidrag-{n}")
    funder = factory.SubFactory(FunderFactory)
    summary = "Bidrag för föreningars verksamhet i kommunen."
    how_to_apply = "<p>Fyll i blanketten och skicka den till kommunen.</p>"
    opens_at = factory.LazyFunction(lambda: _at(-10, 8))
    deadline = factory.LazyFunction(lambda: _at(40))
    amount_max = 5000

    class Meta:
        model = GrantCallPage

    class Params:
        closing_soon = factory.Trait(deadline=factory.LazyFunction(lambda: _at(5)))
        upcoming = factory.Trait(
            opens_at=factory.LazyFunction(lambda: _at(20, 8)),
            deadline=factory.LazyFunction(lambda: _at(60)),
        )
        closed = factory.Trait(
            opens_at=factory.LazyFunction(lambda: _at(-90, 8)),
            deadline=factory.LazyFunction(lambda: _at(-30)),
        )

    @classmethod
    def _create(cls, model_class, *args, terms=None, **kwargs):
        models = {"purposes": ActivityArea, "target_groups": TargetGroup}
        for field, slugs in (terms or {}).items():
            kwargs[field] = [vocabulary(models[field], slug) for slug in slugs]
        return super()._create(model_class, *args, **kwargs)


class CallWatchFactory(factory.django.DjangoModelFactory):
    call = None
    representative = None

    class Meta:
        model = CallWatch


class HelpRequestFactory(factory.django.DjangoModelFactory):
    call = None
    call_title = "Verksamhetsbidrag 2027"
    name = factory.Faker("name", locale="sv_SE")
    email = factory.Sequence(lambda n: f"fragande{n}@example.org")
    question = "Hur skriver vi budgeten?"
    language = settings.LANGUAGE_CODE
    consent_version = "2026-11-24"
    consent_text_hash = "0" * 64
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = HelpRequest
