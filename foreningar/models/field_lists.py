"""Which of an association's fields are public, which it sets itself at
registration and in its profile, and what the API shows: one list each,
read by the forms, the API, the CSV and the read model."""

from wagtail.api import APIField

from core.images.api import SafeImageRenditionField

from ..serializers import KeywordListField, VocabularyListField
from .vocabularies import VOCABULARY_FIELDS

TRANSLATED_TEXT_LANGUAGES = ("fi", "en")
TRANSLATED_TEXT_FIELDS = [
    f"{name}_{language}"
    for language in TRANSLATED_TEXT_LANGUAGES
    for name in ("short_description", "description")
]

#: Model fields the public register shows (profile, API, CSV). Anything not
#: listed here (representatives, private notes) is never published.
PUBLIC_FIELDS = [
    "short_description",
    "description",
    *TRANSLATED_TEXT_FIELDS,
    "org_id_kind",
    "org_id",
    "founded_year",
    "member_count",
    "meeting_place_name",
    "street_address",
    "postcode",
    "town",
    "latitude",
    "longitude",
    "meeting_times",
    "premises_accessibility",
    "step_free_access",
    "accessible_toilet",
    "hearing_loop",
    "membership_fee",
    "looking_for_volunteers",
    "volunteers_text",
    "public_email",
    "public_phone",
    "website",
    "facebook_url",
    "instagram_url",
    "other_social_url",
    "status",
    "last_verified_at",
]
# Fields an association sets itself: registration asks for the first part,
# the representative's profile form for all of them. The forms are ModelForms
# over these lists (plus the logo, uploaded apart).
REGISTRATION_FIELDS = [
    "title",
    "short_description",
    "description",
    "org_id_kind",
    "org_id",
    *VOCABULARY_FIELDS,
    "meeting_place_name",
    "street_address",
    "postcode",
    "town",
    "meeting_times",
    "step_free_access",
    "accessible_toilet",
    "hearing_loop",
    "premises_accessibility",
    "public_email",
    "public_phone",
    "website",
]
SELF_SERVICE_FIELDS = REGISTRATION_FIELDS + [
    *TRANSLATED_TEXT_FIELDS,
    "founded_year",
    "member_count",
    "membership_fee",
    "looking_for_volunteers",
    "volunteers_text",
    "facebook_url",
    "instagram_url",
]
LOGO_SPEC = "max-240x240"

PUBLIC_API_FIELDS = (
    [APIField(name) for name in PUBLIC_FIELDS]
    + [APIField(name, serializer=VocabularyListField()) for name in VOCABULARY_FIELDS]
    + [
        APIField("keywords", serializer=KeywordListField()),
        APIField("logo", serializer=SafeImageRenditionField(LOGO_SPEC, read_only=True)),
    ]
)
