"""Force contributions: who sends how many troops or assets, to which operation, and whether
they are coming, staying or going.

The extractor works sentence by sentence on the dependency parse:

1. find *unit* nouns (troops, battalion, frigates ...; ``data/lexicons/force_units.json``)
   and merge those that describe one contingent ("its battalion of about 100 special forces
   soldiers", "a French detachment of about 200 soldiers with Leclerc tanks");
2. read the contingent's size from its number words, keeping hedges and ranges; a number
   is a head count only when it counts people, never ships or battalions;
3. resolve the contributor through the :class:`~analysis.actors.ActorSet`: modifiers of
   the unit noun (demonyms, possessives, "from X"), else the subject of the clause (with
   conjuncts, relative clauses and control verbs), else the one contributor of the sentence;
4. classify the status from the governing verb chain, its tense and negation
   (``data/lexicons/force_status.json``);
5. attach the operation named in the sentence, else the article's main operation.

A state's own forces on its own soil are not a contribution and are dropped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
from spacy.tokens import Doc, Span, Token

from .config import LEXICON_DIR
from .reference import DEMONYM_LABEL, METONYM_LABEL

UNITS_FILE = "force_units.json"
STATUS_FILE = "force_status.json"

#: Contributor types allowed as they are; others are mapped to their country's state.
DIRECT_CONTRIBUTOR_TYPES = frozenset({"state"})
#: Types mapped to the state of their ``country`` ("the Danish battalion" -> Denmark).
COUNTRY_MAPPED_TYPES = frozenset({"government", "military_unit", "person", "other"})
OPERATION_TYPES = frozenset({"military_operation"})
#: Words that make an organisation or unit mention name an operation ("UN peacekeeping force").
OPERATION_WORDS = frozenset({"force", "mission", "operation", "battlegroup", "presence", "policing", "task"})

_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_MOD_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})
_HOST_PREPS = frozenset({"in", "to", "from", "into", "inside", "across", "out"})
_RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
#: Entity types a unit label may keep ("Eurofighter jets", "Leclerc tanks"); actor names are dropped.
_LABEL_ENT_TYPES = frozenset({"", "PRODUCT", "ORG", "WORK_OF_ART", "FAC", "PERSON"})
_LABEL_SKIP = frozenset({"additional", "extra", "new", "more", "strong", "own", "other", "further"})


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class UnitLexicon:
    """Unit nouns, number words and hedges from ``force_units.json``."""

    individual: frozenset[str]
    formation: frozenset[str]
    assets: frozenset[str]
    ambiguous: frozenset[str]
    never_alone: frozenset[str]
    numbers: dict[str, int]
    scales: dict[str, int]
    vague: frozenset[str]
    hedges: tuple[str, ...]
    range_joiners: frozenset[str]
    strength_words: frozenset[str]
    count_verbs: frozenset[str]
    excluded_entity_types: frozenset[str]
    partitive: frozenset[str] = frozenset()
    contributor_nouns: frozenset[str] = frozenset()
    list_markers: tuple[str, ...] = ()
    anaphoric_operation_nouns: frozenset[str] = frozenset()
    agreement_nouns: frozenset[str] = frozenset()
    size_nouns: frozenset[str] = frozenset()
    successor_words: frozenset[str] = frozenset()
    bilateral_words: frozenset[str] = frozenset()
    counted_only: frozenset[str] = frozenset()
    table_nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StatusLexicon:
    """Status cues from ``force_status.json``: verbs by lemma, frame verbs and nouns."""

    verbs: dict[str, list[dict]]
    frames: dict[str, frozenset[str]]
    nouns: dict[str, str]
    adverbs: dict[str, str | None]
    non_contribution: frozenset[str] = frozenset()
    approval_nouns: frozenset[str] = frozenset()
    needing_verbs: frozenset[str] = frozenset()
    recent_time_words: frozenset[str] = frozenset()
    sayer_verbs: frozenset[str] = frozenset()
    media_nouns: frozenset[str] = frozenset()
    status_adjectives: dict[str, str] = field(default_factory=dict)
    service_nouns: frozenset[str] = frozenset()
    carrier_verbs: frozenset[str] = frozenset()
    on_request_nouns: frozenset[str] = frozenset()
    on_request_verbs: frozenset[str] = frozenset()
    beneficiary_verbs: frozenset[str] = frozenset()
    attitude_words: frozenset[str] = frozenset()
    standby_nouns: frozenset[str] = frozenset()
    condition_words: frozenset[str] = frozenset()
    journey_nouns: frozenset[str] = frozenset()


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"force lexicon missing: {path}") from None
    except json.JSONDecodeError as err:
        raise ValueError(f"{path}: invalid JSON ({err.msg}, line {err.lineno})") from None


def _lower_set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


def _word_lists(cls: type, d: dict, skip: frozenset[str] | set[str] = frozenset(),
                keys: dict[str, str] | None = None) -> dict[str, frozenset[str]]:
    """Every plain word-list field of a lexicon class, read from the JSON key of the same name
    (or the one ``keys`` gives), lower-cased; a list the file lacks is empty."""
    keys = keys or {}
    return {f.name: _lower_set(d.get(keys.get(f.name, f.name), [])) for f in fields(cls)
            if f.type in ("frozenset[str]", frozenset) and f.name not in skip}


@lru_cache(maxsize=4)
def load_unit_lexicon(directory: str = str(LEXICON_DIR)) -> UnitLexicon:
    """Read ``force_units.json`` (cached).

    directory (str): folder holding the lexicon files.
    RETURNS (UnitLexicon): the unit nouns and number vocabulary.
    """
    d = _read_json(Path(directory) / UNITS_FILE)
    return UnitLexicon(
        individual=_lower_set(d["individual"]),
        formation=_lower_set(d["formation"]),
        assets=_lower_set(d["assets"]),
        numbers={k.lower(): int(v) for k, v in d["numbers"].items()},
        scales={k.lower(): int(v) for k, v in d["scales"].items()},
        hedges=tuple(sorted({h.lower() for h in d.get("hedges", [])}, key=lambda h: (-len(h), h))),
        excluded_entity_types=frozenset(d.get("excluded_entity_types", [])),
        list_markers=tuple(m.lower() for m in d.get("list_markers", [])),
        **_word_lists(UnitLexicon, d, skip={"individual", "formation", "assets", "excluded_entity_types"}),
    )


@lru_cache(maxsize=4)
def load_status_lexicon(directory: str = str(LEXICON_DIR)) -> StatusLexicon:
    """Read ``force_status.json`` (cached).

    directory (str): folder holding the lexicon files.
    RETURNS (StatusLexicon): verb cues indexed by their first lemma, frames and noun cues.
    """
    d = _read_json(Path(directory) / STATUS_FILE)
    verbs: dict[str, list[dict]] = {}
    for entry in d["verbs"]:
        words = entry["cue"].lower().split()
        item = dict(entry, lemma=words[0], particles=tuple(words[1:]))
        verbs.setdefault(words[0], []).append(item)
    for entries in verbs.values():  # "pull out" before "pull"
        entries.sort(key=lambda e: -len(e["particles"]))
    return StatusLexicon(
        verbs=verbs,
        frames={k: _lower_set(v) for k, v in d.get("frames", {}).items()},
        nouns={e["cue"].lower(): e["status"] for e in d.get("nouns", [])},
        adverbs={k.lower(): v for k, v in d.get("adverbs", {}).items()},
        status_adjectives={k.lower(): v for k, v in d.get("status_adjectives", {}).items()},
        **_word_lists(StatusLexicon, d, keys={"non_contribution": "non_contribution_verbs"}),
    )


# --------------------------------------------------------------------------- quantities


@dataclass
class Quantity:
    """A parsed size: ``value`` is None for vague sizes ("several hundred")."""

    text: str
    value: int | None = None
    maximum: int | None = None
    approximate: bool = False
    kind: str = "count"  # headcount | units | assets


_NUM_TOKEN = re.compile(r"^\d{1,3}(?:[,\u202f\u00a0]\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def _number_value(word: str, lex: UnitLexicon) -> float | None:
    w = word.lower().strip()
    if _NUM_TOKEN.match(w):
        return float(re.sub(r"[,\u202f\u00a0]", "", w))
    if w in lex.numbers:
        return float(lex.numbers[w])
    if "-" in w:  # twenty-five
        parts = w.split("-")
        if all(p in lex.numbers for p in parts):
            return float(sum(lex.numbers[p] for p in parts))
    return None


def parse_quantity(text: str, lex: UnitLexicon | None = None) -> Quantity:
    """Read a number phrase such as "about 100", "some 1,500", "nearly a thousand",
    "between 850 and 1,100" or "several hundred".

    text (str): the verbatim number phrase (without the unit noun).
    lex (UnitLexicon): number words and hedges; the default lexicon if None.
    RETURNS (Quantity): value, upper end of a range, hedge flag; value None when vague.
    """
    lex = lex or load_unit_lexicon()
    low = " " + re.sub(r"\s+", " ", text.lower()).strip() + " "
    approximate = any(f" {h} " in low for h in lex.hedges)
    words = re.findall(r"\d[\d,.\u202f\u00a0]*\d|\d|[a-z]+(?:-[a-z]+)?|[-\u2013\u2014]", low)
    values: list[float] = []
    current: float | None = None
    pending: float | None = None  # "a" / "one" waiting for a scale
    vague = False
    joined = False
    for w in words:
        if w in lex.scales:
            base = current if current is not None else pending
            if base is None and vague:
                continue  # "several hundred"
            if base is None:
                base = 1.0  # "around hundred soldiers" (machine translation)
            current = base * lex.scales[w]
            pending = None
            continue
        if w.rstrip("s") in lex.scales and w.endswith("s"):
            vague = True
            continue
        val = _number_value(w, lex)
        if val is not None and w not in ("a", "an"):
            if current is not None and joined:
                values.append(current)
                current = None
            elif current is not None and current >= 20 and val < 10:  # "twenty five"
                val = current + val
                current = None
            current = val if current is None else current
            joined = False
            continue
        if w in ("a", "an"):
            pending = 1.0
            continue
        if w in lex.vague:
            vague = True
            pending = None  # "a few dozen"
            continue
        if w in lex.range_joiners and current is not None:
            joined = True
            continue
    if current is not None:
        values.append(current)
    elif pending is not None and not vague and not values:
        pass
    q = Quantity(text=text.strip(), approximate=approximate or (vague and not values))
    if values and not (vague and len(values) == 0):
        q.value = int(round(values[0]))
        if len(values) > 1 and values[1] > values[0]:
            q.maximum = int(round(values[1]))
            q.approximate = True
    if vague and q.value is None:
        q.approximate = True
    return q


# --------------------------------------------------------------------------- unit nouns


@dataclass
class Group:
    """One contingent: its unit nouns (head first), size and description."""

    head: Token
    tokens: list[Token] = field(default_factory=list)
    quantity: Quantity | None = None
    personnel: str = ""
    asset: str = ""
    shared: bool = False  # the size is the whole contingent's, split among several origins

    @property
    def is_asset_only(self) -> bool:
        return bool(self.asset) and not self.personnel


def _unit_key(tok: Token) -> tuple[str, str]:
    """The lexicon key of a unit noun, with a preceding compound/amod ("special forces")."""
    lemma = tok.lemma_.lower()
    text = tok.lower_
    for child in tok.children:
        if child.dep_ in ("compound", "amod") and child.i == tok.i - 1:
            return f"{child.lower_} {text}", f"{child.lemma_.lower()} {lemma}"
    return text, lemma


def unit_class(tok: Token, lex: UnitLexicon | None = None) -> str | None:
    """Classify a noun as ``individual``, ``formation`` or ``asset`` (None if not a unit).

    tok (Token): a noun.
    RETURNS (str | None): the unit class.
    """
    lex = lex or load_unit_lexicon()
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    low = tok.lower_
    singular = low[:-1] if low.endswith("s") and len(low) > 3 else low
    # two-word units first ("special forces", "police officers"), then the word itself
    for key in dict.fromkeys((*_unit_key(tok), low, tok.lemma_.lower(), singular)):
        for cls, words in (("asset", lex.assets), ("individual", lex.individual), ("formation", lex.formation)):
            if key in words:
                return cls
    return None


def _unit_label(tok: Token) -> str:
    """The unit noun with its non-numeric, non-actor modifiers ("special forces soldiers")."""
    def ok(t: Token) -> bool:
        return not t.like_num and t.ent_type_ in _LABEL_ENT_TYPES and t.lower_ not in _LABEL_SKIP \
            and not t.is_punct

    start = tok.i
    for child in reversed(list(tok.lefts)):
        if child.dep_ not in ("compound", "amod") or not ok(child) or child.i != start - 1 and \
                child.right_edge.i != start - 1:
            break
        # keep the modifier's own modifiers ("special" in "special forces soldiers")
        edge = child.left_edge.i
        sub = tok.doc[edge:child.i + 1]
        start = edge if all(ok(t) for t in sub) else child.i
    return tok.doc[start:tok.i + 1].text


def _operation_at(tok: Token, actors) -> bool:
    actor = actors.at_token(tok)
    return actor is not None and actor.type in OPERATION_TYPES


def _of_unit(tok: Token, actors, lex: UnitLexicon) -> bool:
    """True for "members of the SANDF" / "members of the armed forces": an of-phrase naming a unit."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            actor = actors.at_token(pobj)
            if actor is not None and actor.type == "military_unit":
                return True
            if unit_class(pobj, lex) in ("individual", "formation"):
                return True
    return False


def _named_force_members(tok: Token, actors, lex: UnitLexicon) -> bool:
    """"About 250 Canadian Armed Forces members", "40 SANDF members": a partitive right after a
    force's name (a unit actor or unit noun as its compound) counts that force's people, like
    "members of the armed forces"."""
    if tok.i == 0 or not any(c.dep_ == "nummod" for c in tok.children):
        return False
    left = tok.doc[tok.i - 1]
    if left.dep_ != "compound" or left.head.i != tok.i:
        return False
    actor = actors.at_token(left)
    if actor is not None and actor.type == "military_unit":
        return True
    return unit_class(left, lex) in ("individual", "formation")


def _counted_demonym(tok: Token, actors) -> bool:
    """A plural demonym with a number ("1,200 South Africans") names people of that state."""
    if tok.tag_ not in ("NNS", "NNPS") or tok.ent_type_ != DEMONYM_LABEL:
        return False
    actor = actors.at_token(tok)
    counted = any(c.dep_ == "nummod" for c in tok.children) or (  # "the Americans ... are around 600"
        tok.dep_ == "nsubj" and tok.head.lemma_.lower() == "be"
        and any(c.dep_ == "attr" and c.like_num for c in tok.head.children))
    return actor is not None and actor.type == "state" and counted


def _named_ship_head(tok: Token, actors) -> bool:
    """The last word of a named warship's mention (the actors module names ships ``ship-*``)."""
    m = actors.mention_at(tok) if hasattr(actors, "mention_at") else None
    return m is not None and m.actor_id.startswith("ship-") and m.end_token - 1 == tok.i


def _counted_noun(tok: Token, lex: UnitLexicon) -> bool:
    """"120 military", "2,000 men": a noun of ``counted_only`` with a number of its own."""
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.lower_ not in lex.counted_only:
        return False
    return any(c.dep_ == "nummod" and c.like_num and not _looks_like_date(c) for c in tok.children)


def find_unit_tokens(sent: Span, actors, lex: UnitLexicon) -> dict[int, str]:
    """Unit nouns of a sentence, by token index, with their class.

    Nouns inside an operation's name ("the Takuba force") are the operation, not a unit.
    """
    found = {}
    for tok in sent:
        cls = unit_class(tok, lex)
        if cls is None and _counted_demonym(tok, actors):
            cls = "individual"  # "about 1,200 South Africans"
        if cls is None and _named_ship_head(tok, actors):
            cls = "asset"  # "the Greek frigate Limnos joined ...": a named warship
        if cls is None and _counted_noun(tok, lex):
            cls = "individual"  # "a detachment of 120 military", "2,000 men"
        if cls is None:
            continue
        if _operation_at(tok, actors):
            continue
        # "special forces" counted once, on the head: skip a unit noun used as compound of another
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and not _counted_by_verb(tok, lex):
            continue  # "special forces soldiers", "drone base": a modifier, not a unit
        low = tok.lower_
        two_word = any(" " in k and k in lex.individual for k in _unit_key(tok))  # "crew members"
        if (low in lex.partitive or tok.lemma_.lower() in lex.partitive) and not two_word \
                and not _of_unit(tok, actors, lex) and not _named_force_members(tok, actors, lex):
            continue
        found[tok.i] = cls
    return found


def _parent_unit(tok: Token, units: dict[int, str], lex: UnitLexicon) -> Token | None:
    """The unit noun this one describes ("battalion of 100 soldiers", "(105 elements)",
    "contingent, estimated at 850 troops", "contingent, which counts 1,000 soldiers")."""
    t = tok
    for _ in range(4):
        if t.head is t:
            return None
        dep, head = t.dep_, t.head
        if dep == "prep" and t.lower_ == "at" and head.lemma_.lower() in lex.count_verbs:
            # "put the contingent at about 170 air warriors": the people are the counted unit's
            counted = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass") and c.i in units]
            if counted:
                return counted[0]
        if dep in ("appos", "pobj", "compound", "nmod"):
            pass
        elif dep == "prep" and t.lower_ in ("of", "with", "at", "including", "to", "from"):
            pass
        elif dep in ("dobj", "attr", "npadvmod") and head.lemma_.lower() in lex.count_verbs:
            pass
        elif dep in ("acl", "relcl") and t.lemma_.lower() in lex.count_verbs:
            pass
        else:
            return None
        t = head
        if t.i in units:
            return t
    return None


_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
           "dec", "year", "years", "month", "months", "week", "weeks", "day", "days"}


def _looks_like_date(num: Token) -> bool:
    """Whether a number NER put in a date or time entity really is one ("2019", "May 3"),
    rather than a count the tagger swept in ("its last 50 trainers")."""
    ent = next((e for e in num.doc.ents if e.start <= num.i < e.end), None)
    words = {t.lower_ for t in ent} if ent is not None else set()
    return bool(words & _MONTHS) or bool(re.fullmatch(r"(19|20)\d\d", num.text))


def _num_span(num: Token) -> list[Token]:
    """A number's own phrase ("around 120", "between 850 and 1,100") without the clauses and
    phrases hanging on it ("... left by road for Ziguinchor")."""
    drop = {t.i for c in num.children if c.dep_ in ("acl", "relcl", "prep", "punct", "appos") for t in c.subtree}
    return sorted((t for t in num.subtree if t.i not in drop), key=lambda t: t.i)


