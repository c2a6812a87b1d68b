"""Actors: one row per real-world actor in an article, typed, with country, role and aliases.

This module owns every link from text to actor. Force contributions and stances never
look at names themselves: they ask the :class:`ActorSet` which actor a token, a noun
phrase or a pronoun stands for, so a canonicalisation fix here improves all three tables.

How an actor is found (in this order; each step only sees tokens no earlier step claimed):

1. Reference names (entity ruler): states, organisations, operations, armed groups, units,
   demonyms ("Danish" -> Denmark) and seats of power ("Bamako", "the Kremlin").
2. Government phrases ("Mali's ruling junta", "the transitional government in Bamako",
   "the coup generals"): a ``government`` actor separate from its state when the text uses a
   junta-like term for it; plain "the Malian government" folds into that actor when one
   exists, else it stays an alias of the state.
3. Mission phrases built on an organisation ("the United Nations peacekeeping force"):
   resolved to a known mission of that organisation hosted in a country the article names.
4. Statistical NER for people and organisations no list has; misspellings of known names
   ("Takoba" -> Takuba) by edit distance; surnames and titled surnames fold into full names.
5. Descriptive phrases ("the European country", "the European force") resolved to an actor
   already in the article whose region or kind fits.

People get a role from an adjacent office title and a country from, in order: the title's
demonym or possessive ("French Foreign Minister", "Mali's foreign minister"), an apposition,
a demonym before "counterpart", or the state most talked about around the mention.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc, Span, Token

from .nlp import clean_span_text
from .reference import (DEMONYM_LABEL, LABELS, METONYM_LABEL, PERSON_LABEL, Entity, Reference,
                        get_reference, norm)

KNOWN_LABELS = {label: type_ for type_, label in LABELS.items()}

#: Government terms that mark a ruling body as distinct from the state (a junta, a
#: transitional regime). Plain "government" only becomes a separate actor alongside one.
#: Words that mark a government the text treats as an agent of its own, apart from its state:
#: juntas and transitional authorities, but also federal, interim, army-backed and
#: internationally recognised governments ("Somalia's federal government" vs Puntland).
JUNTA_WORDS = ("junta", "military council", "coup", "transitional", "regime", "military rulers",
               "military authorities", "ruling military", "putschist", "military leaders",
               "military government", "federal government", "army-backed", "army-led",
               "internationally recognised", "internationally recognized", "interim government")
GENERIC_GOVERNMENT_HEADS = {"government", "authorities", "administration", "cabinet", "presidency",
                            "leadership", "executive"}

#: Region adjectives in descriptive phrases ("the West African country").
REGION_ADJECTIVES = {
    "european": ("region", "Europe"), "african": ("region", "Africa"), "asian": ("region", "Asia"),
    "american": ("region", "Americas"), "latin american": ("region", "Americas"),
    "west african": ("region", "Africa"), "east african": ("region", "Africa"),
    "central african": ("region", "Africa"), "north african": ("region", "Africa"),
    "southern african": ("region", "Africa"), "sahelian": ("iso", ("MLI", "BFA", "NER", "TCD", "MRT")),
    "sahel": ("iso", ("MLI", "BFA", "NER", "TCD", "MRT")),
    "baltic": ("iso", ("EST", "LVA", "LTU")), "nordic": ("iso", ("DNK", "NOR", "SWE", "FIN", "ISL")),
    "scandinavian": ("iso", ("DNK", "NOR", "SWE")),
    "gulf": ("iso", ("SAU", "ARE", "QAT", "KWT", "BHR", "OMN")),
    "arab": ("region", "Asia"), "middle eastern": ("region", "Asia"), "oceanian": ("region", "Oceania"),
    "caribbean": ("region", "Americas"), "island": ("any", None), "landlocked": ("any", None),
    "horn of africa": ("iso", ("SOM", "ETH", "ERI", "DJI")),
}
STATE_NOUNS = {"country", "nation", "state", "kingdom", "republic", "emirate"}
FORCE_NOUNS = {"force", "mission", "operation", "coalition", "task force", "contingent force"}
ORG_NOUNS = {"bloc": ("international_organization",), "alliance": ("international_organization",),
             "organisation": ("international_organization",), "organization": ("international_organization",),
             "union": ("international_organization",)}
MISSION_WORDS = {"regional", "standby", "joint", "intervention", "reaction", "rapid", "forward", "peacekeeping", "training", "stabilisation", "stabilization", "naval", "military",
                 "maritime", "police", "observer", "monitoring", "support", "protection", "peace",
                 "advisory", "multinational", "security"}

#: Head words that type an organisation the reference lists do not know.
UNIT_WORDS = {"battalion", "brigade", "regiment", "division", "corps", "squadron", "legion", "fleet",
              "navy", "army", "air force", "armed forces", "special forces", "marines", "guard",
              "gendarmerie", "command", "unit", "contingent", "company"}
OPERATION_WORDS = {"operation", "mission", "task force", "force", "peacekeeping", "exercise"}
GROUP_WORDS = {"rebels", "militia", "militias", "movement", "front", "jihadists", "insurgents",
               "fighters", "mercenaries", "brigades", "liberation"}
#: ("court" and "community" are left out: the international courts and economic communities
#: are in the reference lists, so an unknown "High Court" or "Laikipia Community Justice
#: Network" is a national body or local group, type ``other``.)
IGO_WORDS = {"united nations", "union", "council", "organization", "organisation", "commission",
             "agency", "committee", "league", "alliance", "assembly", "fund",
             "bank", "international", "red cross", "program", "programme"}
GOVERNMENT_ORG_WORDS = {"ministry", "government", "department", "parliament", "senate", "presidency",
                        "foreign office", "defence staff"}
#: Capitalised common nouns NER tags as organisations on their own; after "the" they usually
#: repeat an organisation already named ("the Council" -> the UN Security Council).
GENERIC_ORG_WORDS = {"council", "commission", "mission", "force", "alliance", "union", "assembly",
                     "brigade", "battalion", "regiment", "division", "contingent",
                     "parliament", "ministry", "defence", "defense", "media", "government", "army",
                     "navy", "committee", "secretariat", "agency", "command", "coalition", "armed forces",
                     "forces", "military", "office", "court", "senate", "cabinet", "presidency"}
#: News organisations are sources, not actors in the story.
#: Platforms where statements are posted ("said on Telegram"): channels, not actors.
PLATFORMS = {"telegram", "facebook", "twitter", "whatsapp", "instagram", "tiktok", "youtube", "vkontakte"}
MEDIA = {"reuters", "afp", "ap", "associated press", "agence france-presse", "agence france presse",
         "bbc", "cnn", "al jazeera", "rfi", "france 24", "dpa", "efe", "anadolu", "xinhua", "tass",
         "ria novosti", "interfax", "bloomberg", "the guardian", "the new york times", "le monde",
         "ritzau", "jeune afrique", "the associated press", "politico", "reuters news agency"}

#: Institutional force nouns that, after a state's demonym or possessive, name that state's
#: armed service as an actor ("the Nigerien army", "Israel's military"). Generic "forces" or
#: "troops" stay with the state: they are contingents, not institutions.
INSTITUTION_TERMS = ("armed forces", "air force", "national guard", "coast guard", "defence forces",
                     "defense forces", "army", "navy", "military", "gendarmerie", "marines")
#: Legislatures named by their state ("Nigeria's Senate", "the Mozambican parliament"): a
#: government-type actor of their own, since they often take positions against the executive.
LEGISLATURE_TERMS = ("national assembly", "parliament", "senate", "congress")
#: Nouns that name an armed group by its members ("Somali pirates").
GROUP_MEMBER_NOUNS = {"pirates", "militants", "rebels", "insurgents", "militias", "militiamen", "jihadists"}
#: Words that introduce a named operation, exercise or task force ("Exercise Northern Bastion").
OPERATION_INTRODUCERS = {"operation", "exercise", "task force", "mission"}

PRONOUNS_PERSON = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PRONOUNS_THING = {"it", "its", "itself"}
PRONOUNS_PLURAL = {"they", "them", "their", "theirs", "themselves"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}


@dataclass(frozen=True)
class Mention:
    """One place in the text that refers to an actor (character and token offsets)."""

    start: int
    end: int
    start_token: int
    end_token: int
    text: str
    actor_id: str
    kind: str  # name | demonym | metonym | title | descriptive | government


@dataclass
class Actor:
    """A canonical actor with every surface form the text uses for it."""

    id: str
    name: str
    type: str
    country: str = ""
    role: str = ""
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    source: str = ""  # reference | ner | rule
    host: tuple[str, ...] = ()
    org: str = ""
    kind: str = ""  # the reference file's finer category ("political_party", "un_peacekeeping")
    #: token starts of "the exercise", "the drills" that repeat this exercise; they make it the
    #: article's main operation, but are no mentions (the stance step would read them as speakers)
    references: list[int] = field(default_factory=list)


class ActorSet:
    """The actors of one article and the index from tokens to actors.

    Queries used by the forces and stances extractors:

    - ``actor(actor_id)`` -> Actor
    - ``at_token(token)`` -> Actor | None: the actor whose mention covers this token.
    - ``for_phrase(token)`` -> Actor | None: the actor a noun phrase headed by ``token``
      stands for: the mention covering the head, else a possessive/compound/demonym
      modifier ("the Danish battalion" -> Denmark, "Mali's junta" -> the junta), else a
      pronoun's antecedent ("its battalion" -> the sentence subject).
    - ``antecedent(token)`` -> Actor | None: what a pronoun (he, she, it, they, its, their,
      his, her) refers to.
    - ``mentions_in(span)`` -> list[Mention], in text order.
    - ``main_operation()`` -> Actor | None: the operation the article is mostly about.
    - ``host_country()`` -> str: ISO3 of the country where the main operation runs, or "".
    - ``rows()`` -> list[dict] for the actors table.
    """

    def __init__(self, doc: Doc, article_id: str, reference: Reference | None = None) -> None:
        self.doc = doc
        self.article_id = article_id
        self.ref = reference or get_reference()
        self.actors: dict[str, Actor] = {}
        self.mentions: list[Mention] = []
        self._by_token: dict[int, Mention] = {}

    # -- building -------------------------------------------------------------------------

    def claimed(self, start_token: int, end_token: int) -> bool:
        return any(i in self._by_token for i in range(start_token, end_token))

    def add_actor(self, actor: Actor) -> Actor:
        existing = self.actors.get(actor.id)
        if existing is not None:
            return existing
        self.actors[actor.id] = actor
        return actor

    def add_mention(self, actor: Actor, span: Span, kind: str, text: str | None = None) -> Mention | None:
        """Record that ``span`` refers to ``actor``; a token can belong to one mention only."""
        if self.claimed(span.start, span.end):
            return None
        surface = clean_span_text(text if text is not None else span.text)
        if not surface:
            return None
        m = Mention(span.start_char, span.end_char, span.start, span.end, surface, actor.id, kind)
        self.mentions.append(m)
        actor.mentions.append(m)
        if surface not in actor.aliases:
            actor.aliases.append(surface)
        for i in range(span.start, span.end):
            self._by_token[i] = m
        return m

    def move_mentions(self, source_id: str, target: Actor) -> None:
        """Fold one actor into another (a surname into the full name, a typo into the real name)."""
        src = self.actors.pop(source_id, None)
        if src is None or src is target:
            return
        for m in src.mentions:
            moved = Mention(m.start, m.end, m.start_token, m.end_token, m.text, target.id, m.kind)
            target.mentions.append(moved)
            for i in range(m.start_token, m.end_token):
                self._by_token[i] = moved
            if m.text not in target.aliases:
                target.aliases.append(m.text)
        self.mentions = [m if m.actor_id != source_id else
                         Mention(m.start, m.end, m.start_token, m.end_token, m.text, target.id, m.kind)
                         for m in self.mentions]

    # -- queries --------------------------------------------------------------------------

    def actor(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def at_token(self, token: Token) -> Actor | None:
        m = self._by_token.get(token.i)
        return self.actors.get(m.actor_id) if m else None

    def mention_at(self, token: Token) -> Mention | None:
        return self._by_token.get(token.i)

    def mentions_in(self, span: Span) -> list[Mention]:
        return sorted((m for m in self.mentions if m.start_token >= span.start and m.end_token <= span.end),
                      key=lambda m: m.start)

    def for_phrase(self, token: Token) -> Actor | None:
        """The actor a noun phrase headed by ``token`` stands for (see class docstring)."""
        found = self.at_token(token)
        if found is not None:
            return found
        low = token.lower_
        if low in PRONOUNS_PERSON | PRONOUNS_THING | PRONOUNS_PLURAL:
            return self.antecedent(token)
        # possessives first ("Mali's junta", "its battalion"), then demonyms/compounds
        for child in token.children:
            if child.dep_ == "poss":
                return self.for_phrase(child)
        for child in token.children:
            if child.dep_ in {"amod", "compound", "nmod", "npadvmod"}:
                found = self.at_token(child)
                if found is not None:
                    return found
        return None

    def antecedent(self, token: Token) -> Actor | None:
        """Resolve a pronoun to the most likely actor mentioned before it.

        Persons for he/she; for it/they the subject of the same sentence (before the
        pronoun) or of the previous sentences, then the most recent non-person mention.
        """
        low = token.lower_
        if low in {"we", "us", "our", "ours", "i", "me", "my"}:
            return None  # first person: the quote's speaker, resolved by the stance extractor
        want_person = low in PRONOUNS_PERSON
        sent = token.sent
        sents = [s for s in self.doc.sents if s.end <= sent.start][-3:]

        def ok(actor: Actor | None) -> bool:
            if actor is None:
                return False
            is_person = actor.type == "person"
            return is_person if want_person else not is_person

        # the subject of the clause this one is reported in: "Côte d'Ivoire said it would send"
        clause = token.head
        for _ in range(4):
            if clause.dep_ in {"ccomp", "xcomp", "advcl", "conj"} and clause.head is not clause:
                clause = clause.head
                for c in clause.children:
                    if c.dep_ in SUBJECT_DEPS and c.i < token.i and c.lower_ != low:
                        cand = self.for_phrase(c)
                        if ok(cand):
                            return cand
            else:
                break
        # subjects before the pronoun in this sentence, then subjects of earlier sentences
        for scope in ([sent[: token.i - sent.start]], list(reversed(sents))):
            for s in scope:
                for tok in s:
                    # a noun left as the root of a misparsed sentence ("The force commander, General
                    # X, called on ...": "called" hangs off "commander") is its subject
                    if tok.dep_ in SUBJECT_DEPS or (tok.dep_ == "ROOT" and tok.pos_ in {"NOUN", "PROPN"}
                                                    and tok.i != token.i and any(
                            c.dep_ == "acl" and c.tag_ in {"VBD", "VBZ", "VBP"} for c in tok.children)):
                        cand = self.for_phrase(tok) if tok.i != token.i and tok.lower_ not in {low} else None
                        if not ok(cand):
                            # "The president of Serbia, Aleksandar Vucic, accused ... and he demanded"
                            cand = next((a for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                                         for a in [self.at_token(c)] if ok(a)), cand)
                        if ok(cand):
                            return cand
        before = [m for m in self.mentions if m.end_token <= token.i and m.start_token >= (sents[0].start if sents else sent.start)]
        for m in sorted(before, key=lambda m: -m.start):
            cand = self.actors.get(m.actor_id)
            if ok(cand) and (want_person or cand.type != "other"):
                return cand
        return None

    def main_operation(self) -> Actor | None:
        ops = [a for a in self.actors.values() if a.type == "military_operation"]
        if not ops:
            return None
        return max(ops, key=lambda a: (len(a.mentions) + len(a.references), -min(m.start for m in a.mentions)))

    def host_country(self) -> str:
        op = self.main_operation()
        if op is not None:
            hosts = [h for h in op.host if h in self.actors]
            if hosts:
                return hosts[0]
            if op.host:
                return op.host[0]
        return ""

    def rows(self) -> list[dict]:
        out = []
        for a in sorted(self.actors.values(), key=lambda a: (min(m.start for m in a.mentions), a.id)):
            out.append({
                "article_id": self.article_id, "actor_id": a.id, "name": a.name, "type": a.type,
                "country": a.country, "role": a.role, "aliases": " | ".join(a.aliases),
                "mentions": len(a.mentions), "first_offset": min(m.start for m in a.mentions),
                "source": a.source,
            })
        return out


# -- helpers ------------------------------------------------------------------------------

def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-") or "actor"


def _entity_actor(ent: Entity) -> Actor:
    return Actor(id=ent.id, name=ent.name, type=ent.type, country=ent.country,
                 source="reference", host=ent.host, org=ent.org, kind=ent.kind)


def _states_inside_force_names(aset: ActorSet, doc: Doc) -> None:
    """"Up to 100 New Zealand Defence Force personnel": a national force's name names its state,
    which is then the contingent's contributor, even when the text never names the state on its
    own. The state gets a mention on the words of its name inside the force's name; the force
    keeps the tokens (a token belongs to one claimed mention), so the state's mention is unclaimed."""
    for unit in list(aset.actors.values()):
        if unit.type != "military_unit" or not unit.country or unit.country in aset.actors:
            continue
        ent = aset.ref.state(unit.country)
        if ent is None:
            continue
        forms = {norm(f) for f in (ent.name, *ent.aliases)} | {
            f for f, iso in aset.ref.demonyms.items() if iso == unit.country}
        for m in list(unit.mentions):
            toks = doc[m.start_token:m.end_token]
            found = next(((i, j) for i in range(len(toks)) for j in range(len(toks), i, -1)
                          if norm(toks[i:j].text) in forms), None)
            if found is None:
                continue
            span = toks[found[0]:found[1]]
            state = _state_actor(aset, unit.country)
            if state is None:
                break
            sm = Mention(span.start_char, span.end_char, span.start, span.end, clean_span_text(span.text),
                         state.id, "name")
            state.mentions.append(sm)
            aset.mentions.append(sm)
            if sm.text not in state.aliases:
                state.aliases.append(sm.text)
            break


