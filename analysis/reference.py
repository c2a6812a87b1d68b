"""Domain knowledge loaded from ``data/reference/``: countries, organisations, operations,
armed groups, units, office titles and government terms.

Known names are data, not code, so analysts can extend the lists without touching the
extractor. The files are read once per process and shared by every article.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .config import REFERENCE_DIR

#: Entity-ruler label for each reference file's entities.
LABELS = {
    "state": "STATE",
    "international_organization": "IGO",
    "military_operation": "OPERATION",
    "armed_group": "ARMED_GROUP",
    "military_unit": "UNIT",
    "government": "GOVERNMENT",
    "other": "OTHER_ACTOR",  # NGOs, think tanks, parties: actors, though not state or military
}
DEMONYM_LABEL = "DEMONYM"
PERSON_LABEL = "KNOWN_PERSON"
METONYM_LABEL = "METONYM"
ENTITY_FILES = ("organizations.jsonl", "operations.jsonl", "armed_groups.jsonl", "units.jsonl", "parties.jsonl",
                "legislatures.jsonl")


def norm(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key ("U.N." -> "un", "the Élysée" -> "elysee")."""
    s = str(text or "").replace("\u2019", "'").replace("\u2018", "'")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\b(?:[a-z] )+[a-z]\b", lambda m: m.group(0).replace(" ", ""), s)
    return re.sub(r"^the ", "", s)


@dataclass(frozen=True)
class Entity:
    """A known real-world actor from the reference files."""

    id: str
    name: str
    type: str
    country: str = ""
    aliases: tuple[str, ...] = ()
    host: tuple[str, ...] = ()
    org: str = ""
    region: str = ""
    parent: str = ""
    role: str = ""
    kind: str = ""


@dataclass
class Reference:
    """All reference data, with lookup indexes by normalised surface form."""

    entities: dict[str, Entity] = field(default_factory=dict)
    alias_index: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    demonym_forms: dict[str, list[str]] = field(default_factory=dict)
    metonyms: dict[str, str] = field(default_factory=dict)
    metonym_forms: dict[str, list[str]] = field(default_factory=dict)
    titles: list[tuple[str, str]] = field(default_factory=list)
    honorifics: frozenset[str] = frozenset()
    government_terms: tuple[str, ...] = ()
    military_terms: tuple[str, ...] = ()
    people: dict[str, Entity] = field(default_factory=dict)
    people_index: dict[str, str] = field(default_factory=dict)
    title_words: frozenset[str] = frozenset()  # one-word titles ("minister", "general")
    ship_classes: tuple[str, ...] = ()
    ship_prefixes: dict[str, str] = field(default_factory=dict)
    #: normalised alias -> every entity that uses it ("Labour" is a party in Britain, Ireland,
    #: Norway ...); the actor step picks the one whose country the article is about
    shared_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def alternatives(self, text: str) -> tuple[str, ...]:
        """Every entity id that ``text`` names, when more than one does."""
        return self.shared_aliases.get(norm(text), ())

    def person(self, text: str) -> Entity | None:
        """A known public figure by full name or distinctive alias (role and country from the file)."""
        key = self.people_index.get(norm(text))
        return self.people.get(key) if key else None

    def lookup(self, text: str) -> Entity | None:
        """The known entity whose name or alias is ``text`` (normalised), if any."""
        key = self.alias_index.get(norm(text))
        return self.entities.get(key) if key else None

    def state(self, iso3: str) -> Entity | None:
        ent = self.entities.get(iso3)
        return ent if ent is not None and ent.type == "state" else None

    def ruler_patterns(self) -> list[dict]:
        """Phrase patterns for spaCy's entity ruler, ``{"label", "pattern", "id"}`` as spaCy stores them.

        Names with an apostrophe also get the typographic form ("Côte d’Ivoire"), which news
        sites and word processors put in place of the straight one.
        """
        patterns = self._patterns()
        curly = [dict(p, pattern=p["pattern"].replace("'", "\u2019")) for p in patterns if "'" in p["pattern"]]
        return patterns + curly

    def _patterns(self) -> list[dict]:
        patterns: list[dict] = []
        for ent in sorted(self.entities.values(), key=lambda e: e.id):
            label = LABELS.get(ent.type, LABELS["other"])
            for alias in sorted(set(ent.aliases) | {ent.name}):
                patterns.append({"label": label, "pattern": alias, "id": ent.id})
        for iso3, forms in sorted(self.demonym_forms.items()):
            for form in sorted(set(forms)):
                patterns.append({"label": DEMONYM_LABEL, "pattern": form, "id": iso3})
        for pid, person in sorted(self.people.items()):
            # full names only: a bare surname ("Trump", "Martin") is left to NER and context
            for form in sorted({a for a in (person.name, *person.aliases) if len(a.split()) > 1}):
                patterns.append({"label": PERSON_LABEL, "pattern": form, "id": pid})
        for iso3, forms in sorted(self.metonym_forms.items()):
            for form in sorted(set(forms)):
                patterns.append({"label": METONYM_LABEL, "pattern": form, "id": iso3})
        return patterns


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{n}: invalid JSON ({err.msg})") from None
    return rows


