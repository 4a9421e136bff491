"""The register's default vocabularies in Swedish, with Finnish and English
names. The data migration creates the Swedish rows; ``seed_demo`` (and the
coordinator, in the admin) adds the translations. Slugs are the same in every
language."""

from __future__ import annotations

# model name -> [(slug, swedish, finnish, english[, language code])]
VOCABULARIES: dict[str, list[tuple[str, ...]]] = {
    "activityarea": [
        ("idrott", "Idrott och motion", "Liikunta ja urheilu", "Sports and exercise"),
        ("kultur", "Kultur", "Kulttuuri", "Culture"),
        ("musik-och-kor", "Musik och kör", "Musiikki ja kuorot", "Music and choirs"),
        (
            "social-verksamhet",
            "Social verksamhet",
            "Sosiaalinen toiminta",
            "Social work",
        ),
        ("seniorer", "Seniorer", "Seniorit", "Seniors"),
        (
            "barn-och-unga",
            "Barn och unga",
            "Lapset ja nuoret",
            "Children and young people",
        ),
        ("integration", "Integration", "Kotoutuminen", "Integration"),
        ("funktionsratt", "Funktionsrätt", "Vammaisten oikeudet", "Disability rights"),
        (
            "miljo-och-natur",
            "Miljö och natur",
            "Ympäristö ja luonto",
            "Environment and nature",
        ),
        (
            "by-och-lokalutveckling",
            "By- och lokalutveckling",
            "Kylä- ja paikalliskehittäminen",
            "Village and local development",
        ),
        (
            "religion-och-livsaskadning",
            "Religion och livsåskådning",
            "Uskonto ja elämänkatsomus",
            "Religion and beliefs",
        ),
        (
            "hobby",
            "Hobby och fritid",
            "Harrastukset ja vapaa-aika",
            "Hobbies and leisure",
        ),
        (
            "intresseorganisation",
            "Intresseorganisation",
            "Etujärjestö",
            "Advocacy group",
        ),
        ("halsa", "Hälsa och stöd", "Terveys ja tuki", "Health and support"),
        (
            "trygghet",
            "Trygghet och grannsamverkan",
            "Turvallisuus ja naapuriapu",
            "Safety and neighbourhood watch",
        ),
    ],
    "targetgroup": [
        ("barn", "Barn", "Lapset", "Children"),
        ("unga", "Unga", "Nuoret", "Young people"),
        ("vuxna", "Vuxna", "Aikuiset", "Adults"),
        ("seniorer", "Seniorer", "Seniorit", "Seniors"),
        ("familjer", "Familjer", "Perheet", "Families"),
        ("nyanlanda", "Nyanlända", "Maahan muuttaneet", "Newcomers"),
        (
            "personer-med-funktionsnedsattning",
            "Personer med funktionsnedsättning",
            "Vammaiset henkilöt",
            "People with disabilities",
        ),
        ("alla", "Alla", "Kaikki", "Everyone"),
    ],
    "district": [
        ("centrum", "Centrum", "Keskusta", "Town centre"),
        ("norrby", "Norrby", "Pohjoiskylä", "Norrby"),
        ("soderstrand", "Söderstrand", "Eteläranta", "Söderstrand"),
        ("hamnen", "Hamnen", "Satama", "The Harbour"),
        ("skogsbacka", "Skogsbacka", "Metsämäki", "Skogsbacka"),
        ("kyrkbyn", "Kyrkbyn", "Kirkonkylä", "Kyrkbyn"),
        ("asen", "Åsen", "Harju", "Åsen"),
        ("landsbygden", "Landsbygden", "Maaseutu", "The countryside"),
        ("hela-kommunen", "Hela kommunen", "Koko kunta", "The whole municipality"),
    ],
    "activitylanguage": [
        ("svenska", "Svenska", "Ruotsi", "Swedish", "sv"),
        ("finska", "Finska", "Suomi", "Finnish", "fi"),
        ("engelska", "Engelska", "Englanti", "English", "en"),
        ("arabiska", "Arabiska", "Arabia", "Arabic", "ar"),
        ("somaliska", "Somaliska", "Somali", "Somali", "so"),
        ("persiska", "Persiska", "Persia", "Persian", "fa"),
        ("ukrainska", "Ukrainska", "Ukraina", "Ukrainian", "uk"),
        ("ryska", "Ryska", "Venäjä", "Russian", "ru"),
        ("estniska", "Estniska", "Viro", "Estonian", "et"),
        ("tigrinja", "Tigrinja", "Tigrinja", "Tigrinya", "ti"),
        ("kurdiska", "Kurdiska", "Kurdi", "Kurdish", "ku"),
        ("samiska", "Samiska", "Saame", "Sami", "se"),
        (
            "svenskt-teckensprak",
            "Svenskt teckenspråk",
            "Ruotsalainen viittomakieli",
            "Swedish Sign Language",
            "swl",
        ),
        (
            "finlandssvenskt-teckensprak",
            "Finlandssvenskt teckenspråk",
            "Suomenruotsalainen viittomakieli",
            "Finland-Swedish Sign Language",
            "fss",
        ),
        (
            "finskt-teckensprak",
            "Finskt teckenspråk",
            "Suomalainen viittomakieli",
            "Finnish Sign Language",
            "fse",
        ),
        ("latt-svenska", "Lätt svenska", "Selkoruotsi", "Easy-to-read Swedish", "sv"),
    ],
}
