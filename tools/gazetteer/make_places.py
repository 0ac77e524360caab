#!/usr/bin/env python3
"""Builds kg's place gazetteer (cities and administrative regions) from data that Debian packages keep current.

Sources, all read from the installed system:
  * iso-codes: /usr/share/iso-codes/json/iso_3166-2.json (every ISO 3166-2 subdivision: regions, provinces,
    states, departments, cantons, Länder) and the gettext catalogs iso_3166-2.mo in en/fr/de/es, whose msgid is
    the subdivision's own-language name; iso_3166-1.json for the English country names (see AMBIGUITY).
  * libgeonames0 / libgeonames-common: the GeoNames cities15000 extract that libgeonames compiles into its
    shared library as a GResource (a GVariant of type a(sssssssudd): geonameid, name, admin1 code, admin1
    name, country code, country name, time zone, population, latitude, longitude), and the catalogs
    geonames.mo in en/fr/de/es, keyed by geonameid for cities and by "CC.ADMIN1" for first-level regions.
    The resource is read through the library itself (ctypes), so the on-disk layout of the .so never matters.
  * wamerican-small / wbritish-small: SCOWL's common-English word lists, to spot single-word names that are
    ordinary words (see AMBIGUITY below).

Output: one UTF-8 text file, one place a line, tab-separated:
    kind  name  country  parent  population  alias...
kind is R (region) or C (city); name is the canonical name; country is ISO 3166-1 alpha-2; parent is the
canonical name of the enclosing region (may be empty); population is 0 for regions (neither source has one);
aliases are the other spellings a place answers to. Lines starting with '#' are comments. Regions come first,
top-level before lower levels, so that among equally populous homonyms the bigger unit comes first.

Canonical names: the common English name where one exists (Munich, Dunkirk, Bavaria, Lower Austria, Tyrol,
Aragon), else the own-language name (Val-d'Oise, Hauts-de-France, Getafe). GeoNames' city names and admin1
English names already follow that rule; ISO 3166-2 supplies own-language names and translations. Spanish
provinces read "Province of Toledo", with the
plain name kept as an alias.

POPULATION FLOOR: MIN_CITY_POPULATION = 15,000. That is the threshold of the extract Debian ships
(GeoNames' cities15000), so the floor only removes the few entries whose population is unknown (0); a lower
floor is impossible with this data and a higher one would drop county towns that local news names. The
file stays near 1 MB (about 24,000 cities, 5,600 regions).

AMBIGUITY: the extractor matches capitalised word runs, so a place name that is also an everyday word fires
at the start of sentences, in headlines and, in German, on every capitalised noun. Hence:
  * STOPWORDS: function words, compass points and generic place nouns of en/fr/es/de. A one-word name
    that is one of them ("Nord", "Centre", "Of", "Como", "Este") is never indexed, whatever the population,
    and nor is a name made only of compass points and connectors (COMPASS_WORDS: "Sud-Ouest", "North West").
  * single-word names that are lower-case words of common English (SCOWL "small" lists, about 50,000
    words: "mobile", "split", "bar", "nice", "reading") or of the hand list COMMON_WORDS (frequent fr/es/de
    words the English lists cannot know: "Gent", "Mons", "Ende", "Halle", "Libertad"), and names of one or
    two letters, are indexed only for places of at least AMBIGUOUS_POPULATION_FLOOR = 300,000 inhabitants,
    where the place reading dominates (Nice, Reading, Hull stay; Mobile, Split, Cork, Tours go). Regions
    have no population, so such regions go. The French, Spanish and German word lists in Debian cannot be
    used the same way: the first two are all lower case (proper nouns included) and German capitalises
    nouns, so they cannot tell "Paris" or "Essen" from ordinary words.
  * a city name that is another country's English name ("Armenia" in Colombia, "Lebanon" in the USA) is
    dropped. Regions keep theirs (Georgia, USA), and so do cities in their own country (Luxembourg).
A place whose canonical name is dropped is left out entirely; a dropped alias only loses that spelling.

Usage: make_places.py --output places.tsv [--cc-output places_data.cc] [--stats]
Only the Python 3 standard library is used.
"""

import argparse
import ctypes
import ctypes.util
import gettext
import json
import os
import re
import struct
import sys
import unicodedata

