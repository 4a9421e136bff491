"""Words people search the register for, in Swedish, Finnish and English.

The vocabulary names are in the read model in every language already; free
keywords ("fotboll") and descriptions are in whatever language their
association wrote them. A query word found here also looks for the other
words of its group, so "jalkapallo" and "football" find the association
tagged "fotboll" (and the other way round). One group a line, single words,
lower case; the first word of a group is the Swedish one. Add a group when a
common search finds nothing in some language (a deploy, no reindexing: the
expansion happens when the query is built)."""

from __future__ import annotations

GLOSSARY: tuple[tuple[str, ...], ...] = (
    # Sports
    ("fotboll", "jalkapallo", "football", "soccer"),
    ("friidrott", "yleisurheilu", "athletics"),
    ("skidor", "hiihto", "skiing"),
    ("längdskidor", "murtomaahiihto", "cross-country"),
    ("orientering", "suunnistus", "orienteering"),
    ("segling", "purjehdus", "sailing"),
    ("båtar", "veneet", "boats"),
    ("stavgång", "sauvakävely", "walking"),
    ("gympa", "jumppa", "gym"),
    ("ishockey", "jääkiekko", "hockey"),
    ("innebandy", "salibandy", "floorball"),
    ("simning", "uinti", "swimming"),
    # Music, culture
    ("kör", "kuoro", "choir"),
    ("körsång", "kuorolaulu", "singing"),
    ("sång", "laulu", "singing"),
    ("konserter", "konsertit", "concerts"),
    ("folkmusik", "kansanmusiikki", "folk"),
    ("fiol", "viulu", "violin", "fiddle"),
    ("teater", "teatteri", "theatre", "theater"),
    ("dans", "tanssi", "dance", "dancing"),
    ("måleri", "maalaus", "painting"),
    ("konst", "taide", "art"),
    ("utställningar", "näyttelyt", "exhibitions"),
    ("hembygd", "kotiseutu", "heritage"),
    ("historia", "historia", "history"),
    ("museum", "museo", "museum"),
    # People (the target groups are vocabulary names in every language)
    ("pensionärer", "eläkeläiset", "pensioners", "retirees"),
    # Activities
    ("scouting", "partio", "scouts"),
    ("friluftsliv", "retkeily", "outdoors"),
    ("kaffe", "kahvi", "coffee"),
    ("utflykter", "retket", "excursions", "trips"),
    ("matlagning", "ruoanlaitto", "cooking"),
    ("hushåll", "kotitalous", "household"),
    ("byagård", "kylätalo", "village hall"),
    ("talko", "talkoot", "volunteering"),
    ("ungdomsgård", "nuorisotalo", "youth club"),
    ("trädgård", "puutarha", "garden", "gardening"),
    ("odling", "viljely", "growing"),
    ("fåglar", "linnut", "birds", "birdwatching"),
    ("naturvård", "luonnonsuojelu", "conservation"),
    ("språkcafé", "kielikahvila", "language café"),
    ("läxhjälp", "läksyapu", "homework help"),
    ("tillgänglighet", "saavutettavuus", "accessibility"),
    ("påverkan", "vaikuttaminen", "advocacy"),
    ("hörsel", "kuulo", "hearing"),
    ("samtalsgrupp", "keskusteluryhmä", "support group"),
    ("diakoni", "diakonia", "diaconia"),
    ("schack", "shakki", "chess"),
    ("familjeträffar", "perhekerho", "family club"),
    ("närståendevård", "omaishoito", "caregiving", "carers"),
    ("stödgrupp", "vertaisryhmä", "peer support"),
    ("företagande", "yrittäjyys", "entrepreneurship", "business"),
    ("nätverk", "verkosto", "network", "networking"),
)
