"""Importing an existing list from a CSV file: checked first (dry run), then
applied in one transaction. Rows with a recorded consent (a date in the
consent column) become active; the others get a double opt-in invitation.
Addresses already on the list are left as they are."""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.i18n import default_language, language_codes, normalise_language

from ..models import Subscriber, SubscriberImport, Topic, normalise_email
from .subscriptions import INVITATION_VALIDITY, send_confirmation, topics_by_slug

MAX_ROWS = 20_000
MAX_BYTES = 5 * 1024 * 1024
# Accepted column names (lower case), Swedish and English.
COLUMNS = {
    "email": ("e-post", "epost", "email", "e-mail"),
    "name": ("namn", "name"),
    "language": ("språk", "sprak", "language"),
    "topics": ("ämnen", "amnen", "topics"),
    "consent": ("samtycke", "consent", "samtycke_datum", "consented_at"),
}


class ImportFileError(Exception):
    """The file cannot be read at all; the message says why."""


@dataclass
class Checked:
    rows: list[dict] = field(default_factory=list)  # valid new rows
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, why)
    existing: int = 0

    @property
    def with_consent(self) -> int:
        return sum(1 for row in self.rows if row["consent"])

    @property
    def invitations(self) -> int:
        return len(self.rows) - self.with_consent


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(_("Filen gick inte att läsa. Spara den som CSV (UTF-8)."))


def _columns(header: list[str]) -> dict[str, int]:
    found = {}
    for index, name in enumerate(header):
        name = name.strip().lower()
        for key, names in COLUMNS.items():
            if name in names and key not in found:
                found[key] = index
    if "email" not in found:
        raise ImportFileError(
            _("Filen saknar en kolumn med rubriken ”e-post” på första raden.")
        )
    return found


def _consent_date(value: str) -> datetime.datetime | None | str:
    value = value.strip()
    if not value:
        return None
    try:
        day = datetime.date.fromisoformat(value[:10])
    except ValueError:
        return "invalid"
    if day > timezone.localdate():
        return "invalid"
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _topic_lookup() -> dict[str, str]:
    """Topic slug and names in every language (lower case) → slug."""
    lookup = {}
    for topic in Topic.objects.all():
        lookup[topic.slug.lower()] = topic.slug
        lookup[topic.name.strip().lower()] = topic.slug
    return lookup


def check_file(data: bytes) -> Checked:
    """Read and check every row without changing anything."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("Filen är för stor (högst 5 MB)."))
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
        dialect.delimiter = ";"
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise ImportFileError(_("Filen är tom.")) from None
    columns = _columns(header)
    topics = _topic_lookup()
    all_topics = sorted(set(topics.values()))
    existing = set(Subscriber.objects.values_list("email", flat=True))
    checked = Checked()
    seen: set[str] = set()
    try:
        for line, row in enumerate(reader, start=2):
            if line - 1 > MAX_ROWS:
                raise ImportFileError(_("Filen har för många rader (högst 20 000)."))
            if not any(cell.strip() for cell in row):
                continue

            def cell(key: str, row=row) -> str:
                index = columns.get(key)
                return (
                    row[index].strip() if index is not None and index < len(row) else ""
                )

            email = normalise_email(cell("email"))
            try:
                validate_email(email)
            except ValidationError:
                checked.errors.append((line, _("ogiltig e-postadress")))
                continue
            if email in existing:
                checked.existing += 1
                continue
            if email in seen:
                checked.errors.append(
                    (line, _("adressen finns redan längre upp i filen"))
                )
                continue
            language = cell("language").lower() or default_language()
            if language not in language_codes():
                checked.errors.append((line, _("okänt språk (sv, fi eller en)")))
                continue
            wanted = [
                p.strip().lower()
                for p in cell("topics").replace("|", ",").split(",")
                if p.strip()
            ]
            unknown = [p for p in wanted if p not in topics]
            if unknown:
                checked.errors.append(
                    (line, _("okänt ämne: %(topic)s") % {"topic": unknown[0]})
                )
                continue
            consent = _consent_date(cell("consent"))
            if consent == "invalid":
                checked.errors.append(
                    (line, _("samtycket ska vara ett datum, t.ex. 2025-03-14"))
                )
                continue
            seen.add(email)
            checked.rows.append(
                {
                    "email": email,
                    "name": cell("name")[:120],
                    "language": normalise_language(language),
                    "topics": sorted({topics[p] for p in wanted}) or all_topics,
                    "consent": consent.isoformat() if consent else "",
                }
            )
    except csv.Error as error:
        raise ImportFileError(
            _("Filen gick inte att läsa (rad %(line)s).") % {"line": reader.line_num}
        ) from error
    return checked


def stage_import(
    data: bytes, file_name: str, privacy_version: str, user=None
) -> SubscriberImport:
    """Check the file and keep the result for the coordinator to look at."""
    checked = check_file(data)
    return SubscriberImport.objects.create(
        file_name=file_name[:200],
        privacy_version=privacy_version,
        created_by=user,
        rows=checked.rows,
        summary={
            "new": len(checked.rows),
            "with_consent": checked.with_consent,
            "invitations": checked.invitations,
            "existing": checked.existing,
            "errors": checked.errors[:200],
            "error_count": len(checked.errors),
        },
    )


@transaction.atomic
def apply_import(staged: SubscriberImport) -> dict[str, int]:
    """Create the checked rows (all or nothing) and invite those without a
    recorded consent. Addresses added since the check are left alone."""
    staged = SubscriberImport.objects.select_for_update().get(pk=staged.pk)
    if staged.applied_at is not None:
        return {"active": 0, "invited": 0}
    rows = _new_rows(staged.rows)
    now = timezone.now()
    created = Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=row["email"],
                name=row["name"],
                language=row["language"],
                status=Subscriber.Status.ACTIVE
                if row["consent"]
                else Subscriber.Status.PENDING,
                source=Subscriber.Source.IMPORT,
                privacy_version=staged.privacy_version,
                subscribed_at=datetime.datetime.fromisoformat(row["consent"])
                if row["consent"]
                else now,
            )
            for row in rows
        ],
        batch_size=1000,
    )
    if created and created[0].pk is None:  # backends without RETURNING
        ids = dict(Subscriber.objects.values_list("email", "pk"))
        for subscriber in created:
            subscriber.pk = ids[subscriber.email]
    topics = {
        topic.slug: topic
        for topic in topics_by_slug({s for r in rows for s in r["topics"]})
    }
    through = Subscriber.topics.through
    through.objects.bulk_create(
        [
            through(subscriber_id=subscriber.pk, topic_id=topics[slug].pk)
            for subscriber, row in zip(created, rows, strict=True)
            for slug in row["topics"]
            if slug in topics
        ],
        batch_size=2000,
    )
    invited = [s for s in created if s.status == Subscriber.Status.PENDING]
    for subscriber in invited:
        send_confirmation(
            subscriber, template="invitation", valid_for=INVITATION_VALIDITY
        )
    staged.applied_at = now
    staged.rows = []  # the data now lives in the subscribers
    staged.summary = {
        **staged.summary,
        "active": len(created) - len(invited),
        "invited": len(invited),
    }
    staged.save()
    return {"active": len(created) - len(invited), "invited": len(invited)}


def _new_rows(rows: list[dict]) -> list[dict]:
    existing = set(Subscriber.objects.values_list("email", flat=True))
    return [row for row in rows if row["email"] not in existing]


def discard_import(staged: SubscriberImport) -> None:
    SubscriberImport.objects.filter(pk=staged.pk, applied_at__isnull=True).delete()