MIN_CITY_POPULATION = 15000
AMBIGUOUS_POPULATION_FLOOR = 300000
LANGUAGES = ("en", "fr", "de", "es")

ISO_CODES_DIR = "/usr/share/iso-codes/json"
LOCALE_DIR = "/usr/share/locale"
WORD_LISTS = ("/usr/share/dict/american-english-small", "/usr/share/dict/british-english-small")
GEONAMES_LIBRARY = "libgeonames.so.0"
GEONAMES_RESOURCE = b"/com/lomiri/geonames/cities.compiled"

# Never indexed as a one-word name ("Nord", "Centre", "Of", "Como", "Este"): function words, compass points
# and generic nouns for places and administrative units, in en, fr, es and de.
STOPWORDS = set("""
a an the of and or in on at by for to from with as is it be no not but if so up all one new old
north south east west northern southern eastern western central centre center middle upper lower
far near city town capital union republic federal national state province region district county
island islands coast bay lake lakes river mountain mountains valley plateau
le la les l de des du d un une et ou est ouest nord sud en au aux sur sous par pour dans avec sans
ce il elle on qui que mais donc ni car si tout bas haut petit ville ile iles mer val
saint sainte pays departement canton
el lo los las del y e o u con sin por una uno norte sur este oeste centro ciudad nuevo nueva
alto alta bajo baja san santa santo mar rio valle puerto monte sierra costa isla islas provincia como
der die das den dem des ein eine einer und oder im am an auf aus bei mit nach von vor zu zum zur
ost mitte norden suden osten westen weil auch waren wer was wie wo wir
stadt dorf land kreis bezirk see berg insel
""".split())

# A name of several words is never indexed when each is a compass point or a connector ("Nord-Est",
# "North West", "Far North", "Centre-Sud"): such names are directions in running text.
COMPASS_WORDS = set("""
north south east west northern southern eastern western central centre center middle upper lower far
nord sud est ouest norte sur este oeste centro mitte norden suden osten westen ost
and et y und of de du del la le el the
""".split())

# Frequent French, Spanish and German words (and the English ones SCOWL's small list lacks) that are
# also names of places: indexed only for places above AMBIGUOUS_POPULATION_FLOOR.
COMMON_WORDS = set("""
mons gent gents bar mobile split nice
ami avion croix fontaine sens plaisir vite mari mon libres douane terme dure fier lisse stade serres
moulins tulle belle pont port mont grand grande
libertad soledad esperanza progreso reforma concordia constitucion independencia resistencia fundacion
frontera laguna pilar paraiso milagro socorro granja cabo salto colonia registro nacimiento ingenio
encrucijada americana corona campana merced mora oliva onda prado salina cerro plato nada mira sano
linda mala vera ron tigre
ende lage leer wetter halle essen bergen leiden singen senden burg lauf hof mark most boom weiden kamen
langen forst heide haar aue zug eisen adler uran boden enger mol gummi wedel
""".split())

# GeoNames writes designators around some English region names ("Canton of Vaud", "Île-de-France
# Region"). A name without them is used when another source attests it (see region_canonical).
DESIGNATOR_PREFIXES = (
    "Free and Hanseatic City of ", "Free Hanseatic City of ", "Free State of ", "State of ", "Canton of ",
    "Canton ", "Principality of ", "Autonomous Community of ", "Region of ", "Province of ",
    "Municipality of ", "Autonomous Republic of ", "Kanton ", "Canton de ", "Canton du ", "Canton des ",
    "Canton d’", "Canton d'", "Cantón de ", "Cantón del ", "Comunidad Autónoma de ", "Comunidad Autónoma del ",
    "Comunidad de ", "Communauté de ", "Región de ", "Región del ", "Provincia de ", "Province de ",
    "Province du ", "Province of the ", "Provinz ", "Land ", "Région ", "Region ",
)
DESIGNATOR_SUFFIXES = (
    " Region", " region", " Province", " Prefecture", " Oblast", " Governorate", " County", " District",
    " Department", " Municipality", " Voivodeship", " State", " Canton", " Autonomous Community",
)

# Spanish provinces read "Province of X", as the annotation guidelines name them; provinces elsewhere keep
# their plain name (Quebec, Utrecht), which the city of that name shares.
PROVINCE_STYLE = {"Province": "Province of ", "Metropolitan city": "Metropolitan City of "}