def _number_tokens(tok: Token, lex: UnitLexicon) -> tuple[list[Token], str]:
    """Number phrase tokens attached to a unit noun and how: nummod, strength or of-phrase."""
    for child in tok.children:
        if child.dep_ in ("nummod",) and (child.ent_type_ not in lex.excluded_entity_types
                                          or not _looks_like_date(child)):
            # "its 800-strong battalion" tokenised as "800 - strong": a strength, not 800 battalions
            strong = any(c.dep_ == "amod" and c.lower_ in lex.strength_words and child.i < c.i <= child.i + 2
                         for c in tok.children)
            return sorted(child.subtree, key=lambda t: t.i), "strength" if strong else "nummod"
        # "about 2,000 more troops" parsed with the number under "more": it counts the troops
        if child.dep_ == "amod" and child.lower_ in ("more", "additional", "extra", "further") and child.i < tok.i:
            nums = [n for n in child.children if n.dep_ in ("npadvmod", "nummod") and n.like_num
                    and n.i < child.i and not _looks_like_date(n)]
            if nums:
                return _num_span(nums[0]), "nummod"
        # "a 300-strong contingent", "a 250-member company", "a 12-man team"
        if child.dep_ in ("amod", "compound", "nmod") and child.lower_ in lex.strength_words:
            nums = [t for t in child.subtree if t is not child and t.lower_ not in ("-",)]
            if any(t.like_num for t in nums):
                return sorted(nums, key=lambda t: t.i), "strength"
        if child.dep_ == "amod" and child.lower_.endswith("-strong"):
            return [child], "strength"
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [g for g in child.children if g.dep_ == "pobj" and g.like_num]
            if objs:
                return _num_span(objs[0]), "of"
            # "a battalion of 650 men", "a company of around 150 pending approval" (the number
            # parsed onto the next word): a number in a unit's of-phrase on a word that is no unit
            # itself counts the unit's people
            for pobj in (g for g in child.children if g.dep_ == "pobj" and unit_class(g, lex) is None):
                nums = [n for n in pobj.children if n.dep_ == "nummod" and n.i < pobj.i
                        and (n.ent_type_ not in lex.excluded_entity_types or not _looks_like_date(n))]
                if nums and not _looks_like_date(nums[0]):
                    return _num_span(nums[0]), "of"
        if child.dep_ == "prep" and child.lower_ == "in" and _in_number_of(child) is not None:
            return _num_span(_in_number_of(child)), "count"  # "The Burkinabè soldiers, in number of 300"
        if child.dep_ == "appos" and child.like_num and any(
                g.dep_ == "amod" and g.lower_ in lex.strength_words for g in child.children):
            # "Soldiers of the 2nd Brigade, roughly 3,000 strong, ..."
            return [t for t in sorted(child.subtree, key=lambda t: t.i) if t.i <= child.i], "strength"
        if child.dep_ == "appos" and child.like_num and child.ent_type_ not in lex.excluded_entity_types \
                and not _looks_like_date(child):
            # "a second group of instructors, about 100 according to state media, landed"
            return [t for t in sorted(child.subtree, key=lambda t: t.i) if t.i <= child.i], "count"
    # "The Burkinabè soldiers, in number of 300, are arrived": the phrase hung on the verb right after the subject
    if tok.dep_ in ("nsubj", "nsubjpass"):
        for c in tok.head.children:
            if c.dep_ == "prep" and c.lower_ == "in" and tok.right_edge.i < c.i <= tok.right_edge.i + 2 \
                    and _in_number_of(c) is not None:
                return _num_span(_in_number_of(c)), "count"
    # "The soldiers they are replacing, some 140 in all, are due home": a bare number with "in
    # all" / "in total" set off by commas right after the subject, parsed as a second subject
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.right_edge.i + 1 < len(tok.doc) \
            and tok.doc[tok.right_edge.i + 1].text == ",":
        for c in tok.head.children:
            if c.like_num and c.dep_ in ("nsubj", "nsubjpass", "dep", "appos", "npadvmod") \
                    and tok.right_edge.i < c.i <= tok.right_edge.i + 4 and not _looks_like_date(c) \
                    and c.ent_type_ not in lex.excluded_entity_types \
                    and any(x.lower_ in ("all", "total") for x in c.subtree if x.i > c.i):
                return [t for t in sorted(c.subtree, key=lambda t: t.i) if t.i <= c.i], "count"
    # "About 350 U.S. Army and Air Force personnel": the number parsed onto the first name
    if tok.dep_ == "conj" and tok.head.pos_ == "PROPN" and tok.head.i < tok.i:
        nums = [c for c in tok.head.children if c.dep_ == "nummod" and c.like_num and not _looks_like_date(c)]
        if nums:
            return sorted(nums[0].subtree, key=lambda t: t.i), "nummod"
    # "The Americans at Camp Bondsteel are around 600": a number said of the unit by the copula
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() == "be":
        attrs = [c for c in tok.head.children if c.dep_ == "attr" and c.like_num]
        if attrs and attrs[0].ent_type_ not in lex.excluded_entity_types:
            return [t for t in sorted(attrs[0].subtree, key=lambda t: t.i) if t.i <= attrs[0].i], "count"
    # "the French contingent, which numbers around 700": a bare number counted by a relative clause
    for child in tok.children:
        if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in lex.count_verbs:
            objs = [g for g in child.children if g.dep_ in ("dobj", "attr", "npadvmod", "nummod") and g.like_num]
            if objs:
                return sorted(objs[0].subtree, key=lambda t: t.i), "count"
            for p in (g for g in child.children if g.dep_ == "prep" and g.lower_ in lex.hedges):
                if any(x.dep_ == "pobj" and x.like_num for x in p.children):  # "numbers around 700"
                    return sorted(p.subtree, key=lambda t: t.i), "count"
            at = _count_at(child, lex)  # "a battery whose strength the ministry put at 78"
            if at:
                return at, "count"
    # "the Chadian troops number around 1,400", "Pakistan's battalions number about 1,900"
    counted = _counted_by_verb(tok, lex)
    if counted:
        return counted, "count"
    # "The ministry put its crew at 202", "officials estimate the contingent at 850"
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in lex.count_verbs:
        at = _count_at(tok.head, lex)
        if at:
            return at, "count"
    # "puts the number of Eritrean soldiers still in Tigray at between 8,000 and 10,000"
    size = _counted_size_noun(tok, lex)
    if size is not None:
        at = _count_at(size.head, lex)
        # "put the number of Belgian soldiers currently serving in Jordan at about 90": the parser
        # may hang the count verb's at-phrase on the participle after the unit
        for part in (c for c in tok.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")):
            at = at or _count_at(part, lex)
        if at:
            return at, "count"
    # "withdrew its company of about 150": the parser may hang the of-phrase on the verb
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "of" and nxt.dep_ == "prep" and nxt.head is not tok:
        objs = [g for g in nxt.children if g.dep_ == "pobj" and g.like_num]
        if objs:
            return _num_span(objs[0]), "of"
    # "hundreds of troops": the unit is the object of a number noun
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        qn = tok.head.head
        if qn.like_num or qn.lemma_.lower() in lex.scales or qn.lower_ in lex.vague:
            span = [t for t in qn.subtree if t.i < tok.head.i]
            return sorted(span, key=lambda t: t.i), "nummod"
    # "two helicopter units": the number may hang on a compound asset noun
    for child in tok.children:
        if child.dep_ == "compound":
            for g in child.children:
                if g.dep_ == "nummod":
                    return sorted(g.subtree, key=lambda t: t.i), "nummod"
    return [], ""


#: Forms of a count verb the tagger may read as a noun ("India's battalions number about 2,300").
_COUNT_NOUN_FORMS = {"number", "numbers", "total", "totals"}


def _counted_by_verb(tok: Token, lex: UnitLexicon) -> list[Token]:
    """The figure a count verb gives its subject: "the Chadian troops number around 1,400",
    also when the tagger reads 'number' as a noun with the unit as its compound ("Pakistan's
    battalions number about 1,900")."""
    head = tok.head
    if head.i == tok.i:
        return []
    if tok.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") \
            and head.lemma_.lower() in lex.count_verbs:
        pass
    elif tok.dep_ == "compound" and tok.tag_ in ("NNS", "NNPS") and head.pos_ == "NOUN" \
            and head.lower_ in _COUNT_NOUN_FORMS and head.i == tok.i + 1:
        pass
    else:
        return []
    for c in head.children:
        if c.dep_ in ("dobj", "attr", "npadvmod", "nummod") and c.like_num and c.i > tok.i \
                and c.ent_type_ not in lex.excluded_entity_types:
            return sorted(c.subtree, key=lambda t: t.i)
        if c.dep_ == "prep" and c.lower_ in lex.hedges and c.i > tok.i:
            nums = [x for x in c.children if x.dep_ == "pobj" and x.like_num and not _looks_like_date(x)]
            if nums:
                return sorted(c.subtree, key=lambda t: t.i)
    return []


def _future_count(tok: Token) -> bool:
    """"will number 2,000": a count still ahead (a modal or 'will' on the count verb)."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.head.children)


def _counted_size_noun(tok: Token, lex: UnitLexicon) -> Token | None:
    """The size noun of "put the number of Eritrean soldiers at ...": a unit in the of-phrase of
    ``size_nouns`` that is the object of a count verb."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return None
    size = tok.head.head
    if size.lemma_.lower() not in lex.size_nouns or size.dep_ not in ("dobj", "nsubjpass"):
        return None
    return size if size.head.lemma_.lower() in lex.count_verbs else None


def _in_number_of(prep: Token) -> Token | None:
    """The number of "in number of 300" (translated French "au nombre de")."""
    for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() == "number"):
        for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            nums = [x for x in of.children if x.dep_ == "pobj" and x.like_num]
            if nums:
                return nums[0]
    return None


def _count_at(verb: Token, lex: UnitLexicon) -> list[Token]:
    """The number of a count verb's at-phrase ("put ... at 78", "estimated at about 850")."""
    for p in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at"):
        nums = [x for x in p.children if x.dep_ == "pobj" and x.like_num and x.ent_type_ not in lex.excluded_entity_types]
        if nums:
            return [t for t in sorted(nums[0].subtree, key=lambda t: t.i) if t.i <= nums[0].i]
        # "put the contingent at about 170 air warriors": the number phrase on the people named
        nums = [n for x in p.children if x.dep_ == "pobj" and unit_class(x, lex) is None for n in x.children
                if n.dep_ == "nummod" and n.like_num and not _looks_like_date(n)]  # a unit counts itself
        if nums:
            return sorted(nums[0].subtree, key=lambda t: t.i)
    return []


def _quantity_for(tok: Token, cls: str, lex: UnitLexicon) -> Quantity | None:
    toks, how = _number_tokens(tok, lex)
    if not toks:
        return None
    if any(t.ent_type_ in lex.excluded_entity_types and (t.ent_type_ not in ("DATE", "TIME") or _looks_like_date(t))
           for t in toks if t.like_num):
        return None
    doc = tok.doc
    text = doc[toks[0].i: toks[-1].i + 1].text
    q = parse_quantity(text.replace("-strong", "").replace(" - strong", "").rstrip(" -"), lex)
    q.text = doc[toks[0].i: max(toks[-1].i, tok.i) + 1].text if how not in ("of", "count") \
        else doc[tok.i: toks[-1].i + 1].text
    q.text = re.sub(r"[\"\u201c\u201d]", "", q.text).strip()
    if cls == "individual" or how in ("strength", "of", "count"):
        q.kind = "headcount"
    elif cls == "asset":
        q.kind = "assets"
    else:
        q.kind = "units"
    return q


def build_groups(sent: Span, actors, lex: UnitLexicon) -> list[Group]:
    """Merge the unit nouns of a sentence into contingents and read their sizes."""
    units = find_unit_tokens(sent, actors, lex)
    roots: dict[int, int] = {}
    for i in sorted(units):
        parent = _parent_unit(sent.doc[i], units, lex)
        roots[i] = roots.get(parent.i, parent.i) if parent is not None else i
    # resolve chains
    def root_of(i: int) -> int:
        seen = set()
        while roots[i] != i and i not in seen:
            seen.add(i)
            i = roots[i]
        return i

    groups: dict[int, Group] = {}
    for i in sorted(units):
        r = root_of(i)
        g = groups.setdefault(r, Group(head=sent.doc[r]))
        g.tokens.append(sent.doc[i])
    out = []
    for g in groups.values():
        g.tokens.sort(key=lambda t: (t.i != g.head.i, t.i))
        persons = [t for t in g.tokens if units[t.i] != "asset"]
        assets = [t for t in g.tokens if units[t.i] == "asset"]
        # "special forces soldiers (battalion)": the people first, the formation in brackets
        people = [_unit_label(t) for t in persons if units[t.i] == "individual"]
        formations = [_unit_label(t) for t in persons if units[t.i] != "individual"]
        if people and formations:
            g.personnel = f"{'; '.join(dict.fromkeys(people))} ({'; '.join(dict.fromkeys(formations))})"
        else:
            g.personnel = "; ".join(dict.fromkeys(people + formations))
        g.asset = "; ".join(dict.fromkeys(_unit_label(t) for t in assets))
        best = None
        for t in g.tokens:
            q = _quantity_for(t, units[t.i], lex)
            if q is None:
                continue
            if best is None or (q.kind == "headcount" and best.kind != "headcount"):
                best = q
        g.quantity = best
        out.append(g)
    return sorted(out, key=lambda g: g.head.i)


def _needs_context(g: Group, lex: UnitLexicon) -> bool:
    """True when every noun of the group is ambiguous (company, unit, forces ...)."""
    return all(t.lower_ in lex.ambiguous or t.lemma_.lower() in lex.ambiguous for t in g.tokens)


# --------------------------------------------------------------------------- verbs and status


def governing_predicate(tok: Token) -> Token | None:
    """The verb (or status noun) that governs a noun: climbs conj, prep and appos links."""
    t = tok
    for _ in range(8):
        if t.head is t:
            return t if t.pos_ in ("VERB", "AUX") else None
        if t.dep_ == "prep" and t.lower_ in ("with", "having") and t.head.pos_ in ("NOUN", "PROPN"):
            return t.head  # "the largest contributor with 1,200 troops": the noun carries the status
        if t.dep_ in ("conj", "appos", "pobj", "prep", "compound", "nummod", "amod", "poss", "agent", "npadvmod"):
            t = t.head
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod",):
                return t
            continue
        h = t.head
        if h.pos_ in ("VERB", "AUX"):
            return h
        if h.pos_ == "ADJ" and h.dep_ in ("acomp",):
            return h.head
        t = h
    return None


def verb_chain(verb: Token) -> list[Token]:
    """A verb with the verbs it is the complement of (outermost first) and its own xcomps.

    "will start withdrawing" -> [start, withdrawing]; "is scheduled to withdraw" ->
    [scheduled, withdraw]; "began flying out" -> [began, flying].
    """
    outer = []
    t = verb
    while t.dep_ in ("xcomp", "ccomp", "acl", "advcl", "conj", "pcomp") and t.head is not t:
        if t.dep_ == "pcomp":  # "refrained from sending"
            if t.head.dep_ != "prep" or t.head.head.pos_ not in ("VERB", "AUX"):
                break
            t = t.head.head
            outer.append(t)
            continue
        gerund = t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_ == "mark" for c in t.children)
        if t.dep_ in ("ccomp", "advcl") and not gerund and not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            break
        if t.dep_ == "conj":
            # conjoined verbs share auxiliaries only when they have none of their own
            break
        if t.dep_ == "acl" and t.head.pos_ not in ("NOUN", "ADJ"):
            break
        t = t.head
        outer.append(t)
        if t.dep_ == "acl":
            break
    inner = []
    cur = verb
    while True:
        nxt = [c for c in cur.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        if not nxt:
            break
        cur = nxt[0]
        inner.append(cur)
    return list(reversed(outer)) + [verb] + inner


def _particles(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod", "dobj", "prep", "npadvmod")}


def _objects(verb: Token) -> set[str]:
    out = set()
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr"):
            out.add(c.lemma_.lower())
            out.update(g.lower_ for g in c.children if g.dep_ == "compound")
        if c.dep_ == "prep":
            out.update(g.lemma_.lower() for g in c.children if g.dep_ == "pobj")
    return out


def match_verb_cue(verb: Token, lex: StatusLexicon) -> dict | None:
    """The lexicon entry for a verb, honouring particles ("pull out") and object lists."""
    for entry in lex.verbs.get(verb.lemma_.lower(), []):
        if entry["particles"] and not set(entry["particles"]) <= _particles(verb):
            continue
        if entry.get("objects") and not (_objects(verb) & set(entry["objects"])):
            continue
        if entry.get("objects_required") and not _objects(verb):
            continue
        return entry
    return None


def _aux(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]


def verb_tense(verb: Token, lex: StatusLexicon) -> str:
    """past | perfect | present | progressive | future | infinitive for a verb and its auxiliaries."""
    auxes = _aux(verb)
    words = {a.lower_ for a in auxes}
    lemmas = {a.lemma_.lower() for a in auxes}
    if words & lex.frames.get("modals_future", frozenset()):
        return "future"
    if "going" in words or any(a.lower_ == "to" for a in auxes) and lemmas & {"be"}:
        return "future"
    if "have" in lemmas and verb.tag_ == "VBN":
        had = any(a.lower_ == "had" for a in auxes)
        return "past" if had else "perfect"
    if "be" in {a.lemma_.lower() for a in auxes if a.dep_ == "aux"} and verb.tag_ == "VBG":
        return "progressive"
    if any(a.dep_ == "auxpass" for a in auxes):
        ap = [a for a in auxes if a.dep_ == "auxpass"][0]
        return "past" if ap.tag_ == "VBD" else "present"
    if any(a.lower_ == "to" for a in auxes):
        return "infinitive"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBG":
        return "progressive"
    if verb.tag_ == "VBN":
        return "past"
    return "present"


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never",) for c in verb.children)


@dataclass
class Status:
    status: str
    cue: str


def _lookup(entry: dict, key: str) -> str:
    st = entry["status"]
    return st.get(key) or st.get("default") or "unknown"


def _approval_verb(noun: Token, lex: StatusLexicon) -> Token | None:
    """The approval verb governing a status noun ("approved the deployment of Danish forces")."""
    gov = noun.head
    while gov.pos_ == "ADP" and gov.head is not gov:
        gov = gov.head
    if gov is noun or gov.pos_ not in ("VERB", "AUX"):
        return None
    return gov if gov.lemma_.lower() in lex.frames.get("approval", ()) else None


_CONFIRM_VERBS = frozenset({"confirm", "ratify", "endorse", "rubber-stamp", "finalise", "finalize"})


def _approval_outstanding(verb: Token, lex: StatusLexicon) -> bool:
    """"has yet to be approved by the Senate", "is yet to be ratified": a 'yet to' approval
    on the verb (or its governing 'have'/'be') has not been given."""
    approval = lex.frames.get("approval", frozenset()) | _CONFIRM_VERBS
    for v in (verb, verb.head):
        if any(c.dep_ == "advmod" and c.lower_ == "yet" for c in v.children) and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in approval for c in v.children):
            return True
    return False


def _requested_approval(verb: Token, lex: StatusLexicon) -> bool:
    """"has asked its parliament to approve up to 500 more", "asked lawmakers to authorise the
    deployment": an approval someone was asked for and has not given yet."""
    frames = lex.frames
    return verb.lemma_.lower() in frames.get("approval", ()) and not _negated(verb) and \
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in frames.get("request", ()) and not _negated(verb.head)


def _denied_by_head(verb: Token) -> bool:
    """"no agreement that allows ...": the clause hangs off a noun with a negative determiner."""
    if verb.dep_ in ("relcl", "acl"):
        return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in verb.head.children)
    return False


def _destination(verb: Token, actors) -> bool:
    """"leave for Bangui", "depart for the Central African Republic": a for/to-phrase naming a
    place is where the contingent is going, so leaving is setting out rather than going home."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "to", "towards")):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            actor = actors.at_token(pobj)
            if (actor is not None and actor.type == "state") or pobj.ent_type_ in ("GPE", "LOC", "STATE"):
                return True
    return False


def _leaves_behind(verb: Token, actors) -> bool:
    """"leave 500 soldiers in Chad", "leaving about 2,000 in the country": "leave" with troops (a
    unit or a number, not a place or an actor) as object and a place they stay in."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs or (actors is not None and any(actors.at_token(o) is not None for o in objs)):
        return False
    troops = any(o.like_num or unit_class(o) in ("individual", "formation")
                 or any(c.dep_ == "nummod" for c in o.children) for o in objs)
    placed = any(c.dep_ == "prep" and c.lower_ in ("in", "at", "on") for c in verb.children) or \
        any(c.dep_ == "prep" and c.lower_ in ("in", "at") for o in objs for c in o.children)
    return troops and placed


