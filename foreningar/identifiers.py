"""Organisation identifiers: Swedish organisationsnummer, Finnish Y-tunnus and
Finnish association register numbers, validated with python-stdnum."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_exceptions
from stdnum.fi import associationid, ytunnus
from stdnum.se import orgnr


class IdentifierKind(models.TextChoices):
    SE_ORGNR = "se_orgnr", _("Organisationsnummer (Sverige)")
    FI_YTUNNUS = "fi_ytunnus", _("FO-nummer / Y-tunnus (Finland)")
    FI_ASSOCIATION = "fi_association", _("Föreningsregisternummer (Finland)")


_MODULES = {
    IdentifierKind.SE_ORGNR: orgnr,
    IdentifierKind.FI_YTUNNUS: ytunnus,
    IdentifierKind.FI_ASSOCIATION: associationid,
}

_EXAMPLES = {
    # Examples that pass their own checksum (tested).
    IdentifierKind.SE_ORGNR: "802012-3454",
    IdentifierKind.FI_YTUNNUS: "0737546-2",
    IdentifierKind.FI_ASSOCIATION: "123.456",
}


def normalise_identifier(kind: str, value: str) -> str:
    """Return the identifier in its canonical display format, or raise a
    ValidationError with a message a volunteer can act on."""
    module = _MODULES.get(kind)
    if module is None:
        raise ValidationError(_("Välj vilken sorts nummer det är."), code="kind")
    try:
        compact = module.validate(value)
    except stdnum_exceptions.InvalidChecksum:
        raise ValidationError(
            _(
                "Numret %(value)s stämmer inte – kontrollsiffran är fel. "
                "Kontrollera att du har skrivit av det rätt."
            ),
            code="checksum",
            params={"value": value},
        ) from None
    except stdnum_exceptions.ValidationError:
        raise ValidationError(
            _("Numret har fel format. Det ska se ut ungefär så här: %(example)s."),
            code="format",
            params={"example": _EXAMPLES[kind]},
        ) from None
    return module.format(compact)


def infer_kind(value: str, preferred: str = "") -> str:
    """The kind of identifier ``value`` is valid as: ``preferred`` (what the
    form's select says) when it fits, else the first kind that does; "" when
    none does."""
    kinds = [preferred] if preferred in _MODULES else []
    kinds += [kind for kind in _MODULES if kind != preferred]
    for kind in kinds:
        if _MODULES[kind].is_valid(value or ""):
            return kind
    return ""
