#!/usr/bin/env python3
"""Writes N lines of investment-news JSONL for kg's benchmarks, deterministically.

    bench/gen_assertions.py 1000000 > out.jsonl
    bench/gen_assertions.py 1000000 --seed 7 --stats out.stats.json > out.jsonl

The same arguments give byte-identical output: the only source of randomness is
random.Random(seed).random(), whose sequence Python keeps stable across versions, and integers are derived
from it with arithmetic rather than randrange.

What the data looks like:
- Entities are organisations (a few dozen real names, then synthetic ones such as "Kavoru Energy"),
  people, countries (real names in English, French, Spanish or German, matching the article's language)
  and cities. Popularity follows a Zipf law, so a few hubs take part in many facts.
- Some mentions vary the spelling ("Microsoft Corp.", "MICROSOFT", "Nestle" without its accent, a
  country's name in another language), always in ways that kg's name normalisation and country gazetteer
  are meant to resolve to one entity.
- Predicates come from schemas/predicates.json, weighted towards invests_in, acquires and partner_of,
  with subject and object types inside each predicate's domain and range.
- About --dup-rate of the lines re-report an earlier fact from another source: same subject, predicate,
  object and qualifiers, a different source uri. Every other line is a fact never seen before, counting
  symmetric predicates once whichever way round; every line is distinct, so kg should report
  evidence = N and facts = N - duplicates. --stats writes those expected counts as JSON.

Uniqueness is tracked in a set of integers: the generator needs about 120 MB at 1M lines and 800 MB at
10M. It writes about 60k lines/s (1M lines in 15-20 s, 10M in about 3 minutes on the 2-core machine).
"""

import argparse
import bisect
import json
import math
import os
import random
import sys
import unicodedata

# ISO code, then the name in English, French, Spanish and German as ICU's locale data spells it.
COUNTRIES = [
    ("US", "United States", "États-Unis", "Estados Unidos", "Vereinigte Staaten"),
    ("CN", "China", "Chine", "China", "China"),
    ("DE", "Germany", "Allemagne", "Alemania", "Deutschland"),
    ("FR", "France", "France", "Francia", "Frankreich"),
    ("GB", "United Kingdom", "Royaume-Uni", "Reino Unido", "Vereinigtes Königreich"),
    ("JP", "Japan", "Japon", "Japón", "Japan"),
    ("IN", "India", "Inde", "India", "Indien"),
    ("ES", "Spain", "Espagne", "España", "Spanien"),
    ("IT", "Italy", "Italie", "Italia", "Italien"),
    ("CA", "Canada", "Canada", "Canadá", "Kanada"),
    ("BR", "Brazil", "Brésil", "Brasil", "Brasilien"),
    ("KR", "South Korea", "Corée du Sud", "Corea del Sur", "Südkorea"),
    ("AU", "Australia", "Australie", "Australia", "Australien"),
    ("MX", "Mexico", "Mexique", "México", "Mexiko"),
    ("NL", "Netherlands", "Pays-Bas", "Países Bajos", "Niederlande"),
    ("SA", "Saudi Arabia", "Arabie saoudite", "Arabia Saudí", "Saudi-Arabien"),
    ("CH", "Switzerland", "Suisse", "Suiza", "Schweiz"),
    ("SE", "Sweden", "Suède", "Suecia", "Schweden"),
    ("PL", "Poland", "Pologne", "Polonia", "Polen"),
    ("BE", "Belgium", "Belgique", "Bélgica", "Belgien"),
    ("AR", "Argentina", "Argentine", "Argentina", "Argentinien"),
    ("NO", "Norway", "Norvège", "Noruega", "Norwegen"),
    ("AE", "United Arab Emirates", "Émirats arabes unis", "Emiratos Árabes Unidos", "Vereinigte Arabische Emirate"),
    ("SG", "Singapore", "Singapour", "Singapur", "Singapur"),
    ("IE", "Ireland", "Irlande", "Irlanda", "Irland"),
    ("IL", "Israel", "Israël", "Israel", "Israel"),
    ("AT", "Austria", "Autriche", "Austria", "Österreich"),
    ("NG", "Nigeria", "Nigéria", "Nigeria", "Nigeria"),
    ("ZA", "South Africa", "Afrique du Sud", "Sudáfrica", "Südafrika"),
    ("EG", "Egypt", "Égypte", "Egipto", "Ägypten"),
    ("DK", "Denmark", "Danemark", "Dinamarca", "Dänemark"),
    ("FI", "Finland", "Finlande", "Finlandia", "Finnland"),
    ("PT", "Portugal", "Portugal", "Portugal", "Portugal"),
    ("GR", "Greece", "Grèce", "Grecia", "Griechenland"),
    ("ID", "Indonesia", "Indonésie", "Indonesia", "Indonesien"),
    ("TH", "Thailand", "Thaïlande", "Tailandia", "Thailand"),
    ("MY", "Malaysia", "Malaisie", "Malasia", "Malaysia"),
    ("PH", "Philippines", "Philippines", "Filipinas", "Philippinen"),
    ("CL", "Chile", "Chili", "Chile", "Chile"),
    ("CO", "Colombia", "Colombie", "Colombia", "Kolumbien"),
    ("PE", "Peru", "Pérou", "Perú", "Peru"),
    ("MA", "Morocco", "Maroc", "Marruecos", "Marokko"),
    ("KE", "Kenya", "Kenya", "Kenia", "Kenia"),
    ("QA", "Qatar", "Qatar", "Catar", "Katar"),
    ("HU", "Hungary", "Hongrie", "Hungría", "Ungarn"),
    ("RO", "Romania", "Roumanie", "Rumanía", "Rumänien"),
    ("NZ", "New Zealand", "Nouvelle-Zélande", "Nueva Zelanda", "Neuseeland"),
    ("UA", "Ukraine", "Ukraine", "Ucrania", "Ukraine"),
    ("LU", "Luxembourg", "Luxembourg", "Luxemburgo", "Luxemburg"),
    ("VN", "Vietnam", "Viêt Nam", "Vietnam", "Vietnam"),
]
LANGS = ("en", "fr", "es", "de")
LANG_CUM = (0.55, 0.75, 0.90, 1.0)