def _state_actor(aset: ActorSet, iso3: str) -> Actor | None:
    ent = aset.ref.state(iso3)
    return aset.add_actor(_entity_actor(ent)) if ent else None


def _has_junta_word(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in JUNTA_WORDS)


def _strip_determiners(span: Span) -> Span:
    start = span.start
    while start < span.end and span.doc[start].lower_ in {"the", "a", "an", "this", "that", "these"}:
        start += 1
    return span.doc[start:span.end]


# -- step 1: reference names --------------------------------------------------------------

def _reference_mentions(aset: ActorSet, doc: Doc) -> list[tuple[Span, str]]:
    """Add mentions for reference entities; return metonym spans for later resolution."""
    metonyms: list[tuple[Span, str]] = []
    weights = _country_weights(aset, doc)
    for ent in doc.ents:
        if _in_credit_line(ent):
            continue  # "(Reporting by John Irish in Paris ...)": staff and their desks
        if ent.label_ in KNOWN_LABELS and ent.ent_id_:
            known = _disambiguated(aset, aset.ref.entities.get(ent.ent_id_), ent.text, weights, ent)
            if known is None:
                continue
            actor = aset.add_actor(_entity_actor(known))
            aset.add_mention(actor, ent, "name")
        elif ent.label_ == DEMONYM_LABEL and ent.ent_id_:
            actor = _state_actor(aset, ent.ent_id_)
            if actor is not None:
                aset.add_mention(actor, ent, "demonym")
        elif ent.label_ == METONYM_LABEL and ent.ent_id_:
            metonyms.append((ent, ent.ent_id_))
        elif ent.label_ == PERSON_LABEL and ent.ent_id_ in aset.ref.people:
            aset.add_mention(_known_person(aset, aset.ref.people[ent.ent_id_]), ent, "name")
    return metonyms


def _country_weights(aset: ActorSet, doc: Doc) -> dict[str, int]:
    """How often each state is named (by name, demonym, capital or a known person's country):
    which country's "Labour" or "Social Democrats" an article means."""
    weights: dict[str, int] = {}
    for ent in doc.ents:
        iso = ""
        if ent.label_ in (DEMONYM_LABEL, METONYM_LABEL) or ent.label_ == LABELS["state"]:
            iso = ent.ent_id_
        elif ent.label_ == PERSON_LABEL and ent.ent_id_ in aset.ref.people:
            iso = aset.ref.people[ent.ent_id_].country
        elif ent.ent_id_ and not aset.ref.alternatives(ent.text):
            # a party or parliament only one country has ("People Power Party", "Storting") says
            # whose politics the article reports: "the ruling Democratic Party" beside it is theirs
            e = aset.ref.entities.get(ent.ent_id_)
            if e is not None and e.kind in ("political_party", "legislature") and e.country:
                weights[e.country] = weights.get(e.country, 0) + 3
                continue
        if iso:
            weights[iso] = weights.get(iso, 0) + 1
    return weights


def _disambiguated(aset: ActorSet, known: Entity | None, text: str, weights: dict[str, int],
                   span: Span | None = None) -> Entity | None:
    """Among reference entities sharing this surface form, the one of the country its own
    sentence names ("In Stockholm, the opposition Left Party"), else of the most-named country.
    Parties are chosen this way, and so are national bodies of different states sharing an
    acronym ("ADF": Australia's Defence Force or Congo's Allied Democratic Forces): each
    belongs to one state, so the state the article names most is the better guess than the
    ruler's alphabetical one. Other shared names keep the entity ruler's choice."""
    if known is None:
        return known
    if known.kind == "political_party":
        options = [e for i in aset.ref.alternatives(text) for e in [aset.ref.entities.get(i)]
                   if e is not None and e.kind == "political_party"]
    elif known.country and known.type != "state":
        options = [e for i in aset.ref.alternatives(text) for e in [aset.ref.entities.get(i)]
                   if e is not None and e.country and e.type != "state" and e.kind != "political_party"]
        if len({e.country for e in options}) < len(options):
            return known  # two bodies of one state: the article's states cannot tell them apart
    else:
        return known
    if len(options) < 2:
        return known
    if span is not None:
        here = {e.ent_id_ for e in span.sent.ents if e.start < span.start  # the country set up before the name
                and e.label_ in (DEMONYM_LABEL, METONYM_LABEL, LABELS["state"]) and e.ent_id_}
        local = [e for e in options if e.country in here]
        if len({e.country for e in local}) == 1:
            return max(local, key=lambda e: e.id == known.id)
    return max(options, key=lambda e: (weights.get(e.country, 0), e.id == known.id))


def _known_person(aset: ActorSet, known: Entity) -> Actor:
    return aset.add_actor(Actor(id=known.id, name=known.name, type="person", country=known.country,
                                role=known.role, source="reference", org=known.org))


# -- step 2: governments ------------------------------------------------------------------

def _government_spans(aset: ActorSet, doc: Doc) -> list[tuple[Span, str]]:
    """Find government phrases and the head term each contains, longest term first."""
    terms = aset.ref.government_terms
    found: list[tuple[Span, str]] = []
    taken: set[int] = set()
    lowers = [t.lower_ for t in doc]
    for term in terms:
        parts = term.split()
        n = len(parts)
        for i in range(len(doc) - n + 1):
            if lowers[i:i + n] != parts or any(j in taken for j in range(i, i + n)):
                continue
            if _inside_named_org(aset, doc, i, i + n):
                continue  # "the Government of National Unity": a name, left to NER
            head = doc[i + n - 1]
            if head.tag_ in {"NNS", "NNPS"} and head.lower_ not in {"authorities", "generals", "leaders", "rulers"}:
                continue  # "governments", "juntas": a generic plural, not one actor
            if head.i + 1 < len(doc) and doc[head.i + 1].lower_ in {"official", "officials", "spokesman",
                                                                     "spokesperson", "spokeswoman", "source",
                                                                     "sources", "troops", "forces", "soldiers"}:
                continue  # "government troops" are forces, "a government spokesman" is a person
            found.append((doc[i:i + n], term))
            taken.update(range(i, i + n))
    return sorted(found, key=lambda x: x[0].start)


def _inside_named_org(aset: ActorSet, doc: Doc, start: int, end: int) -> bool:
    """Whether tokens start..end are the capitalised part of a longer NER organisation name
    that names no reference actor ("Kurdistan Regional Government", "Government of National Unity")."""
    tok = doc[start]
    if not tok.text[:1].isupper() or tok.ent_type_ != "ORG":
        return False
    ent = next((e for e in doc.ents if e.start <= start and end <= e.end), None)
    if ent is None or len(ent) <= end - start:
        return False
    if "ministry" in doc[start:end].text.lower() and doc[ent.end - 1].lower_ == "of" and ent.end < len(doc) and (
            (a := aset.at_token(doc[ent.end])) is not None and a.type == "state"):
        return False  # "[The Ministry of Defence of] Mongolia": the tagger stopped short of the state
    return not any(aset._by_token.get(i) for i in range(ent.start, ent.end))


#: Key in the "earlier" map of government phrases for the last junta-like phrase of any wording.
JUNTA_KEY = "\x00junta"


def _government_country(aset: ActorSet, span: Span, governments: list[Actor], metonyms: dict[int, str],
                        earlier: dict[str, str] | None = None, term: str = "") -> str:
    """Which state a government phrase belongs to (see module docstring)."""
    doc = span.doc
    # modifiers before the term: "Mali's", "the Malian", "Danish"
    i = span.start - 1
    while i >= max(span.sent.start, span.start - 4):  # never into the previous sentence
        tok = doc[i]
        if tok.text in {"'s", "'", "\u2019s"}:
            i -= 1
            continue
        actor = aset.at_token(tok)
        if actor is not None and actor.type == "state":
            return actor.country
        if actor is not None and actor.country and (
                actor.type == "person" or actor.kind == "political_party"):
            return actor.country  # "the Marape government", "the Liberal government"
        if tok.i in metonyms:
            return metonyms[tok.i]
        if actor is None and tok.pos_ == "PROPN":
            # "the Marape government": the surname of a head of government named before
            people = {a.country for a in aset.actors.values() if a.type == "person" and a.country
                      and any(al.split()[-1:] == [tok.text] for al in a.aliases)}
            if len(people) == 1:
                return people.pop()
        if tok.pos_ not in {"ADJ", "DET", "PROPN", "NOUN", "PART", "PUNCT"} or tok.lower_ in {"a", "an"}:
            break
        i -= 1
    # "the transitional government in Bamako", "government of Mali", "the Government of Pedro
    # Sanchez" (a person's government is their state's)
    j = span.end
    if j + 1 < len(doc) and doc[j].lower_ in {"in", "of"}:
        nxt = doc[j + 1]
        actor = aset.at_token(nxt)
        if actor is None and j + 2 < len(doc) and nxt.text[:1].isupper():
            actor = aset.at_token(doc[j + 2])  # "the authorities in Port Sudan"
        if actor is not None and actor.type in ("state", "person") and actor.country:
            return actor.country
        if nxt.i in metonyms:
            return metonyms[nxt.i]
    party = _party_country(aset, span, subject_only=True)
    if party:
        return party  # a party attacks its own government, whatever "the government" was before
    if earlier and term in earlier:
        return earlier[term]  # "The embassy accused ..." after "Russia's embassy in Bucharest"
    if earlier and _has_junta_word(term) and JUNTA_KEY in earlier:
        return earlier[JUNTA_KEY]  # "the junta" after "the military junta in Niamey"
    party = _party_country(aset, span)
    if party:
        return party
    if governments:
        return governments[-1].country
    # a junta the reference lists know ("the CNSP") named anywhere in the article
    named = sorted({a.country for a in aset.actors.values() if a.type == "government" and a.country
                    and a.kind != "ministry"})
    if len(named) == 1:
        return named[0]
    # "the junta, which has ruled in Mali since ..." : a state later in the same sentence after "in"
    for tok in span.sent:
        if tok.i >= span.end and tok.lower_ == "in" and tok.i + 1 < len(doc):
            actor = aset.at_token(doc[tok.i + 1])
            if actor is not None and actor.type == "state":
                return actor.country
            if tok.i + 1 in metonyms:
                return metonyms[tok.i + 1]
    # nearest state mentioned before, except the subject acting on this government
    # ("Denmark condemned the junta": not Denmark's junta)
    verb = span[-1].head
    while verb.dep_ in {"prep", "pobj", "dobj", "conj", "appos"} and verb.head is not verb:
        if verb.pos_ in {"VERB", "AUX"}:
            break
        verb = verb.head
    acting = {m.actor_id for c in verb.children if c.dep_ in SUBJECT_DEPS
              for m in [aset._by_token.get(t.i) for t in c.subtree] if m is not None}
    prev = [m for m in aset.mentions if m.end_token <= span.start and aset.actors[m.actor_id].type == "state"
            and m.actor_id not in acting]
    # a bare "the government" in a story about a mission is most often the host state's
    # ("UNAMID ... called on the Government" after a list of contributing countries)
    host = aset.host_country()
    if host and host not in acting and any(m.actor_id == host for m in prev):
        return host
    if prev:
        return aset.actors[max(prev, key=lambda m: m.start).actor_id].country
    return ""


def _party_country(aset: ActorSet, span: Span, subject_only: bool = False) -> str:
    """Whose "the government" a party means: its own. Opposition parties and their spokesmen
    attack their own government ("AfD spokesman Lucassen accused the government"), so a bare
    government phrase acted on by a party member, or in an article whose parties all come from
    one country, belongs to that country."""
    if any(span.doc[i].pos_ in ("PROPN", "ADJ") for i in range(max(span.sent.start, span.start - 2), span.start)):
        return ""
    verb = span.root.head
    while verb.dep_ in {"prep", "pobj", "dobj", "conj", "xcomp", "advcl"} and verb.pos_ not in {"VERB", "AUX"}:
        verb = verb.head
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            sub = list(c.subtree)
            for t in sub:
                m = aset._by_token.get(t.i)
                if m is not None and aset.actors[m.actor_id].kind == "political_party":
                    return aset.actors[m.actor_id].country
            if any(t.lower_ in {"opposition", "party"} for t in sub):
                # "Senegal's main opposition party ... accused the government"
                for t in sub:
                    m = aset._by_token.get(t.i)
                    if m is not None and aset.actors[m.actor_id].type == "state":
                        return aset.actors[m.actor_id].country
    if subject_only:
        return ""
    parties = [m for m in aset.mentions if aset.actors[m.actor_id].kind == "political_party"]
    if not parties:
        return ""
    countries = {aset.actors[m.actor_id].country for m in parties}
    return countries.pop() if len(countries) == 1 and len(parties) >= 2 else ""


def _governments(aset: ActorSet, doc: Doc, metonyms: list[tuple[Span, str]]) -> None:
    metonym_at = {span.start: iso for span, iso in metonyms}
    spans = _government_spans(aset, doc)
    # countries whose government the text calls a junta (or similar): those get their own actor
    resolved: list[tuple[Span, str, str]] = []
    governments: list[Actor] = []
    junta_countries: set[str] = set()
    earlier: dict[str, str] = {}
    for span, term in spans:
        country = _government_country(aset, span, governments, metonym_at, earlier, term)
        if not country:
            continue
        earlier[term] = country
        if _has_junta_word(term):
            earlier[JUNTA_KEY] = country
        resolved.append((span, term, country))
        modifiers = doc[max(span.sent.start, span.start - 3):span.start].text  # "the army-backed authorities"
        if _has_junta_word(term) or _has_junta_word(modifiers) or government_of(aset, country) is not None:
            junta_countries.add(country)
            if government_of(aset, country) is None:
                governments.append(aset.add_actor(Actor(id=f"{country.lower()}-government", name="",
                                                        type="government", country=country, source="rule")))
    for span, term, country in resolved:
        # the whole noun phrase, with its country modifier: "Mali's ruling junta"
        start = span.start
        while start > span.sent.start and (doc[start - 1].pos_ in {"ADJ", "DET", "PROPN"}
                                           or doc[start - 1].text in {"'s", "\u2019s"}
                                           or aset.at_token(doc[start - 1]) is not None):
            start -= 1
        phrase = _strip_determiners(doc[start:span.end]) if start < span.end else span
        if term == "embassy":
            _add_embassy(aset, span, phrase, country)
        elif _ministry_kind(term) and country not in junta_countries:
            # where the article has the state's government as an actor ("Sudan's army-led
            # government ... Sudan's foreign ministry"), the ministry's phrase stays that government's
            _add_ministry(aset, span, phrase, term, country, metonym_at)
        if country in junta_countries:
            gov = government_of(aset, country)
            # the country modifier inside the phrase is part of the government mention
            for i in range(phrase.start, phrase.end):
                m = aset._by_token.get(i)
                if m is not None and aset.actors[m.actor_id].type == "state":
                    _unclaim(aset, m)
            aset.add_mention(gov, phrase, "government")
            if not gov.name:
                state = aset.ref.state(country)
                gov.name = _government_name(phrase.text, state.name if state else country)
        else:
            state = _state_actor(aset, country)
            if state is not None and not aset.claimed(phrase.start, phrase.end):
                aset.add_mention(state, phrase, "government")
    for gov in governments:
        if not gov.mentions:
            aset.actors.pop(gov.id, None)