def _leaves_home(verb: Token, objs: list[Token], actors) -> bool:
    """"About 450 Malawian soldiers left Lilongwe for Goma": the place left belongs to the state
    the subject names (its capital or the state itself), so the unit leaves home, not a mission."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJ_DEPS]
    v = verb
    while not subjects and v.dep_ == "xcomp" and v.head is not v:
        v = v.head  # "are expected to leave Accra": the subject of the governing verb
        subjects = [c for c in v.children if c.dep_ in _SUBJ_DEPS]
    if v.dep_ in ("acl", "relcl") and not subjects:
        subjects = [v.head]
    own = set()
    for s in subjects:
        for t in s.subtree:
            a = _map_contributor(actors.at_token(t), actors)
            if a is not None and a.type == "state":
                own.add(a.id)
    left = set()
    for o in objs:
        a = _map_contributor(actors.at_token(o), actors)
        if a is None:
            return False
        left.add(a.id)
    return bool(left) and left <= own


def _future_time(verb: Token, lex: StatusLexicon) -> bool:
    """"next month", "in the coming weeks", "tomorrow": a date on the verb that lies ahead."""
    words = lex.frames.get("future_time", frozenset())
    own = [c for c in verb.children if c.dep_ not in _SUBJ_DEPS | {"advcl", "ccomp", "conj", "relcl"}]
    return any(t.ent_type_ in ("DATE", "TIME") and t.lower_ in words for c in own for t in c.subtree)


def _futurate(verb: Token, lex: StatusLexicon) -> bool:
    """A present progressive that announces a plan ("Finland is contributing a company next
    month"): English uses it for arrangements, so with a date ahead, or in a clause joined
    ("while", "and") to a future one, it is future, not an ongoing deployment."""
    if _future_time(verb, lex):
        return True
    if verb.lemma_.lower() not in lex.frames.get("futurate", frozenset()):
        return False
    head = verb.head
    joined = verb.dep_ == "conj" or (verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("while", "whereas", "and") for c in verb.children))
    return joined and head is not verb and head.pos_ in ("VERB", "AUX") and verb_tense(head, lex) == "future"


def classify_status(pred: Token | None, lex: StatusLexicon | None = None, actors=None) -> Status:
    """Status of a contingent from the verb (chain) that governs it.

    pred (Token | None): the governing verb or status noun.
    lex (StatusLexicon | None): status cues; the default lexicon if None.
    actors (ActorSet | None): to tell "left Mali" (withdrawal) from "left Wilhelmshaven" (setting out).
    RETURNS (Status): a schema status, or "refused" ("ruled out sending troops": no row),
        and the cue words that set it.
    """
    lex = lex or load_status_lexicon()
    if pred is None:
        return Status("unknown", "")
    if pred.pos_ in ("NOUN", "PROPN"):
        st = lex.nouns.get(pred.lemma_.lower()) or lex.nouns.get(pred.lower_)
        approval = _approval_verb(pred, lex)
        if approval is not None and (_negated(approval) or _denied_by_head(approval)):
            return Status("pending", f"not {approval.text} {pred.text}")  # "had not approved the deployment"
        gov = pred.head
        while gov.pos_ == "ADP" and gov.head is not gov:
            gov = gov.head
        if gov is not pred and gov.pos_ in ("VERB", "AUX") and _approval_outstanding(gov, lex):
            return Status("pending", f"yet to {pred.text}")  # "the deployment ... is yet to be ratified"
        if approval is not None and _requested_approval(approval, lex):
            return Status("pending", f"{approval.head.text} {approval.text} {pred.text}")
        if approval is not None and st in ("deployed", "arriving") and approval.dep_ not in ("xcomp", "ccomp"):
            # "the Folketing approved the deployment of a Danish frigate": decided, not yet there
            return Status("planned", f"{approval.text} {pred.text}")
        return Status(st or "unknown", pred.text if st else "")
    chain = verb_chain(pred)
    frames = lex.frames
    for v in chain:  # "had not yet approved the deployment", "no agreement that allows the deployment"
        if v.lemma_.lower() in frames.get("approval", ()) and (_negated(v) or _denied_by_head(v)):
            return Status("pending", f"not {v.text}")
        if _requested_approval(v, lex):  # "asked parliament to approve sending 150 troops"
            return Status("pending", f"{v.head.text} {v.text}")
        if _approval_outstanding(v, lex):  # "Egypt's pledge ... has yet to be confirmed by Cairo"
            return Status("pending", f"yet to {v.text}")
    # 1. the content cue: the innermost verb of the chain with a lexicon entry
    cue_verb, entry = None, None
    for v in reversed(chain):
        e = match_verb_cue(v, lex)
        if e is not None and v.lemma_.lower() not in frames.get("pledge", ()) | frames.get("request", ()):
            cue_verb, entry = v, e
            break
    # copula: "An exception to ... is the elements" -> status noun among its arguments
    if entry is None:
        for v in chain:
            for c in v.children:
                # "the contingent they replaced began the long drive home": a journey home, however parsed
                journey = [x for x in (c, *c.children) if x.lemma_.lower() in lex.journey_nouns and x.pos_ == "NOUN"
                           and x.i + 1 < len(x.doc) and x.doc[x.i + 1].lower_ in ("home", "back")]
                if journey and c.dep_ in ("dobj", "advmod") and not _negated(v):
                    return Status("withdrawing", f"{v.text} {journey[0].text} home")
                if c.dep_ in ("nsubj", "attr", "acomp", "dobj", "nsubjpass") and c.lemma_.lower() in lex.nouns:
                    st = lex.nouns[c.lemma_.lower()]
                    if c.dep_ == "nsubjpass":
                        # "the deployment of 250 troops has been approved", "the dispatch ... was
                        # approved by the cabinet": decided, not there yet; other passives say nothing
                        if st in ("deployed", "arriving", "planned") and not _negated(v) and \
                                v.lemma_.lower() in frames.get("approval", ()) and v.dep_ != "xcomp":
                            return Status("planned", f"{c.text} {v.text}")
                        continue
                    if c.dep_ == "dobj" and st in ("deployed", "arriving") and not _negated(v) and \
                            v.lemma_.lower() in frames.get("approval", ()) and v.dep_ not in ("xcomp", "ccomp"):
                        # "the Folketing approved the deployment of a Danish frigate": decided, not there yet
                        return Status("planned", f"{v.text} {c.text}")
                    return Status(st, c.text)
        if pred.head is not pred and pred.dep_ == "acl" and pred.head.lemma_.lower() in lex.nouns:
            return Status(lex.nouns[pred.head.lemma_.lower()], pred.head.text)
    # 2. frames on the outer verbs
    outer = chain[: chain.index(cue_verb)] if cue_verb is not None else chain
    outer_lemmas = [v.lemma_.lower() for v in outer]
    top = chain[0]
    # "The last soldiers left on Friday" parsed as a reduced relative on "soldiers": the tense
    # belongs to the first verb of the chain, never to a noun the chain climbed to
    tense = verb_tense(next((v for v in chain if v.pos_ in ("VERB", "AUX")), top), lex)
    if any(v.lemma_.lower() == "be" and nxt.dep_ == "xcomp"
           and any(c.dep_ == "aux" and c.lower_ == "to" for c in nxt.children) for v, nxt in zip(chain, chain[1:])):
        tense = "future"  # "Latvia is to send 40 soldiers": an arrangement, not a present movement
    negated = any(_negated(v) for v in chain)
    words = [v.text for v in chain]
    cue_text = " ".join(words + sorted(p for p in _particles(cue_verb) if p in ("out", "home", "back", "down"))) \
        if cue_verb is not None else " ".join(words)
    if any(v.lemma_.lower() in frames.get("former", ()) and v.tag_ == "VBD" for v in outer) and \
            entry is not None and _lookup(entry, "past") in ("deployed", "arriving"):
        return Status("withdrawn", cue_text)  # "which used to send officers": a past habit, over now
    if any(l in frames.get("pending", ()) for l in outer_lemmas):
        return Status("pending", cue_text)
    if any(l in frames.get("refusal", ()) | frames.get("deliberation", frozenset()) for l in outer_lemmas):
        return Status("refused", cue_text)  # "ruled out sending", "is considering whether to withdraw"
    if entry is not None and not negated and any(
            v.lemma_.lower() in frames.get("approval", ()) and nxt is cue_verb and nxt.dep_ == "xcomp"
            and nxt.tag_ == "VBG" for v, nxt in zip(chain, chain[1:])):
        # "the cabinet approved dispatching about 150 soldiers": the move itself approved, decided
        # (an approval asked of someone, or withheld, was handled above)
        ahead = _lookup(entry, "future")
        return Status(ahead if ahead in ("withdrawing", "remaining") else "planned", cue_text)
    if any(l in frames.get("request", ()) for l in outer_lemmas) or \
            (top.dep_ == "xcomp" and top.head.lemma_.lower() in frames.get("request", ())):
        return Status("unknown", cue_text)
    pledge = [v for v in chain if v.lemma_.lower() in frames.get("pledge", ()) or
              any(c.dep_ == "acomp" and c.lemma_.lower() in frames.get("pledge", ()) for c in v.children)]
    if pledge and not negated:
        if entry is not None and _lookup(entry, "future") in ("withdrawing", "remaining"):
            return Status(_lookup(entry, "future"), cue_text)
        # "has offered to send", "is ready/prepared/willing to contribute": put forward and waiting
        # for someone to accept, not decided (pending); a pledge or commitment is planned
        offered = frames.get("offer", frozenset())
        if any(v.lemma_.lower() in offered or any(c.dep_ == "acomp" and c.lemma_.lower() in offered
                                                  for c in v.children) for v in pledge):
            return Status("pending", cue_text)
        return Status("planned", cue_text)
    if top.dep_ == "acl" and top.head.lemma_.lower() in frames.get("intent", ()) and tense == "infinitive":
        tense = "future"
    if any(l in frames.get("aspect_continuative", ()) for l in outer_lemmas) and tense != "future" and \
            entry is not None and _lookup(entry, "present") == "deployed" and not negated:
        # "Ghana continues to deploy 875 peacekeepers": carrying on a placing verb describes
        # troops already in place, not a movement under way ("is deploying": arriving)
        return Status("deployed", cue_text)
    if any(l in frames.get("aspect_progressive", ()) for l in outer_lemmas):
        tense = "future" if tense == "future" else "progressive"
        if entry is not None and tense == "future":
            tense = "progressive"
    elif any(l in frames.get("aspect_completive", ()) for l in outer_lemmas) and tense in ("past", "perfect"):
        tense = "past"
    elif any(l in frames.get("intent", ()) for l in outer_lemmas):
        tense = "future"
    if tense == "infinitive":
        tense = "future"
    if tense == "progressive" and _futurate(cue_verb if cue_verb is not None else top, lex):
        tense = "future"
    if entry is None:
        adv = [c.lower_ for v in chain for c in v.children if c.dep_ == "advmod"]
        for a in adv:
            if lex.adverbs.get(a):
                return Status(lex.adverbs[a], a)
        ways = [w for c in pred.children if c.dep_ == "prep" and c.lower_ == "on"
                for w in c.children if w.dep_ == "pobj" and w.lemma_.lower() == "way"]
        if ways and not negated:
            # "are now on their way home": going back; "on their way to Goma": coming
            home = any(x.lower_ in ("home", "back") for x in ways[0].children)
            return Status("withdrawing" if home else "arriving", f"on {ways[0].text}{' home' if home else ''}")
        due = [c for c in pred.children if c.dep_ == "acomp" and c.lemma_.lower() in frames.get("awaited", ())]
        if pred.lemma_.lower() == "be" and due and not negated:
            home = [x for x in (*pred.children, *due[0].children)
                    if x.dep_ == "advmod" and x.lower_ in ("home", "back")]
            if home:
                return Status("withdrawing", f"{pred.text} {due[0].text} {home[0].text}")  # "are due home"
            return Status("planned", f"{pred.text} {due[0].text}")  # "the frigate Psara is due in Djibouti"
        if pred.lemma_.lower() in ("be", "have") and tense != "future" and not negated:
            return Status("deployed", cue_text)  # "were already in the country", "has 1,000 troops"
        if pred.lemma_.lower() in frames.get("awaited", frozenset()) and pred.tag_ == "VBN" and \
                any(c.dep_ == "nsubjpass" for c in pred.children):
            # "a replacement vessel is expected in the summer", "... is not expected before the
            # summer": an awaited unit is a plan; denied only up to a date, still one
            later = any(c.dep_ == "prep" and c.lower_ in ("before", "until") for c in pred.children)
            if not negated or later:
                return Status("planned", cue_text)
        if negated:
            return Status("unknown", cue_text)
        return Status("unknown", "")
    if negated:
        st = _lookup(entry, "negated")
        if st == "pending" and tense in ("present", "progressive", "future"):
            st = "refused"  # "is not sending ships", "will not deploy": no contribution
        if st == "pending" and any(c.lower_ == "never" for v in chain for c in v.children):
            st = "refused"  # "has never sent a ship": not a contribution held up, none at all
        return Status(st, "not " + cue_text)
    marks = frames.get("irrealis", frozenset())
    if any(c.dep_ == "mark" and c.lower_ in marks for v in chain for c in v.children):
        # "has not said whether it will add jets": an open question is no plan; a unit it asks
        # about keeping ("whether it will keep its company in Abyei") is there now
        st = _lookup(entry, tense)
        if st in ("remaining", "withdrawing"):
            return Status("deployed", cue_text)
        return Status("refused", cue_text)
    if cue_verb.lemma_.lower() == "leave" and _leaves_behind(cue_verb, actors):
        # "leaving about 2,000 in the country", "will leave 500 soldiers in Chad": kept there
        return Status("remaining", f"{cue_text} in")
    if entry.get("non_actor_object") and actors is not None:
        objs = [c for c in cue_verb.children if c.dep_ == "dobj"]
        later = {t.lower_ for t in cue_verb.sent if t.i > cue_verb.i}
        bound = any(c.dep_ == "prep" and c.lower_ in ("for", "to", "towards")
                    for c in [*cue_verb.children, *(x for o in objs for x in o.children)]) \
            or bool(later & {"due", "expected", "heading", "bound", "route", "sailing"})
        setting_out = objs and bound and (all(actors.at_token(o) is None for o in objs)
                                          or _leaves_home(cue_verb, objs, actors))
        # "will leave for the Central African Republic": no place left, a destination named
        setting_out = setting_out or (not objs and _destination(cue_verb, actors))
        if setting_out:
            # "left Wilhelmshaven for the Red Sea": setting out; "left Abyei last year" is a departure.
            # Announced for later ("will leave for ... in March") it is a plan, not yet a movement.
            return Status("planned" if tense == "future" else entry["non_actor_object"], cue_text)
    return Status(_lookup(entry, tense), cue_text)


# --------------------------------------------------------------------------- contributors


def _expand_conj(tok: Token) -> list[Token]:
    return [tok] + [c for c in tok.conjuncts if c.i > tok.i]


_DASHES = frozenset({"\u2014", "\u2013", "--"})


_BESIDE_PREPS = frozenset({"alongside", "beside"})


def _dateline_state(doc: Doc) -> str:
    """ISO3 of the dateline's place ("JUBA (Reuters) - ...", "BEIRUT – ..."): a capital or state
    named before the first dash of the article."""
    from .reference import get_reference

    first = next(iter(doc.sents), None)
    if first is None:
        return ""
    dash = next((t for t in first[:14] if t.text in _DASHES | {"-"} and t.i > first.start), None)
    if dash is None:
        return ""
    forms = {f.lower(): iso for iso, fs in get_reference().metonym_forms.items() for f in fs}
    for t in doc[first.start:dash.i]:
        if t.ent_type_ in ("STATE", METONYM_LABEL) and t.ent_id_:
            return t.ent_id_
        if t.lower_ in forms:
            return forms[t.lower_]
    return ""


def _beside_operation(g: Group, pred: Token | None, ops: list, actors, ulex: UnitLexicon) -> bool:
    """"Some 2,000 South Sudanese soldiers are deployed along the border alongside the mission":
    a contingent set beside an operation (named, "the mission", or its peacekeepers) is not part
    of it."""
    heads = list(g.tokens) + ([pred] if pred is not None and pred.pos_ in ("VERB", "AUX") else [])
    op_tokens = {i for i, _ in ops}
    for h in heads:
        for prep in (c for c in h.children if c.dep_ == "prep" and c.lower_ in _BESIDE_PREPS):
            for p in (x for x in prep.children if x.dep_ == "pobj"):
                if p.i in op_tokens or _operation_at(p, actors) or p.lemma_.lower() in ulex.anaphoric_operation_nouns \
                        or p.lemma_.lower() in ("peacekeeper", "peacekeepers", "blue helmet"):
                    return True
    return False


def _in_dateline(tok: Token) -> bool:
    """"WARSAW, Poland (AP) — Britain will send ...": the parser may make the dateline the
    subject; a word before a dash among the first words of the sentence is a dateline."""
    sent = tok.sent
    dash = next((t for t in sent[:14] if t.text in _DASHES and t.i > sent.start), None)
    return dash is not None and tok.i < dash.i


def clause_subjects(verb: Token, actors=None) -> list[Token]:
    """Subject tokens of a verb, following conjoined verbs, relative clauses, control verbs
    ("asked Denmark to withdraw" -> Denmark) and passive agents; conjuncts expanded."""
    t = verb
    for _ in range(6):
        subs = [c for c in t.children if c.dep_ in _SUBJ_DEPS and not _in_dateline(c)]
        agents = [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if subs:
            s = subs[0]
            if s.lower_ in _RELATIVE_PRONOUNS and t.dep_ == "relcl":
                s = t.head
            if s.dep_ == "nsubjpass" and agents:
                s = agents[0]
            return _expand_conj(s)
        if agents:
            return _expand_conj(agents[0])
        if t.dep_ == "relcl":
            return _expand_conj(t.head)
        if t.dep_ in ("xcomp", "ccomp") and t.head is not t:
            objs = [c for c in t.head.children if c.dep_ in ("dobj",) and c.i < t.i]
            # "asked Denmark to withdraw" is Denmark's move; "asked its parliament to approve up to
            # 500 more" is not the parliament's: who approves sends nothing, the asker does
            approves = t.lemma_.lower() in load_status_lexicon().frames.get("approval", frozenset())
            if objs and t.dep_ == "xcomp" and not approves and (
                    actors is None or actors.for_phrase(objs[0]) is not None):
                return _expand_conj(objs[0])
            t = t.head
            continue
        if t.dep_ in ("conj", "advcl", "acomp") and t.head is not t:
            t = t.head
            continue
        if t.dep_ == "acl" and t.head is not t and any(c.lower_ == "to" and c.dep_ == "aux" for c in t.children):
            # "awaiting approval to send soldiers": the subject of the verb the noun depends on
            noun = t.head
            if noun.dep_ in ("dobj", "pobj", "nsubjpass") and noun.head is not noun:
                t = noun.head if noun.dep_ != "pobj" else noun.head.head
                continue
            return []
        if t.dep_ == "acl" and t.head is not t:
            return []
        break
    return []


def _map_contributor(actor, actors):
    """A contributor-eligible actor for ``actor``: states as they are, units, governments and
    people mapped to their country's state; operations and unknown types give None."""
    if actor is None:
        return None
    if actor.type in OPERATION_TYPES:
        # "France's Operation Chammal will keep some 300 airmen": a national operation's own
        # people are its state's (when the article names that state)
        if getattr(actor, "kind", "") == "national" and actor.country:
            try:
                return actors.actor(actor.country)
            except KeyError:
                return None
        return None
    if actor.type in DIRECT_CONTRIBUTOR_TYPES:
        return actor
    if actor.type in COUNTRY_MAPPED_TYPES and actor.country:
        try:
            state = actors.actor(actor.country)
        except KeyError:
            state = None
        if state is not None:
            return state
        return None
    return None


def _actor_for(tok: Token, actors):
    actor = actors.at_token(tok)
    if actor is None and tok.pos_ == "PRON":
        actor = actors.antecedent(tok)
    if actor is None:
        actor = actors.for_phrase(tok)
    return actor


def modifier_actors(tok: Token, actors, with_from: bool = True) -> list:
    """Actors named by a unit noun's own modifiers: its mention, demonyms and possessives
    (with their conjuncts: "British and French troops"), and "from X" / "of X" phrases
    (the "from X" ones only ``with_from``)."""
    found = []
    own = actors.for_phrase(tok)
    if own is not None:
        found.append(own)
    if tok.dep_ == "compound" and tok.head.lower_ in _COUNT_NOUN_FORMS and tok.head.i == tok.i + 1:
        # "Pakistan's battalions number about 1,900" read as a noun 'number': its owner is the units'
        for c in tok.head.children:
            if c.dep_ in ("poss", "amod") and c.i < tok.i:
                a = _actor_for(c, actors)
                if a is not None:
                    found.append(a)
    if tok.dep_ == "conj" and tok.head.pos_ == "PROPN" and tok.head.i < tok.i and \
            unit_class(tok) is not None and any(c.dep_ == "nummod" for c in tok.head.children):
        head_actor = _actor_for(tok.head, actors)  # "350 U.S. Army and Air Force personnel"
        if head_actor is not None:
            found.append(head_actor)
    for child in tok.children:
        # "the contingent Chinese of 410 peacekeepers": a demonym after the noun (translated copy)
        if child.dep_ in _MOD_DEPS or (child.dep_ == "appos" and child.ent_type_ == DEMONYM_LABEL):
            for t in _expand_conj(child):
                a = _actor_for(t, actors)
                if a is not None:
                    found.append(a)
        elif child.dep_ == "prep" and child.lower_ in (("from", "of") if with_from else ("of",)):
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                if pobj.like_num or pobj.lower_ == "own":
                    continue
                for t in _expand_conj(pobj):
                    if child.lower_ == "from" and getattr(actors.mention_at(t), "kind", "") == "metonym":
                        continue  # "160 personnel from Bangui": a capital is where they come from
                    a = _actor_for(t, actors)
                    if a is not None:
                        found.append(a)
    return found


def _dedupe(actors_list):
    seen, out = set(), []
    for a in actors_list:
        if a is not None and a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


def group_contributors(g: Group, pred: Token | None, actors) -> list:
    """Contributors of a contingent: its modifiers first, else the subject of its clause."""
    # "Sweden will withdraw its 150 troops": a possessive pronoun means the clause subject
    # ... also over a conjoined unit: "withdrew its last F-16s and 80 personnel from Jordan"
    inherit = g.head.dep_ == "conj" and not any(
        _actor_for(c, actors) is not None for t in g.tokens for c in t.children if c.dep_ in _MOD_DEPS)
    owners = list(g.tokens) + ([g.head.head] if inherit else [])
    poss_pron = any(c.dep_ == "poss" and c.pos_ == "PRON" for t in owners for c in t.children)
    if poss_pron and pred is not None and pred.pos_ in ("VERB", "AUX"):
        subs = [s for s in clause_subjects(pred, actors) if s.i not in {t.i for t in g.tokens}]
        mapped = _dedupe(_map_contributor(_actor_for(s, actors), actors) for s in subs)
        if mapped:
            return mapped
        # "Bangladesh said its battalion would stay": the unit is its clause's subject, so "its"
        # is the state that says so
        sayers = _sayer_actors(pred, actors, load_status_lexicon()) if not subs else []
        if sayers:
            return sayers
    # "the withdrawal of 300 Danish special forces from Mali": a state demonym on the unit names
    # its contributor, and "from X" is then the place it leaves
    demonym = any(c.dep_ in ("amod", "compound") and c.ent_type_ == DEMONYM_LABEL
                  and getattr(_map_contributor(_actor_for(c, actors), actors), "type", None) == "state"
                  for t in g.tokens for c in t.children)
    if not demonym and any(c.dep_ == "prep" and c.lower_ == "from" for c in g.head.children):
        origins = _from_origins(g, actors)  # "contingents from Ghana, Malaysia and Tanzania"
        if origins:
            return origins
    mods = []
    for t in g.tokens:
        mods += modifier_actors(t, actors, with_from=not demonym)
    mapped = _dedupe(_map_contributor(a, actors) for a in mods)
    if mapped:
        return mapped
    agents = _participle_agents(g, actors)
    if agents:
        return agents
    holders = _status_noun_holders(g, actors)
    if holders:
        return holders
    owners = _owner_with(g, actors) or _whose_owner(g, actors)
    if owners:
        return owners
    origins = _from_origins(g, actors)
    if origins:
        return origins
    if any(m.type in OPERATION_TYPES for m in mods):
        # "the Mission's 13,000 personnel": the operation's own strength; but "New Zealand
        # Defence Force personnel": a name carrying a state is that state's military
        return _state_named_force(g, actors)
    if pred is None or pred.pos_ not in ("VERB", "AUX"):
        return []
    subjects = clause_subjects(pred, actors)
    if pred.lemma_.lower() in _HOSTING_VERBS:
        # "the Turkish base in Mogadishu, which hosts roughly 300 troops": the base's owner has
        # them there; a state or town that hosts troops is where they are, not who sends them
        # ("the Russian base in Gyumri, which hosts ...": the clause may hang on the base's town)
        bases = [s if s.lemma_.lower() in _BASE_NOUNS else s.head.head for s in subjects
                 if s.lemma_.lower() in _BASE_NOUNS or s.dep_ == "pobj" and s.head.lower_ in ("in", "at", "near")
                 and s.head.head.lemma_.lower() in _BASE_NOUNS]
        return _dedupe(_map_contributor(a, actors) for b in bases for a in modifier_actors(b, actors, with_from=False))
    holder = _holding_verb(g, pred)
    if holder is not None:
        subjects = clause_subjects(holder, actors)  # "Ghana has some 870 troops deployed, ..."
    if any(s.i in {t.i for t in g.tokens} or s.i == g.head.i for s in subjects):
        return []
    return _dedupe(_map_contributor(_actor_for(s, actors), actors) for s in subjects)


#: Verbs whose subject is where a contingent is, not who sent it ("Mali hosts 2,000 soldiers").
_HOSTING_VERBS = {"host", "house", "accommodate"}
#: Places whose owner has the troops they host ("the Turkish base ..., which hosts 300 troops").
_BASE_NOUNS = {"base", "camp", "garrison", "barracks", "installation", "facility", "outpost"}

#: Verbs by which a state holds a contingent in a participle clause ("has 870 troops deployed").
_HOLDING_VERBS = {"have", "keep", "maintain"}


def _holding_verb(g: Group, pred: Token) -> Token | None:
    """"Ghana has some 870 troops deployed, mostly in Bunia": with a comma after the participle
    the parser makes the troops its subject and the participle a clause of 'has'; the holder of
    the troops is then the subject of 'has', not the troops themselves."""
    if g.head.dep_ not in ("nsubj", "nsubjpass") or g.head.head.i != pred.i:
        return None
    for aux in (c for c in pred.children if c.dep_ == "aux" and c.i < g.head.i):
        # ... or hangs 'has' on it as an auxiliary that keeps a subject of its own
        if aux.lemma_.lower() in _HOLDING_VERBS and any(c.dep_ in _SUBJ_DEPS for c in aux.children):
            return aux
    if pred.tag_ != "VBN" or pred.dep_ not in ("ccomp", "xcomp") or pred.head.i == pred.i:
        return None
    holder = pred.head
    return holder if holder.lemma_.lower() in _HOLDING_VERBS and holder.i < g.head.i else None


#: Partitive words that, with "of them", split a contingent by origin ("most of them from Ghana").
_PARTITIVES = {"most", "many", "majority", "bulk", "all", "some", "half", "part"}


def _from_origins(g: Group, actors) -> list:
    """"troops from Bangladesh, Nepal and Pakistan", "3,200 troops, most of them from Ghana,
    Pakistan and India": the states a contingent comes from are its contributors."""
    heads = [g.head]
    sent = g.head.sent
    for t in sent:
        if t.lemma_.lower() in _PARTITIVES and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ in {"them", "whom", "which", "these"}
                                                             for p in c.children) for c in t.children):
            heads.append(t)
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                # every state named in the from-phrase: the parser links long lists by conj,
                # appos or "of" ("from Ghana, Malaysia, the Republic of Korea and Tanzania")
                # a capital there is the place the unit moves from ("a company of 160 personnel
                # from Bangui to Bambari"), not the state that sends it
                found = _dedupe(_map_contributor(actors.at_token(x), actors) for x in c.subtree
                                if actors.at_token(x) is not None
                                and getattr(actors.mention_at(x), "kind", "") != "metonym")
                found = [a for a in found if a is not None and a.type == "state"]
                if found:
                    g.shared = len(found) > 1
                    return found
    return []


