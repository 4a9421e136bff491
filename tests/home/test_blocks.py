"""Link blocks need a page or an external address (one rule, two blocks)."""

import pytest
from wagtail.blocks import StructBlockValidationError

from coordinator.newsletters.models.blocks import ButtonBlock
from home.blocks import CallToActionBlock


@pytest.mark.parametrize("block_class", [CallToActionBlock, ButtonBlock])
def test_a_link_block_needs_a_page_or_an_address(block_class, db):
    block = block_class()
    empty = block.to_python(
        {
            "page": None,
            "url": "",
            "button_text": "Läs",
            "text": "Läs",
            "heading": "Rubrik",
        }
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(empty)
    assert "page" in error.value.block_errors
    linked = block.to_python(
        {
            "page": None,
            "url": "https://example.org/",
            "button_text": "Läs",
            "text": "Läs",
            "heading": "Rubrik",
        }
    )
    assert block.clean(linked)["url"] == "https://example.org/"