def _add_embassy(aset: ActorSet, span: Span, phrase: Span, country: str) -> None:
    """"The Russian embassy in Sofia", "the Embassy of the United States in Quito", then "the
    embassy": an analyst lists a state's embassy as an actor of its own (type ``other``, the
    sending state's country). Only an embassy whose sender the phrase names (a demonym,
    possessive or "of <state>") or one already met is listed; "the embassy in Bamako" alone
    names the host, not the sender.

    The embassy speaks for its state, so its words stay the state's mention: the row is
    recorded without claiming tokens, and the stance and force steps still read the state
    off "the embassy"."""
    doc = span.doc
    end = span.end
    named = any((a := aset.at_token(t)) is not None and a.country == country for t in phrase)
    m = _state_named_after(aset, doc, end, country, {"of"})
    if m is not None:
        named = True
        end = m.end_token
    aid = f"{country.lower()}-embassy"
    if not named and aid not in aset.actors:
        return
    if end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].text[:1].isupper():
        k = end + 1
        while k < len(doc) and (doc[k].text[:1].isupper() or doc[k].lower_ in {"of", "es"}) \
                and doc[k].pos_ in {"PROPN", "ADP"}:
            k += 1
        if doc[k - 1].pos_ == "PROPN":
            end = k
    embassy = aset.actors.get(aid) or aset.add_actor(Actor(id=aid, name="", type="other", country=country,
                                                           source="rule", kind="embassy"))
    _record_unclaimed(embassy, doc[phrase.start:end], phrase)


def _state_named_after(aset: ActorSet, doc: Doc, end: int, country: str, preps: set[str]) -> Mention | None:
    """The mention of ``country``'s state right after a body's phrase ("the Embassy of the
    United States", "the Ministry of Defence of Mongolia"), through one of ``preps``."""
    if end + 1 >= len(doc) or doc[end].lower_ not in preps:
        return None
    k = end + 1
    if doc[k].lower_ == "the" and k + 1 < len(doc):
        k += 1
    m = aset.mention_at(doc[k])
    if m is not None and aset.actors[m.actor_id].type == "state" and aset.actors[m.actor_id].country == country:
        return m
    return None


def _record_unclaimed(actor: Actor, whole: Span, phrase: Span) -> None:
    """Give a body that speaks for its state (an embassy, a ministry) a mention and its
    multi-word aliases without claiming the tokens, which stay the state's for the stance and
    force steps."""
    full = clean_span_text(whole.text)
    actor.mentions.append(Mention(whole.start_char, whole.end_char, whole.start, whole.end, full, actor.id,
                                  "government"))
    for alias in (full, clean_span_text(phrase.text)):
        if len(alias.split()) > 1 and alias not in actor.aliases:
            actor.aliases.append(alias)
    if not actor.name:
        actor.name = full[0].upper() + full[1:]


#: Words of a government term that tell which ministry it names ("ministry of national defence").
MINISTRY_KINDS = (("defen", "defence"), ("armed forces", "defence"), ("foreign", "foreign"),
                  ("interior", "interior"), ("security", "security"))


def _ministry_kind(term: str) -> str:
    """"defence", "foreign", ... for a government term that names a ministry, else ""."""
    if "ministry" not in term:
        return ""
    return next((kind for word, kind in MINISTRY_KINDS if word in term), "")


def _add_ministry(aset: ActorSet, span: Span, phrase: Span, term: str, country: str,
                  metonyms: dict[int, str]) -> None:
    """"Bahrain's foreign ministry said ...", "the Emirati defence ministry", "the Ministry of
    Defence of Mongolia", then "the ministry": an analyst lists a state's ministry as an actor of
    its own (type ``government``, kind ``ministry``, the state's country). Only a phrase that
    names the ministry's state (a demonym, possessive or "of <state>", not only its capital) is taken:
    "the defence ministry" alone may be any state's.

    Like an embassy, the ministry speaks for its state: the row is recorded without claiming
    tokens, so the stance and force steps still read the state off the phrase."""
    doc = span.doc
    end = span.end
    # the state's name or demonym, not a capital ("Dar es Salaam's defence ministry", "the
    # defence ministry in Berlin" are reported sources an analyst rarely tabulates)
    named = any((a := aset.at_token(t)) is not None and a.country == country and a.type == "state"
                and metonyms.get(t.i) != country for t in phrase)
    m = _state_named_after(aset, doc, end, country, {"of", "in"})
    if m is not None:
        named = True
        if doc[end].lower_ == "of":
            end = m.end_token
    if not named:
        return  # "the defence ministry" alone: whose it is stays the government phrase's guess
    aid = f"{country.lower()}-{_ministry_kind(term)}-ministry"
    ministry = aset.actors.get(aid) or aset.add_actor(Actor(id=aid, name="", type="government", country=country,
                                                            source="rule", kind="ministry"))
    _record_unclaimed(ministry, doc[phrase.start:end], phrase)


SUBNATIONAL_KINDS = {"regional_government", "legislature", "ministry"}


def government_of(aset: ActorSet, iso3: str) -> Actor | None:
    """The article's government actor for a state: a named junta from the reference lists
    ("the CNSP") or one built from government phrases; None when the text has neither."""
    # a regional government (the KRG) is not its state's government: "Iraq's government" is Baghdad's
    found = [a for a in aset.actors.values() if a.type == "government" and a.country == iso3
             and a.kind not in SUBNATIONAL_KINDS]
    if not found:
        return None
    return min(found, key=lambda a: (a.source != "reference", a.id))


def _government_name(text: str, country_name: str) -> str:
    text = clean_span_text(text)
    if country_name.lower() in text.lower() or re.search(r"\b[A-Z][a-z]+(ian|ese|i|ish|ch)\b", text):
        return text[0].upper() + text[1:]
    return f"{country_name}'s {text}"


def _unclaim(aset: ActorSet, m: Mention) -> None:
    aset.mentions.remove(m)
    actor = aset.actors[m.actor_id]
    actor.mentions.remove(m)
    for i in range(m.start_token, m.end_token):
        aset._by_token.pop(i, None)
    if not any(x.text == m.text for x in actor.mentions) and m.text in actor.aliases:
        actor.aliases.remove(m.text)
    if not actor.mentions:
        aset.actors.pop(actor.id, None)


#: Verbs whose "to X" is someone addressed, not a destination ("appealed to Bamako").
ADDRESS_VERBS = {"appeal", "write", "speak", "talk", "say", "complain", "protest", "explain", "signal",
                 "object", "apologise", "apologize", "reply", "respond", "turn"}
#: Adjectives whose "to" names the one a feeling is held towards ("grateful to Ulaanbaatar").
ATTITUDE_ADJECTIVES = {"grateful", "thankful", "indebted", "hostile", "friendly", "loyal", "opposed",
                       "sympathetic", "appreciative", "obliged"}


#: Nouns of meetings and texts a capital names by where they were held or signed ("the Madrid
#: summit", "the Minsk agreements"): there the capital is a place, not the government.
EVENT_NOUNS = {"summit", "summits", "talks", "agreement", "agreements", "accord", "accords", "process",
               "conference", "declaration", "meeting", "meetings", "treaty", "protocol", "format",
               "communique", "communiqué", "commitments", "pledge", "pledges", "negotiations"}


def _names_an_event(span: Span) -> bool:
    """"At the Madrid and Vilnius summits", "the Minsk agreements": a capital that modifies a
    meeting or text (directly or as a conjunct of one that does) names where it happened."""
    tok = span.root
    for _ in range(3):
        if tok.dep_ == "conj" and tok.head is not tok:
            tok = tok.head
            continue
        break
    if tok.dep_ in {"compound", "nmod", "amod"} and tok.head.lower_ in EVENT_NOUNS:
        return True
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.lower_ in EVENT_NOUNS


def _resolve_metonyms(aset: ActorSet, metonyms: list[tuple[Span, str]]) -> None:
    """A capital used as an actor stands for its government when the article has one, else the state.

    Locative uses ("arrived in Bamako") are places, not actors, and are skipped.
    """
    for span, iso3 in metonyms:
        if _names_an_event(span):
            continue
        prev = span.doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ in {"in", "to", "at", "into", "near", "outside", "around", "via"}:
            # "appealed to Bamako", "deeply grateful to Ulaanbaatar"
            addressed = prev.lower_ == "to" and (prev.head.lemma_ in ADDRESS_VERBS
                                                 or prev.head.lower_ in ATTITUDE_ADJECTIVES)
            if not (addressed or prev.head.lemma_ in GENERIC_GOVERNMENT_HEADS or _has_junta_word(prev.head.text)):
                continue
            if aset.claimed(span.start, span.end):
                continue
        gov = government_of(aset, iso3)
        target = gov if gov is not None else _state_actor(aset, iso3)
        if target is not None:
            aset.add_mention(target, span, "metonym")


# -- step 3: missions built on an organisation ------------------------------------------

def _mission_phrases(aset: ActorSet, doc: Doc) -> None:
    """"the United Nations peacekeeping force" -> the known UN mission in a country the article names."""
    for m in sorted(list(aset.mentions), key=lambda m: m.start):
        actor = aset.actors.get(m.actor_id)
        if actor is None or actor.type not in {"international_organization", "state"}:
            continue
        j = m.end_token
        if j < len(doc) and doc[j].text in {"'s", "\u2019s"}:
            j += 1  # "NATO's multinational battlegroup in Romania"
        words = []
        while j < len(doc) and doc[j].lower_ in MISSION_WORDS:
            words.append(doc[j].lower_)
            j += 1
        if j >= len(doc) or doc[j].lemma_.lower() not in {"force", "mission", "operation", "battlegroup"}:
            continue
        if actor.type == "state" and not words:
            continue  # "the Danish force" is the state's contingent, handled as the state
        if actor.type == "state":
            continue
        end = j + 1
        span = doc[m.start_token:end]
        org_id = actor.id
        named_host = None
        if end + 1 < len(doc) and doc[end].lower_ in {"in", "for", "to"}:
            host_actor = aset.at_token(doc[end + 1]) or (aset.at_token(doc[end + 2]) if end + 2 < len(doc) else None)
            if host_actor is not None and host_actor.type == "state":
                named_host = host_actor.id
        _unclaim(aset, m)
        op = _pick_mission(aset, org_id, named_host, create_name=clean_span_text(_strip_determiners(span).text))
        mention = aset.add_mention(op, _with_determiner(span), "name")
        if mention is not None and named_host is not None and doc[end].lower_ == "in":
            # "the battlegroup in Romania" is a name as a whole; the state keeps its own mention
            host_m = aset.mention_at(doc[end + 1]) or aset.mention_at(doc[end + 2])
            if host_m is not None:
                full = clean_span_text(doc[mention.start_token:host_m.end_token].text)
                if full not in op.aliases:
                    op.aliases.append(full)


def _pick_mission(aset: ActorSet, org_id: str, named_host: str | None, create_name: str | None) -> Actor | None:
    """The mission of ``org_id`` the text means: one the article already names, else the known
    mission hosted where the article is set, else (with ``create_name``) a new operation actor."""
    in_article = [a for a in aset.actors.values() if a.type == "military_operation" and a.org == org_id
                  and (named_host is None or named_host in a.host)]
    if in_article:
        return max(in_article, key=lambda a: (len(a.mentions), a.id))
    mentioned_states = {a.id for a in aset.actors.values() if a.type == "state"}
    hosts = {named_host} if named_host else mentioned_states
    candidates = [e for e in aset.ref.entities.values()
                  if e.type == "military_operation" and (e.org == org_id or e.parent == org_id)
                  and e.host and set(e.host) & hosts]
    if candidates:
        # the mission hosted where the text says, else where the article is set; of two, the
        # more specific one (fewer hosts)
        def rank(e: Entity) -> tuple:
            weight = 1 if named_host else _state_weight(aset, e.host)
            return (weight, -len(e.host))

        ranked = sorted(candidates, key=lambda e: (tuple(-x for x in rank(e)), e.id))
        if len(ranked) == 1 or rank(ranked[0]) > rank(ranked[1]):
            return aset.add_actor(_entity_actor(ranked[0]))
    if create_name is None:
        return None
    return aset.add_actor(Actor(id=slugify(create_name), name=create_name, type="military_operation",
                                source="rule", org=org_id))


def _state_weight(aset: ActorSet, hosts: tuple[str, ...]) -> int:
    return sum(len(aset.actors[h].mentions) for h in hosts if h in aset.actors)


def _with_determiner(span: Span) -> Span:
    if span.start > 0 and span.doc[span.start - 1].lower_ == "the":
        return span.doc[span.start - 1:span.end]
    return span


# -- step 4: statistical NER, misspellings, people -----------------------------------------

def _fuzzy_known(aset: ActorSet, text: str) -> Entity | None:
    """A known organisation, operation or group whose name is ``text`` with a small typo."""
    key = norm(text)
    if len(key) < 5:
        return None
    best: tuple[int, str] | None = None
    for alias, eid in aset.ref.alias_index.items():
        ent = aset.ref.entities[eid]
        if ent.type == "state" or alias[:1] != key[:1] or abs(len(alias) - len(key)) > 2:
            continue
        limit = 1 if len(key) < 9 else 2
        d = Levenshtein.distance(key, alias, score_cutoff=limit)
        if d <= limit and (best is None or (d, eid) < best):
            best = (d, eid)
    return aset.ref.entities[best[1]] if best else None


def _org_type(text: str) -> str:
    low = text.lower()
    words = set(re.findall(r"[a-z]+", low))
    if any(w in low for w in GOVERNMENT_ORG_WORDS):
        return "government"
    if words & GROUP_WORDS:
        return "armed_group"
    if any(re.search(rf"\b{re.escape(w)}\b", low) for w in UNIT_WORDS):
        return "military_unit"
    if any(re.search(rf"\b{re.escape(w)}\b", low) for w in OPERATION_WORDS):
        return "military_operation"
    if any(w in low for w in IGO_WORDS):
        return "international_organization"
    return "other"


def _country_inside(aset: ActorSet, span: Span) -> str:
    for tok in span:
        a = aset.at_token(tok)
        if a is not None and a.type == "state":
            return a.country
    return ""


#: A weapon or aircraft model designation inside a name the reference lists do not know:
#: letters, a hyphen and a number ("F-35", "MV-22", "EA-18G", "CC-177"), or a name with a
#: one-letter variant ("Iskander-M"). Known names with such a part ("CTF-151") are looked up first.
MODEL_DESIGNATION = re.compile(r"^(?:[A-Z]{1,4}-\d+[A-Z]{0,2}|[A-Z][a-z]+-[A-Z])$")


def _outlet_key(text: str) -> str:
    return re.sub(r"^the\s+", "", text.lower())


