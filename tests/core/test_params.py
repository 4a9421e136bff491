"""The shared query-parameter helpers (core.params)."""

from __future__ import annotations

import pytest
from django.db import models

from core.params import (
    MAX_DB_INT,
    ParamError,
    clean_search_text,
    is_db_int,
    parse_field_value,
    parse_int_param,
    parse_page_number,
    parse_positive_int,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3", 3),
        (" 12 ", 12),
        ("²", 1),  # str.isdigit() says yes; int() says no
        ("①", 1),
        ("٣", 1),  # Arabic-Indic three: int() accepts it, we do not
        ("-1", 1),
        ("0", 1),
        ("1e3", 1),
        ("99999999999999999999", 1),
        (None, 1),
        ("", 1),
    ],
)
def test_page_number(value, expected):
    assert parse_page_number(value) == expected


def test_positive_int_stays_within_64_bits():
    assert parse_positive_int(str(MAX_DB_INT)) == MAX_DB_INT
    assert parse_positive_int(str(MAX_DB_INT + 1)) is None
    assert parse_positive_int("x", default=7) == 7
    assert is_db_int("9223372036854775807") and not is_db_int("9223372036854775808")


def test_search_text_is_words_only():
    assert clean_search_text('"kör" OR  nä\x00r*') == "kör OR nä r"
    assert clean_search_text('"') == ""
    assert len(clean_search_text("a" * 5000)) == 200


def test_int_param_raises_a_translated_error():
    with pytest.raises(ParamError) as error:
        parse_int_param("offset", "9223372036854775808", maximum=2**62)
    assert error.value.param == "offset"
    assert "heltal" in str(error.value.message)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (models.DateTimeField(name="at"), "1"),
        (models.DateTimeField(name="at"), "0001-01-01"),
        (models.DateField(name="on"), "x"),
        (models.DecimalField(name="lat", max_digits=9, decimal_places=6), "abc"),
        (models.DecimalField(name="lat", max_digits=9, decimal_places=6), "NaN"),
        (models.FloatField(name="f"), "inf"),
        (models.IntegerField(name="n"), "99999999999999999999"),
        (models.BigAutoField(name="id", primary_key=True), "9223372036854775808"),
        (models.BooleanField(name="b"), "maybe"),
        (models.CharField(name="c", max_length=5), "a\x00b"),
    ],
)
def test_field_values_the_database_cannot_compare_are_refused(db, field, value):
    with pytest.raises(ParamError):
        parse_field_value(field.name, field, value)


def test_good_field_values_pass(db):
    assert parse_field_value("n", models.IntegerField(name="n"), "42") == 42
    assert parse_field_value("b", models.BooleanField(name="b"), "true") is True
