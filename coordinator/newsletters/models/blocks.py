"""The blocks of a newsletter's body. Each renders twice: on the web (the
block's ``template``) and in the email (``newsletters/email/blocks/<name>``
.html and .txt, see services.rendering). The "upcoming" blocks are filled
from the apps registered under ``core.hooks.NEWSLETTER_ITEMS``."""

from django.conf import settings
from django.db import DatabaseError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from home.blocks import HeadingBlock, PageOrAddressBlock

# Mail clients show little more than this safely; no h2 inside text (the
# heading block makes sections).
EMAIL_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]

# The kinds the upcoming blocks ask the providers for.
GRANT_DEADLINES = "grant_deadlines"
EVENTS = "events"


def target_group_choices() -> list[tuple[str, str]]:
    """The register's target groups (default language) for the editor to
    narrow an upcoming block to."""
    from foreningar.models import TargetGroup

    choices = [("", str(_("Alla målgrupper")))]
    try:
        choices += [
            (group.slug, group.name)
            for group in TargetGroup.objects.filter(
                locale__language_code=settings.LANGUAGE_CODE
            )
        ]
    except DatabaseError:  # before migrations (checks, makemigrations)
        pass
    return choices


class ButtonBlock(PageOrAddressBlock):
    text = blocks.CharBlock(label=_("Knapptext"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Sida"), required=False)
    url = blocks.URLBlock(
        label=_("Extern adress"),
        required=False,
        help_text=_("Används bara om ingen sida är vald."),
    )

    class Meta:
        icon = "link"
        label = _("Knapp")
        template = "newsletters/blocks/button_block.html"


class DividerBlock(blocks.StaticBlock):
    class Meta:
        icon = "horizontalrule"
        label = _("Avdelare")
        admin_text = _("En tunn linje mellan två avsnitt.")
        template = "newsletters/blocks/divider_block.html"


class UpcomingBlock(blocks.StructBlock):
    """Dated items filled in when the newsletter is sent (and when the web
    page is shown), from the providers of ``kind``."""

    kind = ""
    heading = blocks.CharBlock(
        label=_("Rubrik"),
        required=False,
        max_length=120,
        help_text=_("Lämna tomt för standardrubriken."),
    )
    days = blocks.IntegerBlock(
        label=_("Hur långt fram (dagar)"),
        default=60,
        min_value=7,
        max_value=365,
    )
    limit = blocks.IntegerBlock(
        label=_("Högst antal"), default=5, min_value=1, max_value=10
    )
    target_group = blocks.ChoiceBlock(
        label=_("Målgrupp"),
        choices=target_group_choices,
        required=False,
        help_text=_("Visa bara det som riktar sig till en viss målgrupp."),
    )

    class Meta:
        template = "newsletters/blocks/upcoming_block.html"


class GrantDeadlinesBlock(UpcomingBlock):
    kind = GRANT_DEADLINES

    class Meta:
        icon = "date"
        label = _("Kommande ansökningstider")
        help_text = _(
            "Fylls i automatiskt när nyhetsbrevet skickas: bidrag vars "
            "ansökningstid går ut inom den valda tiden."
        )


class UpcomingEventsBlock(UpcomingBlock):
    kind = EVENTS

    class Meta:
        icon = "calendar-alt"
        label = _("Kommande utbildningar och evenemang")
        help_text = _(
            "Fylls i automatiskt när nyhetsbrevet skickas: utbildningar och "
            "evenemang inom den valda tiden."
        )


class AssociationSpotlightBlock(blocks.StructBlock):
    association = blocks.PageChooserBlock(
        label=_("Förening"), page_type="foreningar.AssociationPage"
    )
    text = blocks.TextBlock(
        label=_("Varför just den här föreningen"),
        required=False,
        help_text=_("Lämna tomt för att visa föreningens egen korta beskrivning."),
    )

    class Meta:
        icon = "group"
        label = _("Förening i fokus")
        template = "newsletters/blocks/spotlight_block.html"


class NewsletterStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=EMAIL_TEXT_FEATURES,
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock(label=_("Bild"), template="blocks/image_block.html")
    button = ButtonBlock()
    divider = DividerBlock()
    grant_deadlines = GrantDeadlinesBlock()
    upcoming_events = UpcomingEventsBlock()
    spotlight = AssociationSpotlightBlock()