def _news_outlets(aset: ActorSet, doc: Doc) -> set[str]:
    """Names the article gives its own news outlet: the one in brackets in the dateline
    ("PARIS, Feb 6 (AHP) -") and one a source speaks to ("a ministry spokesman told AHP",
    "an official told The Southern Times Review", "telling Gulf Affairs Daily that ..."). The
    reporter's outlet is not an actor of the story, wherever else the article names it."""
    outlets: set[str] = set()
    for ent in doc.ents:
        if ent.label_ not in {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART"}:
            continue
        span = _trim(ent)
        if span is None:
            continue
        text = clean_span_text(span.text)
        if not text or aset.ref.lookup(text) is not None or aset.ref.person(text) is not None:
            continue
        if any(w.lower() in GENERIC_ORG_WORDS | GOVERNMENT_ORG_WORDS | {"house", "chamber", "committee"}
               for w in text.split()):
            continue  # "told the House", "told the committee": a body of the story
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        dateline = (prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")"
                    and span.start - span.sent.start <= 10 and span.end + 1 < len(doc)
                    and doc[span.end + 1].text in DASHES)
        told = span.root.dep_ == "dobj" and span.root.head.lemma_ == "tell" and (
            prev is None or prev.lower_.rstrip(".") not in aset.ref.honorifics)
        if dateline or told:
            outlets.add(_outlet_key(text))
    return outlets


def _ner_mentions(aset: ActorSet, doc: Doc) -> None:
    outlets = _news_outlets(aset, doc)
    for ent in doc.ents:
        if ent.label_ not in {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"}:
            continue
        span = _trim(ent)
        if span is None or aset.claimed(span.start, span.end):
            # partially claimed spans: keep the unclaimed part only when it is a person name
            continue
        text = clean_span_text(span.text)
        if not text or not any(ch.isupper() for ch in text) or text.lower() in MEDIA | PLATFORMS:
            continue
        if _outlet_key(text) in outlets:
            continue  # the article's own news outlet
        if _is_dateline(span, text) or _in_credit_line(span):
            continue
        known = aset.ref.lookup(text)
        if known is None and ent.label_ in {"ORG", "PERSON", "GPE", "PRODUCT", "NORP", "FAC", "EVENT", "WORK_OF_ART"}:
            known = _fuzzy_known(aset, text)
        if known is not None:
            if known.type == "state":
                actor = _state_actor(aset, known.id)
            else:
                actor = aset.add_actor(_entity_actor(known))
            if actor is not None:
                aset.add_mention(actor, span, "name")
            continue
        if any(MODEL_DESIGNATION.match(w) for w in text.split()):
            continue  # "MV-22 Osprey", "EA-18G Growlers", "Iskander-M": a make of aircraft or missile
        if ent.label_ == "PERSON" or (ent.label_ in {"ORG", "GPE", "NORP"} and _introduced_as_person(aset, span)):
            span = _with_last_names(aset, _with_first_names(aset, span))
            _person_mention(aset, span, text)
        elif ent.label_ == "ORG":
            _org_mention(aset, span, text)
        # unknown places (towns, regions) and nationalities are not actors


#: "Gilberto Teodoro Jr.": the generation is not part of the name others use
GENERATION_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")


def _with_first_names(aset: ActorSet, span: Span) -> Span:
    """A PERSON span with the capitalised first names NER left out ("Defense Secretary
    [Gilberto] Teodoro Jr."), but never a title word or honorific."""
    doc = span.doc
    start = span.start
    title_words = aset.ref.title_words | aset.ref.honorifics | {w for v, _ in aset.ref.titles for w in v.split()} \
        | {"chief", "elder", "imam", "bishop", "king", "queen", "prince", "emir", "sultan"}
    while start > span.sent.start and start - span.start > -2:
        prev = doc[start - 1]
        if prev.pos_ != "PROPN" or not prev.text[:1].isupper() or prev.ent_type_ or prev.i in aset._by_token \
                or prev.lower_.rstrip(".") in title_words or prev.lower_ in GENERIC_ORG_WORDS:
            break
        start -= 1
    return doc[start:span.end]


def _with_last_names(aset: ActorSet, span: Span) -> Span:
    """A PERSON span with the end of the name NER cut off: a hyphenated given name glued to it
    ("Song Min[-jae]", "Lee Jae[-myung]"), or one more capitalised name word that ends the name
    and that no reference list knows ("Wilson Mamani [Apaza]", "Sonam Lhamo [Dorji]")."""
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].text == "-" \
            and doc[end].whitespace_ == "" and doc[end + 1].is_alpha and doc[end + 1].is_lower:
        return doc[span.start:end + 2]
    if end < len(doc) and doc[end - 1].whitespace_:
        nxt = doc[end]
        after = doc[end + 1] if end + 1 < len(doc) else None
        title_words = aset.ref.title_words | aset.ref.honorifics
        if nxt.pos_ == "PROPN" and nxt.text.isalpha() and nxt.text[:1].isupper() and not nxt.is_upper \
                and nxt.i not in aset._by_token and nxt.ent_type_ in {"", "PERSON", "GPE", "NORP"} \
                and nxt.lower_ not in title_words and aset.ref.lookup(nxt.text) is None \
                and (after is None or after.is_punct or after.is_lower):
            return doc[span.start:end + 1]
    return span


#: Wire-copy furniture whose names are staff, not actors: "(Reporting by X; Editing by Y)",
#: "Writing by", "Additional reporting by", photo credits.
CREDIT_LINE = re.compile(r"^\W*(?:additional\s+)?(?:reporting|writing|editing|compiled|photo(?:graph)?s?|"
                         r"video|graphic|translated|research)\b[^.]{0,40}\bby\b|^\W*(?:file\s+)?photo\s*:", re.I)


def _in_credit_line(span: Span) -> bool:
    """Whether a span sits in a byline or credit line ("(Reporting by John Irish; Editing by ...)")."""
    text = span.sent.text.strip()
    if CREDIT_LINE.search(text):
        return True
    # the credit may follow the last sentence inside brackets: look back to the opening bracket
    before = span.doc.text[max(span.sent.start_char, span.start_char - 80):span.start_char]
    return bool(re.search(r"\((?:additional\s+)?(?:reporting|writing|editing)[^)]*$", before, re.I))


def _is_dateline(span: Span, text: str) -> bool:
    """"JOHANNESBURG, March 3 (Reuters) -": an all-capitals place name opening a story is not an actor."""
    if any(ch.islower() for ch in text) or len(text) < 4:
        return False
    doc = span.doc
    at_start = span.start == span.sent.start or (span.start > 0 and "\n" in doc[span.start - 1].text)
    nxt = doc[span.end].text if span.end < len(doc) else ""
    if nxt == ",":
        # "JOHANNESBURG, March 3 (Reuters) -" or "GOMA, Congo -", but not "INTERTANKO, the
        # tanker owners' association, welcomed ...": a dateline runs into a date, a place or a dash
        rest = doc[span.end + 1:min(len(doc), span.end + 8)]
        dated = any(t.like_num or t.text in DATELINE_MONTHS or t.text in {"-", "\u2013", "\u2014", "("}
                    for t in rest)
        return at_start and (dated or (len(rest) > 0 and rest[0].pos_ == "PROPN" and rest[0].ent_type_ != ""
                                       and rest[0].text[:1].isupper() and rest[0].lower_ != "the"))
    return (at_start and nxt in {"(", "-", "\u2013", "\u2014", ":", "/"}) or (len(text) > 6 and at_start
                                                                            and not span[-1].dep_.startswith("nsubj"))


DATELINE_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
                   "January", "February", "March", "April", "June", "July", "August", "September",
                   "October", "November", "December"}


def _introduced_as_person(aset: ActorSet, span: Span) -> bool:
    """An NER organisation that is really a person: a known public figure, or a name after an
    office title or honorific ("spokeswoman Yolande Makolo", "Ambassador Sylvain Itté")."""
    text = clean_span_text(span.text)
    if aset.ref.person(text) is not None:
        return True
    words = text.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    if any(w.lower() in GENERIC_ORG_WORDS or w.lower() in IGO_WORDS for w in words):
        return False
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_.rstrip(".") in aset.ref.honorifics:
        return True
    return bool(_title_before(aset, span[0])[0] or _title_after(aset, span[-1])[0])