# One spelling per city (kg has no city gazetteer); none of them is a country's name in any language.
CITIES = (
    "New York", "London", "Paris", "Berlin", "Frankfurt", "Munich", "Hamburg", "Madrid", "Barcelona", "Lyon",
    "Marseille", "Toulouse", "Milan", "Rome", "Turin", "Amsterdam", "Rotterdam", "Brussels", "Zürich", "Geneva",
    "Vienna", "Stockholm", "Oslo", "Copenhagen", "Helsinki", "Warsaw", "Prague", "Budapest", "Lisbon", "Porto",
    "Dublin", "Athens", "Istanbul", "Dubai", "Abu Dhabi", "Riyadh", "Doha", "Cairo", "Lagos", "Nairobi",
    "Johannesburg", "Cape Town", "Casablanca", "Mumbai", "Bangalore", "Delhi", "Shanghai", "Beijing", "Shenzhen",
    "Tokyo", "Osaka", "Seoul", "Taipei", "Bangkok", "Jakarta", "Kuala Lumpur", "Manila", "Sydney", "Melbourne",
    "Toronto", "Montreal", "Vancouver", "Chicago", "Boston", "San Francisco", "Seattle", "Austin", "Houston",
    "Los Angeles", "Miami", "Atlanta", "Denver", "São Paulo", "Rio de Janeiro", "Buenos Aires", "Santiago",
    "Bogotá", "Lima", "Stuttgart", "Düsseldorf", "Cologne", "Leipzig", "Dresden", "Bordeaux", "Nantes", "Lille",
    "Strasbourg", "Valencia", "Seville", "Bilbao", "Málaga", "Naples", "Florence", "Bologna", "Antwerp", "Ghent",
    "Gothenburg", "Bergen", "Aarhus", "Kraków", "Gdańsk", "Brno", "Tel Aviv", "Haifa", "Manchester", "Birmingham",
    "Edinburgh", "Glasgow", "Leeds", "Bristol", "Cardiff", "Belfast", "Lausanne", "Basel", "Graz", "Salzburg",
    "Thessaloniki", "Ankara", "Izmir", "Marrakesh", "Accra", "Addis Ababa", "Dakar", "Kigali", "Luanda", "Pune",
)