def _state_named_force(g: Group, actors) -> list:
    """The state inside a force's name on a unit ("100 New Zealand Defence Force personnel",
    "Australian Defence Force personnel"), when the name was read as an operation."""
    found = []
    for t in g.tokens:
        for c in t.children:
            a = actors.at_token(c) if c.dep_ in ("compound", "nmod", "poss") else None
            if a is None or a.type not in OPERATION_TYPES:
                continue
            found += [m for m in modifier_actors(c, actors) if m.type != "military_operation"]
            # the demonym swallowed by the name itself ("Australian Defence Force")
            m = actors.mention_at(c) if hasattr(actors, "mention_at") else None
            for x in (c.doc[m.start_token:m.end_token] if m is not None else []):
                if x.ent_type_ in (DEMONYM_LABEL, "STATE") and x.ent_id_:
                    try:
                        found.append(actors.actor(x.ent_id_))
                    except KeyError:
                        pass
    return [a for a in _dedupe(_map_contributor(a, actors) for a in found) if a is not None and a.type == "state"]


def _status_noun_holders(g: Group, actors) -> list:
    """"Ghana's offer of 700 soldiers", "Kenya's deployment of 400 officers": the state that holds
    the status noun a contingent's of-phrase hangs on is its contributor."""
    t = g.head
    if t.dep_ != "pobj" or t.head.lower_ != "of" or t.head.head.pos_ != "NOUN":
        return []
    noun = t.head.head
    if noun.lemma_.lower() not in load_status_lexicon().nouns:
        return []
    found = [_actor_for(c, actors) for c in noun.children if c.dep_ in ("poss", "amod", "compound")]
    return [a for a in _dedupe(_map_contributor(a, actors) for a in found if a is not None)
            if a is not None and a.type == "state"]


def _participle_agents(g: Group, actors) -> list:
    """"a formed police unit of 140 officers, deployed by Senegal in 2019", "an engineering company
    provided by Indonesia": the agent of a participle describing the contingent sent it."""
    found = []
    for t in g.tokens:
        for c in t.children:
            if c.dep_ not in ("acl", "relcl") or c.tag_ != "VBN":
                continue
            for agent in (a for a in c.children if a.dep_ == "agent"):
                for p in (x for x in agent.children if x.dep_ == "pobj"):
                    found += [_map_contributor(_actor_for(x, actors), actors) for x in _expand_conj(p)]
    return [a for a in _dedupe(found) if a.type == "state"]


def _owner_with(g: Group, actors) -> list:
    """"Ireland, with about 370 soldiers deployed" / "Indonesia, the largest contributor with
    1,200 troops": the actor that a with-phrase holding the contingent hangs on."""
    t = g.head
    for _ in range(4):
        if t.head is t:
            return []
        if t.dep_ == "prep" and t.lower_ in ("with", "having"):
            owner = t.head
            if owner.pos_ in ("VERB", "AUX"):
                # "the carrier and its escorts remain in the Red Sea with some 5,000 sailors aboard"
                subs = [c for c in owner.children if c.dep_ in ("nsubj", "nsubjpass")]
                # "The carrier USS Dwight D. Eisenhower and its escorts": the subject or its apposition
                names = [o for s in subs for o in [s, *(c for c in s.children if c.dep_ == "appos")]]
                return _dedupe(_map_contributor(_actor_for(o, actors), actors)
                               for n in names for o in _expand_conj(n))
            if owner.dep_ == "appos":
                owner = owner.head
            elif owner.dep_ == "attr" and owner.head.lemma_.lower() == "be":
                # "Nepal is the largest contributor, with about 430 soldiers": the copula's subject
                owner = next((c for c in owner.head.children if c.dep_ == "nsubj"), owner)
            found = _dedupe(_map_contributor(_actor_for(o, actors), actors) for o in _expand_conj(owner))
            # "The Italian battery SAMP/T, with around 130 soldiers": the owner's own modifiers
            return found or [a for a in _dedupe(_map_contributor(a, actors) for a in modifier_actors(owner, actors))
                             if a is not None and a.type == "state"]
        if t.dep_ not in ("pobj", "nsubj", "pcomp", "dobj"):
            return []
        t = t.head
    return []


def _whose_owner(g: Group, actors) -> list:
    """"Kenya, whose roughly 1,400 troops are based in Lower Juba", "the French frigate
    Languedoc, whose 150 sailors ...": the relative possessive names the owner by its antecedent."""
    t = g.head
    if t.dep_ == "conj" and not any(c.dep_ == "poss" for c in t.children):
        t = t.head  # "whose six F-35s and 120 personnel": the possessive sits on the first conjunct
    if not any(c.lower_ == "whose" and c.dep_ == "poss" for c in t.children):
        return []
    for _ in range(4):  # up to the relative clause's verb
        if t.dep_ == "relcl" or t.head is t:
            break
        t = t.head
    if t.dep_ != "relcl":
        return []
    antecedent = t.head
    found = [_actor_for(antecedent, actors)] + modifier_actors(antecedent, actors)
    return [a for a in _dedupe(_map_contributor(a, actors) for a in found if a is not None)
            if a is not None and a.type == "state"]


def _sayer_actors(pred: Token, actors, slex: "StatusLexicon") -> list:
    """"The Russian defence ministry said about 100 instructors had landed": a contingent named by
    no state, reported by a state's own voice, is that state's. Only states (or bodies mapped to
    them) count as sayers; a journalist's source or the UN gives no contributor."""
    # "A first convoy ... crossed into Iraq, a U.S. official said": from the broken-up subject to "said"
    subject = pred.head if pred.dep_ == "acl" else pred
    if subject.dep_ == "dobj" and subject.head.dep_ == "acl" and subject.head.lemma_.lower() in slex.carrier_verbs:
        subject = subject.head.head  # the soldiers the convoy carries
    reported = subject is not pred and _reported_by(subject, slex) is not None
    t = subject if reported else pred
    for _ in range(4):
        deps = ("ccomp", "conj", "nsubj", "dep") if reported and t is subject else ("ccomp", "conj")
        if t.head is t or t.dep_ not in deps:
            return []
        t = t.head
        if t.pos_ == "VERB" and t.lemma_.lower() in slex.sayer_verbs:
            # a broadcaster or newspaper reports on forces, it owns none ("state television reported")
            subs = [c for c in t.children if c.dep_ == "nsubj" and c.lemma_.lower() not in slex.media_nouns]
            found = _dedupe(_map_contributor(_actor_for(s, actors) or _speaks_for(s, actors), actors)
                            for s in subs)
            return [a for a in found if a.type == "state"]
    return []


def _speaks_for(noun: Token, actors):
    """The state a speaker's own phrase names through modifiers and of/for-phrases ("The Ministry
    of Defence of Romania informs that ...", "a spokesman for the Kenyan police"); never a place
    it is sent to ("the UN envoy to Mali")."""
    frontier = [noun]
    for _ in range(4):
        nxt = []
        for h in frontier:
            for c in h.children:
                if c.dep_ in ("compound", "amod", "poss", "pobj") or (c.dep_ == "prep" and c.lower_ in ("of", "for")):
                    a = actors.at_token(c)
                    if a is not None and a.type == "state":
                        return a
                    nxt.append(c)
        frontier = nxt
    return None


def _origin_actors(pred: Token, actors) -> list:
    """"(400 officers) landed ... on a flight from Nairobi": the state a contingent comes from."""
    for t in pred.subtree:
        if t.dep_ == "prep" and t.lower_ == "from":
            for p in (c for c in t.children if c.dep_ == "pobj"):
                found = _dedupe(_map_contributor(_actor_for(x, actors), actors) for x in _expand_conj(p))
                if found:
                    return found
    return []


# --------------------------------------------------------------------------- operations and host


def _is_operation(actor, mention_text: str = "") -> bool:
    if actor is None:
        return False
    if actor.type in OPERATION_TYPES:
        return True
    if actor.type in ("military_unit", "international_organization"):
        words = set(re.findall(r"[a-z]+", (mention_text or "").lower()))
        return bool(words & OPERATION_WORDS) and not actor.country
    return False


def _national_service(actor, mention, doc: Doc) -> bool:
    """"The French Air and Space Force contingent", "Japan's Air Self-Defense Force": a name the
    tagger alone took for an operation, right after a state's demonym or name, is that state's
    own armed service, not an operation."""
    if getattr(actor, "source", "") != "ner":
        return False
    i = mention.start_token - 1
    while i >= 0 and i >= mention.start_token - 4 and (
            doc[i].lower_ in ("and", "'s", "’s") or doc[i].text[:1].isupper()):
        if doc[i].ent_type_ in (DEMONYM_LABEL, "STATE") and doc[i].ent_id_:
            return True
        i -= 1
    return False


def sentence_operations(sent: Span, actors) -> list[tuple[int, object]]:
    """(token index, actor) for each operation mentioned in a sentence."""
    out = []
    for m in actors.mentions_in(sent):
        try:
            a = actors.actor(m.actor_id)
        except KeyError:
            continue
        if _is_operation(a, m.text) and not _national_service(a, m, sent.doc):
            out.append((m.start_token, a, m.end_token))
    # "the UN mission MINUSCA": a description right before an operation's name is that name,
    # whatever the actor list made of the description alone
    # and so is one set off after it by a comma ("UNISFA, the separate peacekeeping force")
    named = {start for start, _, _ in out}
    ends = {end for _, _, end in out}
    doc = sent.doc

    def description(start: int, end: int) -> bool:
        return doc[end - 1].is_lower and doc[end - 1].pos_ == "NOUN"

    return [(start, a) for start, a, end in out
            if not (end in named and description(start, end))
            and not (start - 1 in ends and doc[start - 1].text == "," and description(start, end))]


def resolve_operation(g: Group, sent: Span, actors, ops: list[tuple[int, object]],
                      others: list[Group] | None = None):
    """The operation nearest to the contingent in the sentence, else the article's main one.

    An operation named inside another contingent's phrase is that contingent's ("withdraw
    Danish forces ... the elements participating in the UN force": the UN force belongs to the
    elements), so it is skipped for this one.
    """
    own = {t.i for t in g.head.subtree}
    taken: set[int] = set()
    for other in others or []:
        if other.head.i != g.head.i and g.head.i not in {t.i for t in other.head.subtree}:
            taken |= {t.i for t in other.head.subtree}
    usable = [p for p in ops if p[0] in own or p[0] not in taken]
    if usable:
        return min(usable, key=lambda p: abs(p[0] - g.head.i))[1]
    return actors.main_operation()


def _reference_host(op) -> str:
    if op is None:
        return ""
    host = tuple(getattr(op, "host", ()) or ())
    if host:
        return host[0]
    try:
        from .reference import get_reference

        ent = get_reference().entities.get(op.id)
    except Exception:  # reference data is optional for this lookup
        return ""
    return ent.host[0] if ent is not None and ent.host else ""


def _place_states(head: Token, actors, depth: int = 3) -> Iterator[tuple[str, object]]:
    """(preposition, state actor) for "in/to/from X" phrases under a word, nested ones included
    ("patrol near Menaka in Mali"), nearest first."""
    frontier = [head]
    for _ in range(depth):
        nxt = []
        for h in frontier:
            for c in h.children:
                if c.dep_ != "prep":
                    continue
                for p in (g for g in c.children if g.dep_ == "pobj"):
                    a = actors.at_token(p)
                    if a is not None and a.type == "state" and c.lower_ in _HOST_PREPS:
                        yield c.lower_, a
                    nxt.append(p)
        frontier = nxt


def resolve_host(g: Group, pred: Token | None, op, actors, contributors: set[str]) -> str:
    """ISO3 of where the contingent is: "in/to/from X" on its verb or noun, "left Mali", else
    the operation's host."""
    heads = list(g.tokens) + ([pred] if pred is not None else [])
    for h in heads:
        for prep, a in _place_states(h, actors):
            if prep == "from" and a.id in contributors:
                continue  # "troops from Kenya": the origin, not the host
            if a.country:
                return a.country
        if h is pred:
            for c in h.children:
                if c.dep_ == "dobj":
                    a = actors.at_token(c)
                    if a is not None and a.type == "state" and a.id not in contributors and a.country:
                        return a.country
    host = _reference_host(op)
    if host:
        return host
    main = actors.main_operation()
    if op is None or (main is not None and op.id == main.id):
        return actors.host_country() or ""
    return ""


# --------------------------------------------------------------------------- rows


def _sentence_text(sent: Span) -> tuple[str, int]:
    raw = sent.text
    stripped = raw.strip()
    return stripped, sent.start_char + (len(raw) - len(raw.lstrip()))


