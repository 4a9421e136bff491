"""StreamField blocks shared by every body field on the site."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Rubrik"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Nivå"),
        choices=[("h2", _("Rubrik 2")), ("h3", _("Rubrik 3"))],
        default="h2",
        help_text=_("Använd Rubrik 2 för avsnitt och Rubrik 3 för underavsnitt."),
    )

    class Meta:
        icon = "title"
        label = _("Rubrik")
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citat"))
    attribution = blocks.CharBlock(label=_("Vem sade det"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Citat")
        template = "blocks/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Länktext"),
        required=False,
        help_text=_("Lämna tomt för att använda dokumentets titel."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Dokumentlänk")
        template = "blocks/document_link_block.html"


class PageOrAddressBlock(blocks.StructBlock):
    """A link that needs a page (``page``) or an external address (``url``)."""

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(
                        _("Välj en sida eller skriv en extern adress.")
                    )
                }
            )
        return value


class CallToActionBlock(PageOrAddressBlock):
    heading = blocks.CharBlock(label=_("Rubrik"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Sida"), required=False)
    url = blocks.URLBlock(
        label=_("Extern adress"),
        required=False,
        help_text=_("Används bara om ingen sida är vald."),
    )
    button_text = blocks.CharBlock(label=_("Knapptext"), max_length=60)

    class Meta:
        icon = "link"
        label = _("Uppmaning")
        template = "blocks/call_to_action_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock(label=_("Bild"), template="blocks/image_block.html")
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