# The most popular organisations; synthetic names follow them in the popularity ranking.
REAL_ORGS = (
    "Microsoft", "Siemens", "TotalEnergies", "Société Générale", "Nestlé", "Telefónica", "BNP Paribas",
    "Volkswagen", "Airbus", "Amazon", "Alphabet", "Samsung Electronics", "Toyota", "Iberdrola", "Enel",
    "Allianz", "Bosch", "Renault", "Schneider Electric", "L'Oréal", "Banco Santander", "Deutsche Telekom",
    "Orange", "Vinci", "Danone", "Unilever", "Shell", "BlackRock", "SoftBank", "Tencent", "Alibaba",
    "Saudi Aramco", "Mubadala", "Temasek", "Ericsson", "Nokia", "Philips", "ASML", "SAP", "Infineon",
    "Repsol", "Inditex", "Zurich Insurance", "Roche", "Novartis", "Bayer", "BASF", "Continental",
    "Carrefour", "Michelin", "Thales", "Safran", "Capgemini", "Accenture", "Apple", "Nvidia", "Intel",
)
SECTORS = (
    "Energy", "Capital", "Holdings", "Systems", "Motors", "Pharma", "Foods", "Logistics", "Robotics", "Telecom",
    "Partners", "Labs", "Mining", "Solar", "Bank", "Insurance", "Airlines", "Biotech", "Semiconductors", "Retail",
    "Media", "Ventures", "Industries", "Networks", "Chemicals", "Steel", "Shipping", "Water", "Software",
    "Analytics", "Aerospace", "Batteries",
)
CONSONANTS = "bdfgklmnprstvz"
VOWELS = "aeiou"
# Suffixes kg strips from organisation names, as a writer might add them.
ORG_SUFFIXES = (" Inc.", " Corp.", " Ltd", " SA", " AG", " plc", ", Inc.", " GmbH", " S.A.")

FIRST_NAMES = (
    "Anna", "Marc", "Sofia", "Lukas", "Elena", "Karim", "Mei", "Hiroshi", "Priya", "Olivier", "Amélie", "José",
    "Lucía", "Jürgen", "Ingrid", "Ahmed", "Fatima", "Chen", "Yuki", "Rahul", "Isabel", "Pedro", "Clara",
    "Thomas", "Sarah", "David", "Laura", "Miguel", "Hélène", "François", "Björn", "Astrid", "Kwame", "Amara",
    "Omar", "Leila", "Daniel", "Julia", "Stefan", "Paolo", "Giulia", "Nikos", "Eleni", "Tomasz", "Agnieszka",
    "Ravi", "Ana", "Carlos", "Mariana", "Jonas", "Emma", "Noah", "Chloé", "Léa", "Hugo", "Sven", "Mateo",
    "Valentina", "Ji-woo", "Min-jun", "Aisha", "Tariq", "Zanele", "Thabo", "Ngozi", "Chidi", "Irina", "Pavel",
)
LAST_NAMES = (
    "Schmidt", "Dubois", "García", "Rossi", "Müller", "Martin", "Tanaka", "Sato", "Kim", "Park", "Wang", "Li",
    "Zhang", "Sharma", "Patel", "Singh", "Silva", "Santos", "Fernández", "López", "Martínez", "Bernard", "Moreau",
    "Lefèvre", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Ricci", "Romano", "Costa", "Nowak",
    "Kowalski", "Novák", "Horváth", "Papadopoulos", "Andersson", "Johansson", "Nielsen", "Hansen", "Virtanen",
    "Okafor", "Mensah", "Haddad", "Nasser", "Cohen", "Levi", "Yilmaz", "Demir", "Ivanov", "Kovalenko",
    "Nguyen", "Tran", "Suzuki", "Takahashi", "Chen", "Huang", "Gupta", "Reddy", "Mendoza", "Torres", "Ramírez",
    "Herrera", "Castro", "Vargas", "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Evans", "Thompson", "Walker",
    "Wright", "Clarke", "Murphy", "O'Brien", "Kelly", "Byrne", "Jansen", "De Vries", "Bakker", "Peeters",
)
INITIALS = "ABCDEFGHJKLMNPRSTVW"

CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CHF", "CNY", "SAR", "INR")
CURRENCY_CUM = (0.45, 0.75, 0.83, 0.88, 0.92, 0.96, 0.98, 1.0)
OUTLETS = {
    "en": ("news.example", "wire.example", "markets.example", "daily.example"),
    "fr": ("news.example", "journal.example", "eco.example"),
    "es": ("news.example", "diario.example", "mercados.example"),
    "de": ("news.example", "zeitung.example", "boerse.example"),
}
EXTRACTORS = ("kg-bench-gen/1", "kg-bench-gen/1 rules", "kg-bench-gen/1 model")

# Evidence sentences per language: {s} subject, {o} object, {a} amount phrase.
TEMPLATES = {
    "invests_in": {
        "en": ("{s} will invest {a} in {o}.", "{s} announced a {a} investment in {o}.", "{s} is putting {a} into {o}, people familiar with the plan said."),
        "fr": ("{s} va investir {a} dans {o}.", "{s} annonce un investissement de {a} en {o}."),
        "es": ("{s} invertirá {a} en {o}.", "{s} anunció una inversión de {a} en {o}."),
        "de": ("{s} investiert {a} in {o}.", "{s} kündigte eine Investition von {a} in {o} an."),
    },
    "acquires": {
        "en": ("{s} agreed to buy {o} for {a}.", "{s} completed its acquisition of {o}."),
        "fr": ("{s} rachète {o} pour {a}.", "{s} a finalisé l'acquisition de {o}."),
        "es": ("{s} compra {o} por {a}.", "{s} cerró la compra de {o}."),
        "de": ("{s} übernimmt {o} für {a}.", "{s} hat die Übernahme von {o} abgeschlossen."),
    },
    "partner_of": {
        "en": ("{s} and {o} signed a partnership.", "{s} teams up with {o}."),
        "fr": ("{s} et {o} ont signé un partenariat.", "{s} s'allie à {o}."),
        "es": ("{s} y {o} firmaron una alianza.",),
        "de": ("{s} und {o} vereinbaren eine Partnerschaft.",),
    },
    "subsidiary_of": {
        "en": ("{s}, a subsidiary of {o}, reported results.",),
        "fr": ("{s}, filiale de {o}, a publié ses résultats.",),
        "es": ("{s}, filial de {o}, presentó resultados.",),
        "de": ("{s}, eine Tochter von {o}, legte Zahlen vor.",),
    },
    "ceo_of": {
        "en": ("{s}, chief executive of {o}, said on Tuesday.",),
        "fr": ("{s}, PDG de {o}, a déclaré mardi.",),
        "es": ("{s}, consejero delegado de {o}, dijo el martes.",),
        "de": ("{s}, Chef von {o}, sagte am Dienstag.",),
    },
    "president_of": {
        "en": ("{s}, president of {o}, welcomed the decision.",),
        "fr": ("{s}, président de {o}, a salué la décision.",),
        "es": ("{s}, presidente de {o}, celebró la decisión.",),
        "de": ("{s}, Präsident von {o}, begrüßte die Entscheidung.",),
    },
    "head_of_government_of": {
        "en": ("The prime minister of {o}, {s}, attended.",),
        "fr": ("Le chef du gouvernement de {o}, {s}, était présent.",),
        "es": ("El jefe del gobierno de {o}, {s}, asistió.",),
        "de": ("Der Regierungschef von {o}, {s}, war anwesend.",),
    },
    "met_with": {
        "en": ("{s} met {o} in private talks.",),
        "fr": ("{s} a rencontré {o}.",),
        "es": ("{s} se reunió con {o}.",),
        "de": ("{s} traf {o} zu Gesprächen.",),
    },
    "located_in": {
        "en": ("{s}, based in {o}, grew fast.",),
        "fr": ("{s}, installé en {o}, croît vite.",),
        "es": ("{s}, con sede en {o}, crece rápido.",),
        "de": ("{s} mit Sitz in {o} wächst schnell.",),
    },
    "headquartered_in": {
        "en": ("{s} is headquartered in {o}.",),
        "fr": ("{s} a son siège à {o}.",),
        "es": ("{s} tiene su sede en {o}.",),
        "de": ("{s} hat seinen Hauptsitz in {o}.",),
    },
    "opens_facility_in": {
        "en": ("{s} opens a {a} plant in {o}.",),
        "fr": ("{s} ouvre une usine de {a} à {o}.",),
        "es": ("{s} abre una planta de {a} en {o}.",),
        "de": ("{s} eröffnet ein Werk für {a} in {o}.",),
    },
}