def _default_status(g: Group | None, st: Status) -> Status:
    """A counted contingent stated with no word of coming or going ("Canada's roughly 2,200
    troops form the backbone of the brigade", "the Victoria carries about 200 sailors") is
    there now; one stated in the future ("about 200 soldiers will train alongside") is planned.
    "Its crew" is as its ship is, which the sentence may not say, so it stays unknown."""
    if st.status != "unknown" or g is None or g.quantity is None \
            or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in g.head.children):
        return st
    verb = next((t for t in [g.head, *g.head.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and _negated(verb):
        return st
    future = verb is not None and any(a.lower_ in ("will", "would", "shall", "'ll") for a in _aux(verb))
    return Status("planned" if future else "deployed", "no status word")


def _make_row(actors, contributor, op, host, g: Group | None, st: Status, sent: Span) -> dict:
    text, start = _sentence_text(sent)
    q = g.quantity if g is not None else None
    st = _default_status(g, st)
    # "3,200 troops, most of them from Ghana, Pakistan and India": no one origin has 3,200
    headcount = q is not None and q.kind == "headcount" and not (g is not None and g.shared)
    return {
        "article_id": actors.article_id,
        "contributor": contributor.id,
        "contributor_country": contributor.country or "",
        "operation": op.id if op is not None else "",
        "quantity": q.value if headcount else None,
        "quantity_text": q.text if q is not None else "",
        "approximate": bool(q.approximate) if q is not None else False,
        "personnel": g.personnel if g is not None else "",
        "status": st.status,
        "sentence": text,
        "quantity_max": q.maximum if headcount else None,
        "asset": g.asset if g is not None else "",
        "host_country": host,
        "status_cue": st.cue,
        "sentence_start": start,
    }


#: Bodies a party or minister leaves or quits without any troops moving ("left the government").
_POLITICAL_BODIES = frozenset({"government", "coalition", "cabinet", "parliament", "office", "post"})


def _standalone_rows(sent: Span, actors, covered: set[int], slex: StatusLexicon) -> Iterator[tuple]:
    """(verb, contributors) for deployment verbs whose subject is a contributor and that govern
    no unit noun ("Bangladesh is scheduled to withdraw", "Sweden completed its withdrawal")."""
    for tok in sent:
        if tok.pos_ not in ("VERB",) or tok.i in covered:
            continue
        entry = match_verb_cue(tok, slex)
        if entry is None or not entry.get("standalone"):
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        if objs and not all(actors.at_token(o) is not None or o.lemma_.lower() in slex.nouns for o in objs):
            continue
        if any(c.dep_ in ("acomp", "attr", "oprd") for c in tok.children):
            continue  # "London remained deeply concerned", "remains committed": a state of mind, not troops
        if any(o.lemma_.lower() in _POLITICAL_BODIES or getattr(actors.at_token(o), "type", "") == "government"
               for o in objs):
            continue  # "the party, which left the government last month": politics, not troops
        subjects = clause_subjects(tok, actors)
        # "Norway's base policy remains in place": a common noun no list names, owned by a state,
        # is a thing of that state (a policy, a position), not the state moving troops
        subjects = [s for s in subjects if not (
            s.pos_ == "NOUN" and actors.at_token(s) is None and unit_class(s) is None
            and any(c.dep_ == "poss" for c in s.children))]
        contribs = _dedupe(_map_contributor(_actor_for(s, actors), actors) for s in subjects
                           if s.pos_ in ("PROPN", "PRON", "NOUN"))
        if entry.get("objects") and any(_owned_by_other(o, contribs, actors) for o in objs):
            continue  # "the junta ended two EU missions", "Mozambique extended the stay of Rwandan soldiers"
        if contribs:
            yield tok, contribs


_OBJECT_PRONOUNS = frozenset({"them"})


def _previous_sentence(sent: Span) -> Span | None:
    """The sentence before, when it is in the same paragraph."""
    if sent.start == 0:
        return None
    prev = sent.doc[sent.start - 1].sent
    return None if "\n\n" in prev.text.rstrip(" ") else prev


def _pronoun_rows(sent: Span, actors, ulex: UnitLexicon, slex: StatusLexicon,
                  covered: set[int]) -> Iterator[tuple[Token, list, "Status"]]:
    """(verb, contributors, status) for "Ukraine recalled them", "has offered to double them":
    a status verb whose object is a plural pronoun standing for troops just named (earlier in
    the sentence or in the sentence before) is a contingent of the verb's subject."""
    for tok in sent:
        if tok.lower_ not in _OBJECT_PRONOUNS or tok.dep_ != "dobj" or tok.head.i in covered:
            continue
        verb = tok.head
        if verb.pos_ != "VERB":
            continue
        before = [t for t in sent if t.i < tok.i]
        prev = _previous_sentence(sent)
        if prev is not None:
            before = list(prev) + before
        if not any(unit_class(t, ulex) in ("individual", "formation") and t.tag_ in ("NNS", "NNPS", "NN")
                   for t in before):
            continue
        st = classify_status(verb, slex, actors)
        if st.status in ("unknown", "refused"):
            continue
        if match_verb_cue(verb, slex) is None and st.status not in ("planned", "pending"):
            continue
        contribs = _dedupe(_map_contributor(_actor_for(s, actors), actors) for s in clause_subjects(verb, actors)
                           if s.pos_ in ("PROPN", "PRON", "NOUN"))
        if contribs:
            yield verb, contribs, st


def _embedded_size_rows(sent: Span, actors, ulex: UnitLexicon,
                        slex: StatusLexicon) -> Iterator[tuple[Group, list, "Status"]]:
    """(group, contributors, status) for "a force that Kenya has pledged will eventually number
    1,000": the relative clause reaches into a clause of its verb, so the size belongs to the
    unit the relative clause hangs on, and the contributor is the relative clause's subject.
    The parser cannot link the two clauses; their adjacency can."""
    frames = slex.frames
    for rel in sent:
        if rel.dep_ != "relcl" or unit_class(rel.head, ulex) not in ("individual", "formation"):
            continue
        lemma = rel.lemma_.lower()
        if lemma not in frames.get("pledge", frozenset()) | frames.get("intent", frozenset()) | slex.sayer_verbs:
            continue
        nxt = [t for t in sent if t.i > rel.i][:3]
        aux = next((t for t in nxt if t.lower_ in frames.get("modals_future", frozenset())), None)
        if aux is None or any(t.pos_ not in ("ADV",) for t in nxt[: nxt.index(aux)]):
            continue
        verb = aux.head
        if verb.lemma_.lower() not in ulex.count_verbs:
            continue
        nums = [c for c in verb.children if c.like_num and c.dep_ in ("dobj", "nummod", "attr", "npadvmod")]
        if not nums or nums[0].ent_type_ in ulex.excluded_entity_types:
            continue
        text = sent.doc[min(t.i for t in nums[0].subtree): max(t.i for t in nums[0].subtree) + 1].text
        q = parse_quantity(text, ulex)
        if q.value is None:
            continue
        q.text, q.kind = text, "headcount"
        contribs = _dedupe(_map_contributor(_actor_for(x, actors), actors)
                           for x in rel.children if x.dep_ in _SUBJ_DEPS)
        if contribs:
            g = Group(head=nums[0], tokens=[nums[0]], quantity=q, personnel=_unit_label(rel.head))
            yield g, contribs, Status("planned", f"{rel.text} {aux.text} {verb.text}")


def _target_size_rows(sent: Span, actors, ulex: UnitLexicon,
                      slex: StatusLexicon) -> Iterator[tuple[Group, list, "Status"]]:
    """(group, contributors, status) for "planned to raise the contingent to up to 300", "has
    pledged to raise its contribution to as many as 2,200": a change verb with only a "to" size
    gives the size the contributor is heading for; announced it is planned, done it is deployed."""
    frames = slex.frames
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _CHANGE_VERBS:
            continue
        # "keeps a platoon of some 40 troops ... and will raise that to around 80": a pronoun for it
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")
                and (c.lemma_.lower() in ulex.size_nouns or unit_class(c, ulex) in ("individual", "formation")
                     or (c.dep_ == "dobj" and c.lower_ in ("that", "it", "this")))]
        objs = objs or _figure_subject(verb, ulex)
        if not objs:
            continue
        preps = [c for t in (verb, objs[0]) for c in t.children if c.dep_ == "prep"]
        if any(p.lower_ == "from" for p in preps):
            continue  # "from X to Y" is read by the size-change rule
        nums = [x for p in preps if p.lower_ == "to" for x in p.children
                if x.dep_ == "pobj" and x.like_num and x.ent_type_ not in ulex.excluded_entity_types]
        # "raise that to around 80 next spring": the parser hangs the number on the date after it
        nums = nums or [n for p in preps if p.lower_ == "to" for x in p.children if x.dep_ == "pobj"
                        for n in x.children if n.dep_ == "nummod" and n.like_num and n.i < x.i - 1
                        and not _looks_like_date(n)]
        if not nums:
            continue
        span = sorted(nums[0].subtree, key=lambda t: t.i)
        text = sent.doc[span[0].i: span[-1].i + 1].text
        q = parse_quantity(text, ulex)
        if q.value is None:
            continue
        q.text, q.kind = text, "headcount"
        chain = verb_chain(verb)
        lemmas = {v.lemma_.lower() for v in chain}
        tense = verb_tense(chain[0], slex)
        if any(_negated(v) for v in chain) or lemmas & (frames.get("request", frozenset()) | frames.get("refusal", frozenset())):
            continue
        planned = lemmas & (frames.get("pledge", frozenset()) | frames.get("intent", frozenset())) \
            or tense in ("future", "infinitive", "present", "progressive")
        if verb.lemma_.lower() == "bring" and tense in ("present", "past", "perfect") and len(chain) == 1:
            planned = False  # "the latest arrival brings Ireland's total to 370": the result, there now
        st = Status("planned" if planned else "deployed", " ".join(v.text for v in chain) + " to")
        subjects = clause_subjects(verb, actors)
        contribs = _dedupe(_map_contributor(_actor_for(x, actors), actors) for x in subjects)
        contribs = contribs or _dedupe(a for a in modifier_actors(objs[0], actors))
        if contribs:
            label = "" if objs[0].pos_ == "PRON" else _unit_label(objs[0])
            yield Group(head=nums[0], tokens=[nums[0]], quantity=q, personnel=label), contribs, st
        elif _bare_figure(objs[0], ulex):
            # "a figure that will fall to about 150": the caller gives it the contingent counted last
            yield Group(head=nums[0], tokens=[nums[0]], quantity=q, personnel=""), [], st


#: Size nouns that alone ("a figure that will fall to 150", "the number is expected to grow to
#: 800") stand for the contingent counted just before.
_FIGURE_NOUNS = {"figure", "number", "total", "tally", "strength", "level", "headcount"}


def _figure_subject(verb: Token, ulex: UnitLexicon) -> list[Token]:
    """The size noun a change verb's subject stands for when it is no child of the verb: the
    antecedent of a relative pronoun ("270 personnel, a figure that will fall to about 150") or
    the subject of the verb a 'to' infinitive hangs on ("The number is expected to grow to 800")."""
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in _FIGURE_NOUNS and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which") for c in verb.children):
        return [verb.head]
    if verb.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")
                and c.lemma_.lower() in _FIGURE_NOUNS]
    return []


def _bare_figure(noun: Token, ulex: UnitLexicon) -> bool:
    """True for a size noun standing alone for a contingent ("this figure", "the number"): no
    of-phrase or possessive says whose or what it counts ("the number of refugees" is none)."""
    if noun.dep_ == "appos":
        # "270 personnel in Rukla, a figure that will fall to 150" (hung on the place after the
        # unit) counts the unit; "the death toll, a figure that rose to 5,000" counts no contingent
        t = noun.head
        for _ in range(3):
            if unit_class(t, ulex) in ("individual", "formation") or t.dep_ not in ("pobj", "prep"):
                break
            t = t.head
        if unit_class(t, ulex) not in ("individual", "formation"):
            return False
    return noun.lemma_.lower() in _FIGURE_NOUNS and not any(
        c.dep_ in ("prep", "poss", "compound", "amod") for c in noun.children)


def _nominal_offer_rows(sent: Span, actors, slex: StatusLexicon) -> Iterator[tuple[Token, list, "Status"]]:
    """(noun, states, status) for "Belgium's offer of the frigate Louise-Marie still awaits
    approval", "the Beninese pledge": a state's offer or pledge is a planned contribution even
    when what is offered is no unit noun, and pending while it waits for an approval."""
    for tok in sent:
        if tok.pos_ != "NOUN" or slex.nouns.get(tok.lemma_.lower()) != "planned":
            continue
        if tok.dep_ == "compound" or (tok.dep_ == "pobj" and tok.head.lower_ == "of"):
            continue
        states = _dedupe(_map_contributor(actors.at_token(c), actors) for c in tok.children
                         if c.dep_ in ("poss", "amod", "compound") and actors.at_token(c) is not None)
        states = [a for a in states if a is not None and a.type == "state"]
        # only an offer of forces: "offer of the frigate X", "offer to send troops", not "offer to mediate"
        ulex = load_unit_lexicon()
        of_forces = any(c.dep_ == "prep" and c.lower_ == "of" and any(
            unit_class(x, ulex) is not None or x.pos_ == "PROPN" for x in c.subtree) for c in tok.children)
        to_deploy = any(c.dep_ == "acl" and match_verb_cue(c, slex) is not None for c in tok.children)
        if states and (of_forces or to_deploy):
            pending = _awaits_approval(sent, slex)
            yield tok, states, Status("pending" if pending else "planned", tok.text)


def _owned_by_other(obj: Token, subjects: list, actors) -> bool:
    """Whether the deployment a verb ends or extends belongs to someone other than its subject:
    the object is another actor's name ("two EU missions") or carries one ("the stay of Rwandan
    soldiers"); "its deployment" stays the subject's."""
    own = {a.id for a in subjects if a is not None}
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
        return False
    for t in obj.subtree:
        a = actors.at_token(t)
        if a is not None:
            mapped = _map_contributor(a, actors)
            if a.id not in own and (mapped is None or mapped.id not in own):
                return True
    return False


def _contributor_list_rows(sent: Span, actors, ulex: UnitLexicon) -> Iterator[tuple[Token, list]]:
    """(noun, states) for "40 contributing countries, among them France, Spain and Poland" and
    "Indonesia, the largest single contributor": states named as contributors."""
    for tok in sent:
        two = f"{tok.nbor(-1).lower_} {tok.lower_}" if tok.i > sent.start else tok.lower_
        if tok.lower_ not in ulex.contributor_nouns and two not in ulex.contributor_nouns:
            continue
        found = []
        if tok.dep_ == "appos":
            found += [_actor_for(t, actors) for t in _expand_conj(tok.head)]
        if tok.dep_ == "attr" and tok.head.lemma_.lower() in ("be", "remain") and not _negated(tok.head):
            # "Hungary, Turkey and Italy are the other main contributors", "remain its largest contributors"
            found += [_actor_for(t, actors) for c in tok.head.children if c.dep_ == "nsubj" for t in _expand_conj(c)]
        for c in tok.children:
            if c.dep_ == "appos":
                found += [_actor_for(t, actors) for t in _expand_conj(c)]
        # a list introduced by "among them", "including", "such as" after the noun
        rest = sent[tok.i - sent.start + 1:]
        text = " " + rest.text.lower()
        for marker in ulex.list_markers:
            pos = text.find(" " + marker + " ")
            if 0 <= pos <= 20:
                after = [t for t in rest if t.idx - rest.start_char >= pos + len(marker)]
                for t in after[:12]:
                    if t.is_punct and t.text not in (",",):
                        break
                    a = actors.at_token(t)
                    if a is not None:
                        found.append(a)
                break
        states = [a for a in _dedupe(_map_contributor(a, actors) for a in found)]
        if states:
            yield tok, states


def _bracketed_count_rows(sent: Span, actors, ulex: UnitLexicon) -> Iterator[tuple[Group, object]]:
    """(group, state) for a strength given in brackets right after a state, as briefings list
    contributors: "contributors include France (700), Italy (350)", "come from Ghana (870
    soldiers)". The sentence must speak of contributions (a contributor noun or a personnel
    unit), and the bracket holds only a head count, with an optional personnel noun."""
    lex = ulex
    toks = list(sent)
    context = any(t.lower_ in lex.contributor_nouns or unit_class(t, lex) in ("individual", "formation")
                  or t.lemma_.lower() in lex.table_nouns for t in toks if not t.like_num)
    if not context:
        return
    seen = set()
    yield from _table_count_rows(toks, actors, lex, seen)
    for k, tok in enumerate(toks[:-3]):
        a = actors.at_token(tok)
        state = _map_contributor(a, actors) if a is not None else None
        if state is None or state.type != "state" or toks[k + 1].text != "(" or actors.at_token(toks[k + 1]) is a:
            continue
        inner = []
        for t in toks[k + 2: k + 7]:
            if t.text == ")":
                break
            inner.append(t)
        else:
            continue
        if not inner or not inner[0].like_num or inner[0].ent_type_ in lex.excluded_entity_types \
                or _looks_like_date(inner[0]):
            continue
        rest = inner[1:]
        if rest and not (len(rest) == 1 and unit_class(rest[0], lex) in ("individual", "formation")):
            continue  # "(2 frigates)", "(700 km)", "(up 5%)": not a head count
        if state.id in seen:
            continue
        seen.add(state.id)
        q = parse_quantity(inner[0].text, lex)
        if q is None or q.value is None:
            continue
        q = replace(q, kind="headcount")
        yield Group(head=inner[0], tokens=[inner[0]], quantity=q, personnel=rest[0].text if rest else "troops"), state


def _table_count_rows(toks: list[Token], actors, lex: UnitLexicon, seen: set) -> Iterator[tuple[Group, object]]:
    """(group, state) for a table row flattened into prose after a colon: "Contributions to
    MINUSCA: Nepal 1,150; India 890". Each state is followed directly by a bare head count that
    ends at a comma, semicolon or the sentence end; two such pairs are needed to call it a list."""
    colon = next((i for i, t in enumerate(toks) if t.is_punct and ":" in t.text), None)  # ":" or "):"
    if colon is None:
        return
    pairs = []
    for k in range(colon + 1, len(toks) - 1):
        tok, num = toks[k], toks[k + 1]
        a = actors.at_token(tok)
        state = _map_contributor(a, actors) if a is not None else None
        if state is None or state.type != "state" or actors.at_token(num) is a or not num.like_num \
                or num.ent_type_ in lex.excluded_entity_types or _looks_like_date(num):
            continue
        after = toks[k + 2] if k + 2 < len(toks) else None
        if after is not None and after.text not in (",", ";", ".") and after.lower_ != "and":
            continue
        q = parse_quantity(num.text, lex)
        if q is None or q.value is None:
            continue
        pairs.append((num, state, q))
    if len(pairs) < 2:
        return
    for num, state, q in pairs:
        if state.id in seen:
            continue
        seen.add(state.id)
        yield Group(head=num, tokens=[num], quantity=replace(q, kind="headcount"), personnel="troops"), state


def _possessive_count_rows(sent: Span, actors, ulex: UnitLexicon) -> Iterator[tuple[Group, object]]:
    """(group, state) for a bare number a state owns, beside a counted contingent in the same
    sentence: "the largest Asian contingent after Indonesia's 1,230", "are joined by France's
    300". The number stands for the same kind of unit as the counted one."""
    toks = list(sent)
    counted = any(unit_class(t, ulex) in ("individual", "formation") and any(
        c.dep_ == "nummod" for c in t.children) for t in toks if not t.like_num)
    if not counted:
        return
    for num in toks:
        if not num.like_num or num.pos_ != "NUM" or num.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass", "attr",
                                                                    "conj", "appos") \
                or num.ent_type_ in ulex.excluded_entity_types or _looks_like_date(num):
            continue
        owners = [c for c in num.children if c.dep_ == "poss"]
        if len(owners) != 1:
            continue
        state = _map_contributor(actors.at_token(owners[0]), actors)
        if state is None or state.type != "state":
            continue
        q = parse_quantity(" ".join(t.text for t in _num_span(num) if t.i != owners[0].i and t.lower_ != "'s"), ulex)
        if q.value is None:
            continue
        q = replace(q, kind="headcount")
        yield Group(head=num, tokens=[num], quantity=q, personnel="troops"), state


_SHARE_PRONOUNS = frozenset({"whom", "them", "which", "these", "those"})


QUOTE_CHARS = frozenset({'"', "\u201c", "\u201d", "'"})


def _gapped_unit(toks: list[Token], j: int, n: int, groups: list[Group]) -> Group | None:
    """The contingent a gapped clause names with its own unit noun right after the state
    ("Vietnam a 190-strong engineering unit", "the Czech Republic a handful of staff officers",
    "Niger 'between 1,200 and 1,500 elements'")."""
    if j + 1 >= len(toks) or not (toks[j + 1].pos_ in ("DET", "NUM") or toks[j + 1].like_num
                                  or toks[j + 1].text in QUOTE_CHARS or n > j + 1):
        return None
    for g in groups:
        if not (toks[j].i < g.head.i <= toks[j].i + 8):
            continue
        between = [t for t in toks if toks[j].i < t.i < g.head.i]
        if any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";") for t in between):
            continue
        return g
    return None


def _gap_starts(toks: list[Token], actors, ulex: UnitLexicon,
                allow_article: bool = False) -> Iterator[tuple[int, object, int, int]]:
    """Where a gapped clause may start ("and France around 300", ", and India about 580"): the
    conjunction's index, the state, the state's last token and the first token after the hedges."""
    for k, tok in enumerate(toks[:-2]):
        if tok.lower_ not in ("and", ","):
            continue
        j = k + 1
        if allow_article and toks[j].lower_ == "the" and j + 1 < len(toks):
            j += 1
        state = actors.at_token(toks[j]) if j < len(toks) else None
        if state is None or state.type != "state" or toks[j].dep_ == "poss":
            continue
        while j + 1 < len(toks) and actors.at_token(toks[j + 1]) is state:
            j += 1
        n = j + 1
        while n < len(toks) and not toks[n].like_num and (
                toks[n].lower_ in ("some", "a", "an", "only", "just") or toks[n].text in QUOTE_CHARS
                or any(toks[n].lower_ == h.split()[0] for h in ulex.hedges)):
            n += 1
        yield k, state, j, n


def _gap_owners(sent: Span, actors, ulex: UnitLexicon, groups: list[Group]) -> dict[int, object]:
    """Unit head index -> state for gapped clauses that keep their own unit noun: "Bangladesh
    provides a company, and Vietnam a 190-strong engineering unit". The parser hangs the unit on
    the first clause's verb, whose subject would otherwise take it."""
    toks = list(sent)
    out: dict[int, object] = {}
    # "and the Czech Republic a handful of staff officers"
    for k, state, j, n in _gap_starts(toks, actors, ulex, allow_article=True):
        g = _gapped_unit(toks, j, n, groups)
        mapped = _map_contributor(state, actors) if g is not None else None
        # only a real gap: an earlier clause with its own verb and a different subject
        if mapped is not None and any(t.pos_ in ("VERB", "AUX") for t in toks[:k]):
            out[g.head.i] = mapped
    return out


def _gapped_rows(sent: Span, actors, ulex: UnitLexicon, candidates: list,
                 groups: list[Group] | None = None) -> Iterator[tuple[Group, object, Status]]:
    """(group, state, status) for a gapped clause after a counted contingent: "Britain has about
    900 troops at Tapa and France around 300", "Pakistan has some 600 soldiers in the north, and
    India about 580 in the south". The second state shares the first clause's verb and unit."""
    toks = list(sent)
    for k, state, j, n in _gap_starts(toks, actors, ulex):
        if _gapped_unit(toks, j, n, groups or []) is not None:
            continue  # "and Vietnam a 190-strong engineering unit": see _gap_owners
        if n >= len(toks) or not toks[n].like_num or toks[n].ent_type_ in ulex.excluded_entity_types:
            continue
        nxt = toks[n + 1] if n + 1 < len(toks) else None
        if nxt is not None and unit_class(nxt, ulex) is not None:
            continue  # "France 300 troops" has its own unit noun and its own row
        model = [(g, st) for g, _pred, st, cs in candidates if g.head.i < toks[k].i and cs and g.quantity is not None
                 and g.quantity.kind == "headcount" and state not in cs]
        if not model:
            continue
        g0, st0 = model[-1]
        text = sent.doc[toks[j + 1].i: toks[n].i + 1].text
        q = parse_quantity(text, ulex)
        if q.value is None:
            continue
        q.text, q.kind = text, "headcount"
        mapped = _map_contributor(state, actors)
        if mapped is not None:
            yield Group(head=toks[n], tokens=[toks[n]], quantity=q, personnel=g0.personnel), mapped, st0


def _share_groups(sent: Span, actors, ulex: UnitLexicon) -> Iterator[tuple[Group, list]]:
    """(group, states) for a share of a total named by nationality: "which numbers about 3,000, of
    whom 1,150 are South African", "about 2,000 police, of them 300 from Senegal". The share is
    that state's head count; the total stays the force's own. Read from the words, as the parser
    links these relative clauses in many ways."""
    toks = list(sent)
    for k, tok in enumerate(toks[:-3]):
        if tok.lower_ != "of" or toks[k + 1].lower_ not in _SHARE_PRONOUNS:
            continue
        j = k + 2
        while j < len(toks) and (toks[j].like_num or toks[j].lower_ in ulex.numbers or toks[j].lower_ in ulex.scales
                                 or any(toks[j].lower_ == h.split()[0] for h in ulex.hedges)
                                 or toks[j].lower_ in {"to", "than", "a"}):
            j += 1
        nums = toks[k + 2: j]
        if not any(t.like_num for t in nums) or j >= len(toks) - 1:
            continue
        if toks[j].lemma_.lower() != "be":
            continue
        rest = toks[j + 1: j + 4]
        if rest and rest[0].lower_ == "from":
            rest = rest[1:]
        states = _dedupe(_map_contributor(actors.at_token(t), actors) for t in rest if actors.at_token(t) is not None)
        states = [a for a in states if a.type == "state"]
        if len(states) != 1:
            continue
        text = sent.doc[nums[0].i: nums[-1].i + 1].text
        q = parse_quantity(text, ulex)
        if q.value is None:
            continue
        q.text, q.kind = text, "headcount"
        yield Group(head=nums[-1], tokens=[nums[-1]], quantity=q), states


#: Words that make a bare number point back at troops just counted ("The first 230 flew out").
_ANAPHORIC_NUMBER_WORDS = frozenset({"first", "last", "remaining", "other", "another", "further", "next"})


def _all_but(num: Token) -> bool:
    """"all but 200 (of its troops)": the number the withdrawal leaves out."""
    return num.dep_ == "conj" and num.head.lower_ == "all" and any(
        c.dep_ == "cc" and c.lower_ == "but" for c in num.head.children)


_PLACE_PREPS = frozenset({"in", "at", "near", "to", "from", "into", "across", "along", "towards", "inside",
                          "outside", "around", "on", "off", "over"})


def _sentence_states(sent: Span, actors) -> set[str]:
    """Ids of the states (or bodies mapped to states) a sentence names as actors; a state inside
    a place phrase ("near the Jordanian border", "in Syria") is where things are, not who acts."""
    out = set()
    for t in sent:
        a = actors.at_token(t)
        mapped = _map_contributor(a, actors) if a is not None else None
        if mapped is None or any(x.dep_ == "prep" and x.lower_ in _PLACE_PREPS for x in t.ancestors):
            continue
        if any(x.dep_ == "prep" and x.lower_ == "with" and _joint_activity_with(x) for x in t.ancestors):
            continue  # "drills with the UAE Presidential Guard": a partner, not an actor of the story
        out.add(mapped.id)
    return out


def _anaphoric_share(g: Group) -> bool:
    """"The first 120 officers", "the last 50", "the remaining troops": a definite share of a
    contingent counted before, named by no state of its own."""
    words = {c.lower_ for t in g.tokens for c in t.children if c.dep_ in ("amod", "advmod", "det", "quantmod")}
    return bool(words & _ANAPHORIC_NUMBER_WORDS) and "the" in words