def _trim(ent: Span) -> Span | None:
    """Drop leading determiners and trailing punctuation/quotes that NER sometimes includes,
    and anything after a comma ("El-Ghassim Wane, Special Representative")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    for i in range(start, end):
        if doc[i].text == "," and i > start:
            end = i
            break
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in {"the", "a", "an"}):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in {"'s", "\u2019s"}
                           or doc[end - 1].lower_ in {"of", "the", "and", "for", "in"}):
        end -= 1  # "Ministry of National Defence of the [Republic of Lithuania]"
    return doc[start:end] if end > start else None


def _article_alias(aset: ActorSet, text: str) -> Actor | None:
    """An actor of this article already known under this name ("The CDD" after "... (CDD)")."""
    key = norm(text)
    for a in aset.actors.values():
        if any(norm(x) == key for x in a.aliases):
            return a
    return None


#: First words of names that are ordinary words on their own ("the Defence Secretary" is not
#: the Australian Defence Force)
SHORT_FORM_NOT = {"defence", "defense", "foreign", "interior", "national", "royal", "armed", "special",
                  "joint", "security", "air", "naval", "army", "navy", "marine", "public", "federal", "state",
                  "united", "african", "european", "international", "ministry", "forces", "force", "new",
                  "south", "north", "east", "west", "central", "democratic", "popular", "islamic", "free"}


def _short_form_of(aset: ActorSet, text: str) -> Actor | None:
    """"EUFOR" after "EUFOR Althea": the first word of an organisation or operation the
    article already named, when exactly one such actor starts with it."""
    if len(text.split()) != 1 or len(text) < 3 or text.lower() in SHORT_FORM_NOT:
        return None
    hits = [a for a in aset.actors.values() if a.type in ORG_TYPES | {"armed_group", "military_unit"}
            and any(len(x.split()) > 1 and x.split()[0] == text for x in [a.name, *a.aliases])]
    return hits[0] if len(hits) == 1 else None


#: Head nouns of organisation names that can open with a state's name ("Kenya Human Rights
#: Commission", "Sudan Liberation Movement"): the name is the organisation, not the state.
ORG_HEADS = {"commission", "court", "party", "movement", "front", "alliance", "council", "centre", "center",
             "institute", "forum", "league", "network", "coalition", "association", "committee",
             "foundation", "society", "observatory", "watch", "forces", "army", "union", "congress"}


def _state_named_orgs(aset: ActorSet, doc: Doc) -> None:
    """"The Kenya Human Rights Commission", "the Sudan Liberation Movement": a state's name
    followed by a capitalised name ending in an organisation word is that organisation (the
    entity ruler has already claimed the state's name, so the statistical NER never sees it)."""
    for m in sorted(list(aset.mentions), key=lambda m: m.start):
        state = aset.actors.get(m.actor_id)
        if state is None or state.type != "state" or m.kind not in ("name", "metonym", "demonym"):
            continue
        end = m.end_token
        best = None
        while end < len(doc) and end - m.end_token < 7 and (doc[end].text[:1].isupper() or (
                doc[end].lower_ in {"of", "for", "and", "on", "'s", "\u2019s"} and end > m.end_token)):
            end += 1
            if doc[end - 1].lower_ in ORG_HEADS:
                best = end
        if best is None:
            continue
        rest = _org_after_state_name(aset, doc[m.start_token:best])
        if rest is None or rest.text.lower() in INSTITUTION_TERMS + LEGISLATURE_TERMS:
            continue  # "German Armed Forces": the state's own service, handled with its reference entry
        full = doc[m.start_token:best]
        name = clean_span_text(full.text)
        _unclaim(aset, m)
        typ = _org_type(name)
        if typ == "international_organization":
            typ = "other"  # a body named after one state is national: a commission, a court, a party
        actor = aset.add_actor(Actor(id=slugify(name), name=name, type="military_unit" if typ == "other" and any(
            w in name.lower() for w in UNIT_WORDS | {"forces", "army"}) else typ, country=state.country, source="rule"))
        aset.add_mention(actor, full, "name")
        if state.mentions:
            aset.actors.setdefault(state.id, state)


def _org_after_state_name(aset: ActorSet, span: Span) -> Span | None:
    """The part of an NER organisation after a leading state name the reference lists claimed
    ("Kenya | Human Rights Commission"), when the rest is free and ends in an organisation word."""
    first = aset.mention_at(span[0])
    if first is None or first.start_token != span.start or first.end_token >= span.end:
        return None
    state = aset.actors.get(first.actor_id)
    if state is None or state.type != "state":
        return None
    rest = span.doc[first.end_token:span.end]
    if len(rest) < 2 or any(aset._by_token.get(t.i) for t in rest) or rest[-1].lower_ not in ORG_HEADS:
        return None
    if not all(t.text[:1].isupper() or t.lower_ in {"of", "for", "and", "on", "the", "'s", "\u2019s"} for t in rest):
        return None
    return rest


def _org_mention(aset: ActorSet, span: Span, text: str) -> None:
    doc = span.doc
    same = _article_alias(aset, text) or _short_form_of(aset, text)
    if same is not None:
        aset.add_mention(same, span, "name")
        return
    # "the European Special Forces "Takuba" group": an unknown name right before a known
    # operation's name is another name for that operation
    j = span.end
    while j < len(doc) and j < span.end + 2 and (doc[j].is_punct or doc[j].is_quote):
        j += 1
    nxt = aset.at_token(doc[j]) if j < len(doc) else None
    if nxt is not None and nxt.type in {"military_operation", "military_unit"}:
        aset.add_mention(nxt, _with_determiner(span), "name")
        return
    if _has_junta_word(text) or text.lower() in aset.ref.government_terms:
        return  # a government phrase whose country could not be told
    if len(text) < 3 or text.isdigit():
        return
    title_words = aset.ref.title_words | aset.ref.honorifics
    if all(w.lower().rstrip(".") in title_words or w.lower() in {"rear", "vice", "deputy", "chief"}
           for w in text.split()):
        return  # "Rear Admiral": a title without a name
    if len(span) == 1 and not text.isupper() and span[0].dep_ in {"compound", "amod"} \
            and span[0].head.pos_ == "NOUN" and span[0].head.is_lower:
        return  # "Leclerc tanks", "Reaper drones": a make or model, not an actor
    if text.lower() in GENERIC_ORG_WORDS:
        nxt_tok = doc[span.end] if span.end < len(doc) else None
        if nxt_tok is not None and nxt_tok.lower_ in aset.ref.title_words | {"secretary", "spokesman",
                                                                            "spokeswoman", "spokesperson"}:
            return  # "the Defence Secretary" is a person, not "the Defence Force"
        earlier = _generic_referent(aset, text.lower(), span[-1], span.start)
        if earlier is not None:
            aset.add_mention(earlier, _with_determiner(span), "name")
        return
    prev_m = aset.mention_at(doc[span.start - 1]) if span.start > 0 else None
    if prev_m is not None and prev_m.end_token == span.start and len(span) > 1 and (
            prev_m.kind == "demonym" or (prev_m.kind in ("name", "metonym") and _org_after_state_name(
                aset, doc[prev_m.start_token:span.end]) is not None)):
        # "Libyan National Army": the demonym is part of the organisation's name
        state = aset.actors[prev_m.actor_id]
        _unclaim(aset, prev_m)
        full = doc[prev_m.start_token:span.end]
        name = clean_span_text(full.text)
        typ = _org_type(name)
        actor = aset.add_actor(Actor(id=slugify(name), name=name, type=typ if typ != "other" else "military_unit"
                                     if any(w in name.lower() for w in UNIT_WORDS) else typ,
                                     country=state.country, source="ner"))
        aset.add_mention(actor, full, "name")
        if state.id not in aset.actors:
            aset.actors[state.id] = state  # keep the state row only if mentioned elsewhere
            if not state.mentions:
                del aset.actors[state.id]
        return
    before = _parenthesised_after(aset, span)
    if before is not None:
        aset.add_mention(before, span, "name")
        return
    mission = _mission_from_name(aset, span, text)
    if mission is not None:
        aset.add_mention(mission, _with_determiner(span), "name")
        return
    contingent = _contingent_country(aset, text)
    if contingent:
        # "INDBATT", "KAZBRIG", "MALBATT 850": a UN contingent named by its state's code
        actor = aset.add_actor(Actor(id=slugify(text), name=text, type="military_unit", country=contingent,
                                     source="ner"))
        aset.add_mention(actor, span, "name")
        return
    typ = _org_type(text)
    country = _country_inside(aset, span) if typ in {"military_unit", "government"} else ""
    if typ == "government" and not country:
        # "the Government of National Unity", "Kurdistan Regional Government": a government
        # always belongs to a state; take the one the passage is about
        country = _salient_country(aset, span[0])
    actor = aset.add_actor(Actor(id=slugify(text), name=text, type=typ, country=country, source="ner"))
    aset.add_mention(actor, span, "name")


#: A UN contingent's code name: its state's code and the unit ("INDBATT", "KAZBRIG", "MALBATT 850").
CONTINGENT_NAME = re.compile(r"^([A-Z]{3,5}?)(?:BATT|BAT|BRIG|COY)(?: \d+)?$")


def _contingent_country(aset: ActorSet, text: str) -> str:
    """The state whose code opens a UN contingent's code name: of the states the article names,
    the one whose ISO code or name starts with it ("IND" India, "KAZ" Kazakhstan, "MAL"
    Malaysia), the most named if several do; "" when none does."""
    m = CONTINGENT_NAME.match(text)
    if m is None:
        return ""
    prefix = m.group(1)
    counts: Counter[str] = Counter()
    for mention in aset.mentions:
        a = aset.actors.get(mention.actor_id)
        if a is not None and a.type == "state" and a.country:
            counts[a.country] += 1
    fits = [c for c in counts if c.startswith(prefix) or any(
        n.upper().replace(" ", "").startswith(prefix) for n in (aset.actors[c].name,) if c in aset.actors)]
    return max(fits, key=lambda c: (counts[c], c)) if fits else ""


def _parenthesised_after(aset: ActorSet, span: Span) -> Actor | None:
    """"Centre for Democracy and Human Rights (CDD)": an acronym in brackets right after a
    named organisation is another name for it."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "(" or span.end >= len(doc) or doc[span.end].text != ")":
        return None
    prev = aset.at_token(doc[span.start - 2])
    if prev is None or prev.type in {"state", "person"}:
        return None
    return prev


def _named_org_ending_with(aset: ActorSet, word: str, before_token: int,
                           types: set[str] | None = None) -> Actor | None:
    """The most recent organisation/operation named before, whose name ends with ``word``
    (of the given actor types only, when given)."""
    best = None
    for m in aset.mentions:
        if m.end_token > before_token:
            continue
        a = aset.actors.get(m.actor_id)
        if a is None or a.type in {"state", "person"} or (types is not None and a.type not in types):
            continue
        if any(word in norm(x).split() for x in [a.name, *a.aliases]) and (best is None or m.start > best[0]):
            best = (m.start, a)
    return best[1] if best else None


def _mission_from_name(aset: ActorSet, span: Span, text: str) -> Actor | None:
    """"EU mission", "UN force": an organisation's mission named by the organisation alone."""
    words = text.split()
    if len(words) < 2 or words[-1].lower() not in {"mission", "force", "operation"}:
        return None
    org = aset.ref.lookup(words[0]) or aset.ref.lookup(" ".join(words[:-1]))
    if org is None or org.type != "international_organization":
        return None
    return _pick_mission(aset, org.id, None, create_name=None)


def _person_mention(aset: ActorSet, span: Span, text: str) -> None:
    doc = span.doc
    # strip honorifics/titles that NER includes ("President Macron", "Mr Heappey")
    start = span.start
    title_words = aset.ref.title_words
    while start < span.end - 1 and (doc[start].lower_.rstrip(".") in aset.ref.honorifics
                                    or doc[start].lower_ in title_words):
        start += 1
    span = doc[start:span.end]
    text = GENERATION_SUFFIX.sub("", clean_span_text(span.text))
    if len(span) == 1 and (span[0].pos_ not in {"PROPN"} or span[0].is_stop
                           or span[0].lower_.rstrip(".") in aset.ref.honorifics or span[0].lower_ in title_words):
        return
    known = aset.ref.person(text)
    if known is not None:
        aset.add_mention(_known_person(aset, known), span, "name")
        return
    if not re.match(r"^(?:(?:al|el|ad|as|ash|at|ben|bin|ibn|van|von|de|da|di|du)[- ])?[A-Z][\w'\u2019.-]*"
                    r"( [A-Za-z][\w'\u2019.-]*)*$", text):
        return  # a name, possibly opening with a lower-case particle ("al-Mismari")
    actor = aset.add_actor(Actor(id=slugify(text), name=text, type="person", source="ner"))
    aset.add_mention(actor, span, "name")


def _named_ships(aset: ActorSet, doc: Doc) -> None:
    """"the Greek frigate Limnos", "destroyer Caio Duilio", "INS Kolkata": named warships are
    military units of the state in front of them (demonym, possessive or hull prefix)."""
    classes, prefixes = aset.ref.ship_classes, aset.ref.ship_prefixes
    lowers = [t.lower_ for t in doc]
    i = 0
    while i < len(doc):
        name_start = None
        country = ""
        if doc[i].text in prefixes and i + 1 < len(doc) and doc[i + 1].text[:1].isupper():
            name_start, country, intro_start = i, prefixes[doc[i].text], i
        else:
            for cls in classes:
                n = len(cls.split())
                if lowers[i:i + n] == cls.split() and i + n < len(doc) and doc[i + n].text[:1].isupper() \
                        and doc[i + n].pos_ == "PROPN" and i + n not in aset._by_token:
                    name_start, intro_start = i + n, i
                    break
        if name_start is None:
            i += 1
            continue
        j = name_start + 1
        while j < len(doc) and j - name_start < 4 and doc[j].text[:1].isupper() and doc[j].pos_ == "PROPN" \
                and j not in aset._by_token:
            j += 1
        if not country:
            # a state named right before the class noun ("the Bangladesh Navy corvette BNS Sangram"),
            # else the hull prefix ("INS Kolkata"; "BNS" is both Belgian and Bangladeshi), else the
            # nearest state before the ship in its sentence, else the state the passage is about
            near = list(reversed(doc[max(doc[intro_start].sent.start, intro_start - 4):intro_start]))
            before = list(reversed(doc[doc[intro_start].sent.start:intro_start]))
            country = (_country_near(aset, near) or prefixes.get(doc[name_start].text, "")
                       or _country_near(aset, before) or _salient_country(aset, doc[intro_start]))
        name_span = doc[name_start:j]
        if aset.claimed(name_span.start, name_span.end) or any(t.is_punct for t in name_span):
            i = j
            continue
        full = doc[intro_start:j].text if intro_start != name_start else name_span.text
        actor = aset.add_actor(Actor(id=slugify("ship " + name_span.text), name=full, type="military_unit",
                                     country=country, source="rule"))
        # the class noun ("frigate") stays free: for forces it is the contribution, owned by
        # the state in front of it ("the Greek frigate")
        aset.add_mention(actor, name_span, "name", text=full)
        i = j
    # later bare mentions of the ship's name ("the Limnos", "Carabiniere")
    ships = {a.name.split()[-1]: a for a in aset.actors.values() if a.id.startswith("ship-")}
    for tok in doc:
        a = ships.get(tok.text)
        if a is not None and tok.i not in aset._by_token and tok.pos_ in {"PROPN", "NOUN"}:
            aset.add_mention(a, doc[tok.i:tok.i + 1], "name")


def _state_institutions(aset: ActorSet, doc: Doc) -> None:
    """"the Nigerien army", "Israel's military", "Somali pirates": a state's armed service or
    a group named by nationality is an actor of its own; the demonym stays with the state."""
    lowers = [t.lower_ for t in doc]
    for m in sorted(list(aset.mentions), key=lambda m: m.start):
        state = aset.actors.get(m.actor_id)
        if state is None or state.type != "state":
            continue
        j = m.end_token
        if j < len(doc) and doc[j].text in {"'s", "\u2019s"}:
            j += 1
        for term in INSTITUTION_TERMS + LEGISLATURE_TERMS + tuple(sorted(GROUP_MEMBER_NOUNS)):
            parts = term.split()
            n = len(parts)
            if lowers[j:j + n] != parts or aset.claimed(j, j + n):
                continue
            if j + n < len(doc) and doc[j + n].pos_ in {"NOUN", "PROPN"} and doc[j + n].lower_ not in {"of"}:
                break  # "army chief", "military spokesman": a person or thing, not the institution
            surface = doc[m.start_token:j + n].text
            is_group = term in GROUP_MEMBER_NOUNS
            legislature = term in LEGISLATURE_TERMS
            name = f"{state.name} {term}" if not is_group else surface
            service = not is_group and not legislature and term not in {
                "navy", "air force", "coast guard", "marines", "national guard", "gendarmerie"}
            existing = next((a for a in aset.actors.values() if a.type == "military_unit" and a.country == state.country
                             and any(w in a.name.lower() for w in ("armed forces", "army", "defence force",
                                                                    "defense force"))), None) if service else None
            national = next((e for e in aset.ref.entities.values() if e.kind == "national_armed_forces"
                             and e.country == state.country), None) if service else None
            if existing is not None:  # "the Lebanese army" after "the Lebanese Armed Forces"
                actor = existing
            elif national is not None:  # "the Congolese army" is the FARDC
                actor = aset.add_actor(_entity_actor(national))
            else:
                actor = aset.add_actor(Actor(id=f"{state.id.lower()}-{slugify(term)}", name=name,
                                             type="armed_group" if is_group else
                                             "government" if legislature else "military_unit",
                                             country=state.country, source="rule"))
            aset.add_mention(actor, doc[j:j + n], "name", text=surface)
            break


#: Bare references to a country's armed service: "the army", "the military".
BARE_ARMY_TERMS = (("armed", "forces"), ("army",), ("military",))


def _host_army(aset: ActorSet, doc: Doc) -> None:
    """"urged both the army and the RSF": with no nationality, "the army" is the armed service
    of the country the article's mission is in (its own actor, as with "the Sudanese army")."""
    host = aset.host_country()
    state = aset.actors.get(host) if host else None
    if state is None or state.type != "state":
        return
    lowers = [t.lower_ for t in doc]
    actor = None
    for i, low in enumerate(lowers):
        if low != "the":
            continue
        for parts in BARE_ARMY_TERMS:
            j = i + 1 + len(parts)
            if tuple(lowers[i + 1:j]) != parts or aset.claimed(i + 1, j):
                continue
            if j < len(doc) and (doc[j].pos_ in {"NOUN", "PROPN"} or doc[j].text in {"'s", "\u2019s"}):
                break  # "the army chief", "the army's spokesman"
            if actor is None:
                actor = next((a for a in aset.actors.values() if a.type == "military_unit" and a.country == host
                              and any(w in a.name.lower() for w in ("armed forces", "army", "defence force",
                                                                     "defense force"))), None)
            if actor is None:
                national = next((e for e in aset.ref.entities.values() if e.kind == "national_armed_forces"
                                 and e.country == host), None)
                actor = aset.add_actor(_entity_actor(national) if national is not None else Actor(
                    id=f"{state.id.lower()}-army", name=f"{state.name} army", type="military_unit",
                    country=host, source="rule"))
            aset.add_mention(actor, doc[i + 1:j], "name")
            break


def _named_operations(aset: ActorSet, doc: Doc) -> None:
    """"Exercise Northern Bastion", "Task Force Sabre", "Operation Irini": a capitalised name
    after an operation word is an operation, known to the reference lists or not."""
    lowers = [t.lower_ for t in doc]
    for i in range(len(doc)):
        for intro in sorted(OPERATION_INTRODUCERS, key=lambda x: -len(x)):
            parts = intro.split()
            n = len(parts)
            if lowers[i:i + n] != parts or not doc[i].text[:1].isupper() and not (
                    i > 0 and doc[i - 1].lower_ in {"the"}):
                continue
            j = i + n
            k = j
            while k < len(doc) and k - j < 3 and doc[k].text[:1].isupper() and doc[k].pos_ == "PROPN" \
                    and k not in aset._by_token:
                k += 1
            if k == j or aset.claimed(i, k):
                continue
            name = doc[j:k].text
            known = aset.ref.lookup(name) or aset.ref.lookup(doc[i:k].text)
            if known is not None and known.type != "military_operation":
                continue
            actor = aset.add_actor(_entity_actor(known) if known is not None else Actor(
                id=slugify(doc[i:k].text), name=doc[i:k].text, type="military_operation", source="rule"))
            aset.add_mention(actor, doc[i:k], "name")
            break


#: Words that say a name is an exercise ("the Union Shield-2026 exercise", "joint drills, Zapad-2025").
EXERCISE_WORDS = {"exercise", "exercises", "drills", "drill", "manoeuvres", "maneuvers", "wargames", "war-games"}

_YEAR_SUFFIX = re.compile(r"^(?P<stem>[A-Z][\w]*)[-‑–](?P<year>(?:19|20)\d\d)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def _year_named_exercises(aset: ActorSet, doc: Doc) -> None:
    """"Union Shield-2026", "Zapad-2025", "Resolute Sentinel 2025": a capitalised name with a year
    after it is one edition of a recurring exercise. A name the reference lists as an operation
    (without its year) is that operation; an unknown one is an exercise of its own when an exercise
    word stands right before or after it."""
    i = 0
    while i < len(doc):
        tok = doc[i]
        m = _YEAR_SUFFIX.match(tok.text)
        if m:
            stem_end, end = i, i + 1  # the last name word is glued to the year
        elif _YEAR.match(tok.text) and i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].pos_ == "PROPN" \
                and doc[i - 1].ent_type_ not in ("DATE",) and doc[i - 1].lower_ not in MONTHS:
            stem_end, end = i - 1, i + 1
        else:
            i += 1
            continue
        start = stem_end
        while start > 0 and stem_end - start < 3 and doc[start - 1].text[:1].isupper() \
                and doc[start - 1].pos_ == "PROPN" and start - 1 not in aset._by_token \
                and not doc[start - 1].is_sent_start:
            start -= 1
        if aset.claimed(start, end):
            i = end
            continue
        words = [t.text for t in doc[start:stem_end]] + [m.group("stem") if m else doc[stem_end].text]
        base = " ".join(words)
        known = aset.ref.lookup(base)
        after = doc[end].lower_ if end < len(doc) else ""
        before = {t.lower_ for t in doc[max(0, start - 3):start]}
        exercise = after in EXERCISE_WORDS or bool(before & EXERCISE_WORDS) or (
            start >= 2 and doc[start - 1].text == "," and doc[start - 2].lower_ in EXERCISE_WORDS)
        if known is not None and known.type == "military_operation":
            actor = aset.add_actor(_entity_actor(known))
        elif known is None and exercise:
            actor = aset.add_actor(Actor(id=slugify(doc[start:end].text), name=doc[start:end].text,
                                         type="military_operation", source="rule"))
        else:
            i = end
            continue
        aset.add_mention(actor, doc[start:end], "name")
        i = end


def _is_exercise(aset: ActorSet, actor: Actor, doc: Doc) -> bool:
    """An operation is an exercise when its name says so ("Exercise Cobra Gold") or an exercise
    word stands next to one of its mentions ("the Union Shield-2026 exercise")."""
    if actor.type != "military_operation":
        return False
    if any(w in EXERCISE_WORDS for a in [actor.name, *actor.aliases] for w in a.lower().split()):
        return True
    for m in actor.mentions:
        near = [t.lower_ for t in doc[max(0, m.start_token - 2):m.start_token]] + \
               [t.lower_ for t in doc[m.end_token:m.end_token + 1]]
        if set(near) & EXERCISE_WORDS:
            return True
    return False


def _exercise_references(aset: ActorSet, doc: Doc) -> None:
    """"the exercise", "the drills": a definite exercise word with no name of its own repeats the
    exercise named last before it; counted towards the main operation, not recorded as a mention."""
    exercises = [a for a in aset.actors.values() if _is_exercise(aset, a, doc)]
    if not exercises:
        return
    for tok in doc:
        if tok.lower_ not in EXERCISE_WORDS or tok.lower_ == "exercises" or tok.i == 0 \
                or doc[tok.i - 1].lower_ != "the":
            continue
        if tok.i + 1 < len(doc) and (doc[tok.i + 1].text[:1].isupper() and doc[tok.i + 1].pos_ == "PROPN"
                                     or doc[tok.i + 1].lower_ in ("of", "with")):
            continue  # "the exercise Cobra Gold", "the drills of the Baltic fleet", "drills with X"
        before = [(m.start_token, a) for a in exercises for m in a.mentions if m.end_token <= tok.i - 1]
        if not before:
            continue
        max(before, key=lambda p: p[0])[1].references.append(tok.i - 1)


def _generic_capitalised_references(aset: ActorSet, doc: Doc) -> None:
    """"asked the Mission to leave", "the Council voted": a capitalised generic word after "the"
    repeats the organisation or mission named before whose name contains it."""
    for tok in doc:
        if tok.i in aset._by_token or tok.i == 0 or doc[tok.i - 1].lower_ != "the":
            continue
        if not tok.text[:1].isupper() or tok.lower_ not in GENERIC_ORG_WORDS or tok.is_sent_start:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue  # "the Council of Europe": a name of its own
        earlier = _generic_referent(aset, tok.lower_, tok, tok.i)
        if earlier is not None:
            aset.add_mention(earlier, doc[tok.i - 1:tok.i + 1], "name")


def _generic_referent(aset: ActorSet, word: str, tok: Token, before_token: int) -> Actor | None:
    """What "the Council", "the Mission" repeats: the organisation named last whose name has the
    word; but "The Council, which took office last April, ...": a body that takes office governs,
    so a governing council named before wins over a later-named UN organ."""
    earlier = _named_org_ending_with(aset, word, before_token)
    if earlier is not None and earlier.type != "government" and _takes_office(tok):
        earlier = _named_org_ending_with(aset, word, before_token, types={"government"}) or earlier
    return earlier


#: Verb phrases that say a body came to govern ("took office", "was sworn in").
OFFICE_TAKING = (("took", "office"), ("take", "office"), ("taken", "office"), ("sworn", "in"),
                 ("took", "power"), ("came", "to", "power"), ("seized", "power"))


def _takes_office(tok: Token) -> bool:
    """Whether a relative clause on ``tok`` says it took office or power ("the Council, which
    took office in April")."""
    for c in tok.children:
        if c.dep_ == "relcl":
            words = [t.lower_ for t in c.subtree]
            for phrase in OFFICE_TAKING:
                n = len(phrase)
                if any(tuple(words[i:i + n]) == phrase for i in range(len(words) - n + 1)):
                    return True
    return False


def _bracketed_acronyms(aset: ActorSet, doc: Doc) -> None:
    """"Centre for Democracy and Human Rights (CDD)", "the East African Community force (EACRF)":
    an all-capitals word in brackets right after a name is that actor's acronym."""
    for m in sorted(list(aset.mentions), key=lambda m: m.start):
        j = m.end_token
        if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")" and j + 1 not in aset._by_token:
            acro = doc[j + 1]
            if acro.text.isupper() and 2 <= len(acro.text) <= 10 and aset.actors[m.actor_id].type != "person":
                aset.add_mention(aset.actors[m.actor_id], doc[j + 1:j + 2], "name")


def _merge_alias_duplicates(aset: ActorSet) -> None:
    """Fold an NER-found actor into another actor that already carries its name as an alias."""
    for actor in sorted(list(aset.actors.values()), key=lambda a: a.id):
        if actor.source != "ner" or actor.id not in aset.actors:
            continue
        key = norm(actor.name)
        for other in aset.actors.values():
            if other is not actor and any(norm(x) == key for x in other.aliases):
                aset.move_mentions(actor.id, other)
                break


def _titled_names(aset: ActorSet, doc: Doc) -> None:
    """Names NER missed right after an office title or honorific ("UNIFIL spokesperson Andrea
    Tenenti", "Commodore Vasileios Gryparis"): two to four capitalised proper nouns."""
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in aset._by_token or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            i += 1
            continue
        j = i
        while j < len(doc) and j - i < 4 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                and j not in aset._by_token and doc[j].ent_type_ in {"", "PERSON", "ORG", "GPE", "NORP"}:
            j += 1
        if j - i >= 2:
            prev = doc[i - 1] if i > 0 else None
            titled = (prev is not None and prev.lower_.rstrip(".") in aset.ref.honorifics) \
                or bool(_title_before(aset, tok)[0])
            words = [t.lower_ for t in doc[i:j]]
            title_words = aset.ref.title_words | aset.ref.honorifics
            if titled and not any(w in GENERIC_ORG_WORDS or w in IGO_WORDS or w.rstrip(".") in title_words
                                  or w in {"federal", "national", "general", "deputy"} for w in words):
                _person_mention(aset, doc[i:j], doc[i:j].text)
            i = j
        else:
            i += 1


def _surname_mentions(aset: ActorSet, doc: Doc) -> None:
    """Bare surnames NER missed ("Heappey added") once the full name is known."""
    surnames: dict[str, Actor] = {}
    for a in aset.actors.values():
        parts = a.name.split()
        if a.type == "person" and len(parts) > 1 and len(parts[-1]) > 2:
            surnames.setdefault(parts[-1], a)
        known = aset.ref.people.get(a.id) if a.type == "person" and a.source == "reference" else None
        for alias in (known.aliases if known else ()):
            if " " not in alias and len(alias) > 2:
                # a one-word form the reference gives ("Abiy" for Abiy Ahmed, whom Ethiopian
                # usage calls by his first name), once the full name is in the article
                surnames.setdefault(alias, a)
    for tok in doc:
        person = surnames.get(tok.text)
        if person is not None and tok.i not in aset._by_token and tok.pos_ in {"PROPN", "NOUN"}:
            aset.add_mention(person, doc[tok.i:tok.i + 1], "name")
    # "EUFOR" after "EUFOR Althea": an acronym that opens a name the article used
    for tok in doc:
        if tok.i in aset._by_token or not tok.text.isupper() or len(tok.text) < 3:
            continue
        short = _short_form_of(aset, tok.text)
        if short is not None:
            aset.add_mention(short, doc[tok.i:tok.i + 1], "name")


def _drop_unsupported_single_names(aset: ActorSet, doc: Doc) -> None:
    """A one-word PERSON from NER ("Sahel", "Takoba") is kept only with support: a title or
    honorific before it, a reporting verb after it, or a full name it abbreviates."""
    people = [a for a in aset.actors.values() if a.type == "person"]
    for person in people:
        if any(len(m.text.split()) > 1 for m in person.mentions):
            continue
        supported = False
        for m in person.mentions:
            prev = doc[m.start_token - 1] if m.start_token > 0 else None
            nxt = doc[m.end_token] if m.end_token < len(doc) else None
            if prev is not None and (prev.lower_.rstrip(".") in aset.ref.honorifics
                                     or _title_before(aset, doc[m.start_token])[0]):
                supported = True
            if nxt is not None and nxt.lemma_ in {"say", "tell", "add", "state", "announce", "insist", "warn"}:
                supported = True
        abbreviates = any(o.type == "person" and o is not person and len(o.name.split()) > 1
                          and norm(o.name).split()[-1] == norm(person.name) for o in people)
        if not supported and not abbreviates:
            for m in list(person.mentions):
                _unclaim(aset, m)


def _after_honorific(aset: ActorSet, person: Actor) -> bool:
    """Whether every mention of a one-word name follows a form of address ("Ms Mao")."""
    doc = aset.doc
    return bool(person.mentions) and all(
        m.start_token > 0 and doc[m.start_token - 1].lower_.rstrip(".") in {"mr", "ms", "mrs", "miss", "madam"}
        for m in person.mentions)


def _national_security_councils(aset: ActorSet, doc: Doc) -> None:
    """"Secretary of the Security Council Armen Grigoryan", "Russia's Security Council": a
    bare "Security Council" that a state owns or that has a secretary is a national body, not
    the UN organ (the UN Security Council has a president, never a secretary). Such mentions
    are dropped from the UN organ, which otherwise appears in stories it is absent from."""
    unsc = aset.actors.get("un-security-council")
    if unsc is None:
        return
    for m in list(unsc.mentions):
        if m.text != "Security Council":
            continue
        i = m.start_token
        before = [t.lower_ for t in doc[max(0, i - 3):i]]
        national = before[-3:] == ["secretary", "of", "the"] or before[-2:] == ["secretary", "of"]
        k = i - 1 if i > 0 and doc[i - 1].lower_ == "the" else i
        if k >= 2 and doc[k - 1].text in {"'s", "\u2019s"}:
            owner = aset.at_token(doc[k - 2])
            national |= owner is not None and owner.type == "state"
        elif k >= 1:
            owner = aset.at_token(doc[k - 1])
            m2 = aset.mention_at(doc[k - 1])
            national |= owner is not None and owner.type == "state" and m2 is not None and m2.kind == "demonym"
        if national:
            _unclaim(aset, m)


def _merge_people(aset: ActorSet) -> None:
    """Fold surname-only and titled mentions into the full name they abbreviate."""
    people = sorted((a for a in aset.actors.values() if a.type == "person"), key=lambda a: -len(a.name))
    # NER sometimes tags a bare surname as an organisation ("Pevkur said")
    stray = [a for a in aset.actors.values() if a.type == "other" and a.source == "ner" and len(a.name.split()) == 1]
    for short in sorted(people + stray, key=lambda a: len(a.name)):
        if short.id not in aset.actors:
            continue
        for full in people:
            if full is short or full.id not in aset.actors or len(full.name) <= len(short.name):
                continue
            if full.name.endswith(" " + short.name) or norm(full.name).endswith(" " + norm(short.name)):
                aset.move_mentions(short.id, full)
                break
            if Levenshtein.distance(norm(full.name).split()[-1], norm(short.name).split()[-1]) <= 1 \
                    and len(short.name.split()) == 1 and len(short.name) >= 5:
                aset.move_mentions(short.id, full)
                break
            last = full.name.split()[-1]
            if len(short.name.split()) == 1 and "-" in last and last.split("-")[0] == short.name:
                # "accused Persad-Bissessar of ...": NER took the first half of a double surname
                aset.move_mentions(short.id, full)
                break
            if len(short.name.split()) == 1 and full.name.split()[0] == short.name \
                    and _after_honorific(aset, short) and not any(
                        o.name.split()[-1] == short.name for o in people if len(o.name.split()) > 1):
                # "Ms Mao" after "Mao Ning": a family name written first (Chinese, Korean,
                # Vietnamese usage), taken up with an honorific
                aset.move_mentions(short.id, full)
                break


def _title_before(aset: ActorSet, first: Token) -> tuple[str, Token | None]:
    """The office title right before a name, and the token where that title phrase starts."""
    doc = first.doc
    sent_start = first.sent.start
    lo = max(sent_start, first.i - 7)
    end = first.i
    if end - 1 >= lo and doc[end - 1].text == ",":
        end -= 1  # "Somalia's national security adviser, Hussein Sheikh-Ali"
    words = [t.lower_ for t in doc[lo:end]]
    joined = " ".join(words)
    if words and words[-1] in {"counterpart", "counterparts", "opposite", "equivalent"}:
        return "counterpart", doc[first.i - 1]
    for variant, role in aset.ref.titles:
        if joined.endswith(variant) and (len(joined) == len(variant) or joined[-len(variant) - 1] == " "):
            n = len(variant.split())
            return role, doc[end - n] if end - n >= lo else None
    return "", None


def _title_after(aset: ActorSet, last: Token) -> tuple[str, Span | None]:
    """An apposition after a name: "Abdoulaye Diop, Mali's foreign minister, said"."""
    doc = last.doc
    j = last.i + 1
    if j >= len(doc) or doc[j].text != ",":
        return "", None
    end = j + 1
    while end < min(len(doc), j + 10) and doc[end].text not in {",", ".", ";", "\n"} and not doc[end].is_quote:
        end += 1
    phrase = doc[j + 1:end]
    text = " " + " ".join(t.lower_ for t in phrase) + " "
    for variant, role in aset.ref.titles:
        if f" {variant} " in text:
            return role, phrase
    return "", None


def _country_near(aset: ActorSet, tokens: list[Token]) -> str:
    for tok in tokens:
        actor = aset.at_token(tok)
        if actor is not None and actor.type in {"state", "government"} and actor.country:
            return actor.country
    return ""


def _body_country(aset: ActorSet, tokens: list[Token]) -> str:
    """The country of the body a title names ("DA defence spokesman", "spokesman for the
    AFC/M23", "Its spokesman" after a party): a party, group, unit or national organisation
    mentioned in the title phrase, or the antecedent of a possessive pronoun in it. A person
    who speaks for a body of known country serves that country."""
    for tok in tokens:
        actor = aset.at_token(tok)
        if actor is not None and actor.type not in {"person", "state"} and actor.country:
            return actor.country
    for tok in tokens:
        if tok.lower_ in {"its", "their"} and tok.dep_ == "poss":
            actor = aset.antecedent(tok)
            if actor is not None and actor.type != "person" and actor.country:
                return actor.country
    return ""


def _possessor_country(aset: ActorSet, first: Token) -> str:
    """"The EFF's Julius Malema", "Lithuania's Robertas Kaunas": the country of the party,
    group or state whose possessive stands right before a name."""
    doc = first.doc
    if first.i < 2 or doc[first.i - 1].text not in {"'s", "\u2019s"}:
        return ""
    actor = aset.at_token(doc[first.i - 2])
    if actor is None or actor.type == "person":
        return ""
    return actor.country


#: Bodies a possessive can name before a person's post ("the party's defence critic", "the
#: group's coordinator"): the body is then the last such actor mentioned before.
BODY_NOUNS = {"party", "group", "movement", "committee", "opposition", "alliance", "coalition",
              "organisation", "organization", "association", "union", "bloc", "network", "front"}


def _body_possessive_owner(aset: ActorSet, poss: Token) -> Actor | None:
    """The body a possessive names: "Its" / "Their" by the subject of the sentence before
    ("DISY backed that approach. Its leader, X"), "DISY's" by its mention, "the party's" by
    the last party (for "group", "movement" ... the last group or party) of the passage.
    Only near antecedents count: a body two paragraphs back is rarely the one meant."""
    doc = poss.doc
    if poss.lower_ in {"its", "their"}:
        prev = [s for s in doc.sents if s.end <= poss.sent.start][-1:]
        for sent in prev:
            for tok in sent:
                if tok.dep_ in SUBJECT_DEPS and tok.head == sent.root:
                    return aset.for_phrase(tok)
        return None
    if poss.text not in {"'s", "\u2019s"} or poss.i == 0:
        return None
    owner_tok = doc[poss.i - 1]
    owner = aset.at_token(owner_tok)
    if owner is not None or owner_tok.lower_ not in BODY_NOUNS:
        return owner
    sents = [s for s in doc.sents if s.end <= owner_tok.sent.start][-2:]
    lo = sents[0].start if sents else owner_tok.sent.start
    for m in sorted((m for m in aset.mentions if lo <= m.start_token and m.end_token <= owner_tok.i),
                    key=lambda m: -m.start):
        a = aset.actors.get(m.actor_id)
        if a is None or not a.country or a.type not in {"armed_group", "other"}:
            continue  # a state, its government, army or operation is no "party" or "group"
        if owner_tok.lower_ == "party" and a.kind != "political_party":
            continue
        return a
    return None


def _affiliation_country(aset: ActorSet, first: Token, last: Token) -> str:
    """"Its leader, Kirsti Bergstø", "DISY's chairwoman X", "X, the party's defence critic,": a
    post that a possessive ties to a party, group or committee gives the person that body's
    country even when the post ("leader", "critic", "coordinator") is no office title. A body
    names its own people without a demonym, so the body is the best evidence of their country."""
    doc = first.doc
    sent = first.sent

    def owner_country(poss: Token | None) -> str:
        if poss is None:
            return ""
        owner = _body_possessive_owner(aset, poss)
        if owner is None or owner.type == "person" or not owner.country:
            return ""
        return owner.country

    # before the name: "[its|X's] <post words>[,] Name"
    k = first.i - 1
    if k >= sent.start and doc[k].text == ",":
        k -= 1
    words = 0
    while k >= sent.start and words < 4 and doc[k].is_alpha and doc[k].is_lower and doc[k].lower_ not in {"its", "their"}:
        k -= 1
        words += 1
    if words and k >= sent.start and (doc[k].lower_ in {"its", "their"} or doc[k].text in {"'s", "\u2019s"}):
        c = owner_country(doc[k])
        if c:
            return c
    if words and k >= sent.start:
        # "MDP chairperson Fayyaz Ismail": a party or group named right before the post
        body = aset.at_token(doc[k])
        if body is not None and body.type in {"other", "armed_group"} and body.country:
            return body.country
    # after the name: "Name, who heads the KRG's department of foreign relations"
    j = last.i + 1
    if j + 3 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "who" \
            and doc[j + 2].lemma_ in {"head", "lead", "chair", "run"}:
        for t in doc[j + 3:min(len(doc), j + 7)]:
            body = aset.at_token(t)
            if body is not None and body.type not in {"person", "state"} and body.country:
                return body.country
            if t.text in {",", ".", ";"}:
                break
    # after the name: "Name, the party's <post words>,"
    if j + 3 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in {"the", "its", "their"}:
        for t in doc[j + 1:min(len(doc), j + 6)]:
            if t.text in {"'s", "\u2019s"} or (t.lower_ in {"its", "their"}):
                return owner_country(t)
            if t.text in {",", ".", ";"}:
                break
    # after the name: "Name of the conservative CDU/CSU bloc", "Name, a La France Insoumise
    # deputy": the party a person belongs to gives its country
    if j + 1 < len(doc) and (doc[j].lower_ == "of" or (doc[j].text == "," and doc[j + 1].lower_ in {"a", "an"})):
        k = j + 1
        while k < min(len(doc), j + 4) and (doc[k].lower_ in {"the", "a", "an"}
                                            or (doc[k].is_lower and doc[k].pos_ == "ADJ")):
            k += 1
        body = aset.at_token(doc[k]) if k < len(doc) else None
        if body is not None and body.kind == "political_party" and body.country:
            return body.country
    return ""


def _described_as_country(aset: ActorSet, last: Token) -> str:
    """"Andrei Serdyukov, the Russian officer who ...", "RNDDH, a Haitian rights group": an
    apposition that opens with an article and a demonym (or "X-based") gives the country."""
    doc = last.doc
    j = last.i + 1
    if j < len(doc) and doc[j].text == ")":
        j += 1  # "the National Network ... (RNDDH), a Haitian rights group"
    if j + 2 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ not in {"the", "a", "an"}:
        return ""
    m = aset.mention_at(doc[j + 2])
    if m is None or m.start_token != j + 2:
        return ""
    actor = aset.actors.get(m.actor_id)
    if actor is None or actor.type not in {"state", "government"}:
        return ""
    nxt = doc[m.end_token] if m.end_token < len(doc) else None
    if m.kind == "demonym" or (nxt is not None and nxt.text == "-" and m.end_token + 1 < len(doc)
                               and doc[m.end_token + 1].lower_ == "based"):
        return actor.country
    return ""


def _post_at_based_body_country(aset: ActorSet, last: Token) -> str:
    """"Sonam Lhamo Dorji, a security analyst at a Thimphu-based research institute": an
    apposition that gives the person's post at a body based in a state's capital or country
    gives that state."""
    doc = last.doc
    j = last.i + 1
    if j + 2 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ not in {"a", "an", "the"}:
        return ""
    k = j + 2
    while k + 2 < len(doc) and k < j + 12 and doc[k].text not in {",", ".", ";", ":"}:
        if doc[k].lower_ in {"at", "with", "of", "for"}:
            for t in doc[k + 1:min(len(doc) - 2, k + 4)]:
                m = aset.mention_at(t)
                if m is not None and m.start_token == t.i and m.end_token + 1 < len(doc) \
                        and doc[m.end_token].text == "-" and doc[m.end_token + 1].lower_ == "based":
                    a = aset.actors.get(m.actor_id)
                    if a is not None and a.type in {"state", "government"} and a.country:
                        return a.country
        k += 1
    return ""


#: Offices held on behalf of an organisation, not a state: such people get no country unless
#: the text gives one ("UN Secretary-General", "the EU's foreign policy chief").
INTERNATIONAL_ROLES = {"secretary-general", "special representative", "high representative", "force commander",
                       "head of mission", "special envoy", "envoy", "commission chairperson",
                       "commission president", "un envoy"}
ORG_TYPES = {"international_organization", "military_operation"}
#: Political offices of a state (roles from ``titles.jsonl``): a reporter leaves the state out
#: of such a title mainly when it is the local one, the dateline's.
POLITICAL_ROLES = {"president", "vice president", "prime minister", "deputy prime minister", "chancellor",
                   "minister", "deputy minister", "state secretary", "foreign minister", "defence minister",
                   "interior minister", "opposition leader", "party leader", "speaker",
                   "member of parliament", "senator", "governor", "mayor"}


def _people_roles(aset: ActorSet, doc: Doc) -> None:
    """Role and country of each person: explicit title evidence first, then the reference
    list of public figures, then (for state offices only) the state the passage is about."""
    for person in [a for a in aset.actors.values() if a.type == "person"]:
        role, country, international = "", "", False
        for m in sorted(person.mentions, key=lambda m: m.start):
            first, last = doc[m.start_token], doc[m.end_token - 1]
            r, title_start = _title_before(aset, first)
            if r:
                lo = max(first.sent.start, (title_start.i if title_start is not None else first.i) - 3)
                window = list(doc[lo:first.i])
                # "... in Latvia, Defence Minister X": the title's country starts after the comma
                cut = max((k for k, t in enumerate(window) if t.text in {",", ";", ":"} and t.i < (
                    title_start.i if title_start is not None else first.i)), default=-1)
                c = _country_near(aset, window[cut + 1:])
                if not c:
                    # "M23 spokesman X", "DA defence spokesman X", "Its spokesman, X": the
                    # country of the body they speak for
                    c = _body_country(aset, window[cut + 1:])
                sent = first.sent
                if not c and len(sent) > 3 and sent[0].lower_ == "in" and sent[2].text == "," \
                        and title_start is not None and title_start.i - sent.start <= 8:
                    # "In Ottawa, Defence Minister X": where an official speaks is their capital
                    c = _country_near(aset, [sent[1]]) or aset.ref.metonyms.get(norm(sent[1].text), "")
                international |= _org_near(aset, window)
                if title_start is not None and any(t.lower_ in {"mission", "un", "peacekeeping"}
                                                   for t in doc[title_start.i:first.i]):
                    international = True  # "the head of the mission, X": a mission's officer
                counterpart = r == "counterpart"
                if counterpart:
                    r = _counterpart_role(aset, m)
                if r and (not role or len(r) > len(role)):
                    role = r
                if c and not country:
                    country = c
                if title_start is not None and not counterpart and not aset.claimed(title_start.i, first.i):
                    # "Minister Kofod": the title is part of this mention's alias
                    alias = doc[title_start.i:m.end_token].text
                    if alias not in person.aliases and len(alias.split()) <= 4:
                        person.aliases.append(alias)
            if m.end_token + 1 < len(doc) and doc[m.end_token].lower_ == "of":
                # "Major General Laszlo Sticz of Hungary"
                after = aset.at_token(doc[m.end_token + 1])
                if after is not None and after.type == "state" and not country:
                    country = after.country
            r2, phrase = _title_after(aset, last)
            if r2:
                role = role or r2
                if phrase is not None:
                    country = country or _country_near(aset, list(phrase)) or _body_country(aset, list(phrase))
                    international |= _org_near(aset, list(phrase))
            if not country:
                # "The EFF's Julius Malema", "Lithuania's Robertas Kaunas": a possessive
                # right before the name; "X, the Russian officer who ...": a described apposition
                country = (_possessor_country(aset, first) or _described_as_country(aset, last)
                           or _affiliation_country(aset, first, last)
                           or _post_at_based_body_country(aset, last))
        if person.source == "reference" and person.country:
            pass  # a known public figure keeps the reference country over any nearby state
        elif country:
            person.country = country
        elif person.source == "reference":
            pass  # a known public figure keeps the country from the reference list
        elif international or role in INTERNATIONAL_ROLES:
            person.country = ""
        elif role:
            # a state office with no country named next to it: the state the passage is about
            first_token = doc[person.mentions[0].start_token]
            # a reporter names a foreign official's state ("Indian External Affairs Ministry
            # spokesperson X") but not a local one ("President X" under a MALÉ dateline), so a
            # bare office title is the dateline state's before it is the passage's busiest state
            # (political offices only: a spokesman or officer under a dateline is as often
            # the foreign force's, and the dateline is just where the reporter sits)
            person.country = (_previous_subject_country(aset, first_token)
                              or (_dateline_country(aset) if role in POLITICAL_ROLES else "")
                              or _salient_country(aset, first_token))
        else:
            person.country = ""  # no office, no evidence: guessing from nearby states misleads
        person.role = role or person.role


DASHES = {"-", "\u2013", "\u2014", "--"}


def _dateline_country(aset: ActorSet) -> str:
    """The state of the article's dateline ("MALÉ —", "Quito / Manta –", "PORT OF SPAIN –"):
    its capital, a metonym or the state's name before the first dash of the text; "" when the
    dateline names none or names places of two states ("JUBA/KAMPALA")."""
    doc = aset.doc
    first = next(iter(doc.sents), None)
    if first is None:
        return ""
    dash = next((t for t in first[:14] if t.text in DASHES and t.i > first.start), None)
    if dash is None:
        return ""
    head = doc[first.start:dash.i].text
    head = re.sub(r"\(.*?\)", " ", head)  # "(Reuters)"
    found: set[str] = set()
    for part in re.split(r"[/,;]", head):
        part = part.strip()
        if not part:
            continue
        iso = aset.ref.metonyms.get(norm(part), "")
        if not iso:
            ent = aset.ref.lookup(part)
            iso = ent.id if ent is not None and ent.type == "state" else ""
        if iso:
            found.add(iso)
    return found.pop() if len(found) == 1 else ""


def _previous_subject_country(aset: ActorSet, token: Token) -> str:
    """"Iran rejected the accusation. Foreign Ministry spokesman X said ...": a state that is
    the subject of the sentence right before an untitled official's first mention."""
    sents = [s for s in token.doc.sents if s.end <= token.sent.start]
    if not sents:
        return ""
    prev = sents[-1]
    for m in aset.mentions_in(prev):
        a = aset.actors.get(m.actor_id)
        head = token.doc[m.end_token - 1]
        if a is not None and a.type in {"state", "government"} and a.country and head.dep_ in SUBJECT_DEPS \
                and head.head == prev.root:
            return a.country
    return ""


def _org_near(aset: ActorSet, tokens: list[Token]) -> bool:
    """Whether a title phrase names an organisation or mission ("UNIFIL spokesperson")."""
    return any((a := aset.at_token(t)) is not None and a.type in ORG_TYPES for t in tokens)


def _counterpart_role(aset: ActorSet, m: Mention) -> str:
    """"his Nigerian counterpart X": X holds the same office as the other person in the sentence."""
    sent = aset.doc[m.start_token].sent
    for other in aset.mentions_in(sent):
        a = aset.actors.get(other.actor_id)
        if a is not None and a.type == "person" and a.id != m.actor_id:
            r, _ = _title_before(aset, aset.doc[other.start_token])
            if r and r != "counterpart":
                return r
    return ""


def _salient_country(aset: ActorSet, token: Token) -> str:
    """The state most talked about in this and the two previous sentences, ties broken by the article."""
    # a state that is the subject of this sentence ("Italy ... summoned the ambassador, and
    # Defence Minister X called ...") is the speaker's country before any counting
    for m in aset.mentions_in(token.sent):
        a = aset.actors.get(m.actor_id)
        head = token.doc[m.end_token - 1]
        if a is not None and a.type in {"state", "government"} and a.country and head.dep_ in SUBJECT_DEPS \
                and m.start_token < token.i:
            return a.country
    sents = list(token.doc.sents)
    idx = next((k for k, s in enumerate(sents) if s.start <= token.i < s.end), 0)
    window = sents[max(0, idx - 2): idx + 1]
    local: Counter[str] = Counter()
    for s in window:
        for m in aset.mentions_in(s):
            a = aset.actors.get(m.actor_id)
            if a is None or a.type not in {"state", "government"} or not a.country:
                continue
            head = token.doc[m.end_token - 1]
            if head.dep_ == "pobj" and head.head.lower_ in {"to", "in", "from", "into", "at"}:
                continue  # "Welcome to Mali", "troops in Mali": a place, not the actor speaking
            local[a.country] += 2 if head.dep_ in SUBJECT_DEPS else 1
    overall: Counter[str] = Counter()
    for m in aset.mentions:
        a = aset.actors.get(m.actor_id)
        if a is not None and a.type in {"state", "government"} and a.country:
            overall[a.country] += 1
    if not local:
        return overall.most_common(1)[0][0] if overall else ""
    return max(local, key=lambda c: (local[c], overall[c], c))


#: Prepositions after which a state is where something happens, not who owns it.
LOCATIVE_PREPS = {"in", "to", "at", "into", "from"}
#: Actor types that can belong to one state without the reference lists saying so: a unit,
#: a national operation ("France's Operation Corymbe") or a national body ("Germany's Luftwaffe").
NATIONAL_TYPES = {"military_unit", "military_operation", "other", "government", "armed_group"}


def _owner_state(aset: ActorSet, m: Mention) -> str:
    """The state a unit or national body belongs to, read off the words around one mention:
    a possessive before it ("Japan's Ground Self-Defense Force", "its 2nd Mechanised Brigade"
    after "Slovakia"), or "of" a state or national force after it ("the 1st Infantry Brigade of
    the Estonian Defence Forces", "the Royal Armed Forces of Morocco")."""
    doc = aset.doc
    i = m.start_token
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    if i >= 2 and doc[i - 1].text in {"'s", "\u2019s"}:
        owner = aset.at_token(doc[i - 2])
        if owner is not None and owner.type != "person" and owner.country:
            return owner.country
    if i >= 1 and doc[i - 1].lower_ in {"its", "their"}:
        owner = aset.antecedent(doc[i - 1])
        if owner is not None and owner.type in {"state", "government"} and owner.country:
            return owner.country
    j = m.end_token
    if j + 1 < len(doc) and doc[j].lower_ == "of":
        k = j + 2 if doc[j + 1].lower_ == "the" and j + 2 < len(doc) else j + 1
        owner = aset.at_token(doc[k])
        if owner is not None and owner.type in {"state", "military_unit", "government"} and owner.country:
            return owner.country
    return ""


def _group_home_countries(aset: ActorSet) -> None:
    """A transnational armed group with no one country (Islamic State, JNIM, ISWAP) takes, of
    the states it fights in (its reference ``host`` list), the one the article names most:
    "the Islamic State group in Iraq and Syria" is Iraq's insurgency for a stance's country.
    An article that names none of them leaves it without one."""
    counts: Counter[str] = Counter()
    for m in aset.mentions:
        a = aset.actors.get(m.actor_id)
        if a is not None and a.type in {"state", "government"} and a.country:
            counts[a.country] += 1
    for actor in aset.actors.values():
        if actor.type != "armed_group" or actor.country or not actor.host:
            continue
        named = [h for h in actor.host if counts[h]]
        if named:
            actor.country = max(named, key=lambda h: (counts[h], -actor.host.index(h)))


def _national_bodies(aset: ActorSet, doc: Doc) -> None:
    """Give a unit, national operation or body the reference lists do not place the country
    the text ties it to (see :func:`_owner_state`). Stance scores map every actor to a country,
    so "Germany's Luftwaffe" left without one drops its stances from the country table."""
    for actor in list(aset.actors.values()):
        if actor.country or actor.type not in NATIONAL_TYPES:
            continue
        if actor.source == "reference":
            continue  # a reference record with no country is multinational on purpose
        for m in sorted(actor.mentions, key=lambda m: m.start):
            c = _owner_state(aset, m) or _described_as_country(aset, doc[m.end_token - 1])
            if c:
                actor.country = c
                break
        if not actor.country and actor.type == "military_unit":
            # "Russia's defence ministry said soldiers from the 98th Guards Airborne Division ...":
            # a numbered unit is the force of the state named before it in its sentence, but not
            # of a place it serves in ("deployed in Mali with the 2nd Battalion")
            m = min(actor.mentions, key=lambda m: m.start)
            sent = doc[m.start_token].sent
            actor.country = _country_near(aset, [t for t in reversed(doc[sent.start:m.start_token])
                                                 if not (t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS)])


# -- step 5: descriptive phrases -----------------------------------------------------------

#: Office nouns that, after "the", refer back to the last person named with that office
#: ("President Umaro Sissoco Embalo ... the president thanked the soldiers").
ROLE_HEADS = {"president", "minister", "premier", "commander", "envoy", "ambassador", "spokesman",
              "spokeswoman", "spokesperson", "chancellor", "secretary-general", "chairperson", "chairman",
              "secretary", "commissioner", "general", "admiral", "governor", "senator", "emir", "king"}


#: Office phrases whose head word is not the office ("the head of state"): the role they mean.
OFFICE_PHRASES = {("head", "of", "state"): "president", ("head", "of", "government"): "prime minister"}


def _sentence_numbers(doc: Doc) -> dict[int, int]:
    """Token index -> sentence number: how far back a role reference may look."""
    return {t.i: n for n, sent in enumerate(doc.sents) for t in sent}


def _office_phrase_references(aset: ActorSet, doc: Doc) -> None:
    """"the head of state accused the cabinet": the last person before it, within five
    sentences, whose role is the office the phrase names (president, prime minister)."""
    for tok in doc:
        words = tuple(t.lower_ for t in doc[tok.i:tok.i + 3])
        role = OFFICE_PHRASES.get(words)
        if role is None or tok.i == 0 or doc[tok.i - 1].lower_ != "the" or aset.claimed(tok.i - 1, tok.i + 3):
            continue
        sent_of = _sentence_numbers(doc)
        people = [m for m in aset.mentions if m.end_token <= tok.i and aset.actors[m.actor_id].type == "person"
                  and sent_of[tok.i] - sent_of[m.start_token] <= 5]
        for m in sorted(people, key=lambda m: -m.start):
            if role in aset.actors[m.actor_id].role.lower():
                aset.add_mention(aset.actors[m.actor_id], doc[tok.i - 1:tok.i + 3], "descriptive")
                break


def _role_references(aset: ActorSet, doc: Doc) -> None:
    """"the president", "the defence minister": the last person before it, within five sentences,
    whose role has every word of the phrase, or further back the only person of the article before
    it with such a role (or the only one titled with the phrase itself) when the phrase names the
    office fully ("the Defence Secretary", not "the president"). Not "the president of X" (a new office holder)."""
    sent_of = _sentence_numbers(doc)
    for tok in doc:
        if tok.lower_ not in ROLE_HEADS or tok.i in aset._by_token or tok.tag_ in {"NNS", "NNPS"}:
            continue
        if tok.i + 1 < len(doc) and (doc[tok.i + 1].lower_ in {"of", "for"} or doc[tok.i + 1].pos_ == "PROPN"):
            continue
        start = tok.i
        while start > tok.sent.start and (doc[start - 1].pos_ in {"ADJ", "NOUN"} or (
                doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper())) \
                and doc[start - 1].i not in aset._by_token:
            start -= 1  # "the Defence Secretary" is capitalised
        if start == 0 or doc[start - 1].lower_ != "the":
            continue
        words = [t.lower_ for t in doc[start:tok.i + 1]]
        canonical = dict(aset.ref.titles).get(" ".join(words), "")  # "defence secretary" -> "defence minister"

        def holds(m: Mention) -> bool:
            role = aset.actors[m.actor_id].role.lower()
            return bool(role) and (all(w in role for w in words) or role == canonical)

        before = [m for m in aset.mentions if m.end_token <= start and aset.actors[m.actor_id].type == "person"]
        near = [m for m in before if sent_of.get(tok.i, 0) - sent_of.get(m.start_token, 0) <= 5 and holds(m)]
        if near:
            target = aset.actors[max(near, key=lambda m: m.start).actor_id]
        else:
            # further back: "The Defence Secretary rejected the claims" long after "Defence Secretary
            # John Healey said": the one person of the article before it who holds that office
            holders = {m.actor_id for m in before if holds(m)}
            titled = {a for a in holders if any(" ".join(words) in x.lower() for x in aset.actors[a].aliases)}
            if len(titled) == 1:
                holders = titled  # "Defence Secretary John Healey", not "Defence Minister Judith Collins"
            if len(holders) != 1 or len(words) < 2:
                continue
            target = aset.actors[holders.pop()]
        aset.add_mention(target, doc[start - 1:tok.i + 1], "descriptive")


def _descriptive_phrases(aset: ActorSet, doc: Doc) -> None:
    for tok in doc:
        head = tok.lower_
        if tok.i in aset._by_token or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        if head in STATE_NOUNS:
            kind = "state"
        elif head in {"force", "mission", "operation"}:
            kind = "operation"
        elif head in ORG_NOUNS:
            kind = "org"
        else:
            continue
        if tok.tag_ in {"NNS", "NNPS"}:
            continue
        # "the <modifiers> <noun>" with nothing claimed in between
        start = tok.i
        while start > tok.sent.start and doc[start - 1].pos_ in {"ADJ", "PROPN", "NOUN"} \
                and doc[start - 1].i not in aset._by_token and doc[start - 1].lower_ not in {"other"}:
            start -= 1
        demonym_mod = None
        if start > tok.sent.start and doc[start - 1].i in aset._by_token:
            # "the European force", "the UN mission": a modifier claimed as a demonym/org
            m = aset._by_token[doc[start - 1].i]
            if m.end_token == start and m.kind in {"demonym", "name"} and \
                    m.start_token > tok.sent.start and doc[m.start_token - 1].lower_ == "the":
                demonym_mod = m
        det_i = (demonym_mod.start_token if demonym_mod else start) - 1
        if det_i < 0 or doc[det_i].lower_ != "the":
            continue
        modifiers = " ".join(t.lower_ for t in doc[start:tok.i])
        if demonym_mod is not None:
            modifiers = (demonym_mod.text.lower() + " " + modifiers).strip()
        if not modifiers and kind == "operation" and head == "mission" and tok.dep_ in SUBJECT_DEPS:
            # "The mission said it had lodged a protest": a bare "the mission" speaking is the
            # operation named last within the three sentences before it, when that is the
            # operation the article is about
            target = _recent_operation(aset, tok, 3)
            if target is not None and target is aset.main_operation():
                aset.add_mention(target, doc[det_i:tok.i + 1], "descriptive")
            continue
        if not modifiers and kind != "org":
            continue  # "the country", "the force": too vague to name an actor ("the bloc" is not)
        target = None
        if kind == "state":
            target = _resolve_state_description(aset, modifiers, tok)
        elif kind == "operation":
            target = _resolve_operation_description(aset, modifiers, demonym_mod)
        elif kind == "org":
            target = _resolve_org_description(aset, modifiers, tok)
        if target is None:
            continue
        if demonym_mod is not None:
            _unclaim(aset, demonym_mod)
        span = doc[det_i:tok.i + 1]
        aset.add_mention(target, span, "descriptive")


#: Nouns a non-governmental body or armed group is referred back to by ("the New York-based
#: group", "the association"), and which kinds of actor each can name.
BODY_REFERENCE_NOUNS = {"group": ("armed", "ngo"), "organisation": ("ngo",), "organization": ("ngo",),
                        "association": ("ngo",), "watchdog": ("ngo",), "charity": ("ngo",),
                        "movement": ("armed",), "militants": ("armed",), "rebels": ("armed",),
                        "insurgents": ("armed",), "jihadists": ("armed",), "fighters": ("armed",)}
#: The plural nouns above: fighters a group is referred back to by ("The militants attacked ...").
PLURAL_BODY_NOUNS = {"militants", "rebels", "insurgents", "jihadists", "fighters"}
NGO_KINDS = {"ngo", "humanitarian", "research", "think_tank"}


def _fits_body_noun(actor: Actor, noun: str) -> bool:
    kinds = BODY_REFERENCE_NOUNS[noun]
    if any(noun in norm(x).split() for x in [actor.name, *actor.aliases]):
        return actor.type not in {"state", "person"}
    if "armed" in kinds and actor.type == "armed_group":
        return True
    return "ngo" in kinds and actor.type == "other" and actor.kind in NGO_KINDS


def _body_descriptions(aset: ActorSet, doc: Doc) -> None:
    """"The New York-based group accused ...", "the association has long called on ...", "The
    militants attacked ...": the
    body last named within three sentences before it whose kind the noun fits (a non-governmental
    organisation, an armed group, or any body whose own name carries the noun)."""
    sents = list(doc.sents)
    for tok in doc:
        noun = tok.lower_
        if noun not in BODY_REFERENCE_NOUNS or tok.i in aset._by_token \
                or tok.tag_ != ("NNS" if noun in PLURAL_BODY_NOUNS else "NN"):
            continue
        if tok.i + 1 < len(doc) and (doc[tok.i + 1].lower_ == "of" or doc[tok.i + 1].pos_ == "PROPN"):
            continue  # "the group of experts", "the group Wagner"
        start = tok.i
        free = tok.i  # the first token of the phrase no other mention holds
        while start > tok.sent.start:
            prev = doc[start - 1]
            if prev.i in aset._by_token:
                # "the London-based group": a place claimed inside an "X-based" modifier
                m = aset._by_token[prev.i]
                if doc[start].text == "-" and start + 1 < tok.i and doc[start + 1].lower_ == "based":
                    start = m.start_token
                    continue
                break
            if prev.pos_ not in {"ADJ", "NOUN", "PROPN", "VERB"} and prev.text != "-":
                break
            start -= 1
            if free == start + 1 and all(i not in aset._by_token for i in range(start, tok.i)):
                free = start
        if start == 0 or doc[start - 1].lower_ != "the":
            continue
        k = next(n for n, s in enumerate(sents) if s.start <= tok.i < s.end)
        first = sents[max(0, k - 3)].start
        best = None
        for m in aset.mentions:
            if first <= m.start_token and m.end_token <= start - 1:
                if m.end_token + 1 < len(doc) and doc[m.end_token].text == "-" \
                        and doc[m.end_token + 1].text[:1].islower():
                    continue  # "the al-Qaeda-linked group": a name inside a modifier is not the group
                a = aset.actors.get(m.actor_id)
                if a is not None and _fits_body_noun(a, noun) and (best is None or m.start > best[0]):
                    best = (m.start, a)
        if best is not None:
            span = doc[start - 1:tok.i + 1]
            inner = doc[free:tok.i + 1] if aset.claimed(span.start, span.end) else span
            aset.add_mention(best[1], inner, "descriptive", text=span.text)


def _recent_operation(aset: ActorSet, tok: Token, n_sents: int) -> Actor | None:
    """The military operation named last before ``tok``, within ``n_sents`` sentences."""
    sents = [s for s in aset.doc.sents if s.end <= tok.sent.start][-n_sents:]
    first = sents[0].start if sents else tok.sent.start
    best = None
    for m in aset.mentions:
        if first <= m.start_token and m.end_token <= tok.i:
            a = aset.actors.get(m.actor_id)
            if a is not None and a.type == "military_operation" and (best is None or m.start > best[0]):
                best = (m.start, a)
    return best[1] if best else None


def _resolve_state_description(aset: ActorSet, modifiers: str, tok: Token) -> Actor | None:
    constraint = None
    for adj in sorted(REGION_ADJECTIVES, key=len, reverse=True):
        if adj in modifiers:
            constraint = REGION_ADJECTIVES[adj]
            break
    if constraint is None:
        return None
    before = sorted((m for m in aset.mentions if m.end_token <= tok.i), key=lambda m: -m.start)
    for m in before:
        a = aset.actors.get(m.actor_id)
        if a is None or a.type != "state":
            continue
        ent = aset.ref.state(a.id)
        kind, value = constraint
        if kind == "any" or (kind == "region" and ent is not None and ent.region == value) \
                or (kind == "iso" and a.id in value):
            return a
    return None


def _resolve_org_description(aset: ActorSet, modifiers: str, tok: Token) -> Actor | None:
    """"the bloc", "the regional bloc", "the alliance": of the organisations named before (organs
    such as a council excluded), the one the article talks about most, the latest on a tie."""
    seen: dict[str, tuple[int, int]] = {}
    for m in aset.mentions:
        if m.end_token > tok.i:
            continue
        a = aset.actors.get(m.actor_id)
        if a is None or a.type != "international_organization":
            continue
        known = aset.ref.entities.get(a.id)
        if known is not None and known.parent:
            continue  # an organ ("the AU Peace and Security Council") is not "the bloc"
        if "regional" in modifiers and a.id in {"un", "nato", "eu"}:
            continue
        count, last = seen.get(a.id, (0, -1))
        seen[a.id] = (count + 1, max(last, m.start))
    if not seen:
        return None
    # "The European Union's foreign policy chief said the bloc ...": an organisation named
    # earlier in the same sentence is the one meant, whatever the article talks about most
    here = [k for k in seen if seen[k][1] >= tok.sent.start_char and _fits_org_noun(aset.actors[k], tok.lower_)]
    if here:
        return aset.actors[max(here, key=lambda k: seen[k][1])]
    best = max(seen, key=lambda k: (len(aset.actors[k].mentions), seen[k][1]))
    return aset.actors[best]


def _fits_org_noun(actor: Actor, noun: str) -> bool:
    """Whether "the alliance" / "the bloc" can name this organisation: an alliance is a treaty
    or alliance (NATO, the CSTO, the AES), a bloc is not a military treaty."""
    names = " ".join([actor.name, *actor.aliases]).lower()
    military = "treaty" in names or "alliance" in names
    if noun == "alliance":
        return military
    if noun == "bloc":
        return "treaty" not in names
    return False


def _resolve_operation_description(aset: ActorSet, modifiers: str, modifier_mention: Mention | None) -> Actor | None:
    ops = [a for a in aset.actors.values() if a.type == "military_operation"]
    if modifier_mention is not None:
        mod_actor = aset.actors.get(modifier_mention.actor_id)
        if mod_actor is not None and mod_actor.type == "international_organization":
            ops = [a for a in ops if a.org == mod_actor.id]
        elif mod_actor is not None and mod_actor.type == "state":
            return None  # "the Danish force" is Denmark's contingent, not an operation
    if "european" in modifiers:
        ops = [a for a in ops if a.org != "un"]
    if not ops:
        return None
    return max(ops, key=lambda a: (len(a.mentions), a.id))


# -- main ----------------------------------------------------------------------------------

def extract_actors(doc: Doc, article_id: str, reference: Reference | None = None) -> ActorSet:
    """Find, type and canonicalise every actor in a parsed article."""
    aset = ActorSet(doc, article_id, reference)
    metonyms = _reference_mentions(aset, doc)
    _governments(aset, doc, metonyms)
    _resolve_metonyms(aset, metonyms)
    _mission_phrases(aset, doc)
    _named_ships(aset, doc)
    _state_institutions(aset, doc)
    _state_named_orgs(aset, doc)
    _named_operations(aset, doc)
    _year_named_exercises(aset, doc)
    _ner_mentions(aset, doc)
    _bracketed_acronyms(aset, doc)
    _generic_capitalised_references(aset, doc)
    _exercise_references(aset, doc)
    _merge_alias_duplicates(aset)
    _national_security_councils(aset, doc)
    _titled_names(aset, doc)
    _drop_unsupported_single_names(aset, doc)
    _merge_people(aset)
    _surname_mentions(aset, doc)
    _people_roles(aset, doc)
    _national_bodies(aset, doc)
    _group_home_countries(aset)
    _descriptive_phrases(aset, doc)
    _body_descriptions(aset, doc)
    _role_references(aset, doc)
    _office_phrase_references(aset, doc)
    _host_army(aset, doc)
    _states_inside_force_names(aset, doc)
    for actor in aset.actors.values():
        if not actor.name:
            actor.name = actor.aliases[0] if actor.aliases else actor.id
    aset.mentions.sort(key=lambda m: m.start)
    # actors left without mentions (folded away) are dropped
    for aid in [a.id for a in aset.actors.values() if not a.mentions]:
        del aset.actors[aid]
    return aset
