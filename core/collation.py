"""Names in the reader's alphabetical order, the same on every database.

Swedish and Finnish put Å, Ä and Ö after Z, sort É with E and Ü with Y, Ø
with Ö and Æ with Ä; English sorts Å and Ä with A and Ö with O. Databases
disagree (PostgreSQL's C collation puts Ä before Å, SQLite's LOWER() folds
only ASCII), so the register stores a sort key per order: a string of
lowercase hexadecimal weights whose plain byte order is the language's
order, and which every collation of every database sorts the same way.

    sort_key("Ängsby IF", "sv") < sort_key("Östra kören", "sv")
"""

from __future__ import annotations

import unicodedata

# Orders: Swedish and Finnish share one; English has its own.
NORDIC = "nordic"
ENGLISH = "english"
ORDER_BY_LANGUAGE = {"sv": NORDIC, "fi": NORDIC, "en": ENGLISH}

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Letters of their own in the Nordic order, and what folds into them.
_NORDIC_OWN = {"å": "å", "ä": "ä", "ö": "ö", "æ": "ä", "ø": "ö"}
_NORDIC_ALPHABET = _LETTERS + "åäö"
_NORDIC_AS = {"ü": "y", "ű": "y"}  # German/Hungarian Ü sorts as Y
_ENGLISH_AS = {"æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "þ": "th", "ð": "d"}

_SPACE, _PUNCTUATION, _DIGITS, _LETTER, _OTHER = 0x01, 0x02, 0x10, 0x100, 0x1000


def order_for(language: str) -> str:
    return ORDER_BY_LANGUAGE.get(language, NORDIC)


def _base_letters(char: str, order: str) -> str:
    """The letter(s) a character sorts as, before weighing."""
    if order == NORDIC:
        if char in _NORDIC_OWN:
            return _NORDIC_OWN[char]
        if char in _NORDIC_AS:
            return _NORDIC_AS[char]
    elif char in _ENGLISH_AS:
        return _ENGLISH_AS[char]
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base or char


def _weight(char: str, alphabet: str) -> int:
    if char.isspace():
        return _SPACE
    if char.isdigit() and char.isascii():
        return _DIGITS + int(char)
    position = alphabet.find(char)
    if position >= 0:
        return _LETTER + position
    if unicodedata.category(char)[0] in "PS":
        return _PUNCTUATION
    return min(_OTHER + ord(char), 0xFFFF)


KEY_LENGTH = 4 * (120 + 1 + 60)  # the longest key: 120 weighed characters


def sort_key(text: str, language: str = "sv", *, length: int = 120) -> str:
    """A key whose byte order is ``text``'s place in the language's order.
    Ties on letters are broken by accents and case (of the first 60
    characters), so the order is total and stable. ``length`` caps the
    characters weighed; the key is at most ``KEY_LENGTH`` long."""
    order = order_for(language)
    alphabet = _NORDIC_ALPHABET if order == NORDIC else _LETTERS
    folded = unicodedata.normalize("NFC", " ".join((text or "").split()))[:length]
    primary = []
    for char in folded.casefold():
        for letter in _base_letters(char, order):
            primary.append(f"{_weight(letter, alphabet):04x}")
    # Tie-break: the exact characters, after a separator below every weight.
    tertiary = "".join(f"{min(ord(c), 0xFFFF):04x}" for c in folded[:60])
    return "".join(primary)[: 4 * length] + "0000" + tertiary