def _ellipsis_groups(sent: Span, groups: list[Group], slex: StatusLexicon, ulex: UnitLexicon,
                     carry: dict | None = None) -> list[Group]:
    """"is withdrawing its 1,500 soldiers but will keep about 250": a bare number that is the
    object of a status verb stands for the unit of the sentence's contingent before it, or of
    the paragraph's last one ("Sweden will send three hundred soldiers. Norway will send roughly
    four hundred")."""
    out = []
    for tok in sent:
        # "will send 200 more", "asked its parliament to approve up to 500 more": "more" heads the number
        more = tok.lower_ in ("more", "others") and any(c.dep_ == "nummod" and c.like_num for c in tok.children)
        # "The first 120 left on Tuesday", parsed as a number heading the sentence with "left" on it
        rooted = tok.dep_ == "ROOT" and tok.like_num and any(
            c.dep_ == "acl" and match_verb_cue(c, slex) is not None for c in tok.children)
        if not (tok.like_num or more) or (tok.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr") and not rooted):
            continue
        if tok.ent_type_ in ulex.excluded_entity_types:
            continue
        if not rooted and (tok.head.pos_ not in ("VERB", "AUX") or (
                match_verb_cue(tok.head, slex) is None and not _requested_approval(tok.head, slex)
                and not _due_to_move(tok.head, slex))):
            continue  # "has asked its parliament to approve up to 500 more" counts too
        before = [g for g in groups if g.head.i < tok.i and g.quantity is not None and g.quantity.kind == "headcount"]
        # "Several hundred of them will leave": a share of the troops just counted
        share = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and any(
            p.dep_ == "pobj" and p.lower_ in _SHARE_PRONOUNS for p in c.children)]
        # "provides some 300 of its roughly 1,100 troops": a share of a counted whole
        whole = [g for g in groups for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj" and p.i == g.head.i and g.quantity is not None]
        if whole:
            model, share = whole[0], [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
        elif before:
            model = before[-1]
        elif carry and carry.get("model") is not None and (tok.dep_ == "dobj" or share or more or any(
                c.lower_ in _ANAPHORIC_NUMBER_WORDS for c in tok.children)):  # "Roughly 520 others have left"
            model = carry["model"]
        elif carry and carry.get("article", {}).get("model") is not None and any(
                c.lower_ in _ANAPHORIC_NUMBER_WORDS for c in tok.children):
            model = carry["article"]["model"]  # "The first 120 left on Tuesday", paragraphs later
        else:
            continue
        drop = {t.i for c in share for t in c.subtree}
        span = sorted((t for t in tok.subtree if t.i not in drop), key=lambda t: t.i)
        q = parse_quantity(sent.doc[span[0].i: span[-1].i + 1].text, ulex)
        q.text = sent.doc[span[0].i: span[-1].i + 1].text
        q.kind = "headcount"
        out.append(Group(head=tok, tokens=[tok], quantity=q, personnel=model.personnel))
    for tok in sent:
        if not tok.like_num or tok.ent_type_ in ulex.excluded_entity_types or tok.i in {g.head.i for g in out}:
            continue
        if tok.dep_ == "conj" and _all_but(tok):
            # "will withdraw all but 200 of its 1,000 troops": the 200 who stay
            units = [g for g in groups if g.head.i > tok.i and not g.is_asset_only]
            if not units or governing_predicate(tok) is None or match_verb_cue(governing_predicate(tok), slex) is None:
                continue
            personnel = units[0].personnel
        elif tok.dep_ == "conj":
            # "keep about 320 in KFOR and some 270 in EUFOR": a number conjoined after a bare
            # number of the same verb is a second contingent of the same kind
            verb = governing_predicate(tok)
            sibling = [g for g in out if g.head.i < tok.i and verb is not None
                       and getattr(governing_predicate(g.head), "i", None) == verb.i]
            if not sibling:
                continue
            personnel = sibling[-1].personnel
        elif tok.dep_ == "pobj" and _added_to(tok.head) and any(
                c.dep_ == "acl" and match_verb_cue(c, slex) is not None for c in tok.children):
            # "French soldiers make up the bulk of the battlegroup, with about 1,000 deployed",
            # "about 1,300 troops with SAMIDRC, in addition to some 1,100 serving with MONUSCO"
            units = [g for g in groups if g.head.i < tok.i and not g.is_asset_only]
            if tok.head.lower_ != "with" and not any(g.quantity is not None for g in units):
                continue
            personnel = units[-1].personnel if units else ""
        else:
            continue
        span = [t for t in sorted(tok.subtree, key=lambda t: t.i) if t.i <= tok.i]
        text = sent.doc[span[0].i: tok.i + 1].text
        q = parse_quantity(text, ulex)
        if q.value is None:
            continue
        q.text, q.kind = text, "headcount"
        out.append(Group(head=tok, tokens=[tok], quantity=q, personnel=personnel))
    return out


def _due_to_move(be: Token, slex: StatusLexicon) -> bool:
    """"another 120 are due to arrive", "some 200 are expected to leave": a copula whose
    adjective governs a status verb moves its subject like the verb itself."""
    return be.lemma_.lower() == "be" and any(
        a.dep_ == "acomp" and any(x.dep_ == "xcomp" and match_verb_cue(x, slex) is not None for x in a.children)
        for a in be.children)


def _added_to(prep: Token) -> bool:
    """A preposition that adds a bare number to the contingent before it: "with about 1,000
    deployed", "in addition to some 1,100 serving with MONUSCO", "besides about 120 stationed in ..."."""
    if prep.lower_ in ("with", "besides"):
        return True
    return prep.lower_ == "to" and prep.head.lower_ == "addition" and prep.head.head.lower_ == "in"


def extract_forces(doc: Doc, actors) -> list[dict]:
    """One row per contributor and contingent (or deployment statement) in an article.

    doc (Doc): the parsed article.
    actors (ActorSet): the article's actors; every contributor and operation is one of them.
    RETURNS (list[dict]): rows with the keys of ``schemas.ALL_FORCE_COLUMNS``.
    """
    ulex, slex = load_unit_lexicon(), load_status_lexicon()
    repaired = _repair_number_adjectives(doc, ulex)
    try:
        return _extract_forces(doc, actors, ulex, slex)
    finally:  # the parse is shared with the other extractors: give it back as it was
        for tok, dep in repaired:
            tok.dep_ = dep


def _repair_number_adjectives(doc: Doc, ulex: UnitLexicon) -> list[tuple[Token, str]]:
    """The parser may tag a spelled-out number that opens a noun phrase as an adjective
    ("Sixty Polish engineers": 'Sixty' amod); relabel it nummod so that it counts the noun.
    Returns the tokens changed with their old labels."""
    changed = []
    for tok in doc:
        if tok.dep_ == "amod" and tok.lower_ in ulex.numbers and tok.lower_ not in ("a", "an") \
                and tok.head.i > tok.i and tok.head.tag_ in ("NNS", "NNPS") \
                and all(t.dep_ in ("amod", "compound") for t in doc[tok.i + 1: tok.head.i]):
            changed.append((tok, tok.dep_))
            tok.dep_ = "nummod"
    return changed


def _extract_forces(doc: Doc, actors, ulex: UnitLexicon, slex) -> list[dict]:
    """The sentence loop of :func:`extract_forces`."""
    rows: list[dict] = []
    previous: list = []  # contributors of the previous sentence of the same paragraph
    carry: dict = {}  # the paragraph's last counted contingent, for bare numbers after it
    prev_end = 0
    for sent in doc.sents:
        if "\n\n" in doc.text[prev_end: sent.start_char]:
            previous = []
            carry = {"article": carry.get("article", {})}
        found = _sentence_rows(sent, actors, ulex, slex, previous, carry)
        if not found and previous and _offer_awaits_approval(sent, slex):
            # "Benin has offered a company of engineers. That offer is awaiting the approval of ..."
            for r in rows:
                if r.get("_sent") == carry.get("_last_sent") and r["status"] == "planned":
                    r["status"], r["status_cue"] = "pending", "awaiting approval"
        for r in found:
            r["_sent"] = sent.start
        if found:
            carry["_last_sent"] = sent.start
        rows.extend(found)
        if found:  # who the last sentence with rows was about, for the next paragraph
            carry.setdefault("article", {})["last_rows_by"] = list(dict.fromkeys(r["contributor"] for r in found))
        counted_by = list(dict.fromkeys(r["contributor"] for r in found if r["quantity"] is not None))
        if counted_by:  # who counted troops last, for a share named paragraphs later
            carry.setdefault("article", {})["counted_by"] = counted_by
        hosts = carry.setdefault("article", {}).setdefault("hosts", {})
        for r in found:  # where each contributor serves, for later movements ("crossed into Iraq")
            if r["host_country"] and r["status"] in ("deployed", "arriving", "withdrawing", "remaining"):
                hosts[r["contributor"]] = r["host_country"]
        ids = list(dict.fromkeys(r["contributor"] for r in found))
        previous = [actors.actor(i) for i in ids]
        prev_end = sent.start_char + len(sent.text.rstrip())  # the blank line may end the sentence
    for r in rows:
        r.pop("_sent", None)
    return _without_repeats(rows)


def _without_repeats(rows: list[dict]) -> list[dict]:
    """One row per contributor, operation, figure and status within a sentence: two nouns of
    one contingent ("the force includes contingents from ...") must not count it twice."""
    seen: set[tuple] = set()
    out = []
    for r in rows:
        key = (r["contributor"], r["operation"], r["quantity"], r["quantity_max"], r["status"], r["sentence_start"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _names_actor(g: Group, actors) -> bool:
    """True when any word of the contingent's noun phrases is an actor mention. Places and
    clauses on the noun ("a company sent to the garrison near the Jordanian border") describe
    where it is, not whose it is, and do not count."""
    for u in g.tokens:
        skip = {t.i for c in u.children if c.dep_ in ("acl", "relcl") or (
            c.dep_ == "prep" and c.lower_ not in ("of", "from")) for t in c.subtree}
        if any(actors.at_token(t) is not None for t in u.subtree if t.i not in skip):
            return True
    return False


def _non_contribution(pred: Token | None, slex: StatusLexicon) -> bool:
    """"Two soldiers were killed", "its troops fired": casualties and combat, not contributions."""
    return pred is not None and any(v.lemma_.lower() in slex.non_contribution for v in verb_chain(pred))


def _watched(g: Group, slex: StatusLexicon) -> bool:
    """"it was following the deployments", "grateful for the additional aircraft": an uncounted
    force that a verb or adjective of watching or thanking takes is another's, not the watcher's."""
    h = g.head
    if g.quantity is not None:
        return False
    gov = h.head if h.dep_ == "dobj" else (
        h.head.head if h.dep_ == "pobj" and h.head.lower_ in ("for", "about", "over", "at", "by") else None)
    if gov is None:
        return False
    words = [gov] + [c for c in gov.children if c.dep_ == "acomp"]  # "was grateful ... for"
    return any(w.pos_ in ("VERB", "ADJ", "AUX") and w.lemma_.lower() in slex.attitude_words for w in words)


#: Titles of one person: "a commander of the Guard Corps" is a speaker, not a contingent.
_LEADER_TITLES = frozenset({"commander", "chief", "head", "leader", "spokesman", "spokeswoman",
                            "spokesperson", "deputy", "general"})


#: Nouns of joint activity: the unit they are held "with" is a partner ("drills with the UAE
#: Presidential Guard", "exercises with the Indonesian Marine Corps", "training with the Lithuanian army").
_JOINT_ACTIVITY_NOUNS = frozenset({"drill", "drills", "exercise", "exercises", "training", "manoeuvre",
                                   "manoeuvres", "maneuver", "maneuvers", "wargame", "wargames"})


def _exercise_partner(g: Group) -> bool:
    """A unit in a with-phrase of an exercise or training noun is the partner the troops train
    with, not a contingent that the sentence's verb moves."""
    h = g.head
    if h.dep_ != "pobj" or h.head.lower_ != "with":
        return False
    return _joint_activity_with(h.head)


def _joint_activity_with(prep: Token) -> bool:
    """Whether a with-preposition hangs on an exercise or training noun ("joint drills with")."""
    owner = prep.head
    # "after eight months of joint drills with ...": the parser may hang the with-phrase on the span
    nouns = [owner] + [p for c in owner.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj"]
    return any(n.lemma_.lower() in _JOINT_ACTIVITY_NOUNS or n.lower_ in _JOINT_ACTIVITY_NOUNS for n in nouns)


def _led_by_person(g: Group) -> bool:
    """"A senior commander of the Islamic Revolutionary Guard Corps was less careful": an
    uncounted force after "of" on a person's title is named for who the person is."""
    h = g.head
    return g.quantity is None and h.dep_ == "pobj" and h.head.lower_ in ("of", "for") and \
        h.head.head.lemma_.lower() in _LEADER_TITLES


def _generic_unit(g: Group) -> bool:
    """"Every Ukrainian soldier we train ...", "each new instructor brings Europe closer to war":
    a distributive determiner speaks of soldiers in general, not of a contingent."""
    def distributive(h: Token) -> bool:
        return h.tag_ in ("NN", "NNP") and \
            any(c.dep_ == "det" and c.lower_ in ("every", "each", "any") for c in h.children)

    h = g.head
    if g.quantity is not None:
        return False
    if h.dep_ == "attr":  # "Every soldier we train is a soldier who ...": the predicate is as generic
        return any(c.dep_ == "nsubj" and distributive(c) for c in h.head.children)
    return distributive(h)


def _beneficiary(g: Group, slex: StatusLexicon) -> bool:
    """"The EU mission has trained some 11,000 Malian soldiers", "peacekeepers will support 2,000
    Congolese troops": a force that others train or back is helped, not contributed (usually the
    host's own army beside an operation)."""
    h = g.head
    return h.dep_ in ("dobj", "nsubjpass") and h.head.pos_ == "VERB" and \
        h.head.lemma_.lower() in slex.beneficiary_verbs


def _awaits_approval(sent: Span, slex: StatusLexicon) -> bool:
    """"an offer its parliament must still approve", "still needs the approval of", "awaits a
    formal request": the sentence makes the contribution conditional on an approval."""
    nouns, needing = slex.approval_nouns, slex.needing_verbs
    for tok in sent:
        lem = tok.lemma_.lower()
        if lem in slex.condition_words or tok.lower_ in slex.condition_words:
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if lem == "condition" and tok.head.lower_ == "on" and nxt is not None and nxt.lower_ in ("that", "of"):
                return True  # "on condition that allies help pay for the operation"
            if tok.lower_ in ("provided", "providing") and nxt is not None and nxt.lower_ == "that":
                return True  # "provided that the situation allows it"
            if any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in tok.children):
                return True  # "conditional on a ceasefire holding", "contingent upon funding"
        gov = tok.head.head if tok.head.dep_ == "prep" else tok.head  # "waiting for approval"
        if lem in nouns and (tok.head.lemma_.lower() in needing or gov.lemma_.lower() in needing):
            return True
        # "pending a government decision", "subject to a final cabinet decision": not yet decided
        if lem in nouns | _OUTSTANDING_STEPS and tok.dep_ == "pobj" and (
                tok.head.lower_ == "pending" or (tok.head.lower_ == "to" and tok.head.head.lower_ == "subject")):
            return True  # "subject to an agreement with the UN", "pending the signature of an accord"
        if lem in nouns | _OUTSTANDING_STEPS and tok.dep_ == "pobj" and tok.head.lower_ in ("after", "once") \
                and any(c.lower_ == "only" for c in tok.head.children):
            return True  # "will be deployed only after the approval of the Parliament"
        if lem in nouns and any(c.lower_ == "pending" and c.i == tok.i - 1 for c in tok.children):
            return True  # "a company of around 150 pending approval": the parser makes "pending" a modifier
        if lem in {"approve", "authorise", "authorize", "ratify"} and any(
                c.lower_ == "still" or c.dep_ == "aux" and c.lower_ in {"must", "has", "have"} for c in tok.children) \
                and any(c.lower_ == "still" for c in tok.children):
            return True
    return False


_HYPOTHETICAL_MODALS = frozenset({"could", "may", "might", "would"})

#: Steps besides an approval that a plan may be "subject to" or wait for ("pending the signature
#: of an accord", "subject to the completion of a memorandum of understanding").
_OUTSTANDING_STEPS = frozenset({"agreement", "signature", "signing", "ratification", "decision", "completion",
                                "conclusion", "vote"})


def _conditional(st: Status, pred: Token | None, slex: StatusLexicon) -> bool:
    """Whether an approval the sentence still needs holds the contribution back: a plan or an
    offer ("has offered to leave behind a team ..., subject to an agreement"), or a move only
    said to be possible ("could be moved to Jordan, but that still needs the approval")."""
    if st.status in ("planned", "unknown"):
        return True
    if pred is None or pred.pos_ not in ("VERB", "AUX"):
        return False
    if pred.lemma_.lower() in ("remain", "be") and any(c.lower_ == "subject" for c in pred.children):
        return True  # "Chile's offer ... remains subject to the signing of an agreement": not yet given
    chain = verb_chain(pred)
    if any(v.lemma_.lower() in slex.frames.get("pledge", frozenset()) for v in chain):
        return True
    return st.status == "arriving" and any(a.lower_ in _HYPOTHETICAL_MODALS for v in chain for a in _aux(v))


def _offer_awaits_approval(sent: Span, slex: StatusLexicon) -> bool:
    """"That offer is awaiting the approval of the commission": a sentence whose subject points
    back ("that", "this", "the") at an offer or pledge and says it waits for an approval."""
    planned = {k for k, v in slex.nouns.items() if v == "planned"}
    subject = [t for t in sent if t.dep_ in _SUBJ_DEPS and t.lemma_.lower() in planned and any(
        c.dep_ == "det" and c.lower_ in ("that", "this", "the", "its") for c in t.children)]
    return bool(subject) and _awaits_approval(sent, slex)


def _recent_arrival(pred: Token | None, st: Status, slex: StatusLexicon) -> bool:
    """"arrived this week", "landed on Wednesday": an arrival dated recently is still arriving."""
    if pred is None or st.status != "deployed" or pred.lemma_.lower() not in {"arrive", "land", "reach", "cross"}:
        return False
    return any(t.ent_type_ in {"DATE", "TIME"} and t.lower_ in slex.recent_time_words for t in pred.subtree)


#: Prepositions that place an event before the time of the sentence ("after the withdrawal of").
_AFTER_PREPS = frozenset({"after", "since", "following"})
#: What a status noun's event leaves behind once it is over.
_COMPLETED = {"withdrawing": "withdrawn", "arriving": "deployed", "deployed": "deployed"}


def _completed_event(g: Group, slex: StatusLexicon) -> Status | None:
    """"after the withdrawal of its 250 soldiers": a contingent inside a status noun that an
    after/since-phrase places in the past has completed that event."""
    t = g.head
    if t.dep_ != "pobj" or t.head.lower_ != "of":
        return None
    noun = t.head.head
    st = slex.nouns.get(noun.lemma_.lower())
    if st not in _COMPLETED or noun.dep_ != "pobj" or noun.head.lower_ not in _AFTER_PREPS:
        return None
    return Status(_COMPLETED[st], f"{noun.head.text} the {noun.text}")


def _ended_by_until(pred: Token | None) -> bool:
    """"were deployed ... until MINUSMA closed", "served until 2023": a past stay with an end
    that is itself past is over."""
    if pred is None or pred.pos_ not in ("VERB", "AUX"):
        return False
    past = pred.tag_ == "VBD" or any(a.dep_ in ("aux", "auxpass") and a.tag_ == "VBD" for a in pred.children)
    if not past:
        return False
    for c in pred.children:
        if c.dep_ == "advcl" and c.tag_ == "VBD" and any(m.dep_ == "mark" and m.lower_ == "until" for m in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "until" and any(
                p.dep_ == "pobj" and p.ent_type_ == "DATE" for p in c.children):
            return True
    return False


def _arrived_recently_clause(g: Group, slex: StatusLexicon) -> Status | None:
    """"one commando company of 90 soldiers, which arrived on Saturday": a relative clause on the
    contingent dates its arrival recently."""
    for t in g.tokens:
        for c in t.children:
            if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in {"arrive", "land", "reach"} and any(
                    x.ent_type_ in {"DATE", "TIME"} and x.lower_ in slex.recent_time_words for x in c.subtree):
                return Status("arriving", c.text)
    return None


_LOCATIVE_PREPS = frozenset({"in", "at"})


def _located(g: Group, actors) -> bool:
    """True when a unit noun of the contingent carries an in/at-phrase naming a place."""
    for u in g.tokens:
        for prep in (c for c in u.children if c.dep_ == "prep" and c.lower_ in _LOCATIVE_PREPS):
            for x in prep.subtree:  # "in Juba plus engineering units in Wau"
                actor = actors.at_token(x)
                if x.ent_type_ in ("GPE", "LOC", "FAC", "STATE", "METONYM") or (actor is not None and actor.type == "state"):
                    return True
    return False


def _status_marked(tok: Token, pred: Token | None, slex: StatusLexicon) -> bool:
    """"an outgoing rotation", "will replace the rotation": a rotation or deployment noun that a
    status adjective or a succession verb marks as a contingent of its own."""
    if any(c.dep_ == "amod" and c.lower_ in slex.status_adjectives for c in tok.children):
        return True
    return pred is not None and tok.dep_ == "dobj" and tok.head.i == pred.i and \
        pred.lemma_.lower() in slex.frames.get("succession", ())


def _finished_tour(g: Group, slex: StatusLexicon) -> Status | None:
    """"police officers who have finished their tour", "troops that completed their rotation":
    a contingent whose service is over is going home."""
    for t in g.tokens:
        for c in t.children:
            if c.dep_ not in ("relcl", "acl") or c.lemma_.lower() not in slex.frames.get("aspect_completive", ()):
                continue
            if any(o.dep_ == "dobj" and o.lemma_.lower() in slex.service_nouns for o in c.children):
                return Status("withdrawing", f"{c.text} {' '.join(o.text for o in c.children if o.dep_ == 'dobj')}")
    return None


def _carrier(g: Group, slex: StatusLexicon) -> Token | None:
    """The vehicle that holds a contingent ("a first convoy carrying about 300 soldiers crossed
    into Iraq", "a Kenyan flight that carried 200 officers landed"): the participle or relative
    clause only links the two, so the vehicle's own verb and owner are the contingent's."""
    h = g.head
    if h.dep_ != "dobj":
        return None
    verb = h.head
    if verb.lemma_.lower() not in slex.carrier_verbs or verb.dep_ not in ("acl", "relcl"):
        return None
    if match_verb_cue(verb, slex) is not None:
        return None  # "a flight bringing 120 soldiers home": the carrying verb has a status of its own
    vehicle = verb.head
    return vehicle if vehicle.pos_ in ("NOUN", "PROPN") and vehicle.i != h.i else None


_DESTINATION_PREPS = frozenset({"into", "to", "towards", "over"})


def _moved_elsewhere(pred: Token | None, st: Status, contributor, hosts: dict[str, str], actors,
                     slex: StatusLexicon) -> Status:
    """"A first convoy crossed into Iraq" after the troops were counted in Syria: a border crossing
    (a cue with an ``elsewhere`` map) towards a state other than the one the contributor serves in
    (its last host in the article, else the article's host) takes the troops out; towards that
    state, or with no host known, it brings them in."""
    if pred is None or pred.pos_ != "VERB" or st.status in ("unknown", "refused", "pending"):
        return st
    entry = match_verb_cue(pred, slex)
    if entry is None or not entry.get("elsewhere"):
        return st
    known = hosts.get(contributor.id) or actors.host_country()
    if not known:
        return st
    dest = [a for c in pred.children if c.dep_ == "prep" and c.lower_ in _DESTINATION_PREPS
            for t in c.subtree if (a := actors.at_token(t)) is not None and a.type == "state"]
    if not dest or any(a.country == known or a.id == known for a in dest):
        return st
    chain = [v for v in verb_chain(pred) if v.pos_ in ("VERB", "AUX")]
    tense = "negated" if any(_negated(v) for v in chain) else verb_tense(chain[0], slex)
    return Status(_lookup({"status": entry["elsewhere"]}, tense), st.cue)


def _reported_by(noun: Token, slex: StatusLexicon) -> Token | None:
    """The saying verb of "A first convoy ... crossed into Iraq on Tuesday, a U.S. official said"
    when the parser hangs the reported clause's subject on "said" (beside the sayer's own
    subject) and its verb on the subject as a participle."""
    say = noun.head
    if noun.dep_ not in ("nsubj", "dep", "nsubjpass") or say is noun or say.lemma_.lower() not in slex.sayer_verbs:
        return None
    return say if any(c.dep_ == "nsubj" and c.i != noun.i for c in say.children) else None


def _reported_predicate(noun: Token, slex: StatusLexicon, inner: Token | None = None) -> Token | None:
    """The status verb of a reported clause the parser broke up (see :func:`_reported_by`): a
    participle on the subject, or on the contingent it carries (``inner``)."""
    if _reported_by(noun, slex) is None:
        return None
    heads = [noun] + ([inner] if inner is not None else [])
    return next((c for h in heads for c in h.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN")
                 and match_verb_cue(c, slex) is not None), None)


def _uncounted_crossing(g: Group, pred: Token | None, slex: StatusLexicon) -> bool:
    """"Russian drones crossed into Polish airspace" is an incursion, not a contribution: a cue
    marked ``counted_only`` ("cross") moves a contingent only when it has a head count."""
    entry = match_verb_cue(pred, slex) if pred is not None and pred.pos_ == "VERB" else None
    counted = g.quantity is not None and g.quantity.kind == "headcount" and g.quantity.value is not None
    return bool(entry and entry.get("counted_only")) and not counted


_CONDITION_MARKS = frozenset({"if", "when", "once"})


def _only_on_request(g: Group, pred: Token | None, slex: StatusLexicon) -> bool:
    """"a platoon ..., to be sent only at the request of the force commander", "troops that would
    be deployed only if requested by NATO": a unit held back until someone asks for it. A past
    deployment "at the request of" a government is a reason, not a condition, so the phrase
    counts only with "only" or on a verb that has not happened (to-infinitive, modal)."""
    anchors = {t.i for t in g.tokens} | ({pred.i} if pred is not None else set())
    for tok in g.head.sent:
        lem = tok.lemma_.lower()
        if tok.dep_ == "pobj" and lem in slex.on_request_nouns and tok.head.lower_ in ("at", "on", "upon"):
            verb, prep = tok.head.head, tok.head
            only = any(c.lower_ == "only" for c in prep.children) or any(
                c.lower_ == "only" and c.i == prep.i - 1 for c in verb.children)
        elif tok.pos_ in ("VERB", "ADJ") and lem in slex.on_request_verbs and any(
                c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in tok.children):
            verb = tok.head
            only = True  # "if requested", "when asked": a condition by its very form
        else:
            continue
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        unreal = any(a.lower_ == "to" or a.lower_ in slex.frames.get("modals_future", ()) for a in _aux(verb))
        if not (only or unreal):
            continue
        # the condition must bear on this contingent: its verb or a clause on the unit
        t = verb
        for _ in range(6):
            if t.i in anchors:
                return True
            if t.head is t:
                break
            t = t.head
    return False


_DELIBERATION_PATH = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "pcomp"})


def _deliberated(g: Group, slex: StatusLexicon) -> Status | None:
    """"is considering sending troops", "is weighing a request to contribute a battalion": a
    contribution that is only being thought about is none yet (status "refused": no row). What
    is weighed is pending when it already exists as an offer ("the UN is considering Ghana's offer
    of 700 soldiers") or only waits for an approval ("is considering sending about 100 soldiers
    back, subject to approval by its National Security Council"). Climbs from the contingent
    through complements and objects only, so "Benin, which has offered 200 soldiers, is
    considering sending more" keeps its offer."""
    verbs = slex.frames.get("deliberation", frozenset())
    offers = {k for k, v in slex.nouns.items() if v == "planned"}
    t, offered = g.head, False
    for _ in range(8):
        if t.head is t or t.dep_ not in _DELIBERATION_PATH | {"nummod", "compound", "amod", "conj"}:
            return None
        t = t.head
        offered = offered or (t.pos_ == "NOUN" and t.lemma_.lower() in offers)
        if t.pos_ == "VERB" and t.lemma_.lower() in verbs:
            # "is not considering sending troops" is no contribution either
            if not _negated(t) and (offered or _awaits_approval(g.head.sent, slex)):
                return Status("pending", f"{t.text} {'offer' if offered else 'subject to approval'}")
            return Status("refused", t.text)
    return None


_ARRIVAL_VERBS = frozenset({"arrive", "land", "reach", "touch"})


def _came_home(pred: Token | None, st: Status, contributor, actors, slex: StatusLexicon) -> Status:
    """"The 100 Armenian troops ... landed in Yerevan", "peacekeepers arrived home": an arrival in
    the contributor's own country is the end of its deployment (withdrawn; withdrawing while it
    is still ahead)."""
    if pred is not None and st.status == "arriving" and any(
            p.dep_ == "prep" and p.lower_ in ("into", "to") and o.dep_ == "pobj" and o.lemma_.lower() == "country"
            and any(m.lower_ in ("own", "home") for m in o.children)
            for v in [pred] + [c for c in pred.children if c.dep_ == "xcomp"] for p in v.children for o in p.children):
        return Status("withdrawing", f"{st.cue} own country")  # "began crossing back into their own country"
    # "were already back in Spain", "will be back in the Netherlands": being back is arriving home
    back = [c for c in pred.children if c.dep_ == "advmod" and c.lower_ == "back"] \
        if pred is not None and pred.lemma_.lower() == "be" else []
    if pred is None or not back and (pred.pos_ != "VERB" or pred.lemma_.lower() not in _ARRIVAL_VERBS) or \
            st.status not in ("deployed", "arriving") and not (back and st.status == "unknown"):
        return st
    home = any(c.dep_ == "advmod" and c.lower_ == "home" for c in pred.children)
    for prep in (c for h in [pred] + back for c in h.children
                 if c.dep_ == "prep" and c.lower_ in ("in", "at", "to", "into")):
        for t in prep.subtree:
            a = actors.at_token(t)
            mapped = _map_contributor(a, actors) if a is not None else None
            # a capital the actor list left unresolved still names its state ("landed in Yerevan")
            capital = t.ent_type_ == METONYM_LABEL and t.ent_id_ == contributor.country
            home = home or capital or (mapped is not None and mapped.id == contributor.id)
    if not home:
        return st
    chain = [v for v in verb_chain(pred) if v.pos_ in ("VERB", "AUX")]
    done = verb_tense(chain[0], slex) in ("past", "perfect")
    return Status("withdrawn" if done else "withdrawing", f"{st.cue} home")


def _on_standby(g: Group, pred: Token | None, slex: StatusLexicon) -> bool:
    """"has put 300 soldiers on standby", "500 troops are on standby": ready to go, not there."""
    heads = list(g.tokens) + ([pred] if pred is not None and pred.pos_ in ("VERB", "AUX") else [])
    near = [c for h in heads for c in h.children] + [p for h in heads for c in h.children
                                                     if c.dep_ == "prep" and c.lower_ == "on" for p in c.children]
    # "kept two frigates on standby off the island": held off a coast, the ships are there
    if any(c.dep_ == "prep" and c.lower_ == "off" for h in heads + near for c in h.children):
        return False
    # the parser may hang "standby" on the verb itself ("put 300 soldiers on standby")
    return any(t.lemma_.lower() in slex.standby_nouns and t.i > 0 and t.doc[t.i - 1].lower_ == "on" for t in near)


#: Change verbs whose "to" figure is what stays after a cut, and those whose figure is a rise.
_CUT_VERBS = frozenset({"reduce", "cut", "trim", "lower", "shrink", "scale", "drop", "fall"})


def _target_status(g: Group, slex: StatusLexicon) -> Status | None:
    """"plans to raise its contribution to 150 soldiers", "will cut its force to 300 troops": a
    contingent named as the size a change verb heads for. Announced, a rise is planned and a cut
    leaves the rest remaining; done, the contingent is there (deployed)."""
    h = g.head
    if h.dep_ != "pobj" or h.head.lower_ != "to" or h.head.head.lemma_.lower() not in _CHANGE_VERBS:
        return None
    verb = h.head.head
    chain = verb_chain(verb)
    if any(_negated(v) for v in chain):
        return None
    lemmas = {v.lemma_.lower() for v in chain}
    frames = slex.frames
    verbs = [v for v in chain if v.pos_ in ("VERB", "AUX")]
    tense = verb_tense(verbs[0], slex) if verbs else "present"
    ahead = bool(lemmas & (frames.get("pledge", frozenset()) | frames.get("intent", frozenset()))) or \
        tense in ("future", "infinitive")
    if not ahead:
        return Status("deployed", f"{verb.text} to")
    return Status("remaining" if verb.lemma_.lower() in _CUT_VERBS else "planned", f"{verb.text} to")


def _is_cut_target(g: Group) -> bool:
    """The contingent is the 'to N' size of a cutting verb ('reduced its force to 80 soldiers')."""
    h = g.head
    return h.dep_ == "pobj" and h.head.lower_ == "to" and h.head.head.lemma_.lower() in _CUT_VERBS


def _incoming(g: Group) -> bool:
    """A unit noun of the contingent called "next", "incoming" or "relief": the rotation still to
    come, whose departure is its way in."""
    return any(c.dep_ == "amod" and c.lower_ in ("next", "incoming", "relief")
               for u in g.tokens for c in u.children)


def _group_status(g: Group, pred: Token | None, slex: StatusLexicon, actors) -> Status:
    weighed = _deliberated(g, slex)
    if weighed is not None:
        return weighed
    if any(c.dep_ == "det" and c.lower_ == "no" for c in g.head.children):
        # "No Polish troops will be deployed": no contingent; "no French soldiers remain": gone
        st = _verb_group_status(g, pred, slex, actors)
        return Status("withdrawn", f"no {st.cue}") if st.status == "remaining" else Status("refused", "no")
    st = _verb_group_status(g, pred, slex, actors)
    if st.status in ("withdrawing", "withdrawn") and _incoming(g):
        # "the next rotation ... would fly out", "an incoming contingent left Kathmandu": it leaves
        # home for the mission
        return Status("arriving" if st.status == "withdrawn" else "planned", st.cue)
    if st.status in ("planned", "arriving", "unknown") and _only_on_request(g, pred, slex):
        return Status("pending", "only on request")
    if st.status == "unknown" and _make_up_unit(g, pred):
        # "The contingent consists of four F-16 aircraft and about 140 soldiers": the unit's make-up
        return Status("planned" if _future_count(pred) else "deployed", pred.text)
    if st.status in ("planned", "arriving", "pending", "unknown"):
        for c in g.head.children:
            # "... to join the drills, alongside some 5,000 U.S. Marines already in the country":
            # in place, whatever the shared verb plans for the others
            if c.dep_ in ("prep", "acl", "amod") and any(a.lower_ == "already" and a.dep_ == "advmod"
                                                          for a in c.children):
                return Status("deployed", f"already {c.text}")
    return st


_MAKE_UP_VERBS = frozenset({"consist", "comprise", "compose"})


def _make_up_unit(g: Group, pred: Token | None) -> bool:
    """True when the counted people are what a unit subject is made of: "The contingent
    consists of four F-16 aircraft and about 140 soldiers", "the battalion comprises 340
    personnel", "is composed of 80 engineers"."""
    if pred is None or pred.lemma_.lower() not in _MAKE_UP_VERBS or g.quantity is None \
            or g.quantity.kind != "headcount":
        return False
    lex = load_unit_lexicon()
    subj = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj or unit_class(subj[0], lex) not in ("formation", "individual"):
        return False
    t = g.head
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return (t.dep_ == "dobj" and t.head.i == pred.i) or (t.dep_ == "pobj" and t.head.head.i == pred.i)


def _verb_group_status(g: Group, pred: Token | None, slex: StatusLexicon, actors) -> Status:
    done = _completed_event(g, slex)
    if done is not None:
        return done
    recent = _arrived_recently_clause(g, slex)
    if recent is not None:
        return recent
    if g.head.like_num:  # "with about 1,000 deployed": the number's own participle says what they do
        for c in g.head.children:
            if c.dep_ == "acl" and match_verb_cue(c, slex) is not None:
                own = classify_status(c, slex, actors)
                if own.status != "unknown":
                    return own
    if pred is not None and pred.pos_ == "VERB" and g.head.dep_ == "nsubjpass" and g.head.head.i == pred.i \
            and pred.lemma_.lower() in slex.frames.get("reinforced", ()) and not _negated(pred):
        # "Canada's 800 soldiers in Latvia will be reinforced by a further 1,400": the force that
        # gets reinforced is the one already there, whatever the tense of the reinforcing
        return Status("deployed", pred.text)
    st = classify_status(pred, slex, actors)
    if st.status in ("withdrawing", "withdrawn"):
        # "has reduced its contingent in Mali to 80 soldiers": the 80 are what stays, the cut
        # is the others' withdrawal
        target = _target_status(g, slex)
        if target is not None and _is_cut_target(g):
            st = target
    if pred is not None and pred.pos_ == "VERB" and pred.lemma_.lower() in slex.frames.get("succession", ()) \
            and g.head.dep_ == "dobj" and g.head.head.i == pred.i:
        # "will replace an outgoing rotation": the replaced contingent is on its way out, unless
        # its own clause says more ("the frigate Fasan, which has returned to Taranto")
        own = [classify_status(c, slex, actors) for t in g.tokens for c in t.children
               if c.dep_ in ("relcl", "acl") and match_verb_cue(c, slex)]
        own = [o for o in own if o.status not in ("unknown", "refused")]
        chain = verb_chain(pred)
        tense = verb_tense(chain[0], slex)
        going = any(v.lemma_.lower() in slex.frames.get("aspect_progressive", ()) for v in chain) or any(
            c.dep_ == "amod" and slex.status_adjectives.get(c.lower_) == "withdrawing" for c in g.head.children)
        over = tense in ("past", "perfect") and not going  # "have started relieving the outgoing X"
        return own[0] if own else Status("withdrawn" if over else "withdrawing", pred.text)
    if pred is not None and pred.pos_ == "VERB" and pred.lemma_.lower() in slex.frames.get("succession", ()) \
            and g.head.dep_ == "nsubjpass" and g.head.head.i == pred.i and not _negated(pred):
        # "the 200 Dutch marines will be replaced in May", "are being relieved": the passive
        # subject is the contingent that makes way, on its way out; gone once it is done
        tense = verb_tense(verb_chain(pred)[0], slex)
        done = tense == "perfect" or (tense == "past" and not any(a.lower_ == "being" for a in _aux(pred)))
        return Status("withdrawn" if done else "withdrawing", pred.text)
    if st.status in ("unknown", "deployed") and (pred is None or pred.lemma_.lower() in ("be", "have")
                                                 or st.status == "unknown"):
        done_tour = _finished_tour(g, slex)
        if done_tour is not None:
            return done_tour
    if st.status == "unknown":
        for t in g.tokens:
            for c in t.children:
                if c.dep_ == "amod" and slex.status_adjectives.get(c.lower_):
                    return Status(slex.status_adjectives[c.lower_], c.text)  # "an outgoing rotation"
    if st.status == "unknown" and any(c.lower_ == "whose" for c in g.head.children) and \
            g.head.dep_ not in _SUBJ_DEPS:
        # "UNISFA, whose some 3,200 troops, most of them from Ghana, remain in place": the parser
        # lost the relative clause's verb; it is the first status verb after the contingent
        after = [t for t in g.head.sent if t.i > g.head.i and t.pos_ == "VERB" and match_verb_cue(t, slex)]
        if after:
            alt = classify_status(after[0], slex, actors)
            if alt.status not in ("unknown", "refused"):
                st = alt
    if st.status in ("unknown", "deployed", "remaining") and _on_standby(g, pred, slex):
        return Status("planned", "on standby")
    if st.status == "unknown":
        target = _target_status(g, slex)
        if target is not None:
            st = target
    if _conditional(st, pred, slex) and _awaits_approval(g.head.sent, slex):
        return Status("pending", "awaiting approval")
    if _recent_arrival(pred, st, slex):
        return Status("arriving", st.cue)
    if st.status in ("deployed", "remaining") and _ended_by_until(pred) and \
            not (pred is not None and pred.lemma_.lower() in slex.frames.get("extension", ())):
        # "extended the mandate ... until May 2024": the date is the new end of a stay that goes on
        return Status("withdrawn", st.cue + " until")
    if st.status == "unknown" and pred is not None and pred.pos_ == "VERB" and g.head.dep_ in _SUBJ_DEPS \
            and g.head.head.i == pred.i:
        # "The last Dutch soldiers handed over Camp Castor ... and flew home on Friday": a later
        # verb sharing the subject says what the contingent does when the first does not
        for conj in (c for c in pred.conjuncts if c.i > pred.i and c.pos_ == "VERB"):
            if not any(x.dep_ in _SUBJ_DEPS for x in conj.children) and match_verb_cue(conj, slex) is not None:
                alt = classify_status(conj, slex, actors)
                if alt.status not in ("unknown", "refused"):
                    st = alt
                    break
    if st.status == "unknown" and pred is not None and pred.pos_ in ("NOUN", "PROPN"):
        st = classify_status(governing_predicate(pred), slex, actors)  # "frigate Hessen, with 240 sailors, left"
    if st.status == "unknown":
        # "the elements participating in ...", "soldiers deployed", and the number of an of-phrase:
        # "company of around 120 left by road"
        nums = [x for c in g.head.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children
                if x.dep_ == "pobj" and x.like_num]
        for c in [c for t in [g.head, *nums] for c in t.children]:
            if c.dep_ in ("acl", "relcl", "amod") and match_verb_cue(c, slex):
                alt = classify_status(c, slex, actors)
                if alt.status != "unknown":
                    return alt
    if st.status == "unknown" and pred is not None and pred.pos_ in ("VERB", "AUX") and not _negated(pred) \
            and g.head.dep_ in _SUBJ_DEPS | {"appos"} and _located(g, actors) and not any(
            v.lemma_.lower() in slex.frames.get("request", frozenset()) | slex.frames.get("refusal", frozenset())
            for v in verb_chain(pred)):
        # "about 1,000 Chinese peacekeepers, an infantry battalion in Juba, received medals": a
        # contingent described by the place it is in is there
        return Status("deployed", "located")
    own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in g.head.children)  # "its crew": as its ship is
    if st.status == "unknown" and g.quantity is not None and not own and not (pred is not None and _negated(pred)) and (
            _counted_size_noun(g.head, load_unit_lexicon()) is not None or (
            g.head.dep_ in ("dobj", "nsubjpass") and g.head.head.lemma_.lower() in load_unit_lexicon().count_verbs)
            or (_counted_by_verb(g.head, load_unit_lexicon()) and not _future_count(g.head))):
        # "puts the number of Eritrean soldiers at ...", "figures list 230 German personnel", "put the
        # contingent at about 170": a strength as counted now
        return Status("deployed", "counted")
    if st.status == "unknown" and any(_named_ship_head(t, actors) for t in g.tokens) \
            and sentence_operations(g.head.sent, actors):
        # "Atalanta has three warships in the area: ... the French frigate Aconit": a named
        # warship listed in an operation's line-up is on station
        return Status("deployed", "named in the operation's line-up")
    return st


#: Verbs that change a contingent's size ("will shrink from 1,100 to 800").
_CHANGE_VERBS = {"shrink", "reduce", "cut", "grow", "increase", "rise", "fall", "drop", "expand", "scale", "trim",
                 "bring", "raise", "lower"}


def _size_change(g: Group, pred: Token | None, ulex: UnitLexicon) -> tuple[Quantity, Quantity] | None:
    """The two sizes of "its contingent will shrink from 1,100 to 800", or None."""
    if pred is None or pred.lemma_.lower() not in _CHANGE_VERBS:
        return None
    sizes = {}
    preps = [c for c in pred.children if c.dep_ == "prep" and c.lower_ in ("from", "to")]
    preps += [c for p in preps for c in p.children if c.dep_ == "prep" and c.lower_ == "to"]  # "from X to Y"
    for c in preps:
        if c.lower_ == "from":
            # "from about 900 to 400" parsed as one number phrase: "900" and "to" modify "400"
            for p in (p for p in c.children if p.dep_ == "pobj" and p.like_num):
                to = next((m for m in p.children if m.dep_ == "quantmod" and m.lower_ == "to"), None)
                first = [m for m in p.children if m.dep_ == "quantmod" and m.like_num and to is not None and m.i < to.i]
                if to is not None and first:
                    a_text = pred.doc[first[0].left_edge.i: first[0].i + 1].text
                    b_text = pred.doc[to.i + 1: p.i + 1].text
                    qa, qb = parse_quantity(a_text, ulex), parse_quantity(b_text, ulex)
                    if qa.value is not None and qb.value is not None:
                        qa.text, qa.kind, qb.text, qb.kind = a_text, "headcount", b_text, "headcount"
                        return qa, qb
        if c.lower_ in ("from", "to"):
            nums = [p for p in c.children if p.dep_ == "pobj" and p.like_num]
            if nums:
                text = pred.doc[min(t.i for t in nums[0].subtree): max(t.i for t in nums[0].subtree) + 1].text
                q = parse_quantity(text, ulex)
                if q.value is not None:
                    q.text, q.kind = text, "headcount"
                    sizes[c.lower_] = q
    return (sizes["from"], sizes["to"]) if len(sizes) == 2 else None


def _succession_contributors(candidates: list, slex: StatusLexicon) -> list:
    """"the deployment of 400 Kenyan officers was followed by a second group of 200", "a fresh
    company will relieve the Irish platoon": a contingent that follows or replaces another and
    names no state of its own is a rotation of the same contributor."""
    verbs = slex.frames.get("succession", frozenset())
    out = []
    for g, pred, st, contribs in candidates:
        if not contribs and pred is not None and pred.lemma_.lower() in verbs:
            contribs = _dedupe(a for g2, p2, _, c2 in candidates if g2 is not g and p2 is not None
                               and p2.i == pred.i for a in c2)
        out.append((g, pred, st, contribs))
    return out


def _bilateral(g: Group, pred: Token | None, actors, ulex: UnitLexicon) -> bool:
    """"has 4,000 personnel in the province under a bilateral agreement", "under a separate
    arrangement with Kinshasa": the contingent is there by a deal between two states, outside
    any multinational operation."""
    nouns = ulex.agreement_nouns
    heads = [g.head] + ([v for v in verb_chain(pred)] if pred is not None and pred.pos_ in ("VERB", "AUX") else [])
    # "Britain, which trains Nigerian units under a bilateral programme, has advisers there"
    heads += [c for h in list(heads[1:]) for sub in h.children if sub.dep_ in _SUBJ_DEPS
              for c in sub.children if c.dep_ == "relcl"]
    for h in heads:
        for prep in (c for c in h.children if c.dep_ == "prep" and c.lower_ in ("under", "through", "via")):
            for pobj in (x for x in prep.children if x.dep_ == "pobj" and x.lemma_.lower() in nouns):
                mods = {c.lower_ for c in pobj.children if c.dep_ in ("amod", "compound")}
                with_state = any(c.dep_ == "prep" and c.lower_ == "with" and any(
                    (a := actors.at_token(x)) is not None and a.type in ("state", "government")
                    for x in c.subtree) for c in pobj.children)
                if mods & ulex.bilateral_words or with_state:
                    return True
    return False


def _successor(g: Group, ulex: UnitLexicon) -> bool:
    """"A replacement vessel", "the relief battalion": a unit named as the successor of one just
    mentioned belongs to the same contributor."""
    return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in ulex.successor_words
               for t in g.tokens for c in t.children)


def _foreign(g: Group) -> bool:
    """"the last foreign soldier", "foreign troops": units the speaker calls foreign are never
    the speaker's own."""
    return any(c.dep_ == "amod" and c.lower_ == "foreign" for t in g.tokens for c in t.children)


def _continues_plan(pred: Token | None, st: Status, slex: StatusLexicon) -> bool:
    """"Norway will send 400. Estonia is providing a few dozen officers.": a bare present
    progressive of a contributing verb, right after the paragraph announced plans, lists one
    more plan rather than a force already in place."""
    if pred is None or pred.pos_ != "VERB" or st.status not in ("deployed", "arriving"):
        return False
    if pred.lemma_.lower() not in slex.frames.get("futurate", frozenset()) or pred.lemma_.lower() == "deploy":
        return False
    return verb_tense(pred, slex) == "progressive" and not _negated(pred)


def _state_modified(tok: Token, actors) -> bool:
    """"the Slovak rotation", "Denmark's deployment": a state's demonym or possessive on the noun."""
    for c in tok.children:
        if c.dep_ in ("amod", "poss", "compound"):
            actor = actors.at_token(c)
            if actor is not None and actor.type == "state":
                return True
    return False


def _refers_to_operation(sent: Span, actors, ulex: UnitLexicon) -> bool:
    """"the mission's police component", "the headquarters of the operation": a definite or
    possessed operation noun that names no actor points back at the operation named before."""
    for tok in sent:
        if tok.lemma_.lower() not in ulex.anaphoric_operation_nouns or actors.at_token(tok) is not None:
            continue
        if any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "this", "that") for c in tok.children):
            return True
    return False


