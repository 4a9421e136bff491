"""Factories of the newsletters: used by the tests and by ``seed_demo``."""

from __future__ import annotations

import factory
from django.conf import settings
from django.utils import timezone

from core.factories import PageFactory

from .models import NewsletterIndexPage, NewsletterPage, Subscriber, Topic

PRIVACY_TEXT = (
    "<p>Vi använder din e-postadress, ditt namn om du anger det, dina valda ämnen "
    "och ditt språk bara för att skicka nyhetsbrevet. Rättslig grund är ditt "
    "samtycke.</p><ul><li>Du kan när som helst avsluta prenumerationen med länken "
    "i varje nyhetsbrev.</li><li>Obekräftade adresser raderas efter 30 dagar.</li>"
    "<li>Uppgifterna lämnas inte ut till någon annan.</li></ul>"
)


def topic(slug: str) -> Topic:
    """The default-language row of a seeded topic."""
    return Topic.objects.get(locale__language_code=settings.LANGUAGE_CODE, slug=slug)


class NewsletterIndexPageFactory(PageFactory):
    title = "Nyhetsbrev"
    slug = "nyhetsbrev"
    show_in_menus = True
    intro = "<p>Nyheter om bidrag, utbildningar och evenemang för föreningar.</p>"
    privacy_text = PRIVACY_TEXT
    privacy_version = "2026-11-24"

    class Meta:
        model = NewsletterIndexPage


class NewsletterPageFactory(PageFactory):
    """``topics=["bidrag"]`` sets the topics by slug."""

    title = factory.Sequence(lambda n: f"Nyhetsbrev nummer {n}")
    slug = factory.Sequence(lambda n: f"nyhetsbrev-{n}")
    subject = ""
    preheader = "Det här händer i föreningslivet just nu."
    body = factory.LazyFunction(
        lambda: [
            ("heading", {"text": "Hej alla föreningsaktiva!", "level": "h2"}),
            ("paragraph", "<p>Här kommer de senaste nyheterna.</p>"),
        ]
    )

    class Meta:
        model = NewsletterPage

    @classmethod
    def _create(cls, model_class, *args, topics=("foreningsnytt",), **kwargs):
        kwargs["topics"] = [topic(slug) for slug in topics]
        return super()._create(model_class, *args, **kwargs)


class SubscriberFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"prenumerant{n}@example.org")
    language = settings.LANGUAGE_CODE
    status = Subscriber.Status.ACTIVE
    source = Subscriber.Source.FORM
    privacy_version = "2026-11-24"
    subscribed_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        """``topics=["bidrag", ...]`` by slug."""
        if create and extracted:
            self.topics.set([topic(slug) for slug in extracted])