# German-language town names carry a qualifier that news drops: "Frankfurt am Main" is "Frankfurt".
GERMAN_QUALIFIER = re.compile(r"^(.+?) (?:am|an der|im|in der|ob der|bei|vor der) \S.*$")
GERMAN_SPEAKING = {"DE", "AT", "CH", "LI", "LU"}
# A shortened name goes to the most populous town that shortens to it only when that town is this many
# times more populous than the next one (Frankfurt am Main over Frankfurt (Oder); no winner for Neustadt).
SHORT_NAME_DOMINANCE = 5

SEPARATOR_CATEGORIES = {"Pd", "Ps", "Pe", "Pc", "Po", "Pi", "Pf", "Sm", "Cc"}


def normalize(name):
    """Approximates kg::text::NormalizeName (ICU nfkc_cf, accents dropped, punctuation as spaces).

    Only used for the generator's own decisions (matching, de-duplication, stoplists); the C++ runtime
    normalises every name again with ICU, so small differences cost nothing but a duplicate alias.
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    out = []
    pending_space = False
    for ch in unicodedata.normalize("NFD", folded):
        if unicodedata.category(ch) == "Mn":
            continue
        if ch.isspace() or unicodedata.category(ch) in SEPARATOR_CATEGORIES:
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
        pending_space = False
        out.append(ch)
    return "".join(out)


# ---------------------------------------------------------------------------------------------------------
# Reading the sources


def load_catalog(domain, language, locale_dir):
    path = os.path.join(locale_dir, language, "LC_MESSAGES", domain + ".mo")
    if not os.path.exists(path):
        return {}
    with open(path, "rb") as f:
        catalog = gettext.GNUTranslations(f)._catalog
    return {k: v for k, v in catalog.items() if isinstance(k, str) and k and v}


def read_geonames_resource(library_name):
    """The bytes of libgeonames' compiled city table, fetched through GIO from the library's GResource."""
    try:
        geonames = ctypes.CDLL(library_name)
        gio = ctypes.CDLL(ctypes.util.find_library("gio-2.0") or "libgio-2.0.so.0")
        glib = ctypes.CDLL(ctypes.util.find_library("glib-2.0") or "libglib-2.0.so.0")
    except OSError as e:
        sys.exit(f"make_places.py: cannot load {library_name} ({e}); install the Debian package libgeonames0")
    geonames.geonames_get_resource.restype = ctypes.c_void_p
    geonames.geonames_get_n_cities.restype = ctypes.c_uint
    gio.g_resource_lookup_data.restype = ctypes.c_void_p
    gio.g_resource_lookup_data.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p]
    glib.g_bytes_get_data.restype = ctypes.c_void_p
    glib.g_bytes_get_data.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_size_t)]
    glib.g_bytes_unref.argtypes = [ctypes.c_void_p]
    resource = geonames.geonames_get_resource()
    data_bytes = gio.g_resource_lookup_data(resource, GEONAMES_RESOURCE, 0, None)
    if not data_bytes:
        sys.exit("make_places.py: libgeonames has no resource " + GEONAMES_RESOURCE.decode())
    size = ctypes.c_size_t()
    pointer = glib.g_bytes_get_data(data_bytes, ctypes.byref(size))
    data = ctypes.string_at(pointer, size.value)
    glib.g_bytes_unref(data_bytes)
    return data, geonames.geonames_get_n_cities()


def _offset_size(container_size):
    if container_size < 0x100:
        return 1
    if container_size < 0x10000:
        return 2
    return 4 if container_size < 0x100000000 else 8


def _read_offset(data, position, size):
    return int.from_bytes(data[position:position + size], "little")


def parse_cities(data):
    """Decodes the serialised GVariant a(sssssssudd) (GVariant specification, "framing offsets")."""
    size = len(data)
    offset_size = _offset_size(size)
    offsets_start = _read_offset(data, size - offset_size, offset_size)
    count = (size - offsets_start) // offset_size
    cities = []
    start = 0
    for i in range(count):
        end = _read_offset(data, offsets_start + i * offset_size, offset_size)
        element = data[start:end]
        start = (end + 7) & ~7  # the tuple's alignment is 8 (it holds doubles)
        n = len(element)
        element_offset_size = _offset_size(n)
        fields = []
        position = 0
        for j in range(7):  # seven strings, each framed by an offset stored backwards at the end
            string_end = _read_offset(element, n - (j + 1) * element_offset_size, element_offset_size)
            fields.append(element[position:string_end - 1].decode("utf-8"))
            position = string_end
        position = (position + 3) & ~3
        (population,) = struct.unpack_from("<I", element, position)
        geonameid, name, admin1, state, country = fields[:5]
        cities.append({"id": geonameid, "name": name, "admin1": admin1, "state": state, "country": country,
                       "population": population})
    return cities


def load_words(paths):
    words = set()
    for path in paths:
        if not os.path.exists(path):
            sys.exit(f"make_places.py: {path} is missing; install the Debian packages wamerican-small and "
                     "wbritish-small")
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                word = line.strip()
                # Lower-case entries only: capitalised ones are proper nouns ("Paris", "Reading" the town).
                if word and word == word.lower() and "'" not in word:
                    words.add(normalize(word))
    return words


def load_country_names(iso_dir, locale_dir):
    """Normalised English country names, to the ISO alpha-2 code.

    English only: the French, Spanish and German names would take Salvador (Brazil, "Salvador" in French),
    Granada and Guadalupe (Grenada and Guadeloupe in Spanish) from the cities that news means by them.
    """
    with open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    catalogs = [load_catalog("iso_3166-1", "en", locale_dir)]
    names = {}
    for country in countries:
        for key in ("name", "common_name"):
            if key not in country:
                continue
            for spelling in [country[key]] + [c.get(country[key]) for c in catalogs]:
                if spelling:
                    names.setdefault(normalize(spelling), country["alpha_2"])
    return names


# ---------------------------------------------------------------------------------------------------------
# Names


class NameFilter:
    """Decides which names may be indexed (see AMBIGUITY in the module comment)."""

    def __init__(self, english_words, country_names):
        self.ambiguous_words = english_words | {normalize(w) for w in COMMON_WORDS}
        self.country_names = country_names
        self.dropped = {}  # normalised name -> reason, for --stats

    def allowed(self, name, population, country, is_city):
        key = normalize(name)
        if not key or key.isdigit():
            return False
        words = key.split(" ")
        if (len(words) == 1 and key in STOPWORDS) or all(w in COMPASS_WORDS for w in words):
            self.dropped[key] = "stopword"
            return False
        if len(words) == 1 and (key in self.ambiguous_words or len(key) <= 2):
            if population < AMBIGUOUS_POPULATION_FLOOR:
                self.dropped[key] = "common word"
                return False
        if is_city and self.country_names.get(key, country) != country:
            self.dropped[key] = "foreign country"
            return False
        return True


def iso_name_variants(raw):
    """The spellings an ISO 3166-2 name stands for, own-language form first.

    "Madrid, Comunidad de" -> Comunidad de Madrid, Madrid; "Lleida [Lérida]" -> Lleida, Lérida;
    "Alacant*" -> Alacant; "Sofia (stolitsa)" -> Sofia; "Isle of Anglesey [Sir Ynys Môn GB-YNM]" -> Isle of
    Anglesey, Sir Ynys Môn.
    """
    variants = []
    raw = raw.strip().rstrip("*").lstrip("/").strip()
    match = re.match(r"^(.*?)\s*\[(.*)\]$", raw)
    parts = [raw]
    if match:
        alternative = re.sub(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b", "", match.group(2)).strip()
        parts = [match.group(1)] + ([alternative] if alternative else [])
    for part in parts:
        part = re.sub(r"\s*\([^)]*\)", "", part).strip()
        if "," in part:
            head, _, tail = part.partition(",")
            head, tail = head.strip(), tail.strip()
            tail_words = tail.split()
            is_list = any(w in ("and", "y", "et", "und", "i", "e") for w in tail_words)
            if head and tail and len(tail_words) <= 3 and not is_list:
                variants.append(f"{tail} {head}")  # "Madrid, Comunidad de" is "Comunidad de Madrid"
                if head[:1].isupper():
                    variants.append(head)
                continue
        if part:
            variants.append(part)
    return unique(variants)


def without_designator(name):
    """`name` without a leading or trailing administrative designator, or None when it has none."""
    for prefix in sorted(DESIGNATOR_PREFIXES, key=len, reverse=True):  # "Canton de " before "Canton "
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):]
    for suffix in DESIGNATOR_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[:-len(suffix)]
    return None


def saint_variants(name):
    """"Saint-Étienne" also as "St-Étienne", "St. Louis" also as "Saint Louis", "Sankt Gallen" as "St. Gallen"."""
    match = re.match(r"^(Saint|Sankt|St\.?)([ -])(.+)$", name)
    if not match:
        return []
    word, separator, rest = match.groups()
    if word == "Saint":
        return ["St" + ("-" if separator == "-" else ". ") + rest]
    if word == "Sankt":
        return ["St. " + rest]
    return ["Saint" + separator + rest]


def unique(names):
    seen = set()
    out = []
    for name in names:
        key = normalize(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out


# ---------------------------------------------------------------------------------------------------------
# Building the places


class Place:
    def __init__(self, is_region, name, country, population=0, parent="", aliases=(), level=0):
        self.is_region = is_region
        self.name = name
        self.country = country
        self.population = population
        self.parent = parent
        self.aliases = list(aliases)
        self.level = level


def _tokens(key):
    return frozenset(key.split(" "))


def _contains(longer, shorter):
    """True when every word of `shorter` is in `longer` and one of them is specific ("Estado de Bahia" has
    all of "Bahia"; "Baja California Sur" has all of "Baja California")."""
    return shorter < longer and any(len(w) >= 4 for w in shorter)


def match_admin1(admin1_names, admin1_all_keys, subdivisions_by_country):
    """Maps GeoNames admin1 keys ("DE.02") to ISO 3166-2 codes ("DE-BY") by shared names.

    Every language both catalogs translate into counts: transliterations differ between the two sources
    ("Cherkasy Oblast" and "Cherkas'ka oblast'") but the Ukrainian or Polish names tend to agree. An exact
    shared name scores 1, a name whose words contain the other's (in en/fr/de/es) 0.75, equal codes 1.5
    (only when not numeric: GeoNames' FR.11 is Île-de-France, ISO's FR-11 the Aude department). Pairs are
    taken best first, each side at most once, and need a score of 1.
    """
    matches = {}
    by_country = {}
    for key in admin1_names:
        by_country.setdefault(key.split(".")[0], []).append(key)
    for country, keys in by_country.items():
        candidates = []
        for key in keys:
            code = key.split(".", 1)[1]
            wanted = admin1_all_keys[key]
            wanted_tokens = [_tokens(normalize(n)) for n in admin1_names[key]]
            for sub in subdivisions_by_country.get(country, []):
                score = float(len(wanted & sub["all_keys"]))
                for mine in wanted_tokens:
                    for theirs in sub["tokens"]:
                        if _contains(mine, theirs) or _contains(theirs, mine):
                            score += 0.75
                if sub["code"] == f"{country}-{code}" and not code.isdigit():
                    score += 1.5
                if score > 0 and not sub.get("parent"):
                    score += 1.0  # GeoNames admin1 is the first level
                if score >= 1:
                    candidates.append((-score, bool(sub.get("parent")), key, sub["code"]))
        used = set()
        for _, _, key, code in sorted(candidates):  # best first; on a tie, the first level
            if key not in matches and code not in used:
                matches[key] = code
                used.add(code)
    return matches


def same_country_city(city_keys, country, names):
    """The canonical name of the most populous city of `country` called by one of `names`, or None."""
    keys = city_keys.get(country, {})
    for name in names:
        if normalize(name) in keys:
            return keys[normalize(name)]
    return None


def region_canonical(english, attested, country, city_keys):
    """GeoNames' English name, without its designator when another source attests the shorter form and no
    city of the country has it ("Canton of Vaud" -> Vaud; "Canton of Geneva" stays, apart from the city)."""
    shorter = without_designator(english)
    if shorter and normalize(shorter) in attested and not same_country_city(city_keys, country, [shorter]):
        return shorter
    return english


def read_subdivisions(iso_codes_dir, iso_catalogs, iso_catalogs_all):
    """ISO 3166-2 subdivisions, each with its spellings: "own" (from the msgid), "translations" (en/fr/de/es),
    "plain_keys" (their normalised forms), "all_keys" (adding every other language, for matching)."""
    with open(os.path.join(iso_codes_dir, "iso_3166-2.json"), encoding="utf-8") as f:
        subdivisions = json.load(f)["3166-2"]
    for sub in subdivisions:
        country = sub["code"].split("-")[0]
        sub["country"] = country
        sub["own"] = iso_name_variants(sub["name"])
        sub["translations"] = {}
        for language in LANGUAGES:
            translated = iso_catalogs[language].get(sub["name"])
            if translated and translated != sub["name"]:
                sub["translations"][language] = iso_name_variants(translated)
        sub["names"] = sub["own"] + [n for t in sub["translations"].values() for n in t]
        sub["plain_keys"] = {normalize(n) for n in sub["names"]}
        sub["tokens"] = [_tokens(k) for k in sub["plain_keys"]]
        sub["all_keys"] = set(sub["plain_keys"])
        for catalog in iso_catalogs_all.values():
            if sub["name"] in catalog:
                sub["all_keys"].update(normalize(n) for n in iso_name_variants(catalog[sub["name"]]))
        parent = sub.get("parent", "")  # "IDF" in France, "GB-ENG" in Britain
        sub["parent"] = parent if not parent or "-" in parent else f"{country}-{parent}"
    return subdivisions


def read_admin1(geo_catalogs, geo_admin1_all, cities):
    """GeoNames first-level regions by "CC.CODE": their en/fr/de/es names (English first), and the
    normalised names in every language, for matching."""
    names_by_key = {}
    for key, english in geo_catalogs["en"].items():
        if re.match(r"^[A-Z]{2}\.", key):
            names = [english] + [geo_catalogs[l][key] for l in LANGUAGES[1:] if key in geo_catalogs[l]]
            names_by_key[key] = unique(names)
    for city in cities:  # regions the catalogs do not translate still have the English name in the city table
        key = f"{city['country']}.{city['admin1']}"
        if city["admin1"] and city["admin1"] != "00" and key not in names_by_key and city["state"]:
            names_by_key[key] = [city["state"]]
    all_keys = {}
    for key, names in names_by_key.items():
        all_keys[key] = {normalize(n) for n in names}
        all_keys[key].update(normalize(c[key]) for c in geo_admin1_all.values() if key in c)
    return names_by_key, all_keys


def build_regions(subdivisions, admin1_names, admin1_to_iso, city_keys):
    """Region places by ISO code, plus the GeoNames admin1 regions no ISO subdivision matched (by their key)."""
    geonames_for_iso = {}
    for key, code in sorted(admin1_to_iso.items()):
        geonames_for_iso.setdefault(code, []).append(key)
    by_code = {sub["code"]: sub for sub in subdivisions}
    regions = {}
    for sub in subdivisions:
        country = sub["country"]
        geo_keys = geonames_for_iso.get(sub["code"], [])
        geo_names = [n for key in geo_keys for n in admin1_names[key]]
        english = sub["translations"].get("en", [])
        own_base = english[0] if english else sub["own"][0]
        if geo_keys:
            attested = sub["plain_keys"] | {normalize(n) for n in geo_names[1:]}
            canonical = region_canonical(admin1_names[geo_keys[0]][0], attested, country, city_keys)
        else:
            canonical = own_base
        style = PROVINCE_STYLE.get(sub["type"])
        extra = []
        if style and country == "ES":
            extra = [same_country_city(city_keys, country, sub["names"]) or own_base]
            canonical = style + extra[0]  # "Province of Seville": the city's English name when there is one
        level = 0 if not sub["parent"] else (1 if not by_code.get(sub["parent"], {}).get("parent") else 2)
        regions[sub["code"]] = Place(True, canonical, country, 0, sub["parent"], sub["names"] + geo_names + extra,
                                     level)
    for key, names in admin1_names.items():
        if key not in admin1_to_iso:
            country = key.split(".")[0]
            canonical = region_canonical(names[0], {normalize(n) for n in names[1:]}, country, city_keys)
            regions[key] = Place(True, canonical, country, 0, "", names, 0)
    for place in regions.values():
        if place.parent:
            parent = regions.get(place.parent)
            place.parent = parent.name if parent else ""
    return regions


def short_city_names(cities, city_keys, german_names):
    """geonameid -> short forms of its qualified names ("Frankfurt" for Frankfurt am Main, "Kempten" for
    Kempten (Allgäu)), each given to a clearly dominant town only and never over a town of that very name."""
    candidates = {}
    for city in cities:
        for name in (city["name"], german_names.get(city["id"], "")):
            short = None
            if "(" in name:
                short = re.sub(r"\s*\([^)]*\)", "", name).strip()
            elif city["country"] in GERMAN_SPEAKING and GERMAN_QUALIFIER.match(name):
                short = GERMAN_QUALIFIER.match(name).group(1)
            if short and normalize(short) != normalize(name):
                candidates.setdefault((city["country"], normalize(short)), {})[city["id"]] = (short, city)
    short_names = {}
    for (country, key), by_id in candidates.items():
        ranked = sorted(by_id.values(), key=lambda sc: -sc[1]["population"])
        taken = city_keys.get(country, {}).get(key)
        if taken and taken != ranked[0][1]["name"]:
            continue
        if len(ranked) > 1 and ranked[0][1]["population"] < SHORT_NAME_DOMINANCE * ranked[1][1]["population"]:
            continue
        short_names.setdefault(ranked[0][1]["id"], []).append(ranked[0][0])
    return short_names


def build(args):
    """All places to write, regions first, and statistics on what the name filter dropped."""
    # en/fr/de/es give names; every language both sources translate into helps match them (match_admin1).
    matching_languages = sorted(
        language for language in os.listdir(args.locale_dir)
        if os.path.exists(os.path.join(args.locale_dir, language, "LC_MESSAGES", "iso_3166-2.mo"))
        and os.path.exists(os.path.join(args.locale_dir, language, "LC_MESSAGES", "geonames.mo")))
    iso_catalogs_all = {l: load_catalog("iso_3166-2", l, args.locale_dir) for l in matching_languages}
    geo_admin1_all = {l: {k: v for k, v in load_catalog("geonames", l, args.locale_dir).items() if "." in k}
                      for l in matching_languages}
    iso_catalogs = {language: load_catalog("iso_3166-2", language, args.locale_dir) for language in LANGUAGES}
    geo_catalogs = {language: load_catalog("geonames", language, args.locale_dir) for language in LANGUAGES}
    if not geo_catalogs["en"]:
        sys.exit("make_places.py: no geonames.mo catalogs; install the Debian package libgeonames-common")
    data, expected_count = read_geonames_resource(args.geonames_library)
    cities = parse_cities(data)
    if len(cities) != expected_count:
        sys.exit(f"make_places.py: decoded {len(cities)} cities, libgeonames says {expected_count}")
    cities = [c for c in cities if c["population"] >= MIN_CITY_POPULATION]
    city_keys = {}  # country -> normalised name or alias of its cities -> canonical name of the most populous
    for city in sorted(cities, key=lambda c: -c["population"]):
        for spelling in [city["name"]] + [geo_catalogs[l].get(city["id"], "") for l in LANGUAGES]:
            if spelling:
                city_keys.setdefault(city["country"], {}).setdefault(normalize(spelling), city["name"])

    subdivisions = read_subdivisions(args.iso_codes_dir, iso_catalogs, iso_catalogs_all)
    subdivisions_by_country = {}
    for sub in subdivisions:
        subdivisions_by_country.setdefault(sub["country"], []).append(sub)
    admin1_names, admin1_all_keys = read_admin1(geo_catalogs, geo_admin1_all, cities)
    admin1_to_iso = match_admin1(admin1_names, admin1_all_keys, subdivisions_by_country)
    regions = build_regions(subdivisions, admin1_names, admin1_to_iso, city_keys)

    name_filter = NameFilter(load_words(args.word_lists), load_country_names(args.iso_codes_dir, args.locale_dir))
    places = []
    stats = {"regions_dropped": 0, "cities_dropped": 0, "aliases_dropped": 0, "dropped_places": []}

    def keep(place):
        if not name_filter.allowed(place.name, place.population, place.country, not place.is_region):
            stats["regions_dropped" if place.is_region else "cities_dropped"] += 1
            stats["dropped_places"].append((place, name_filter.dropped.get(normalize(place.name), "empty")))
            return
        spellings = place.aliases + [v for name in [place.name] + place.aliases for v in saint_variants(name)]
        place.aliases = []
        for alias in unique([place.name] + spellings)[1:]:
            if name_filter.allowed(alias, place.population, place.country, not place.is_region):
                place.aliases.append(alias)
            else:
                stats["aliases_dropped"] += 1
        places.append(place)

    for place in sorted(regions.values(), key=lambda p: (p.country, p.level, p.name)):
        keep(place)
    short_names = short_city_names(cities, city_keys, geo_catalogs["de"])
    for city in sorted(cities, key=lambda c: (c["country"], -c["population"], c["name"])):
        key = f"{city['country']}.{city['admin1']}"
        region = regions.get(admin1_to_iso.get(key, key))
        aliases = [geo_catalogs[l].get(city["id"], "") for l in LANGUAGES] + short_names.get(city["id"], [])
        keep(Place(False, city["name"], city["country"], city["population"], region.name if region else "",
                   [a for a in aliases if a]))
    return places, stats


# ---------------------------------------------------------------------------------------------------------
# Output


def format_tsv(places):
    lines = ["# kg place gazetteer: generated by tools/gazetteer/make_places.py from iso-codes and libgeonames "
             "(GeoNames, CC BY 4.0). Do not edit.",
             "# kind\tname\tcountry\tparent\tpopulation\taliases..."]
    for place in places:
        fields = ["R" if place.is_region else "C", place.name, place.country, place.parent,
                  str(place.population)] + place.aliases
        for field in fields:
            if "\t" in field or "\n" in field:
                sys.exit(f"make_places.py: tab or newline in {field!r}")
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


def format_cc(text, chunk_bytes=16000):
    """A C++ file holding `text` as raw string literals of at most chunk_bytes each, cut at line ends.

    Small chunks keep every literal within the limits of all compilers (MSVC caps one at 16 KB).
    """
    delimiter = "kgplaces"
    if f"){delimiter}\"" in text:
        sys.exit("make_places.py: the raw-string delimiter occurs in the data")
    chunks, current, size = [], [], 0
    for line in text.splitlines(keepends=True):
        encoded = len(line.encode("utf-8"))
        if current and size + encoded > chunk_bytes:
            chunks.append("".join(current))
            current, size = [], 0
        current.append(line)
        size += encoded
    if current:
        chunks.append("".join(current))
    out = ["// Generated by tools/gazetteer/make_places.py. Do not edit.",
           '#include "text/embedded_places.h"', "", "namespace kg::text {", "",
           "const char* const kEmbeddedPlacesChunks[] = {"]
    for chunk in chunks:
        out.append(f'R"{delimiter}({chunk}){delimiter}",')
    out += ["};", "const size_t kEmbeddedPlacesChunkCount = sizeof(kEmbeddedPlacesChunks) / "
            "sizeof(kEmbeddedPlacesChunks[0]);", "", "}  // namespace kg::text", ""]
    return "\n".join(out)


def write_if_changed(path, content):
    """Leaves an identical file untouched so that the build does not recompile for nothing."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            if f.read() == content:
                return
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="\n") as f:
        f.write(content)
    os.replace(temporary, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", required=True, help="the gazetteer text file to write")
    parser.add_argument("--cc-output", help="also write a C++ file embedding the text")
    parser.add_argument("--stats", action="store_true", help="print counts and dropped names to stderr")
    parser.add_argument("--iso-codes-dir", default=ISO_CODES_DIR)
    parser.add_argument("--locale-dir", default=LOCALE_DIR)
    parser.add_argument("--geonames-library", default=GEONAMES_LIBRARY)
    parser.add_argument("--word-lists", nargs="+", default=list(WORD_LISTS))
    args = parser.parse_args()

    places, stats = build(args)
    text = format_tsv(places)
    write_if_changed(args.output, text)
    if args.cc_output:
        write_if_changed(args.cc_output, format_cc(text))
    if args.stats:
        regions = sum(1 for p in places if p.is_region)
        aliases = sum(len(p.aliases) for p in places)
        print(f"regions {regions}, cities {len(places) - regions}, aliases {aliases}, "
              f"{len(text.encode('utf-8'))} bytes; dropped: {stats['regions_dropped']} regions, "
              f"{stats['cities_dropped']} cities, {stats['aliases_dropped']} aliases", file=sys.stderr)
        for place, reason in sorted(stats["dropped_places"], key=lambda pr: -pr[0].population):
            kind = "R" if place.is_region else "C"
            print(f"  dropped\t{reason}\t{kind}\t{place.name}\t{place.country}\t{place.population}",
                  file=sys.stderr)


if __name__ == "__main__":
    main()