ORG, PERSON, COUNTRY, CITY = range(4)
# name, weight, symmetric, subject kinds with cumulative weights, object kinds likewise, qualifiers:
# "m" = amount, currency and date; "d" = date only; "f" = amount sometimes, with a date.
PREDICATES = (
    ("invests_in", 34, False, ((ORG, .80), (PERSON, .88), (COUNTRY, 1.0)), ((ORG, .55), (COUNTRY, .80), (CITY, 1.0)), "m"),
    ("acquires", 20, False, ((ORG, .95), (PERSON, 1.0)), ((ORG, 1.0),), "m"),
    ("partner_of", 14, True, ((ORG, .85), (COUNTRY, 1.0)), ((ORG, .85), (COUNTRY, 1.0)), "d"),
    ("subsidiary_of", 6, False, ((ORG, 1.0),), ((ORG, 1.0),), "d"),
    ("ceo_of", 5, False, ((PERSON, 1.0),), ((ORG, 1.0),), "d"),
    ("met_with", 5, True, ((PERSON, .6), (ORG, 1.0)), ((PERSON, .6), (ORG, 1.0)), "d"),
    ("located_in", 4, False, ((ORG, .9), (CITY, 1.0)), ((COUNTRY, .7), (CITY, 1.0)), ""),
    ("headquartered_in", 4, False, ((ORG, 1.0),), ((CITY, .7), (COUNTRY, 1.0)), ""),
    ("president_of", 3, False, ((PERSON, 1.0),), ((ORG, .5), (COUNTRY, 1.0)), "d"),
    ("opens_facility_in", 3, False, ((ORG, 1.0),), ((CITY, .6), (COUNTRY, 1.0)), "f"),
    ("head_of_government_of", 2, False, ((PERSON, 1.0),), ((COUNTRY, 1.0),), "d"),
)