def _its_operation(noun: Token, ops: list, carry: dict | None):
    """"Italy and Spain remain its largest contributors" in a sentence naming no operation: 'its'
    contributors are those of the multinational operation the article named last (a state's
    national operation has no contributors of its own). None when the sentence names one."""
    if ops or carry is None or not any(c.dep_ == "poss" and c.lower_ == "its" for c in noun.children):
        return None
    return carry.get("article", {}).get("multi_op")


def _same_operation(ops: list, sent: Span, carry: dict) -> list:
    """"to the same operation": an operation mention that reads "the same ..." is the operation the
    article named last before this sentence, whatever the actor list linked it to (often the
    article's main operation). Records the last operation named by its own name for later."""
    doc = sent.doc
    art = carry.setdefault("article", {})
    last = art.get("last_named_op")
    out = []
    for i, a in ops:
        same = i + 1 < len(doc) and doc[i].lower_ == "the" and doc[i + 1].lower_ == "same"
        out.append((i, last) if same and last is not None else (i, a))
        if not same:
            art["last_named_op"] = a
    return out


def _figure_owner(g: Group, rows: list[dict], carry: dict | None, actors) -> list:
    """Whose contingent a bare figure ("a figure that will fall to about 150", "That figure
    could fall to 400") is: the single contributor counted earlier in the sentence, else the
    single one the sentence before counted (same paragraph); none when unclear."""
    before = list(dict.fromkeys(r["contributor"] for r in rows if r["quantity"] is not None))
    if not before and carry is not None and carry.get("_last_sent") is not None:
        before = list(carry.get("article", {}).get("counted_by", []))
    if len(before) != 1:
        return []
    a = actors.actor(before[0])
    return [a] if a is not None else []


