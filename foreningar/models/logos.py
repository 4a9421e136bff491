"""What a logo must be, wherever it comes from: the representative's upload
(``forms.ProfileForm``) and the coordinator's choice in the admin
(``AssociationPage.clean``). Small enough to make renditions cheaply, big
enough to be seen, and still."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from core.images import check_stored_image

LOGO_RULES = {"min_side": 64, "max_side": 4000, "allow_animated": False}


def logo_error(page) -> ValidationError | None:
    """Why the page's logo cannot be used, if it was changed and breaks
    ``LOGO_RULES``; an unchanged logo is never questioned again."""
    if not page.logo_id:
        return None
    saved = type(page).objects.filter(pk=page.pk).values_list("logo_id", flat=True)
    if page.pk and page.logo_id in saved:
        return None
    try:
        check_stored_image(page.logo, **LOGO_RULES)
    except ValidationError as error:
        return error
    return None