def _read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


def _as_tuple(value: object) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if v)


def load_reference(directory: Path | str = REFERENCE_DIR) -> Reference:
    """Read every reference file under ``directory`` into one :class:`Reference`."""
    directory = Path(directory)
    ref = Reference()

    users: dict[str, list[str]] = {}

    def add(ent: Entity) -> None:
        ref.entities[ent.id] = ent
        for alias in (ent.name, *ent.aliases):
            key = norm(alias)
            if key and ent.id not in users.setdefault(key, []):
                users[key].append(ent.id)
            # first writer wins: countries load first, so a state keeps its own name
            if key and key not in ref.alias_index:
                ref.alias_index[key] = ent.id

    for row in _read_jsonl(directory / "countries.jsonl"):
        iso3 = row["id"]
        add(Entity(id=iso3, name=row["name"], type="state", country=iso3,
                   aliases=_as_tuple(row.get("aliases")), region=row.get("region", "") or ""))
        forms = list(_as_tuple(row.get("demonyms")))
        ref.demonym_forms[iso3] = forms
        for form in forms:
            ref.demonyms.setdefault(norm(form), iso3)
        mets = list(_as_tuple(row.get("metonyms")))
        ref.metonym_forms[iso3] = mets
        for form in mets:
            ref.metonyms.setdefault(norm(form), iso3)
    for fname in ENTITY_FILES:
        for row in _read_jsonl(directory / fname):
            typ = row.get("type", "other")
            country = row.get("country", "") or ""
            if row.get("kind") == "multinational_force":
                # a standing multinational force (ECOWAS Standby Force, CTF-151, the JEF) is what
                # states contribute to, i.e. an operation for the tables, and belongs to no one state
                typ, country = "military_operation", ""
            add(Entity(
                id=row["id"], name=row["name"], type=typ,
                country=country, aliases=_as_tuple(row.get("aliases")),
                host=_as_tuple(row.get("host")), org=row.get("org", "") or "",
                parent=row.get("parent", "") or "", kind=row.get("kind", "") or "",
            ))
    titles: list[tuple[str, str]] = []
    for row in _read_jsonl(directory / "titles.jsonl"):
        role = row["role"]
        for variant in {role, *_as_tuple(row.get("variants"))}:
            titles.append((variant.lower(), role))
    ref.titles = sorted(set(titles), key=lambda t: (-len(t[0]), t[0]))
    ref.title_words = frozenset(v for v, _ in ref.titles if " " not in v)
    ref.honorifics = frozenset(h.lower().rstrip(".") for h in _read_lines(directory / "honorifics.txt"))
    for row in _read_jsonl(directory / "people.jsonl"):
        person = Entity(id=row["id"], name=row["name"], type="person", country=row.get("country", "") or "",
                        aliases=_as_tuple(row.get("aliases")), org=row.get("org", "") or "",
                        role=row.get("role", "") or "")
        ref.people[person.id] = person
        for alias in (person.name, *person.aliases):
            ref.people_index.setdefault(norm(alias), person.id)
    ships_path = directory / "ship_terms.json"
    if ships_path.exists():
        ships = json.loads(ships_path.read_text(encoding="utf-8"))
        ref.ship_classes = tuple(sorted(ships.get("classes", []), key=lambda c: -len(c)))
        ref.ship_prefixes = dict(ships.get("prefixes", {}))
    ref.military_terms = tuple(sorted({t.lower() for t in _read_lines(directory / "military_terms.txt")},
                                      key=lambda t: (-len(t), t)))
    ref.government_terms = tuple(sorted({t.lower() for t in _read_lines(directory / "government_terms.txt")},
                                        key=lambda t: (-len(t), t)))
    ref.shared_aliases = {k: tuple(v) for k, v in users.items() if len(v) > 1}
    return ref


@lru_cache(maxsize=4)
def get_reference(directory: str = str(REFERENCE_DIR)) -> Reference:
    """Cached :func:`load_reference`: the files are large and never change within a run."""
    return load_reference(directory)