def ascii_fold(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


class Entities:
    """Every entity once, as the JSON fragments that write it. Names are built for distinct
    normalised keys across kinds, so the number of entities kg finds is known in advance."""

    def __init__(self, lines):
        self.n_org = max(2000, lines // 20)
        self.n_person = max(500, lines // 40)
        self.base = {ORG: 0, PERSON: self.n_org, COUNTRY: self.n_org + self.n_person,
                     CITY: self.n_org + self.n_person + len(COUNTRIES)}
        self.orgs = [self._org_name(i) for i in range(self.n_org)]
        self.people = [self._person_name(i) for i in range(self.n_person)]
        self.people_folded = [ascii_fold(name) for name in self.people]
        # Other spellings of the most popular organisations, which some sources use.
        self.org_variants = {}
        for i in range(min(self.n_org, 5000)):
            name = self.orgs[i]
            variants = [name + ORG_SUFFIXES[i % len(ORG_SUFFIXES)], name.upper()]
            if i % 3 == 0:
                variants.append(name + ORG_SUFFIXES[(i // 3) % len(ORG_SUFFIXES)])
            folded = ascii_fold(name)
            if folded != name:
                variants.append(folded)
            self.org_variants[i] = variants
        self.country_json = [
            [
                ('{"name":"%s","lang":"%s"}' % (row[1 + li], lang),
                 '{"name":"%s","type":"Country","lang":"%s"}' % (row[1 + li], lang),
                 '{"name":"%s","type":"Country","id":"%s","lang":"%s"}' % (row[1 + li], row[0], lang),
                 row[1 + li])
                for li, lang in enumerate(LANGS)
            ]
            for row in COUNTRIES
        ]
        self.city_json = ['{"name":"%s","type":"City"}' % c for c in CITIES]

    @staticmethod
    def _org_name(i):
        if i < len(REAL_ORGS):
            return REAL_ORGS[i]
        j = i - len(REAL_ORGS)
        sector = SECTORS[j % len(SECTORS)]
        j //= len(SECTORS)
        syllables = []
        for _ in range(2 if j < 70 * 70 else 3):
            syllables.append(CONSONANTS[j % 14] + VOWELS[(j // 14) % 5])
            j //= 70
        stem = "".join(syllables)
        if j:  # past 3 syllables: a fourth keeps names distinct for pools beyond ten million
            stem += CONSONANTS[j % 14] + VOWELS[(j // 14) % 5] + "n" * (j // 70)
        return stem.capitalize() + " " + sector

    @staticmethod
    def _person_name(i):
        first = FIRST_NAMES[i % len(FIRST_NAMES)]
        j = i // len(FIRST_NAMES)
        last = LAST_NAMES[j % len(LAST_NAMES)]
        j //= len(LAST_NAMES)
        if j == 0:
            return first + " " + last
        middle = INITIALS[(j - 1) % len(INITIALS)]
        suffix = "" if j <= len(INITIALS) else " " + "I" * ((j - 1) // len(INITIALS) + 1)
        return "%s %s. %s%s" % (first, middle, last, suffix)


def amount_table():
    """(JSON number, phrase per language without the currency) for every amount the data uses."""
    table = []
    for mantissa in (1, 2, 3, 5, 8, 12, 15, 20, 25, 40, 50, 75, 120, 150, 250, 400, 500, 750):
        for exponent in (5, 6, 7, 8):
            value = mantissa * 10 ** exponent
            if value >= 10 ** 9:
                number, words = "%g" % (value / 1e9), ("billion", "milliards", "mil millones", "Milliarden")
            else:
                number, words = "%g" % (value / 1e6), ("million", "millions", "millones", "Millionen")
            comma = number.replace(".", ",")
            table.append((str(value), tuple((number if li == 0 else comma) + " " + w for li, w in enumerate(words))))
    return table


def check_plain(texts):
    """Names and templates are written into JSON strings without escaping: make sure none needs it."""
    for t in texts:
        if '"' in t or "\\" in t or any(ord(c) < 0x20 for c in t):
            raise SystemExit("gen_assertions: %r would need JSON escaping" % t)


def generate(lines, seed, dup_rate, out):
    """Writes `lines` lines to `out` and returns the expected counts."""
    rng = random.Random(seed)
    rnd = rng.random
    ents = Entities(lines)
    n_org, base_person, base_country, base_city = ents.n_org, ents.base[PERSON], ents.base[COUNTRY], ents.base[CITY]
    n_entities = base_city + len(CITIES)
    orgs, people, people_folded, org_variants = ents.orgs, ents.people, ents.people_folded, ents.org_variants
    country_json, city_json = ents.country_json, ents.city_json
    check_plain(orgs)
    check_plain(people)
    check_plain(people_folded)
    check_plain(CITIES)
    check_plain(v for vs in org_variants.values() for v in vs)
    check_plain(f[3] for row in country_json for f in row)
    check_plain(t for p in TEMPLATES.values() for ts in p.values() for t in ts)

    n_person, n_country, n_city = ents.n_person, len(COUNTRIES), len(CITIES)
    org_log, person_log = math.log(n_org + 1), math.log(n_person + 1)
    country_log, city_log = math.log(n_country + 1), math.log(n_city + 1)
    exp = math.exp
    bisect_right = bisect.bisect_right

    def draw(kind, u):
        """The global id of an entity of `kind` for a uniform u. Ranks are Zipf-popular, with P(rank r)
        roughly proportional to 1/(r+1): the continuous law inverted, O(1) and without a table."""
        if kind == ORG:
            r = int(exp(u * org_log)) - 1
            return r if r < n_org else n_org - 1
        if kind == PERSON:
            r = int(exp(u * person_log)) - 1
            return base_person + (r if r < n_person else n_person - 1)
        if kind == COUNTRY:
            r = int(exp(u * country_log)) - 1
            return base_country + (r if r < n_country else n_country - 1)
        r = int(exp(u * city_log)) - 1
        return base_city + (r if r < n_city else n_city - 1)

    def render(eid, li, u, typed):
        """(JSON value, plain text) of entity `eid` in language index li. u picks the spelling; `typed`
        forces an organisation's type to be written."""
        if eid < n_org:
            name = orgs[eid]
            if u < 0.12 and eid in org_variants:
                v = org_variants[eid]
                name = v[int(u * 1e6) % len(v)]
            if typed or u > 0.8:
                return '{"name":"' + name + '","type":"Organization"}', name
            return '"' + name + '"', name
        if eid < base_country:
            name = people_folded[eid - base_person] if u < 0.1 else people[eid - base_person]
            return '{"name":"' + name + '","type":"Person"}', name
        if eid < base_city:
            forms = country_json[eid - base_country][li]
            return forms[0 if u < 0.6 else (1 if u < 0.9 else 2)], forms[3]
        return city_json[eid - base_city], CITIES[eid - base_city]

    pred_names = [p[0] for p in PREDICATES]
    total_weight = sum(p[1] for p in PREDICATES)
    pred_cum, acc = [], 0
    for p in PREDICATES:
        acc += p[1]
        pred_cum.append(acc / total_weight)
    n_pred = len(PREDICATES)
    symmetric = [p[2] for p in PREDICATES]
    qualifier_kind = [p[5] for p in PREDICATES]
    kinds = [([k for k, _ in p[3]], [c for _, c in p[3]], [k for k, _ in p[4]], [c for _, c in p[4]])
             for p in PREDICATES]
    # Where a predicate's domain or range starts with Person, kg types an untyped name as a person:
    # organisations are then always written with their type.
    typed_orgs = [p[0] == "met_with" for p in PREDICATES]
    # Positional fields format faster than named ones.
    templates = [[tuple(t.replace("{s}", "{0}").replace("{o}", "{1}").replace("{a}", "{2}") for t in TEMPLATES[p[0]][lang])
                  for lang in LANGS] for p in PREDICATES]
    labels = [p[0].replace("_", " ") for p in PREDICATES]
    amounts = amount_table()
    n_amounts = len(amounts)
    months = ["%04d-%02d" % (y, m) for y in range(2015, 2026) for m in range(1, 13)]
    n_months = len(months)
    # Publication days from 2015-01-01 on: (published, the year/month part of the uri).
    days = []
    for z in range(16436, 16436 + 4000):
        y, m, d = civil_from_days(z)
        days.append(("%04d-%02d-%02d" % (y, m, d), "%04d/%02d" % (y, m)))
    outlets = [OUTLETS[lang] for lang in LANGS]

    seen = set()
    add_seen = seen.add
    recent = []  # facts of earlier articles, which later sources re-report
    recent_cap = 50000
    recent_pos = 0
    duplicate_lines = fallbacks = 0
    write = out.write
    buf = []
    append = buf.append
    article = 0
    produced = 0
    while produced < lines:
        article += 1
        li = bisect_right(LANG_CUM, rnd())
        lang = LANGS[li]
        hosts = outlets[li]
        published, year_month = days[int(rnd() * 4000)]
        source = ('"source":{"uri":"https://%s/%s/%s/a%d","title":"' %
                  (hosts[int(rnd() * len(hosts))], lang, year_month, article))
        tail = '"extractor":"%s"}\n' % EXTRACTORS[int(rnd() * len(EXTRACTORS))]
        in_article = min(1 + int(rnd() * 4), lines - produced)
        offset = int(rnd() * 400)
        title = None
        fresh = []
        for _ in range(in_article):
            if recent and rnd() < dup_rate:
                p, s, o, qual = recent[int(rnd() * len(recent))]
                duplicate_lines += 1
            else:
                p = bisect_right(pred_cum, rnd())
                for attempt in range(8):
                    if attempt < 4:
                        s_kinds, s_cum, o_kinds, o_cum = kinds[p]
                        s = draw(s_kinds[bisect_right(s_cum, rnd())], rnd())
                        o = draw(o_kinds[bisect_right(o_cum, rnd())], rnd())
                    else:  # a crowded corner of the graph: fall back to the long tail of organisations
                        p = 0
                        s, o = int(rnd() * n_org), int(rnd() * n_org)
                        fallbacks += 1
                    if s == o:
                        continue
                    key = ((o * n_pred + p) * n_entities + s if symmetric[p] and o < s
                           else (s * n_pred + p) * n_entities + o)
                    if key not in seen:
                        add_seen(key)
                        break
                else:
                    raise SystemExit("gen_assertions: could not draw a new fact")
                qkind = qualifier_kind[p]
                if qkind == "m" or (qkind == "f" and rnd() < 0.5):
                    amount = amounts[int(rnd() * n_amounts)]
                    currency = CURRENCIES[bisect_right(CURRENCY_CUM, rnd())]
                    date = months[int(rnd() * n_months)]
                    if rnd() < 0.3:
                        date += "-%02d" % (1 + int(rnd() * 28))
                    qual = (',"amount":' + amount[0] + ',"currency":"' + currency + '","date":"' + date + '",',
                            amount[1], " " + currency)
                elif qkind:
                    qual = (',"date":"' + months[int(rnd() * n_months)] + '",', None, None)
                else:
                    qual = (",", None, None)
                fresh.append((p, s, o, qual))
            typed = typed_orgs[p]
            s_json, s_text = render(s, li, rnd(), typed)
            o_json, o_text = render(o, li, rnd(), typed)
            if title is None:
                title = s_text + ": " + labels[p] + '","published":"' + published + '"},'
            tmpl = templates[p][li]
            text = tmpl[int(rnd() * len(tmpl))].format(
                s_text, o_text, qual[1][li] + qual[2] if qual[1] else "undisclosed terms")
            end = offset + len(text)
            append('{"subject":%s,"predicate":"%s","object":%s%s%s%s"evidence":{"text":"%s","start":%d,"end":%d},%s'
                   % (s_json, pred_names[p], o_json, qual[0], source, title, text, offset, end, tail))
            offset = end + 1 + int(rnd() * 300)
        produced += in_article
        for fact in fresh:
            if len(recent) < recent_cap:
                recent.append(fact)
            else:
                recent[recent_pos] = fact
                recent_pos = (recent_pos + 1) % recent_cap
        if len(buf) >= 4096:
            write("".join(buf))
            buf.clear()
    write("".join(buf))
    return {
        "lines": produced,
        "duplicate_lines": duplicate_lines,
        "facts": produced - duplicate_lines,
        "fallbacks": fallbacks,
        "entities_in_pool": n_entities,
        "entities_used": count_entities(seen, n_pred, n_entities),
    }


def count_entities(seen, n_pred, n_entities):
    used = bytearray(n_entities)
    for key in seen:
        used[key % n_entities] = 1
        used[key // n_entities // n_pred] = 1
    return sum(used)


def civil_from_days(z):
    """(year, month, day) of days since 1970-01-01 (Howard Hinnant's algorithm)."""
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + 1 if m <= 2 else y), m, d


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lines", type=int, help="number of JSONL lines to write")
    parser.add_argument("--seed", type=int, default=20240229)
    parser.add_argument("--dup-rate", type=float, default=0.10,
                        help="share of lines that re-report an earlier fact from another source (default 0.10)")
    parser.add_argument("--stats", help="write the expected counts (lines, facts, entities) here as JSON")
    args = parser.parse_args()
    if args.lines < 0 or not 0 <= args.dup_rate < 1:
        parser.error("lines must be >= 0 and --dup-rate in [0, 1)")
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    try:
        stats = generate(args.lines, args.seed, args.dup_rate, out)
        out.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head`): end quietly, as Python's documentation recommends.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    stats["seed"] = args.seed
    if args.stats:
        with open(args.stats, "w", encoding="utf-8") as f:
            json.dump(stats, f, indent=2, sort_keys=True)
            f.write("\n")


if __name__ == "__main__":
    main()