def _foreign_national_fallback(op, contributor, ops: list, carry: dict | None) -> bool:
    """True when ``op`` is only the article's main operation (neither this sentence nor its
    paragraph names it), it is one state's national operation ("Operation Shader" is Britain's)
    and the contingent is another state's: "Greece has sent two frigates" paragraphs later is
    no part of it. In the paragraph that names it, partners still join it."""
    if op is None or not getattr(op, "country", "") or contributor is None:
        return False
    if op.type not in OPERATION_TYPES or contributor.country == op.country or contributor.id == op.country:
        return False
    if any(a is op or a.id == op.id for _, a in ops):
        return False
    if carry is not None and any(a.id == op.id for _, a in carry.get("ops", [])):
        return False
    return True


def _bare_subject_owners(candidates: list, elliptic: set[int]) -> list:
    """"Italy keeps about 900 soldiers in Lebanon, and some 300 will leave", "... had been serving
    at the base; around 100 will remain": a bare number that is the subject of its own verb
    stands for troops of the contingent counted just before it in the sentence, so it takes that
    contingent's contributors (the general rule that a subject with no contributor takes the
    sentence's only one leaves subjects out, as a subject usually names its own owner)."""
    out = []
    for g, pred, st, contribs in candidates:
        if not contribs and id(g) in elliptic and g.head.like_num and g.head.dep_ in _SUBJ_DEPS:
            before = [cs for g2, _p, _s, cs in candidates if g2.head.i < g.head.i and cs
                      and g2.quantity is not None and g2.quantity.kind == "headcount"]
            if before:
                contribs = list(before[-1])
        out.append((g, pred, st, contribs))
    return out


def _sentence_rows(sent: Span, actors, ulex: UnitLexicon, slex: StatusLexicon, previous: list | None = None,
                   carry: dict | None = None) -> list[dict]:
    """Rows of one sentence; ``previous`` holds the contributors of the sentence before it
    (same paragraph), which a contingent named by no actor at all inherits when unique
    ("Some 1,500 French soldiers ... must leave. ... a first group of around 400 ...")."""
    ops = sentence_operations(sent, actors)
    if carry is not None:
        ops = _same_operation(ops, sent, carry)
    if carry is not None:
        # "... the UN mission MINUSCA relies on ... The mission's police component numbers ...": a
        # sentence naming no operation continues the one its paragraph last named
        last = carry.pop("last_ops", None)
        if ops:
            carry["ops"] = ops
            carry["last_ops"] = ops
        elif _refers_to_operation(sent, actors, ulex):
            ops = carry.get("ops", [])
        elif last and len({a.id for _, a in last}) == 1 and not last[0][1].country:
            # "... does not affect UNISFA. Ethiopia's battalions left Abyei last year.": a sentence
            # naming no operation right after one that named a single multinational one goes on with it
            ops = last
    multi = [a for _, a in ops if not getattr(a, "country", "")]
    if multi and carry is not None:
        carry.setdefault("article", {})["multi_op"] = multi[-1]
    candidates: list[tuple[Group, Token | None, Status, list]] = []
    refused_verbs: set[int] = set()
    groups = build_groups(sent, actors, ulex)
    if carry is not None:
        counted = [g for g in groups if g.quantity is not None and g.quantity.kind == "headcount"]
    gap_owners = _gap_owners(sent, actors, ulex, groups)
    elliptic = _ellipsis_groups(sent, groups, slex, ulex, carry)
    for g in groups + elliptic:
        pred = governing_predicate(g.head)
        vehicle = _carrier(g, slex)
        if vehicle is not None:
            pred = governing_predicate(vehicle) or pred
        if vehicle is not None:
            pred = _reported_predicate(vehicle, slex, g.head) or pred
        else:
            pred = _reported_predicate(g.head, slex) or pred
        if all(t.lower_ in ulex.never_alone or t.lemma_.lower() in ulex.never_alone for t in g.tokens) \
                and g.quantity is None and not _state_modified(g.head, actors) and not _status_marked(g.head, pred, slex):
            continue  # "the rotation" alone is no contingent; "the outgoing Slovak rotation" is
        if _non_contribution(pred, slex) or _beneficiary(g, slex) or _generic_unit(g) \
                or _watched(g, slex) or _led_by_person(g) or _exercise_partner(g):
            continue
        st = _group_status(g, pred, slex, actors)
        if _uncounted_crossing(g, pred, slex):
            st = Status("unknown", "")
        if g.head.dep_ == "pobj" and g.head.head.lower_ == "of" and g.head.head.head.like_num \
                and g.quantity is not None and st.status in ("withdrawing", "withdrawn", "remaining"):
            share = g.head.head.head
            if _all_but(share) and not any(c.dep_ == "nummod" for c in g.head.children):
                st = Status("remaining", "all but")  # "brought home all but about 100 of its soldiers"
            else:
                st = Status("deployed", "of")  # "will withdraw 300 of its 900 soldiers": the 900 are there now
        elif g.head.like_num and _all_but(g.head) and st.status in ("withdrawing", "withdrawn"):
            st = Status("remaining", "all but")  # "will withdraw all but 200 of its 1,000 troops"
        if carry is not None and carry.get("plans") and _continues_plan(pred, st, slex):
            st = Status("planned", st.cue)
        if _needs_context(g, ulex) and g.quantity is None and (st.status == "unknown" or not st.cue):
            continue
        if st.status == "unknown" and all(t.lower_ in ulex.counted_only for t in g.tokens):
            continue  # "police arrested 12 men": people, but no contingent
        if st.status == "refused":
            if pred is not None and pred.pos_ in ("VERB", "AUX"):
                refused_verbs.update(v.i for v in verb_chain(pred))  # no standalone row either
            continue
        contribs = [gap_owners[g.head.i]] if g.head.i in gap_owners else group_contributors(g, pred, actors)
        if not contribs and vehicle is not None:
            # "The Spanish offshore patrol vessel Furor, carrying 46 sailors, left": the vehicle's state
            contribs = [a for a in _dedupe(_map_contributor(a, actors) for a in modifier_actors(vehicle, actors))
                        if a is not None and a.type == "state"]
        if not contribs and pred is not None and pred.pos_ == "VERB" and st.status in ("arriving", "deployed"):
            contribs = _origin_actors(pred, actors)
        if not contribs and pred is not None and pred.pos_ == "VERB" and st.status != "unknown" \
                and not _names_actor(g, actors) and not _foreign(g):
            contribs = _sayer_actors(pred, actors, slex)
        candidates.append((g, pred, st, contribs))
    candidates = _succession_contributors(candidates, slex)
    candidates = _bare_subject_owners(candidates, {id(g) for g in elliptic})
    # a contingent with no contributor of its own takes the sentence's only contributor
    named = _dedupe(a for *_, cs in candidates for a in cs)
    rows = []
    covered: set[int] = set(refused_verbs)
    for g, pred, st, contribs in candidates:
        if not contribs and len(named) == 1 and g.head.dep_ not in _SUBJ_DEPS | {"pobj"}:
            contribs = named
        if not contribs and len(named) == 1 and g.head.dep_ in _SUBJ_DEPS and pred is not None \
                and pred.dep_ == "conj" and g.quantity is not None and g.quantity.kind == "headcount" \
                and st.status != "unknown" and not _names_actor(g, actors) and not _foreign(g):
            # "About 600 Spanish troops will remain in Latvia, and a battery of some 90 gunners will
            # arrive next month": the counted subject of a conjoined clause that names no owner
            # goes with the sentence's only contributor
            contribs = named
        if not contribs and len(named) == 1 and any(
                c.dep_ == "relcl" and c.lemma_.lower() in slex.frames.get("succession", frozenset())
                for t in g.tokens for c in t.children):
            contribs = named  # "the contingent they replaced": the rotation's own predecessor
        if not contribs and not named and previous and len(previous) == 1 and st.status != "unknown" \
                and (g.quantity is not None and g.quantity.kind == "headcount" or _successor(g, ulex)) \
                and not _names_actor(g, actors) \
                and not (pred is not None and any(actors.for_phrase(x) is not None for x in clause_subjects(pred, actors))):
            contribs = list(previous)
        if not contribs and not named and not previous and carry is not None and st.status != "unknown" \
                and (g.quantity is not None and g.quantity.kind == "headcount" or _successor(g, ulex)) \
                and not _names_actor(g, actors) and not (pred is not None and any(
                    actors.for_phrase(x) is not None for x in clause_subjects(pred, actors))):
            # a new paragraph that goes on about the same single contributor ("A 150-strong Marine
            # company ... will stay" after paragraphs on the U.S. drawdown): it names no other state
            last = carry.get("article", {}).get("last_rows_by", [])
            if len(last) == 1 and _sentence_states(sent, actors) <= set(last):
                contribs = [actors.actor(last[0])]
        if not contribs and not named and not previous and _anaphoric_share(g) and carry is not None:
            # "The first 120 officers left on Tuesday" in a later paragraph: a share of the
            # contingent the article counted last, when one contributor alone counted it
            last = carry.get("article", {}).get("counted_by", [])
            if len(last) == 1 and not _names_actor(g, actors) and st.status != "unknown":
                contribs = [actors.actor(last[0])]
        if contribs and _foreign(g):
            # "a thousand foreign soldiers", "Mali hosts 2,000 foreign soldiers": only a state the
            # unit's own words name owns them, never the speaker, host or previous contributor
            own = {a.id for a in _dedupe(_map_contributor(a, actors) for t in g.tokens
                                         for a in modifier_actors(t, actors))}
            contribs = [c for c in contribs if c.id in own]
        if not contribs:
            continue
        q = g.quantity
        change = _size_change(g, pred, ulex) if q is None else None
        if st.status == "unknown" and change is None and not (
                q is not None and q.kind == "headcount" and q.value is not None):
            continue  # says neither how many nor what they do
        op = resolve_operation(g, sent, actors, ops, groups)
        if op is not None and _bilateral(g, pred, actors, ulex) and not any(
                actors.at_token(t) is op for t in g.head.subtree):
            op = None  # "under a bilateral agreement": a state's own deal with the host, no operation
        host = resolve_host(g, pred, op, actors, {c.id for c in contribs})
        beside = _beside_operation(g, pred, ops, actors, ulex)
        for c in contribs:
            if beside and c.country in {_reference_host(op), actors.host_country(), _dateline_state(sent.doc)} - {""}:
                continue  # the host's own army beside the mission is no contribution to it
            hosts = carry.get("article", {}).get("hosts", {}) if carry is not None else {}
            moved = _came_home(pred, _moved_elsewhere(pred, st, c, hosts, actors, slex), c, actors, slex)
            homecoming = moved is not st and moved.cue.endswith(" home") and \
                c.country != (_reference_host(op) or actors.host_country())
            if host and c.country == host and not homecoming:
                continue  # a state's own forces at home are no contribution
            row_host = hosts.get(c.id) or _reference_host(op) if homecoming and host == c.country else host
            row_op = None if _foreign_national_fallback(op, c, ops, carry) else op
            if change is not None:
                # "will shrink from 1,100 to 800": the size now, and the size it is heading to
                before, after = change
                rows.append(_make_row(actors, c, row_op, host, replace(g, quantity=before),
                                      Status("deployed", "from"), sent))
                rows.append(_make_row(actors, c, row_op, host, replace(g, quantity=after), st if st.status in (
                    "planned", "remaining") else Status("planned", "to"), sent))
                continue
            rows.append(_make_row(actors, c, row_op, row_host, g, moved, sent))  # served there, came home
        if pred is not None and pred.pos_ in ("VERB", "AUX"):
            covered.update(v.i for v in verb_chain(pred))
    done = {r["contributor"] for r in rows}

    def emit(group: Group, verb: Token | None, contribs: list, st: Status, row_group: Group | None,
             skip_done: bool, op=None) -> None:
        """One row per contributor of a group, never for the host itself (nor, with
        ``skip_done``, for a contributor this sentence already gave a row)."""
        op = op or resolve_operation(group, sent, actors, ops)
        host = resolve_host(group, verb, op, actors, {c.id for c in contribs})
        for c in contribs:
            if (host and c.country == host) or (skip_done and c.id in done):
                continue
            row_op = None if _foreign_national_fallback(op, c, ops, carry) else op
            rows.append(_make_row(actors, c, row_op, host, row_group, st, sent))
            done.add(c.id)

    for verb, contribs in _standalone_rows(sent, actors, covered, slex):
        st = classify_status(verb, slex, actors)
        if st.status in ("unknown", "refused") or _non_contribution(verb, slex):
            continue
        emit(Group(head=verb), verb, contribs, st, None, skip_done=True)
    for verb, contribs, st in _pronoun_rows(sent, actors, ulex, slex, covered):
        if _awaits_approval(sent, slex) and st.status == "planned":
            st = Status("pending", "awaiting approval")
        emit(Group(head=verb), verb, contribs, st, None, skip_done=False)
    for noun, contribs, st in _nominal_offer_rows(sent, actors, slex):
        op = resolve_operation(Group(head=noun), sent, actors, ops)
        for c in contribs:
            if c.id not in done:
                rows.append(_make_row(actors, c, op, "", None, st, sent))
                done.add(c.id)
    for g, contribs, st in [*_embedded_size_rows(sent, actors, ulex, slex), *_target_size_rows(sent, actors, ulex, slex)]:
        contribs = contribs or _figure_owner(g, rows, carry, actors)
        emit(g, None, contribs, st, g, skip_done=False)
    for g, c, st in _gapped_rows(sent, actors, ulex, candidates, groups):
        # "Britain has about 900 troops at Tapa and France around 300": the verb is left out
        emit(g, None, [c], st, g, skip_done=True)
    for g, states in _share_groups(sent, actors, ulex):
        # the share stays where the whole is: "remains in Beni" remaining, else deployed
        root = sent.root
        st = classify_status(root, slex, actors) if root.pos_ in ("VERB", "AUX") else Status("deployed", "")
        if st.status in ("unknown", "refused"):
            st = Status("deployed", g.quantity.text)
        emit(g, None, states, st, g, skip_done=False)
    for g, state in _possessive_count_rows(sent, actors, ulex):
        # "second only to Nepal's 1,100": the strength there now, unless its own verb says otherwise
        pred = governing_predicate(g.head)
        st = classify_status(pred, slex, actors) if pred is not None else Status("deployed", "")
        if st.status in ("unknown", "refused"):
            st = Status("deployed", g.quantity.text)
        emit(g, None, [state], st, g, skip_done=False)
    for g, state in _bracketed_count_rows(sent, actors, ulex):
        # "France (700), Italy (350)": the listed strength is the one there now, unless the
        # sentence's verb says otherwise
        root = sent.root
        st = classify_status(root, slex, actors) if root.pos_ in ("VERB", "AUX") else Status("deployed", "")
        if st.status in ("unknown", "refused"):
            st = Status("deployed", "listed")
        emit(g, None, [state], st, g, skip_done=False)
    for noun, states in _contributor_list_rows(sent, actors, ulex):
        emit(Group(head=noun), None, states, Status("deployed", noun.text), None, skip_done=True,
             op=_its_operation(noun, ops, carry))
    if carry is not None and counted:
        carry["model"] = counted[-1]
        carry.setdefault("article", {})["model"] = counted[-1]
    if carry is not None and rows:
        carry["plans"] = all(r["status"] == "planned" for r in rows)
    return rows


# --------------------------------------------------------------------------- reconciled view


RECONCILED_COLUMNS = [
    "article_id", "contributor", "contributor_country", "operation", "quantity_min", "quantity_max",
    "figures", "statuses", "n_rows", "n_sentences", "discrepancy", "personnel", "asset", "sentences",
]


def reconcile_forces(df: pd.DataFrame) -> pd.DataFrame:
    """One row per article x contributor x operation, with the range of head counts reported,
    every status seen, how many sentences back it, and a ``discrepancy`` flag when the
    figures differ ("about 100" and "105 elements").

    df (DataFrame): the forces table (``schemas.forces_frame``).
    RETURNS (DataFrame): the reconciled view, columns ``RECONCILED_COLUMNS``.
    """
    if df is None or df.empty:
        return pd.DataFrame(columns=RECONCILED_COLUMNS)
    out = []
    keys = ["article_id", "contributor", "operation"]
    frame = df.copy()
    for col in keys + ["contributor_country", "status", "sentence", "personnel", "asset", "quantity_text"]:
        if col not in frame:
            frame[col] = ""
        frame[col] = frame[col].fillna("").astype(str)
    for col in ("quantity", "quantity_max"):
        if col not in frame:
            frame[col] = pd.NA
    for key, grp in frame.groupby(keys, sort=True, dropna=False):
        lows = [int(v) for v in grp["quantity"].dropna()]
        highs = [int(v) for v in grp["quantity_max"].dropna()]
        values = lows + highs
        figures = []
        for _, r in grp.iterrows():
            if pd.notna(r["quantity"]):
                figures.append(r["quantity_text"] or str(int(r["quantity"])))
        distinct = {(int(r["quantity"]), int(r["quantity_max"]) if pd.notna(r["quantity_max"]) else None)
                    for _, r in grp.iterrows() if pd.notna(r["quantity"])}
        out.append({
            "article_id": key[0], "contributor": key[1], "operation": key[2],
            "contributor_country": grp["contributor_country"].iloc[0],
            "quantity_min": min(values) if values else None,
            "quantity_max": max(values) if values else None,
            "figures": " | ".join(dict.fromkeys(figures)),
            "statuses": "|".join(sorted(set(grp["status"]) - {""})),
            "n_rows": len(grp),
            "n_sentences": grp["sentence"].nunique(),
            "discrepancy": len(distinct) > 1,
            "personnel": "; ".join(dict.fromkeys(p for p in grp["personnel"] if p)),
            "asset": "; ".join(dict.fromkeys(p for p in grp["asset"] if p)),
            "sentences": " || ".join(dict.fromkeys(grp["sentence"])),
        })
    res = pd.DataFrame(out, columns=RECONCILED_COLUMNS)
    for col in ("quantity_min", "quantity_max"):
        res[col] = pd.array([None if v is None or pd.isna(v) else int(v) for v in res[col]], dtype="Int64")
    return res


def personnel_by_status(df: pd.DataFrame) -> pd.DataFrame:
    """Head counts for a chart of personnel by contributor coloured by status: one row per
    article x contributor x operation x status with ``low``, ``high`` and ``value`` (the
    midpoint), ready for ``seaborn.barplot`` with error bars from low to high.

    df (DataFrame): the forces table.
    RETURNS (DataFrame): columns article_id, contributor, operation, status, low, high, value, n_rows.
    """
    cols = ["article_id", "contributor", "operation", "status", "low", "high", "value", "n_rows"]
    if df is None or df.empty:
        return pd.DataFrame(columns=cols)
    f = df[df["quantity"].notna()].copy()
    if f.empty:
        return pd.DataFrame(columns=cols)
    f["hi"] = [int(m) if pd.notna(m) else int(q) for q, m in zip(f["quantity"], f["quantity_max"])]
    f["lo"] = f["quantity"].astype(int)
    g = f.groupby(["article_id", "contributor", "operation", "status"], sort=True)
    res = g.agg(low=("lo", "min"), high=("hi", "max"), n_rows=("lo", "size")).reset_index()
    res["value"] = (res["low"] + res["high"]) / 2
    return res[cols]
