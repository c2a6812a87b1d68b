"""Stances: who backs, condemns or makes demands of whom, with the words that say so.

The extractor is a chain of small steps over one parsed article:

1. :func:`find_cues` matches the cue lexicon (``data/lexicons/stance_cues.json``) on
   lemmas: verbs ("condemn", "call on"), nouns ("support for"), evaluative words and
   phrases ("illegitimate", "murderous thugs") and actions framed as positions
   ("expel the ambassador", "end the defence pact").
2. :func:`find_quotes` finds direct quotations and their attributed speakers
   (``"...," Minister Kofod said``, ``He added: "..."``, ``according to ...``, and a
   quote that continues in the next sentence of the same paragraph).
3. :func:`resolve_sources` finds who holds the position: the grammatical subject of a
   cue verb (with its conjuncts: "France and Germany condemned ..."), the possessor or
   light-verb subject of a cue noun ("his support"), or, for evaluative words, whoever
   says or characterises ("X said ...", "what it called ...", the quote's speaker).
   First-person "we/our" inside a quote is the speaker's country or organisation.
4. :func:`resolve_targets` finds towards whom: the object or oblique of the cue ("called
   on Mali", "support for Denmark", "blamed Mali's government"), the owner of the object
   of an action ("expelled the French ambassador"), or what an evaluative word describes
   ("The military council is illegitimate").
5. :func:`modality` handles negation ("did not condemn"), negative governors ("refused
   to back", "stopped short of criticising"), hedges and intensifiers, and
   :func:`polarity_for` turns the cue's base polarity into the row's polarity.

Every link from text to an actor goes through the :class:`~analysis.actors.ActorSet`
(``for_phrase``, ``antecedent``, ``at_token``, ``mentions_in``, ``actor``). A row is only
emitted when both a source and a target actor are found and they differ.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import pandas as pd
from spacy.tokens import Doc, Span, Token

from .config import LEXICON_DIR

CUES_PATH = LEXICON_DIR / "stance_cues.json"

QUOTE_MARKS = {'"', "\u201c", "\u201d", "''", "``", "\u00ab", "\u00bb"}
OPENING_MARKS = {"\u201c", "``", "\u00ab"}
CLOSING_MARKS = {"\u201d", "''", "\u00bb"}

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
NP_INNER_DEPS = {"prep", "pobj", "poss", "compound", "amod", "nmod", "appos", "conj", "npadvmod"}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
#: Verbs whose object is controlled by the object, not the subject ("asked Denmark to withdraw").
OBJECT_CONTROL = {"ask", "tell", "urge", "order", "persuade", "encourage", "invite", "allow", "force",
                  "press", "call", "push", "require", "permit", "enable"}
#: Verbs whose subject receives rather than gives what the cue noun names ("received support").
#: Verbs whose subject answers the position the cue noun names, not holds it ("rejected the criticism").
REBUTTING_VERBS = {"reject", "dismiss", "deny", "rebuff", "deflect", "counter", "answer", "refute", "brush"}
RECEIVING_VERBS = {"receive", "get", "seek", "win", "lose", "need", "request", "enjoy", "lack", "want",
                   "gain", "obtain"}


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class CueEntry:
    """One cue of the lexicon."""

    cue: str
    words: tuple[str, ...]
    pos: tuple[str, ...]
    stance: str
    polarity: float
    event_category: str
    role: str  # agent | nominal | evaluative | action
    target_preps: tuple[str, ...] = ()
    object_lemmas: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    needs_target_actor: bool = False
    object_types: tuple[str, ...] = ()
    on_negation: str = ""  # stance when plainly negated, overriding the lexicon default
    only_negated: bool = False  # a position only when negated: "declined to join Atalanta"
    default_target: str = ""  # "operation": with no target named, the article's operation ("Russia abstained")


@dataclass(frozen=True)
class Lexicon:
    """The cue lexicon and the word lists that steer source, target and modality."""

    cues: tuple[CueEntry, ...]
    speech_verbs: frozenset[str]
    characterising_verbs: frozenset[str]
    attribution_preps: tuple[tuple[str, ...], ...]
    first_person_plural: frozenset[str]
    first_person_singular: frozenset[str]
    negators: frozenset[str]
    negation_governors: dict[str, dict]
    plain_negation: dict
    hedges: dict[str, float]
    intensifiers: dict[str, float]
    event_nouns: frozenset[str]
    hostile_event_nouns: frozenset[str] = frozenset()
    hostile_verbs: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    self_reference_nouns: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    relational_nouns: frozenset[str] = frozenset()
    irrealis_marks: frozenset[str] = frozenset()
    beneficiary_nouns: frozenset[str] = frozenset()
    locative_preps: frozenset[str] = frozenset()
    act_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    collective_referents: dict[str, str] = field(default_factory=dict)
    side_nouns: frozenset[str] = frozenset()
    asset_nouns: frozenset[str] = frozenset()
    lede_act_nouns: frozenset[str] = frozenset()
    body_act_nouns: frozenset[str] = frozenset()
    contributor_nouns: frozenset[str] = frozenset()
    group_reference_nouns: frozenset[str] = frozenset()
    state_group_nouns: frozenset[str] = frozenset()
    side_modifiers: frozenset[str] = frozenset()
    characterisation_negative: frozenset[str] = frozenset()
    characterisation_positive: frozenset[str] = frozenset()
    plain_characterising_verbs: frozenset[str] = frozenset()

    def by_first_word(self) -> dict[str, list[CueEntry]]:
        out: dict[str, list[CueEntry]] = {}
        for c in self.cues:
            out.setdefault(c.words[0], []).append(c)
        return out


def _tuple(v) -> tuple[str, ...]:
    if not v:
        return ()
    if isinstance(v, str):
        return (v,)
    return tuple(str(x) for x in v)


@lru_cache(maxsize=4)
def load_lexicon(path: str | Path = CUES_PATH) -> Lexicon:
    """Read the stance cue lexicon (JSON) into a :class:`Lexicon`."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    cues = []
    for n, row in enumerate(data.get("cues", [])):
        try:
            stance = row["stance"]
            if stance not in ("support", "oppose", "demand", "neutral"):
                raise ValueError(f"unknown stance {stance!r}")
            pol = float(row["polarity"])
            if not -1.0 <= pol <= 1.0:
                raise ValueError(f"polarity {pol} outside [-1, 1]")
            cues.append(CueEntry(
                cue=row["cue"], words=tuple(row["cue"].lower().split()), pos=_tuple(row.get("pos")),
                stance=stance, polarity=pol, event_category=row.get("event_category", ""),
                role=row.get("role", "agent"), target_preps=_tuple(row.get("target_preps")),
                object_lemmas=_tuple(row.get("object_lemmas")), requires=_tuple(row.get("requires")),
                needs_target_actor=bool(row.get("needs_target_actor", False)),
                object_types=_tuple(row.get("object_types")),
                on_negation=row.get("on_negation", ""),
                only_negated=bool(row.get("only_negated", False)),
                default_target=row.get("default_target", ""),
            ))
        except (KeyError, ValueError) as err:
            raise ValueError(f"{path}: cue #{n} ({row.get('cue')!r}): {err}") from None
    neg = data.get("negation", {})
    # every plain word list of the lexicon file is a frozenset field of the same name
    word_lists = {f.name: frozenset(data.get(f.name, [])) for f in fields(Lexicon)
                  if f.type in ("frozenset[str]", frozenset) and f.name != "negators"}
    return Lexicon(
        cues=tuple(cues),
        attribution_preps=tuple(tuple(p.split()) for p in data.get("attribution_preps", [])),
        negators=frozenset(neg.get("negators", [])),
        negation_governors=dict(neg.get("governors", {})),
        plain_negation=dict(neg.get("plain", {})),
        hedges={k: float(v) for k, v in data.get("hedges", {}).items()},
        intensifiers={k: float(v) for k, v in data.get("intensifiers", {}).items()},
        act_nouns={k: _tuple(v) for k, v in (data.get("act_nouns") or {}).items()},
        collective_referents=dict(data.get("collective_referents") or {}),
        **word_lists,
    )


# --------------------------------------------------------------------------- cues


@dataclass
class CueMatch:
    """A cue found in the text: its lexicon entry and the tokens that carry it."""

    entry: CueEntry
    tokens: list[Token]

    @property
    def root(self) -> Token:
        """The syntactic head of the cue: the matched token whose head lies outside the match."""
        ids = {t.i for t in self.tokens}
        if self.entry.role in ("agent", "action") or self.tokens[0].pos_ == "VERB":
            return self.tokens[0]
        for t in self.tokens:
            if t.head.i not in ids or t.head.i == t.i:
                return t
        return self.tokens[-1]

    @property
    def text(self) -> str:
        doc = self.tokens[0].doc
        return doc[self.tokens[0].i:self.tokens[-1].i + 1].text

    @property
    def sent(self) -> Span:
        return self.tokens[0].sent


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.lower_


def _word_matches(tok: Token, word: str) -> bool:
    return _lemma(tok) == word or tok.lower_ == word


_GAP_POS = {"DET", "PRON", "ADJ", "ADV", "NUM", "PART", "NOUN", "PROPN"}
PARTICLES = {"on", "upon", "at", "for", "to", "with", "against", "from", "out", "up", "by", "in", "behind"}


def _match_phrase(doc: Doc, start: Token, words: tuple[str, ...], max_gap: int = 3) -> list[Token] | None:
    """Match the remaining words of a multi-word cue after ``start`` with short gaps."""
    matched = [start]
    i = start.i
    for w in words[1:]:
        found = None
        # a verb and its particle ("call on", "lash out at") take only adverbs between them:
        # "called Western pressure on ..." is no "call on"
        gap_pos = {"ADV"} if w in PARTICLES else _GAP_POS
        for j in range(i + 1, min(len(doc), i + 2 + max_gap)):
            t = doc[j]
            if _word_matches(t, w):
                found = t
                break
            reflexive = t.pos_ == "PRON" and t.lower_.endswith(("self", "selves"))  # "distanced itself from"
            if t.is_punct or (t.pos_ not in gap_pos and not reflexive) or "\n" in t.text:
                break
        if found is None:
            return None
        matched.append(found)
        i = found.i
    return matched


def _requirements_met(entry: CueEntry, tokens: list[Token]) -> bool:
    root = tokens[0]
    for req in entry.requires:
        if req == "xcomp":
            # "pressed the two sides in a joint statement to return to talks": the parser often
            # hangs a far infinitive on the verb as an adverbial clause
            if not any(c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(a.lower_ == "to" and a.dep_ == "aux"
                                                                         for a in c.children))
                       for c in root.children):
                return False
        elif not any(c.dep_ == req for c in root.children):
            return False
    if entry.object_lemmas:
        objs = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
        objs += [cc for o in objs for cc in o.conjuncts]
        if not any(_lemma(o) in entry.object_lemmas or o.lower_ in entry.object_lemmas for o in objs):
            return False
    return True


def find_cues(doc: Doc, lex: Lexicon | None = None) -> list[CueMatch]:
    """Every cue of the lexicon in the document; a longer match wins over a shorter one inside it."""
    lex = lex or load_lexicon()
    index = lex.by_first_word()
    found: list[CueMatch] = []
    for tok in doc:
        for key in {_lemma(tok), tok.lower_}:
            for entry in index.get(key, []):
                if len(entry.words) == 1:
                    if entry.pos and tok.pos_ not in entry.pos:
                        continue
                    toks = [tok]
                else:
                    if entry.pos and entry.pos[0] == "VERB" and tok.pos_ not in ("VERB", "AUX"):
                        continue
                    toks = _match_phrase(doc, tok, entry.words)
                    if toks is None:
                        continue
                if not _requirements_met(entry, toks):
                    continue
                found.append(CueMatch(entry, toks))
    # keep the longest match per token; drop duplicates
    found.sort(key=lambda m: (-len(m.entry.words), m.tokens[0].i))
    taken: set[int] = set()
    kept: list[CueMatch] = []
    for m in found:
        ids = {t.i for t in m.tokens}
        if ids & taken:
            continue
        taken |= ids
        kept.append(m)
    kept += _characterisations(doc, lex, taken)
    kept.sort(key=lambda m: m.tokens[0].i)
    return kept


def _complement(verb: Token) -> list[Token]:
    """What a characterising verb says its object is: 'called the move [a dangerous step]',
    'described the UAE as [a trusted brother nation]'. Empty without an object, so "called on"
    or "described how ..." never count."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs:
        return []
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > objs[0].i \
                and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            # ("called all parties to reject ...": an infinitive asks, it does not characterise)
            out += list(c.subtree)
        elif c.dep_ == "prep" and c.lower_ == "as":
            out += [t for t in c.subtree if t.i != c.i]
    for o in objs:
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                out += [t for t in c.subtree if t.i != c.i]
            elif c.dep_ == "appos" and c.i > o.i and any(
                    t.text in QUOTE_MARKS for t in verb.doc[o.i + 1:c.left_edge.i + 1]):
                # 'called the airmen "honorary citizens"': the quoted complement is parsed as
                # an apposition of the object
                out += list(c.subtree)
    return out


def _characterisations(doc: Doc, lex: Lexicon, taken: set[int]) -> list[CueMatch]:
    """Judgements made by characterising an object ('calling the withdrawal "a retreat dressed
    up as innovation"'): the construction is the cue, so the complement's words decide the
    stance from a broader list than the evaluative cues, and only there."""
    out = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or _lemma(verb) not in lex.plain_characterising_verbs:
            continue
        comp = [t for t in _complement(verb) if t.i not in taken]
        if not comp or len(comp) != len(_complement(verb)):
            continue  # an evaluative cue of the lexicon already speaks for the complement
        if any(t.dep_ == "neg" or t.lower_ in ("not", "no", "never") for t in comp):
            continue  # "no threat to anyone"
        if any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("it", "this", "that", "which")
               for c in verb.children):
            continue  # 'calling it "a valuable contribution"': "it" is rarely an actor
        # the judgement is the complement's head and its own modifiers, not a phrase nested
        # deeper ("a natural result of the success of our forces" praises no one)
        heads = [t for t in comp if t.head.i not in {c.i for c in comp} or t.head.i == t.i]
        core = heads + [c for h in heads for c in h.children
                        if c.dep_ in ("amod", "compound", "nmod", "advmod", "conj", "acomp", "attr")]
        core += [c for h in core for c in h.children if c.dep_ in ("amod", "compound")]
        core = [t for t in core if t.i in {c.i for c in comp}]
        if any(_lemma(h) in LIGHT_HEADS for h in heads if h.pos_ == "NOUN"):
            core = comp  # 'another step in turning the North into a springboard for confrontation'

        neg = [t for t in core if _lemma(t) in lex.characterisation_negative or t.lower_ in lex.characterisation_negative]
        pos = [t for t in core if _lemma(t) in lex.characterisation_positive or t.lower_ in lex.characterisation_positive]
        if len(neg) == len(pos):
            continue
        word = (neg if len(neg) > len(pos) else pos)[0]
        oppose = len(neg) > len(pos)
        entry = CueEntry(cue=word.lower_, words=(word.lower_,), pos=(), stance="oppose" if oppose else "support",
                         polarity=-0.6 if oppose else 0.5, event_category="DISAPPROVE" if oppose else "PRAISE",
                         role="evaluative", needs_target_actor=True)
        out.append(CueMatch(entry, [word]))
        taken.add(word.i)
    return out


# --------------------------------------------------------------------------- quotes


@dataclass
class Quote:
    """A direct quotation: the tokens between its marks and who said it."""

    start: int  # first token inside the marks
    end: int  # one past the last token inside the marks
    speaker_token: Token | None = None
    speaker: object | None = None  # Actor
    verb: Token | None = None

    def __contains__(self, tok: Token) -> bool:
        return self.start <= tok.i < self.end

    @property
    def is_speech(self) -> bool:
        return self.speaker is not None


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token ranges inside quotation marks; an unclosed quote ends at its paragraph."""
    spans = []
    open_at: int | None = None
    for tok in doc:
        t = tok.text
        if open_at is not None and ("\n\n" in t or (tok.is_space and "\n" in t)):
            spans.append((open_at, tok.i))
            open_at = None
            continue
        if t not in QUOTE_MARKS:
            continue
        if t in OPENING_MARKS:
            opening = True
        elif t in CLOSING_MARKS:
            opening = False
        else:
            opening = open_at is None
        if opening and open_at is None:
            open_at = tok.i + 1
        elif not opening and open_at is not None:
            spans.append((open_at, tok.i))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(doc)))
    return [(s, e) for s, e in spans if e > s]


def _subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Subjects of a verb (passive agents first), inheriting through conj/xcomp/advcl/relcl."""
    if depth > 6:
        return []
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if agents and (not subj or any(c.dep_ == "auxpass" for c in verb.children)):
        # an active verb with a subject keeps it: "The Mission condemned the looting ... by
        # unidentified armed men" (the parser hangs the looters' "by" on the verb)
        return agents
    if subj:
        out = []
        for s in subj:
            if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                noun = verb.head
                # "the Centre for Democracy, a Maputo-based watchdog, which accused ...": the name
                out.append(noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else noun)
            else:
                out.append(s)
        return out
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp":
        if _lemma(head) in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if objs:
                return objs
        return _subjects(head, depth + 1)
    swallowed = _swallowed_by_relative(verb)
    if swallowed is not None:
        return [swallowed]
    if verb.dep_ == "conj" and verb.tag_ == "VBD" and head.tag_ == "VB" and head.dep_ in ("xcomp", "ccomp") \
            and head.head.i != head.i:
        # 'urged countries to stop "stirring up trouble" and accused Washington': a past-tense
        # conjunct of an infinitive belongs with the finite verb above it
        return _subjects(head.head, depth + 1)
    if verb.dep_ == "conj" and not any(c.dep_ == "agent" for c in head.children):
        shared = [c for c in head.children if c.dep_ == "nsubjpass"]
        if shared:
            return shared  # "Guterres was concerned by the expulsion and appealed to Bamako"
    if verb.dep_ in ("conj", "advcl", "acomp"):
        return _subjects(head, depth + 1)
    if verb.dep_ == "relcl":
        return [head]
    if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBD"):
        return [head]
    if verb.dep_ == "pcomp":
        # "stopped short of criticising" -> the stopper; "accused X of backing" -> X
        gov = head.head
        for _ in range(3):
            if gov.pos_ in ("VERB", "AUX") or gov.head.i == gov.i:
                break
            gov = gov.head
        if gov.pos_ in ("VERB", "AUX"):
            # "made a point of thanking Lithuania": the maker, not the point
            objs = [c for c in gov.children if c.dep_ in ("dobj",) and _lemma(c) not in IDIOM_OBJECTS]
            if objs:
                return objs
            return _subjects(gov, depth + 1)
    if head.dep_ == "acomp" and verb.dep_ in ("xcomp",):
        return _subjects(head.head, depth + 1)
    return []


def _swallowed_by_relative(verb: Token) -> Token | None:
    """"Egypt, whose revenues have fallen, has not joined ... but urged": the parser often hangs
    the main verb after a comma-closed relative clause inside that clause (as its conjunct, or
    as a participle on its last noun). Then the subject is the noun the relative clause is on."""
    cur = verb
    while cur.dep_ == "conj" and cur.head.dep_ == "conj" and cur.head.i < cur.i:
        cur = cur.head  # "has not joined ... but urged": the first verb of the chain
    if cur.dep_ not in ("conj", "acl") or cur.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None
    k = cur.i - 1
    while k > 0 and cur.doc[k].pos_ in ("AUX", "PART", "ADV") and cur.i - k < 4:
        k -= 1  # ", has not joined", ", also called"
    if k <= 0 or cur.doc[k].text != ",":
        return None
    anc = cur.head
    for _ in range(6):
        if anc.dep_ == "relcl" and anc.i < cur.i:
            noun = anc.head
            return noun if noun.pos_ in ("PROPN", "NOUN") else None
        if anc.head.i == anc.i:
            return None
        anc = anc.head
    return None


def _with_conjuncts(toks: Iterable[Token]) -> list[Token]:
    out: list[Token] = []
    for t in toks:
        for x in (t, *t.conjuncts):
            if x not in out:
                out.append(x)
    return out


def _attribution_in(sent: Span, spans: list[tuple[int, int]], lex: Lexicon) -> Token | None:
    """A speech verb outside every quote in ``sent``, nearest the quote boundary."""
    def inside(i):
        return any(s <= i < e for s, e in spans)
    verbs = [t for t in sent if _lemma(t) in lex.speech_verbs and t.pos_ in ("VERB", "AUX")
             and not inside(t.i)]
    return verbs[0] if len(verbs) == 1 else (verbs[-1] if verbs else None)


def _according_to(sent: Span, lex: Lexicon) -> list[Token]:
    """Objects of "according to ..." in the sentence."""
    out = []
    for t in sent:
        for words in lex.attribution_preps:
            if _word_matches(t, words[0]) and t.i + len(words) <= sent.end:
                toks = [t.doc[t.i + k] for k in range(len(words))]
                if all(_word_matches(x, w) for x, w in zip(toks, words)):
                    last = toks[-1]
                    objs = [c for c in last.children if c.dep_ == "pobj"]
                    if not objs and last.i + 1 < sent.end:
                        nxt = last.doc[last.i + 1:sent.end]
                        objs = [nc.root for nc in nxt.noun_chunks][:1]
                    out += objs
    return out


def _introducing_verb(doc: Doc, start: int, spans: list[tuple[int, int]], lex: Lexicon) -> Token | None:
    """The speech verb of a line that ends in a colon just before a quote: press releases put
    'Defence Secretary John Healey said:' on a line of its own, and the quote in the next
    paragraph."""
    j = start - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in QUOTE_MARKS):
        j -= 1
    if j < 0 or doc[j].text != ":":
        return None
    return _attribution_in(doc[j].sent, spans, lex)


def find_quotes(doc: Doc, actors, lex: Lexicon | None = None) -> list[Quote]:
    """Direct quotations with their speakers (an actor), in text order."""
    lex = lex or load_lexicon()
    spans = quote_spans(doc)
    quotes: list[Quote] = []
    for s, e in spans:
        q = Quote(s, e)
        content = [t for t in doc[s:e] if not t.is_punct and not t.is_space]
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in content)
        if len(content) <= 6 and not has_verb:
            quotes.append(q)  # a scare quote or a title: no speaker of its own
            continue
        sents = []
        for i in (s, max(s, e - 1), min(len(doc) - 1, e)):
            st = doc[i].sent
            if st not in sents:
                sents.append(st)
        verb = None
        for st in sents:
            verb = _attribution_in(st, spans, lex)
            if verb is not None:
                break
        speaker_toks: list[Token] = []
        if verb is not None:
            speaker_toks = [t for t in _subjects(verb) if not (s <= t.i < e)]
            q.verb = verb
            if not speaker_toks:
                # '"...," the contingent's commander, Godfrey Otunge, told reporters' parsed
                # without a subject: the nouns between the quote and the verb, or just after it
                lo, hi = (e + 1, verb.i) if verb.i > e else (verb.i + 1, verb.sent.end)
                speaker_toks = [t for t in doc[lo:hi] if t.pos_ in ("NOUN", "PROPN") and not (s <= t.i < e)
                                and t.dep_ not in ("compound", "pobj", "dobj")][:3]
        if not speaker_toks:
            for st in sents:
                speaker_toks = _according_to(st, lex)
                if speaker_toks:
                    break
        if not speaker_toks and verb is None:
            intro = _introducing_verb(doc, s, spans, lex)
            if intro is not None:
                q.verb = verb = intro
                speaker_toks = _subjects(intro)
        for t in speaker_toks:
            a = _actor_for_token(t, actors)
            if a is not None:
                q.speaker_token, q.speaker = t, a
                break
        if q.speaker is None and verb is None and quotes:
            # a quote that runs on in the next sentence(s) of the same paragraph
            prev = quotes[-1]
            between = doc[prev.end:s]
            if prev.speaker is not None and "\n\n" not in between.text and len(between) <= 30:
                q.speaker_token, q.speaker = prev.speaker_token, prev.speaker
        quotes.append(q)
    return quotes


def quote_at(tok: Token, quotes: list[Quote]) -> Quote | None:
    for q in quotes:
        if tok in q:
            return q
    return None


# --------------------------------------------------------------------------- actor links


def _actor_for_token(tok: Token, actors, lex: Lexicon | None = None):
    """The actor a noun phrase headed by ``tok`` (or a pronoun) stands for, via the ActorSet.

    On top of ``ActorSet.for_phrase``: an apposition names the person or body behind a role
    noun ("the spokesman, Colonel Amadou Abdramane"); relational nouns are not their
    possessor ("Rwanda's opponents"); group nouns take the body they belong to ("officials
    of the Russian Federation", "members of the Security Council"); and a possessive pronoun
    that resolves to nothing does not hide a demonym ("our Mozambican brothers").
    """
    lex = lex or load_lexicon()
    lem = _lemma(tok)
    named = actors.at_token(tok)
    if named is not None and named.type == "person":
        return named  # "Corneille Nangaa, the alliance's coordinator": the person, not the alliance
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ == "appos" and c.pos_ != "PRON":  # "AUSSOM itself" is AUSSOM
                # a named actor keeps its name over what its apposition says of it through a
                # possessive ("Paris, Yerevan's closest partner in the EU, welcomed ...")
                a = actors.at_token(c) or (actors.for_phrase(c) if named is None else None)
                if a is not None:
                    return a
    if lem in lex.relational_nouns and actors.at_token(tok) is None:
        return None
    if (tok.lower_ in PERSON_PRONOUNS or any(c.dep_ == "poss" and c.lower_ in PERSON_PRONOUNS for c in tok.children)) \
            and actors.at_token(tok) is None and _unknown_person_before(tok, actors):
        return None
    a = actors.for_phrase(tok)
    if a is None and tok.pos_ == "PRON":
        a = actors.antecedent(tok)
    if a is None and tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i:
                a = actors.at_token(c)
                if a is not None:
                    break
    if a is None and lem in lex.group_reference_nouns and tok.tag_ == "NN" \
            and [c.lower_ for c in tok.children if c.i < tok.i] == ["the"]:
        a = _last_group_named(tok, actors)  # "U.S. support for the group" after "the SDF"
    if a is None and lem == "party" and tok.tag_ == "NN" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in PARTY_DETERMINERS \
            and all(c.dep_ not in ("poss", "compound") for c in tok.children):
        a = _last_party_named(tok, actors)  # "The party has demanded ..." after "the People's Party"
    if a is None and lem in lex.collective_referents and tok.tag_ == "NNS" \
            and [c.lower_ for c in tok.children if c.i < tok.i] == ["the"]:
        a = actors.actors.get(lex.collective_referents[lem])  # "thanked the allies": NATO, if named
    if a is None and lem in MINISTRY_NOUNS and [c.lower_ for c in tok.children if c.i < tok.i] == ["the"]:
        a = _earlier_ministry_state(tok, actors)  # "The ministry summoned ..." after "Estonia's foreign ministry"
    if a is None and lem in HOME_GOVERNMENT_NOUNS and tok.tag_ in ("NN", "NNP") and tok.i > 0 \
            and tok.doc[tok.i - 1].lower_ in ("the", "defence", "defense", "foreign") \
            and not any(c.dep_ in ("poss", "amod", "compound") and actors.at_token(c) is not None for c in tok.children):
        home = state_actor(actors, _home_country(actors))  # "accused the executive of" in a Senate story
        a = government_or_state(actors, home) if home is not None else None
    if a is None and lem == "coalition" and tok.tag_ in ("NN", "NNP"):
        # "called on the coalition to respect the dates": the article's one military coalition
        # (Inherent Resolve), never a governing coalition of parties
        coalitions = [x for x in actors.actors.values() if x.type == "military_operation" and x.kind == "coalition"]
        if len(coalitions) == 1:
            a = coalitions[0]
    if a is None and lem in OPERATION_NOUNS and tok.tag_ in ("NN", "NNP") \
            and [c.lower_ for c in tok.children if c.i < tok.i] == ["the"]:
        a = _main_operation(actors)  # "The Mission called on the Government" in a UN release
    if a is None and lem in lex.asset_nouns:
        # "the headquarters of the force", "positions of the Lebanese army": whose they are
        for p in _prep_objects(tok, ("of",)):
            a = _actor_for_token(p, actors, lex)
            if a is None and (_lemma(p) in lex.event_nouns or p.lower_ in lex.event_nouns) \
                    and any(c.lower_ in ("the", "its") for c in p.children):
                a = _main_operation(actors)
            if a is not None:
                break
    if a is None and lem in lex.group_nouns:
        # "the party's caucus": the body the group belongs to
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ != "PRON":
                a = _actor_for_token(c, actors, lex)
                if a is not None:
                    return a
        # "officials of the Russian Federation", "the Ministry of National Defence of the
        # Republic of Lithuania": down a chain of "of" phrases to the first actor
        objs = _prep_objects(tok, ("of", "from", "in"))
        if lem in SPEAKING_FOR_NOUNS:
            # "a spokesman for the Syrian government"; not "a spokesman for the Secretary-General",
            # whose office holder the sentence may name after
            objs += [p for p in _prep_objects(tok, ("for", "at", "with")) if p.lower_ not in SPEAKER_TITLES]
        for _ in range(3):
            for p in objs:
                a = actors.at_token(p) or _actor_for_token(p, actors, lex)
                if a is not None:
                    return a
            objs = [q for p in objs for q in _prep_objects(p, ("of",))]
    return a


PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
# people who speak for a body: "a spokesman for", "an official at", "a source with"
SPEAKING_FOR_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "official", "representative",
                      "adviser", "advisor", "envoy", "source", "diplomat", "officer"}
SPEAKER_TITLES = {"president", "minister", "premier", "secretary-general", "general", "chancellor", "secretary",
                  "commander", "prime", "king", "emir", "chairperson", "chairman", "leader"}
MINISTRY_NOUNS = {"ministry", "embassy", "department"}


HOME_GOVERNMENT_NOUNS = {"government", "executive", "cabinet", "ministry"}


def _home_country(actors) -> str:
    """The country whose politics the article reports: the one country of its parties and
    parliaments, else the host of its operation. A bare "the executive" or "the ministry" with
    no earlier owner is that country's."""
    countries = {a.country for a in actors.actors.values()
                 if getattr(a, "kind", "") in ("political_party", "legislature") and a.country}
    if len(countries) == 1:
        return countries.pop()
    return actors.host_country() if hasattr(actors, "host_country") else ""


def _earlier_ministry_state(tok: Token, actors):
    """The state whose ministry (embassy, department) the text named last before "the ministry".
    Only the last one counts: "the ministry" refers back to it, even when its owner is unclear."""
    for t in reversed(tok.doc[max(0, tok.sent.start - 200):tok.i]):
        if _lemma(t) == _lemma(tok) and t.i != tok.i:
            for c in t.children:
                if c.dep_ in ("poss", "amod", "compound", "nmod"):
                    a = actors.at_token(c)
                    if a is not None and a.type == "state":
                        return a
            # "the Ministry of Defence in Tripoli": the capital names whose ministry it is
            objs = _prep_objects(t, ("of", "in"))
            objs += [q for p in objs for q in _prep_objects(p, ("in",))]
            for p in objs:
                a = actors.at_token(p)
                if a is not None and a.type in ("state", "government") and a.kind != "regional_government":
                    return a
            if t.pos_ == "PROPN" or any(c.dep_ in ("amod", "compound") for c in t.children):
                return None  # a named ministry we cannot place: not an older one
    return None


OBJECT_PRONOUNS = {"him", "her", "it"}


def _coordinated_object(tok: Token, actors, lex: Lexicon, exclude: frozenset) -> list:
    """The direct object of the verb that the pronoun's verb is coordinated with."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return []
    objs = [c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    want_person = tok.lower_ in ("him", "her")
    found = []
    for o in objs:
        a = _actor_for_token(o, actors, lex)
        if a is not None and a.id not in exclude and (a.type == "person") == want_person:
            found.append(a)
    return found


def _pronoun_alternative(tok: Token, actors, exclude: frozenset) -> list:
    """The latest actor named before an object pronoun, other than the source, of the right kind."""
    want_person = tok.lower_ in ("him", "her")
    start = min((s.start for s in _sentences_before(tok, 2)), default=tok.sent.start)
    for m in sorted(actors.mentions, key=lambda m: -m.start):
        if m.end_token > tok.i or m.start_token < start:
            continue
        a = actors.actors.get(m.actor_id)
        if a is None or a.id in exclude or (a.type == "person") != want_person:
            continue
        if a.type == "state" and any((x := actors.actors.get(e)) is not None and x.country == a.country
                                     for e in exclude):
            continue  # "Budapest would not block it": not the speaker's own state
        if not want_person and a.type == "other":
            continue
        return [a]
    return []


def _last_named(tok: Token, actors, sentences: int, fits) -> object:
    """The actor named last before ``tok``, within ``sentences`` sentences back, that ``fits``:
    what "the group" or "the party" refers back to."""
    start = min((s.start for s in _sentences_before(tok, sentences)), default=tok.sent.start)
    best = None
    for m in actors.mentions:
        if start <= m.start_token and m.end_token <= tok.i:
            a = actors.actors.get(m.actor_id)
            if a is not None and fits(a):
                best = a
    return best


def _last_group_named(tok: Token, actors):
    """The armed group or movement named last before ``tok``, within three sentences."""
    return _last_named(tok, actors, 3, lambda a: a.type == "armed_group")


PARTY_DETERMINERS = {"the", "opposition", "ruling", "governing"}


def _last_party_named(tok: Token, actors):
    """The political party named last before ``tok``, within five sentences: what "the party"
    or "the opposition party" refers back to."""
    return _last_named(tok, actors, 5, lambda a: getattr(a, "kind", "") == "political_party")


def _unknown_person_before(tok: Token, actors) -> bool:
    """A person the actors table does not know is named earlier in the sentence: "he/his" most
    likely refers to them, not to an actor further back in the text."""
    for ent in tok.sent.ents:
        if ent.label_ == "PERSON" and ent.end <= tok.i and all(actors.at_token(t) is None for t in ent):
            return True
    return False


def _names_its_object(m: "CueMatch") -> bool:
    """Whether a vote or abstention names what it is about with a noun ("voted against the
    mandate"), not a pronoun ("voted against it") or nothing."""
    toks = [m.root, *m.tokens[1:]]
    objs = [c for t in toks for c in t.children if c.dep_ in ("dobj", "pobj")]
    objs += [p for t in toks for c in t.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    own = {t.i for t in m.tokens}  # "voted overwhelmingly in favor": "favor" is the cue's own word
    return any(o.pos_ in ("NOUN", "PROPN") and o.i not in own for o in objs)


def government_or_state(actors, state):
    """A state's government actor when the article has one, else the state itself."""
    for a in getattr(actors, "actors", {}).values():
        if a.type == "government" and a.country == state.country \
                and getattr(a, "kind", "") not in ("legislature", "regional_government", "ministry") \
                and not any(w in a.name.lower() for w in ("parliament", "assembly", "senate", "congress")):
            return a
    return state


def state_actor(actors, iso3: str):
    """The state actor of a country code, if the article has one."""
    if not iso3:
        return None
    try:
        a = actors.actor(iso3)
        if a is not None and a.type == "state":
            return a
    except (KeyError, AttributeError):
        pass
    for a in getattr(actors, "actors", {}).values():
        if a.type == "state" and a.country == iso3:
            return a
    return None


def _speaker_self(tok: Token, quote: Quote | None, actors, lex: Lexicon):
    """First-person pronouns inside a quote: "we/our" -> the speaker's country or organisation."""
    if quote is None or quote.speaker is None:
        return None
    low = tok.lower_
    if low in lex.first_person_singular:
        return quote.speaker
    if low in lex.first_person_plural:
        sp = quote.speaker
        if sp.type == "person":
            body = _speakers_body(sp, tok.doc, actors)
            if body is not None:
                return body  # "SDF commander Mazloum Abdi ... 'We call on Washington'": the SDF
        if sp.type == "person" and sp.country:
            return state_actor(actors, sp.country) or sp
        return sp
    return None


def _speakers_body(person, doc: Doc, actors):
    """The party, armed group or organisation a person's title ties them to ("SDF commander
    Mazloum Abdi", "Danish People's Party leader Morten Messerschmidt"): whom "we" means."""
    for m in getattr(person, "mentions", ()):
        for t in reversed(doc[max(doc[m.start_token].sent.start, m.start_token - 6):m.start_token]):
            a = actors.at_token(t)
            if a is None or a.id == person.id:
                continue
            if a.type in ("armed_group", "international_organization") or getattr(a, "kind", "") == "political_party":
                return a
            break  # a state or another person in the title: not a body
    return None


def _np_actors(tok: Token, actors, strict: bool = False, lex: Lexicon | None = None) -> list:
    """Actors a noun phrase refers to: its head's actor and its conjuncts'; else (not strict) the
    first actor named inside the phrase ("the withdrawal of French troops" -> France), never
    through a locative preposition ("the arrival in Vilnius of ...") or to a mere place."""
    lex = lex or load_lexicon()
    members = _group_members(tok, actors, lex)
    if members:
        return members
    if _names_contributors(tok, lex):
        # "thanked the contributing countries": the operation they contribute to (listing every
        # contributor the forces table found cost precision on the dev set: it also holds
        # bilateral and national rows), or the ones the sentence singles out
        named = _singled_out(tok, actors)
        if named:
            return named
        op = _main_operation(actors)
        return [op] if op is not None else []
    if _names_sides(tok, lex):
        if tok.lower_ in PLURAL_PRONOUNS:
            # "threatened the foreign troops ..., calling them invaders": a plural noun earlier
            # in the sentence is the likelier antecedent than a pair named before
            near = [t for t in tok.sent if t.i < tok.i and t.tag_ in ("NNS", "NNPS")
                    and t.dep_ in SUBJECT_DEPS | OBJECT_DEPS | {"pobj"}]
            if near:
                return _np_actors(near[-1], actors, strict, lex)
        group = _recent_group(tok, actors, lex)
        if group:
            return group
        if _lemma(tok) in STATE_SIDE_NOUNS and any(c.lower_ in ("both", "two") for c in tok.children):
            # "urged both governments" with no pair named nearby: the two states the story is about
            counts: dict[str, int] = {}
            for mm in actors.mentions:
                a = actors.actors.get(mm.actor_id)
                if a is not None and a.type == "state" and mm.end_token <= tok.i:
                    counts[a.id] = counts.get(a.id, 0) + 1
            top = sorted(counts, key=lambda k: -counts[k])[:2]
            if len(top) == 2:
                return [actors.actors[k] for k in top]
        if tok.lower_ in PLURAL_PRONOUNS:
            # "urged them": a plural pronoun is not a single state or organisation named before
            a = actors.antecedent(tok)
            return [a] if a is not None and a.type == "armed_group" else []
    out = []
    for t in _with_conjuncts([tok]):
        if t is not tok and actors.at_token(t) is None \
                and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in t.children):
            continue  # "Washington and its allies": the allies are Washington's, not the speaker's
        a = _actor_for_token(t, actors, lex)
        if a is not None:
            out.append(a)
            # "the Dutch and Swedish decisions": every coordinated demonym, not the first only
            for mod in t.children:
                if mod.dep_ in ("amod", "compound", "nmod") and mod.i < t.i and actors.at_token(mod) is a:
                    for cj in mod.conjuncts:
                        b = actors.at_token(cj)
                        if b is not None and all(b.id != x.id for x in out):
                            out.append(b)
    if out or strict:
        return out
    return _inner_actors(tok, actors, lex, through_places=False)


def _names_contributors(tok: Token, lex: Lexicon) -> bool:
    """"the contributing countries", "troop-contributing nations", "the contributors"."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return False
    if _lemma(tok) in lex.contributor_nouns:
        return True
    return _lemma(tok) in lex.state_group_nouns and (
        any("contribut" in t.lower_ for t in tok.doc[max(tok.left_edge.i, tok.i - 5):tok.i])
        or any(c.dep_ == "relcl" and _lemma(c) == "contribute" for c in tok.children))


PLURAL_PRONOUNS = {"them", "they"}
OPERATION_NOUNS = {"force", "mission", "operation"}
#: Verbs that only carry a cue noun ('expressed "deep regret" over the move').
LIGHT_VERBS = {"express", "voice", "reiterate", "offer", "extend", "declare", "convey", "renew", "pledge", "state"}
DATELINE_DASHES = {"\u2013", "\u2014", "-", "--"}


STATE_SIDE_NOUNS = {"government", "country", "nation", "capital"}
#: Verbs whose subject works against what its object names ("avoid escalation", "deter aggression")
AVERTING_VERBS = {"avoid", "prevent", "deter", "counter", "resist", "fight", "stop", "end", "halt",
                  "combat", "repel", "reject", "condemn", "denounce", "oppose", "fear", "risk"}
SINGLING_OUT = {"including", "notably", "especially", "particularly"}


def _singled_out(tok: Token, actors) -> list:
    """States the sentence names after a group noun with "singling out", "including",
    "notably" ...: "paid tribute to the contributing countries, singling out Rwanda and Nigeria"."""
    sent = tok.sent
    for t in sent:
        if t.i <= tok.i:
            continue
        if t.lower_ in SINGLING_OUT or (_lemma(t) == "single" and t.i + 1 < sent.end
                                        and t.doc[t.i + 1].lower_ == "out"):
            found = []
            for u in t.doc[t.i + 1:sent.end]:
                a = actors.at_token(u)
                if a is not None and a.type == "state" and all(a.id != b.id for b in found):
                    found.append(a)
            return found
    return []


def _names_sides(tok: Token, lex: Lexicon) -> bool:
    """"the warring parties", "both sides", "all sides", "them": a plural reference to the
    parties of a conflict or dispute named earlier, not to one actor."""
    if tok.lower_ in PLURAL_PRONOUNS:
        return True
    if _lemma(tok) not in lex.side_nouns:
        return False
    if tok.tag_ != "NNS":
        # "declined to criticise either side"
        return tok.tag_ == "NN" and any(c.lower_ == "either" for c in tok.children if c.i < tok.i)
    if tok.dep_ == "dobj" and _lemma(tok.head) == "take":
        return True  # "declined to take sides": the sides of the dispute named before
    return any(c.lower_ in lex.side_modifiers for c in tok.children if c.i < tok.i)


def _recent_group(tok: Token, actors, lex: Lexicon) -> list:
    """The latest coordination of two or more actors before ``tok`` ("the army and the RSF"),
    in its own sentence first and then up to three sentences back: who "the two sides" are."""
    scopes = [tok.doc[tok.sent.start:tok.i]] + list(reversed(_sentences_before(tok, 3)))
    for scope in scopes:
        for t in reversed(list(scope)):
            if t.dep_ != "conj" or t.head.dep_ == "conj":
                continue
            first = t.head
            if first.sent == tok.sent and first.dep_ in SUBJECT_DEPS:
                continue  # "Kenya and Uganda urged both sides": the speakers are not the sides
            members = []
            for m in [first, *first.conjuncts]:
                if m.i >= tok.i:
                    continue
                a = _actor_for_token(m, actors, lex)
                if a is not None and a.type != "other" and all(a.id != b.id for b in members):
                    members.append(a)
            if len(members) >= 2:
                return members
    return []


def _inner_actors(tok: Token, actors, lex: Lexicon, through_places: bool) -> list:
    """Breadth-first through a noun phrase (not into clauses) for the first actor named in it.

    Locative prepositions are not followed unless ``through_places``, and then the place
    itself is skipped ("the arrival in Vilnius of the German brigade" -> Germany)."""
    def nexts(t):
        # "the resolution renewing the mission's mandate": into a participle's object too
        deps = NP_INNER_DEPS | ({"dobj"} if t.dep_ == "acl" else set())
        return [c for c in t.children if (c.dep_ in deps or (c.dep_ == "acl" and c.tag_ == "VBG"))
                and (through_places or c.lower_ not in lex.locative_preps)]

    queue = nexts(tok)
    seen = set()
    while queue:
        t = queue.pop(0)
        if t.i in seen:
            continue
        seen.add(t.i)
        is_place = t.dep_ == "pobj" and t.head.lower_ in lex.locative_preps
        a = None
        if t.pos_ in ("NOUN", "PROPN", "PRON", "ADJ") and not is_place:
            a = _actor_for_token(t, actors, lex)
        if a is None and through_places and not is_place and t.pos_ == "NOUN" and (
                _lemma(t) in lex.event_nouns or t.lower_ in lex.event_nouns) \
                and any(c.lower_ in ("the", "its") for c in t.children):
            a = _main_operation(actors)  # "fired on the headquarters of the force"
        if a is not None and a.type != "other":
            out = [a]
            for cj in t.conjuncts:
                b = _actor_for_token(cj, actors, lex)
                if b is not None and b.type != "other":
                    out.append(b)
            return out
        queue += nexts(t)
    return []


# --------------------------------------------------------------------------- sources


@dataclass
class Resolved:
    """Actors found for one side of a stance, with how they were found."""

    actors: list = field(default_factory=list)
    via: str = ""
    stance: str = ""  # overrides the cue's stance ("demanded the release of X" -> support X)


def _speaker_country(speaker, actors):
    if speaker is None:
        return None
    if speaker.type in ("person", "government", "military_unit") and speaker.country:
        return state_actor(actors, speaker.country) or speaker
    return speaker


def _group_members(tok: Token, actors, lex: Lexicon) -> list:
    """"The military governments in Bamako and Ouagadougou": a plural group noun stands for
    each place or state coordinated in its "in/of" phrase."""
    if tok.tag_ not in ("NNS", "NNPS") or _lemma(tok) not in lex.group_nouns:
        return []
    out = []
    for p in _prep_objects(tok, ("of", "in", "from")):
        for q in _with_conjuncts([p]):
            a = actors.at_token(q)
            if a is not None and all(a.id != b.id for b in out):
                out.append(a)
    return out if len(out) > 1 else []


def _resolve_tokens(toks: Iterable[Token], quote: Quote | None, actors, lex: Lexicon,
                    self_ref: bool = True) -> list:
    out = []
    toks = list(toks)
    for t in toks:
        for a in _group_members(t, actors, lex):
            if all(a.id != b.id for b in out):
                out.append(a)
    if out:
        return out
    for t in _with_conjuncts(toks):
        a = _speaker_self(t, quote, actors, lex)
        if a is None:
            a = _actor_for_token(t, actors, lex)
        if a is None and self_ref and _lemma(t) in lex.self_reference_nouns and any(
                c.lower_ in ("the", "this") for c in t.children):
            # "the kingdom condemns ..." inside what a Saudi ministry says
            sayer = quote.speaker if quote is not None and quote.speaker is not None else None
            if sayer is None:
                found = _climb_to_sayer(t, lex, None, actors, self_ref=False)
                sayer = found[0] if found else None
            a = _speaker_country(sayer, actors)
        if a is not None and all(a.id != b.id for b in out):
            out.append(a)
    return out


def _climb_to_sayer(tok: Token, lex: Lexicon, quote: Quote | None, actors, self_ref: bool = True) -> list:
    """Walk up from ``tok`` to the nearest saying or characterising verb whose subject is an actor."""
    cur = tok
    steps = 0
    while cur.head.i != cur.i and steps < 12:
        prev, cur = cur, cur.head
        steps += 1
        if quote is not None and quote.is_speech and cur not in quote and prev in quote:
            # leaving the quote: its speaker is the source
            break
        lem = _lemma(cur)
        if cur.pos_ in ("VERB", "AUX") and (lem in lex.speech_verbs or lem in lex.characterising_verbs):
            found = _resolve_tokens(_subjects(cur), quote, actors, lex, self_ref)
            if found:
                return found
    return []


def _copula_subjects(adj: Token) -> list[Token]:
    """Who an adjective is predicated of: "Kigali was concerned", "the bloc remained committed"."""
    head = adj.head
    if adj.dep_ in ("acomp", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        return _subjects(head)
    if adj.dep_ == "amod":
        return [head]
    return []


def resolve_sources(m: CueMatch, quotes: list[Quote], actors, lex: Lexicon) -> Resolved:
    """Who holds the position the cue expresses."""
    root = m.root
    quote = quote_at(root, quotes)
    role = m.entry.role
    if role in ("agent", "action"):
        subj = _subjects(root)
        inner = quote_at(root.head, quotes) if root.dep_ == "conj" and quote is None else None
        if inner is not None and inner.end <= root.i \
                and all(t.dep_ in ("cc", "punct") or t.is_punct for t in root.doc[inner.end:root.i]) \
                and not any(c.dep_ in SUBJECT_DEPS for c in root.children) and root.sent.root.i != root.i \
                and all(t in inner for t in _subjects(root.head)) \
                and _resolve_tokens(_subjects(root.sent.root), quote, actors, lex):
            # 'welcomed the offers as "a sign that the world has not abandoned Gaza" and called
            # for ...': the parser joins the verb after the quote to a verb inside it; the
            # sentence's subject is the one who calls (not in 'Guterres was "concerned" and
            # appealed to Bamako', where the quoted verb's subject is outside the quote)
            subj = _subjects(root.sent.root)
        clause = root.head
        while clause.dep_ in ("xcomp", "conj") and clause.head is not clause and root.dep_ == "conj":
            clause = clause.head  # "warned that the country risked being dragged ... and called on"
        if root.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in root.children) \
                and clause.dep_ == "ccomp" and _lemma(clause.head) in lex.speech_verbs \
                and quote_at(root, quotes) is None \
                and (m.entry.stance == "demand" or not _resolve_tokens(_subjects(root.head), quote, actors, lex)):
            # "UNFICYP said the move was a violation and called on ...": the parser hangs the
            # second verb on the reported clause; when that clause's subject is no actor (the
            # move), or the second verb is a demand, the act of speech belongs to the sayer
            sayer_toks = _subjects(clause.head)
            own = _resolve_tokens(_subjects(root.head), quote, actors, lex)
            if own and any(_lemma(t) in SPEAKING_FOR_NOUNS for t in sayer_toks):
                # "Its floor spokesman said the party did not oppose ... but wanted": the party
                # the spokesman speaks for holds both positions
                return Resolved(own, "subject of coordinated clause")
            sayer = _resolve_tokens(sayer_toks, quote, actors, lex)
            if sayer:
                return Resolved(sayer, "sayer of coordinated clause")
        found = _resolve_tokens(subj, quote, actors, lex)
        if found:
            return Resolved(found, "subject")
        if not subj and quote is not None and quote.speaker is not None:
            return Resolved([quote.speaker], "speaker")
        if not subj and root.dep_ == "ROOT":
            found = _subjectless_root_actor(root, actors)
            if found is not None:
                return Resolved([found], "actor before a subjectless verb")
        return Resolved([], "")
    if role == "experiencer":
        found = _resolve_tokens(_copula_subjects(root), quote, actors, lex)
        if found:
            return Resolved(found, "experiencer")
        return Resolved([], "")
    if role == "nominal":
        poss = [c for c in root.children if c.dep_ == "poss"]
        found = _resolve_tokens(poss, quote, actors, lex)
        if found:
            return Resolved(found, "possessor")
        mods = [c for c in root.children if c.dep_ in ("amod", "compound", "nmod") and c.i < root.i]
        found = _resolve_tokens(mods, quote, actors, lex)
        if found:
            return Resolved(found, "modifier")
        for c in root.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by"):
                found = _resolve_tokens([p for p in c.children if p.dep_ == "pobj"], quote, actors, lex)
                if found:
                    return Resolved(found, "from")
        if root.dep_ in ("dobj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
            verb = root.head
            if _lemma(verb) not in RECEIVING_VERBS and _lemma(verb) not in REBUTTING_VERBS:
                found = _resolve_tokens(_subjects(verb), quote, actors, lex)
                if found:
                    return Resolved(found, "light-verb subject")
        if quote is not None and quote.speaker is not None:
            return Resolved([quote.speaker], "speaker")
        return Resolved([], "")
    # evaluative, accusation and obligation: whoever says it
    found = _climb_to_sayer(root, lex, quote, actors)
    if found:
        return Resolved(found, "sayer")
    if quote is not None and quote.speaker is not None:
        return Resolved([quote.speaker], "speaker")
    if role == "evaluative":
        acc = _according_to(root.sent, lex)
        found = _resolve_tokens(acc, None, actors, lex)
        if found:
            return Resolved(found, "according to")
    return Resolved([], "")


IDIOM_OBJECTS = {"point", "effort", "show", "habit", "case", "secret"}


def _subjectless_root_actor(root: Token, actors):
    """The actor named last before a main verb the parser left without a subject ("In a
    statement issued from Paris, the group's leader, Abdul Wahid al-Nur, accused ..." hangs the
    leader on Paris): a person, party or organisation within twelve tokens, never a place."""
    for t in reversed(root.sent[:root.i - root.sent.start]):
        if root.i - t.i > 12:
            break
        a = actors.at_token(t)
        if a is None:
            continue
        if a.type == "person" and t.dep_ in ("pobj", "compound") and any(
                h.dep_ == "appos" and h.head.i < h.i and (b := actors.at_token(h.head)) is not None
                and b.type == "person" for h in t.ancestors if h.i < root.i):
            continue  # "Anwar Gargash, adviser to President Mohamed bin Zayed, thanked": the adviser
        if a.type in ("person", "international_organization", "armed_group", "government") \
                or getattr(a, "kind", "") == "political_party":
            return a
        return None  # the nearest actor is a place or state: too uncertain
    return None


# --------------------------------------------------------------------------- targets


def _prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    """The objects of ``tok``'s prepositions in ``preps``; "for what it called the growing
    military presence of the United States" counts as "for the growing military presence ..."."""
    preps = set(preps)
    out = []
    for c in tok.children:
        if c.dep_ not in ("prep", "dative", "agent") or c.lower_ not in preps:
            continue
        for p in c.children:
            if p.dep_ == "pobj":
                out.append(p)
            elif p.dep_ == "pcomp" and _lemma(p) in NAMING_VERBS and any(w.lower_ == "what" for w in p.children):
                out += [w for w in p.children if w.dep_ in ("oprd", "attr", "dobj") and w.lower_ != "what"]
    return out


#: Verbs of a free relative that names its object ("what it called ...", "what he described as ...").
NAMING_VERBS = {"call", "describe", "term", "dub", "label", "brand", "characterise", "characterize"}


def _main_operation(actors):
    fn = getattr(actors, "main_operation", None)
    try:
        return fn() if fn else None
    except Exception:  # the interface is optional for targets; never fail a row on it
        return None


def _evaluated(root: Token, actors, lex: Lexicon, strict: bool, exclude: frozenset) -> list:
    """What an evaluative word or phrase describes."""
    if root.pos_ in ("VERB", "AUX"):
        # "the French forces have no place in our country"
        return _targets_of(_subjects(root), actors, lex, strict, exclude)
    for verb in root.ancestors:
        # 'called the decision "another step in turning the North into a springboard for
        # confrontation"': however deep the word sits in the complement, the object is judged
        if verb.pos_ in ("VERB", "AUX") and _lemma(verb) in lex.plain_characterising_verbs:
            if root.i in {t.i for t in _complement(verb)}:
                obj = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                       and c.lower_ not in ("it", "this", "that", "which", "what")]
                found = _targets_of(obj, actors, lex, strict, exclude) or [
                    a for o in obj for a in _act_owner(o, actors, lex, exclude)]
                if found:
                    return found
            break
    if root.dep_ == "pobj" and root.head.lower_ == "as":
        # "described the Philippines as a vital partner in the Indo-Pacific": what is described
        # is the object, whatever the description itself names
        verb = root.head.head
        if verb.dep_ == "dobj":
            verb = verb.head
        if _lemma(verb) in lex.characterising_verbs:
            obj = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            found = _targets_of(obj, actors, lex, strict, exclude) if obj else []
            if found:
                return found
    if root.pos_ in ("NOUN", "PROPN"):
        # "Wagner's murderous thugs", "Russian aggression", "our Mozambican brothers"
        found = [a for a in _np_actors(root, actors, strict=True, lex=lex) if a.id not in exclude]
        if found:
            return found
    if root.pos_ == "ADJ":
        # a small clause parsed inside the adjective: called [the shooting] "intolerable"
        inner = [c for c in root.children if c.dep_ in ("npadvmod", "nsubj") and c.pos_ in ("NOUN", "PROPN")]
        if inner:
            return _targets_of(inner, actors, lex, strict, exclude)
    # its own complement: "a dirty political game from Bamako", "provocation by Russia"
    for t in _prep_objects(root, ("from", "by", "of")):
        found = [a for a in _np_actors(t, actors, strict=True, lex=lex) if a.id not in exclude]
        if found:
            return found
    cur = root
    steps = 0
    while steps < 8:
        steps += 1
        dep, head = cur.dep_, cur.head
        if head.i == cur.i:
            return []
        if dep in ("amod", "compound") and cur.pos_ in ("ADJ", "VERB"):
            # "the illegitimate junta" describes the junta; "a provocative step" describes
            # whatever the step is said of, so keep climbing from the noun
            found = [a for a in _np_actors(head, actors, strict=True, lex=lex) if a.id not in exclude]
            if found:
                return found
            cur = head
            continue
        if dep in ("pobj", "prep", "conj", "appos") and head.pos_ not in ("VERB", "AUX"):
            if dep == "prep" and cur.lower_ == "as" and head.dep_ == "dobj" \
                    and _lemma(head.head) in lex.characterising_verbs:
                # "described [Blinken's remarks as "interference"]": the parser hangs "as" on
                # the object; what is described is still the object
                return _targets_of([head], actors, lex, strict, exclude)
            if dep == "appos":
                # 'calling the withdrawal "a retreat"': what is judged is the act, so whoever did it
                return _targets_of([head], actors, lex, strict, exclude) or _act_owner(head, actors, lex, exclude)
            cur = head
            continue
        if dep in ("amod", "compound", "nmod"):
            cur = head
            continue
        if head.pos_ in ("VERB", "AUX"):
            if dep in ("acomp", "attr"):
                subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
                return _targets_of(subj, actors, lex, strict, exclude)
            if dep == "oprd":
                obj = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
                if obj and obj[0].lower_ != "what":
                    return _targets_of(obj, actors, lex, strict, exclude)
                return []
            if dep == "pobj" or dep == "prep":
                # "describe X as Y", "treat X as Y", "X, in a dirty game, withdrew"
                prep = cur if dep == "prep" else None
                if prep is not None and prep.lower_ == "as":
                    obj = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
                    return _targets_of(obj, actors, lex, strict, exclude) or [
                        a for o in obj for a in _act_owner(o, actors, lex, exclude)]
                subj = [c for c in head.children if c.dep_ in ("nsubj",)]
                return _targets_of(subj, actors, lex, strict, exclude)
            if dep == "dobj":
                subj = [c for c in head.children if c.dep_ in ("nsubj",)]
                if _lemma(head) in lex.characterising_verbs or _lemma(head) in AVERTING_VERBS:
                    return []  # "all sides must avoid escalation": the subject averts it, not does it
                return _targets_of(subj, actors, lex, strict, exclude)
            return []
        cur = head
    return []


def _act_owner(tok: Token, actors, lex: Lexicon, exclude: frozenset) -> list:
    """Who did the act a definite noun names ("the withdrawal", "this plan"), for a judgement
    of the act itself; nothing for other nouns."""
    if _lemma(tok) in lex.act_nouns and any(c.lower_ in ("the", "this", "its") for c in tok.children):
        return _event_target(tok, actors, lex, exclude)
    return []


def _sentences_before(tok: Token, n: int) -> list[Span]:
    sents = []
    for s in tok.doc.sents:
        if s.start >= tok.sent.start:
            break
        sents.append(s)
    return sents[-n:]


def _hostile_agent(tok: Token, actors, lex: Lexicon, exclude: frozenset) -> list:
    """Who carried out "the attack", "the shooting": the latest hostile act whose agent is known."""
    claimer = _claimed_by(tok, actors, lex, exclude)
    if claimer is not None:
        return [claimer]
    scopes = _sentences_before(tok, 12) + [tok.doc[tok.sent.start:tok.i]]
    found = None
    for sent in scopes:
        for t in sent:
            a = None
            if t.pos_ == "VERB" and _lemma(t) in lex.hostile_verbs:
                for sj in _subjects(t):
                    a = _actor_for_token(sj, actors, lex)
                    if a is not None:
                        break
            elif t.pos_ == "NOUN" and _lemma(t) in lex.hostile_event_nouns and t.dep_ != "pobj":
                a = actors.for_phrase(t)
                if a is None:
                    by = _prep_objects(t, ("by", "from"))
                    a = _actor_for_token(by[0], actors, lex) if by else None
            if a is not None and a.id not in exclude and a.type != "other":
                found = a
    return [found] if found is not None else []


def _claimed_by(tok: Token, actors, lex: Lexicon, exclude: frozenset):
    """Who claimed "the attack" anywhere before it ("The Islamic Resistance in Iraq claimed
    responsibility"): the attacker, even a group no reference list knows."""
    doc = tok.doc
    found = None
    for t in doc[:tok.sent.start]:
        if t.pos_ == "VERB" and _lemma(t) == "claim" and any(
                c.dep_ == "dobj" and (_lemma(c) == "responsibility" or _lemma(c) in lex.hostile_event_nouns)
                for c in t.children):
            for sj in _subjects(t):
                a = actors.at_token(sj) or _actor_for_token(sj, actors, lex)
                if a is not None and a.id not in exclude:
                    found = a
                    break
    return found


def _last_sayer(tok: Token, actors, lex: Lexicon, exclude: frozenset) -> list:
    """Who made "these claims" or "the criticism": the latest saying, characterising, critical
    or demanding verb with a known subject."""
    found = None
    critical = {c.words[0] for c in lex.cues if "VERB" in c.pos and c.stance in ("oppose", "demand")}
    for sent in _sentences_before(tok, 3):
        for t in sent:
            if t.pos_ in ("VERB", "AUX") and (_lemma(t) in lex.speech_verbs or _lemma(t) in lex.characterising_verbs
                                              or _lemma(t) in critical):
                for sj in _subjects(t):
                    a = _actor_for_token(sj, actors, lex)
                    if a is not None and a.id not in exclude:
                        found = a
                        break
    return [found] if found is not None else []


def _event_target(tok: Token, actors, lex: Lexicon, exclude: frozenset = frozenset()) -> list:
    """Targets for a noun that names an event or a statement rather than an actor."""
    lem = _lemma(tok)
    own = [c for c in tok.children if c.dep_ in ("poss",)]
    if own:
        return []
    if lem in lex.act_nouns or lem in lex.speech_nouns:
        # "backed a proposal by Haiti's council", "rejected the request from Bamako": the parser
        # may hang the "by" phrase on the verb
        by = _prep_objects(tok, ("by", "from"))
        if not by and tok.dep_ == "dobj":
            by = [p for p in _prep_objects(tok.head, ("by",)) if p.i > tok.i]
        found = [a for p in by for a in _np_actors(p, actors, strict=True, lex=lex) if a.id not in exclude]
        if found:
            return found
    if lem in lex.hostile_event_nouns:
        by = _prep_objects(tok, ("by", "from"))
        if by:
            return [a for a in _np_actors(by[0], actors, strict=True, lex=lex) if a.id not in exclude]
        return _hostile_agent(tok, actors, lex, exclude)
    if lem in lex.speech_nouns and any(c.lower_ in ("these", "this", "those", "such", "the", "that") for c in tok.children):
        return _last_sayer(tok, actors, lex, exclude)
    if lem in lex.event_nouns or tok.lower_ in lex.event_nouns:
        op = _main_operation(actors)
        if op is not None:
            return [op] if op.id not in exclude else []
        # no operation to own "the new deployment": whoever the text last said sent troops
        return _last_actor_subject(tok, actors, lex, exclude) if _act_verbs(tok, lex) else []
    if lem in lex.act_nouns and any(c.lower_ in ("the", "this", "that") for c in tok.children):
        found = _last_actor_subject(tok, actors, lex, exclude)
        if not found and lem in lex.body_act_nouns:
            found = _last_body(tok, actors, exclude)
        if not found and lem in lex.lede_act_nouns:
            found = _lede_actors(tok.doc, actors, lex, exclude)
        op = _main_operation(actors) if lem in FORCE_ACT_NOUNS else None
        if op is not None and op.id not in exclude and all(op.id != a.id for a in found):
            # "Rutte backed the move" in a story about a battlegroup's expansion: a position on
            # the operation as much as on the state that moved
            found = [*found, op]
        return found
    return []


#: Heads of a characterisation that carry no judgement of their own and pass on the one of
#: their phrase ("a textbook example of allied solidarity", "an act of aggression").
LIGHT_HEADS = {"step", "example", "act", "sign", "form", "kind", "attempt", "case", "symbol", "gesture",
               "move", "way", "piece", "part", "bid", "recipe", "instance", "expression", "demonstration"}

#: Nouns for bodies that can be obliged to act ("Israeli forces must withdraw", "the Malian
#: authorities should investigate"), besides actor names and the lexicon's force nouns.
AGENT_NOUNS = {"government", "authorities", "authority", "army", "forces", "force", "country", "state", "nation",
               "leadership", "regime", "junta", "administration", "cabinet", "ministry", "military", "militia",
               "militias", "rebels", "group", "groups", "parties", "party", "side", "sides", "leaders", "leader",
               "council", "parliament", "community", "neighbours", "neighbors", "partners", "allies", "member",
               "members", "people", "officials", "police", "navy", "contributors", "countries", "states"}

#: Prepositions that date a clause by an event ("after the Russian invasion"): an evaluative
#: noun there dates, it does not judge.
TEMPORAL_PREPS = {"after", "since", "before", "following", "during", "until", "amid"}

#: Attitude verbs whose "that" clause names what the position is about.
CLAUSE_ATTITUDE_VERBS = {"regret", "deplore", "lament", "welcome", "applaud", "hail", "resent"}

#: Acts that change a force: a position on one is a position on the article's operation too.
FORCE_ACT_NOUNS = {"expansion", "extension", "reinforcement", "rotation", "renewal", "prolongation"}


def _own_countries(actors, exclude: frozenset) -> set[str]:
    """The source's own states, which an act noun it judges does not refer to ("a Philippine
    minister hailed the agreement": Japan's side of it). A party speaks of its own state's acts
    ("Renamo condemned the extension"), so parties have none."""
    return {x.country for e in exclude for x in [actors.actors.get(e)]
            if x is not None and x.country and getattr(x, "kind", "") != "political_party"}


def _lede_actors(doc: Doc, actors, lex: Lexicon, exclude: frozenset) -> list:
    """Who acts in the article's first sentence ("Germany will pull its last soldiers out of
    Niger, the ministry said"): what "the decision" or "the move" refers to when no earlier
    clause names the act. The subject of the reported clause wins over the sayer."""
    first = next((s for s in doc.sents if any(t.pos_ in ("VERB", "AUX") for t in s)), None)
    if first is None:
        return []
    root = first.root
    clauses = [c for c in root.children if c.dep_ == "ccomp"] if _lemma(root) in lex.speech_verbs else []
    dash = next((t.i for t in first if t.i - first.start < 12 and t.text in DATELINE_DASHES), None)
    for clause in clauses + [root]:
        found = []
        own = _own_countries(actors, exclude)
        for sj in _with_conjuncts(_subjects(clause)):
            if dash is not None and sj.i < dash:
                # "CINCU, Romania – France will lead ...": the dateline is not the actor; the
                # parser hangs the real subject on it as an apposition
                after = [t for t in sj.subtree if t.i > dash and t.dep_ == "appos"]
                if not after:
                    continue
                sj = after[0]
            a = _actor_for_token(sj, actors, lex)
            if a is not None and a.id not in exclude and a.type not in ("other", "person") \
                    and not (a.type == "state" and a.id in own) and all(a.id != b.id for b in found):
                found.append(a)  # never the speaker's own state ("Philippine minister hailed the pact")
        if found:
            return found
    return []


#: Words naming a deliberating body; named parliaments come from the reference file (kind legislature).
BODY_WORDS = ("parliament", "assembly", "council", "senate", "congress", "court", "house", "chamber")


def _is_body(a) -> bool:
    """Whether an actor is a deliberating body (a parliament, a council, a court) that votes or rules."""
    return getattr(a, "kind", "") == "legislature" or any(w in a.name.lower() for w in BODY_WORDS)


def _last_body(tok: Token, actors, exclude: frozenset) -> list:
    """Who held "the vote" or passed "the resolution" when no clause says so: the parliament,
    council or court named last before the noun (this sentence first, then up to ten before)."""
    for sent in [tok.sent, *reversed(_sentences_before(tok, 40))]:
        for t in reversed([t for t in sent if t.i < tok.i]):
            a = actors.at_token(t)
            if a is not None and a.id not in exclude and a.type != "person" and _is_body(a):
                return [a]
            if a is None and _lemma(t) in ("parliament", "lawmaker", "legislature", "assembly") \
                    and t.i != tok.i:
                # "Hungary's parliament approved ...": the state whose parliament it is
                owner = actors.for_phrase(t)
                if owner is not None and owner.id not in exclude and owner.type in ("state", "government"):
                    return [owner]
    return []


def _act_verbs(tok: Token, lex: Lexicon) -> tuple[str, ...]:
    """The verbs whose subject did the act a noun names ("the deployment": deploy, send), by
    lemma or by surface form ("troops" lemmatises to "troop")."""
    return lex.act_nouns.get(_lemma(tok), ()) or lex.act_nouns.get(tok.lower_, ())


def _last_actor_subject(tok: Token, actors, lex: Lexicon, exclude: frozenset) -> list:
    """Who did "the extension" / "the decision": the latest state, government or organisation
    that was the subject of a clause before the noun (this sentence first, then earlier ones)."""
    verbs = set(_act_verbs(tok, lex))
    own = _own_countries(actors, exclude)
    for sent in [tok.sent, *reversed(_sentences_before(tok, 40))]:
        # an act only asked for or planned in an infinitive ("called on Israel to pull its troops
        # out") was not done: it is not what "the decision" refers to
        acts = [t for t in sent if t.i < tok.i and t.pos_ in ("VERB", "AUX") and _lemma(t) in verbs
                and not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)]
        for verb in reversed(acts):
            # "The Philippines and Japan signed a pact ... Teodoro hailed the agreement": Japan,
            # not the speaker's own state
            found = []
            for sj in _with_conjuncts(_subjects(verb)):
                a = _actor_for_token(sj, actors, lex)
                if a is not None and a.id not in exclude and (a.type in (
                        "state", "government", "international_organization")
                        or getattr(a, "kind", "") == "legislature") \
                        and not (a.type == "state" and a.id in own) and all(a.id != b.id for b in found):
                    found.append(a)
            if found:
                return found
    return []


def _only_behind_locative(noun: Token, actor, actors, lex: Lexicon) -> bool:
    """Whether every mention of ``actor`` under ``noun`` sits in a locative phrase ("in the Council")."""
    loc: set[int] = set()
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in lex.locative_preps:
            loc |= {t.i for t in c.subtree}
    inside = [t.i for t in noun.subtree if (a := actors.at_token(t)) is not None and a.id == actor.id]
    return bool(inside) and all(i in loc for i in inside)


def _targets_of(toks: Iterable[Token], actors, lex: Lexicon, strict: bool, exclude: frozenset = frozenset()) -> list:
    out = []
    for t in toks:
        if _lemma(t) == "request" and any(p.lower_ == "comment" for p in _prep_objects(t, ("for",))):
            continue  # "did not respond to a request for comment on Mr Danko's remarks": no position
        if t.lower_ in RELATIVE_PRONOUNS and t.head.dep_ == "relcl":
            t = t.head.head
        if _lemma(t) in lex.hostile_event_nouns and actors.at_token(t) is None and not strict:
            # "condemned the attacks on UNIFIL positions by the IDF": the attacker, not the victim;
            # "the Israeli fire", "Russia's strikes": the attacker named on the noun itself
            agents = [a for c in t.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < t.i
                      for a in [actors.at_token(c) or (_actor_for_token(c, actors, lex) if c.dep_ == "poss" else None)]
                      if a is not None and a.id not in exclude] or _event_target(t, actors, lex, exclude)
            if agents:
                out += [a for a in agents if all(a.id != b.id for b in out)]
                continue
        owner = [c for c in t.children if c.dep_ == "poss"]
        if not owner and _lemma(t) in lex.speech_nouns and actors.at_token(t) is None:
            # "dismissed the reaction of the three neighbours as paranoia": the "of" phrase
            # says whose reaction it is
            of = _prep_objects(t, ("of",))
            members = [a for p in of for a in _np_actors(p, actors, strict=True, lex=lex) if a.id not in exclude]
            if members:
                out += [a for a in members if all(a.id != b.id for b in out)]
                continue
        if _lemma(t) in lex.speech_nouns and owner and actors.at_token(t) is None:
            # "rejected the text's criticism of his government": whoever made the criticism
            a = _actor_for_token(owner[0], actors, lex)
            if a is not None and a.id not in exclude and all(a.id != b.id for b in out):
                out.append(a)
            continue
        found = []
        if t.pos_ == "PRON" and t.lower_ in OBJECT_PRONOUNS | {"them"}:
            # "accused the government of ... and called on it": the object of the verb it is
            # coordinated with
            found = _coordinated_object(t, actors, lex, exclude)
        found = found or [a for a in _np_actors(t, actors, strict, lex=lex) if a.id not in exclude]
        if not found and t.pos_ == "PRON" and t.lower_ in OBJECT_PRONOUNS:
            # "Wadephul accused Dodik ... and called on him": an object pronoun is not its own
            # clause's subject, so the next candidate back
            found = _pronoun_alternative(t, actors, exclude)
        placed_only = False
        if (_lemma(t) in lex.event_nouns or t.lower_ in lex.event_nouns) and not strict:
            # "backed the reinforcement in the Council debate": the Council is where, not what;
            # the event is the operation's
            kept = [a for a in found if not _only_behind_locative(t, a, actors, lex)]
            found = kept or _event_target(t, actors, lex, exclude)
            placed_only = True
        if not found and strict and (_lemma(t) in lex.event_nouns or t.lower_ in lex.event_nouns) \
                and any(c.lower_ in ("the", "this", "its") for c in t.children):
            # "asked the force to set up a second base", "Turkey supported the deployment"
            found = _event_target(t, actors, lex, exclude)
        found = _home_government(t, found, actors, exclude)
        if not found and t.lower_ in OFFICE_NOUNS and [c.lower_ for c in t.children if c.i < t.i] == ["the"]:
            # "called on the minister to explain": the last person named with that office
            office = t.lower_
            last = _last_named(t, actors, 60, lambda a: a.type == "person" and a.id not in exclude
                               and office in (a.role or "").lower())
            found = [last] if last is not None else []
        if not found:
            # 'welcomed "the swift and measured steps" taken by Lithuania, Poland and Latvia':
            # whoever the participle says did it
            found = [a for c in t.children if c.dep_ == "acl" for ag in c.children if ag.dep_ == "agent"
                     for p in ag.children if p.dep_ == "pobj" for a in _np_actors(p, actors, True, lex=lex)
                     if a.id not in exclude]
        if not found and not strict and not placed_only:
            found = [a for a in _inner_actors(t, actors, lex, through_places=True) if a.id not in exclude]
        if not found and not strict:
            found = _event_target(t, actors, lex, exclude)
        for a in found:
            if all(a.id != b.id for b in out):
                out.append(a)
    return out


def _domestic_politician_country(exclude: frozenset, actors) -> str:
    """The country of a party, a legislature, or a person speaking for one: the sources whose
    "the government" is their own."""
    out = set()
    for e in exclude:
        a = actors.actors.get(e)
        if a is None or not a.country:
            continue
        org = actors.actors.get(a.org) if getattr(a, "org", "") else None
        if getattr(a, "kind", "") in ("political_party", "legislature") \
                or (org is not None and getattr(org, "kind", "") in ("political_party", "legislature")) \
                or (a.type == "person" and any(w in (a.role or "").lower().split() for w in LEGISLATOR_ROLES)):
            out.add(a.country)
    return next(iter(out)) if len(out) == 1 else ""


#: Offices a bare "the <office>" refers back to ("called on the minister to explain").
OFFICE_NOUNS = {"minister", "president", "premier", "chancellor", "taoiseach", "tanaiste", "secretary"}

#: Role words of people who sit in their own country's legislature or opposition.
LEGISLATOR_ROLES = {"senator", "mp", "lawmaker", "legislator", "deputy", "congressman", "congresswoman",
                    "parliamentarian", "opposition"}


def _home_government(tok: Token, found: list, actors, exclude: frozenset) -> list:
    """'UNITA's leader demanded that the government disclose the cost' in a story set in Congo:
    a bare "the government" (or "the defence ministry") in an opposition party's demand is its
    own country's, not the one the article is mostly about."""
    if tok.lower_ not in ("government", "executive", "ministry", "cabinet") or len(found) != 1 \
            or found[0].type not in ("government", "state") \
            or any(not (c.dep_ == "det" and c.lower_ == "the") and not (
                   c.dep_ in ("compound", "amod")
                   and (actors.at_token(c) is None or actors.mention_at(c) is actors.mention_at(tok))
                   and not c.text[:1].isupper())
                   for c in tok.children if c.i < tok.i):
        return found  # "the Russian defence ministry" names its country
    own = _domestic_politician_country(exclude, actors)
    if not own or own == found[0].country:
        return found
    state = state_actor(actors, own)
    home = government_or_state(actors, state) if state is not None else None
    return [home] if home is not None and home.id not in exclude else found


def _clause_actors(clause: Token, actors, lex: Lexicon, exclude: frozenset) -> list:
    """Every actor named in a clause ("concerned that the regional force was fighting alongside the FDLR")."""
    span = clause.doc[clause.left_edge.i:clause.right_edge.i + 1]
    out = []
    for t in span:
        if t.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ"):
            continue
        a = actors.at_token(t) or (_actor_for_token(t, actors, lex) if t.pos_ in ("NOUN", "PRON") else None)
        if a is not None and a.id not in exclude and a.type != "other" and all(a.id != b.id for b in out):
            out.append(a)
    return out


def resolve_targets(m: CueMatch, actors, lex: Lexicon, exclude: frozenset = frozenset()) -> Resolved:
    """Towards whom the position is taken (never an actor in ``exclude``, i.e. the source)."""
    root = m.root
    e = m.entry
    strict = e.needs_target_actor
    if e.role == "evaluative":
        return Resolved(_evaluated(root, actors, lex, strict, exclude), "described")
    if e.role == "obligation":
        # '"Israel must withdraw from Lebanese territory," he said': the one who must act; not
        # the speaker's own side ("we must", "our soldiers must")
        verb = root.head
        if _lemma(verb) == "be":
            return Resolved([], "")  # "the army must be the only armed force": a view, not a demand
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(sj.lower_ in lex.first_person_plural | lex.first_person_singular
               or any(c.dep_ == "poss" and c.lower_ in lex.first_person_plural for c in sj.children)
               for sj in subj):
            return Resolved([], "")
        # "the Luanda and Nairobi tracks should be merged": a process, not an actor, is obliged
        subj = [sj for sj in subj if actors.at_token(sj) is not None or sj.pos_ in ("PRON", "PROPN")
                or _lemma(sj) in AGENT_NOUNS or _lemma(sj) in lex.event_nouns or sj.lower_ in lex.event_nouns
                or _lemma(sj) in lex.side_nouns or _lemma(sj) in lex.group_nouns]
        return Resolved(_targets_of(subj, actors, lex, True, exclude), "obliged")
    if e.role == "accusation":
        # a speaker depicting an actor waging war, killing ...: the actor it is said of
        return Resolved(_targets_of(_subjects(root), actors, lex, True, exclude), "agent of act")
    if e.role == "experiencer":
        objs = _prep_objects(root, e.target_preps or ("about", "over", "at", "by", "with", "to", "for"))
        found = _targets_of(objs, actors, lex, strict, exclude)
        if found:
            return Resolved(found, "oblique")
        for c in root.children:
            if c.dep_ in ("ccomp", "advcl") and any(w.dep_ == "mark" and w.lower_ == "that" for w in c.children) \
                    or c.dep_ == "ccomp":
                return Resolved(_clause_actors(c, actors, lex, exclude), "clause")
        return Resolved([], "")
    if e.role == "nominal":
        preps = e.target_preps or ("for", "to", "of", "against", "with")
        objs = _prep_objects(root, preps)
        if not objs and root.dep_ == "dobj" and _lemma(root.head) in LIGHT_VERBS:
            # 'expressed "deep regret" over the move': the phrase hangs on the light verb
            objs = [o for o in _prep_objects(root.head, preps) if o.i > root.i]
        if not objs and root.dep_ == "dobj" and _lemma(root.head) in ("give", "extend", "offer", "accord"):
            # "gave the troops a warm welcome": the receiver of the light verb
            objs = [c for c in root.head.children if c.dep_ in ("dative", "iobj") or (c.dep_ == "dobj" and c.i < root.i)]
        return Resolved(_targets_of(objs, actors, lex, strict, exclude), "oblique")
    # agent and action: prepositions that end a phrase cue ("call on", "stand with")
    last = m.tokens[-1]
    if len(m.tokens) > 1 and (last.pos_ == "ADP" or last.dep_ in ("prep", "prt")):  # "upon" is often SCONJ
        objs = [c for c in last.children if c.dep_ == "pobj"]
        if not objs and last.dep_ == "prt":
            objs = [c for c in root.children if c.dep_ in ("dobj",)]
        if objs:
            return Resolved(_targets_of(objs, actors, lex, strict, exclude), "oblique")
    if e.target_preps:
        objs = []
        for t in m.tokens:
            objs += _prep_objects(t, e.target_preps)
        if objs:
            return Resolved(_targets_of(objs, actors, lex, strict, exclude), "oblique")
    dobj = [c for c in root.children if c.dep_ in ("dobj", "dative")]
    if not dobj and root.pos_ == "VERB" and root.i + 1 < len(root.doc):
        # 'He accused Luanda of having "chosen its side"': the parser sometimes makes the name
        # right after the verb an adverb; it is still the object
        nxt = root.doc[root.i + 1]
        if nxt.head.i == root.i and nxt.pos_ == "PROPN" and nxt.dep_ in ("advmod", "npadvmod", "dep") \
                and actors.at_token(nxt) is not None:
            dobj = [nxt]
    if not dobj and any(c.dep_ == "agent" for c in root.children):
        # "The decision was quickly welcomed by Turkey": the passive subject is what is judged
        dobj = [c for c in root.children if c.dep_ == "nsubjpass"]
    if not dobj and len(m.tokens) > 1 and m.tokens[-1].pos_ == "VERB":
        # "ready to help a brotherly country": the object of the cue's last verb
        dobj = [c for c in m.tokens[-1].children if c.dep_ in ("dobj", "dative")]
    if not dobj and root.i + 1 < len(root.doc) and root.doc[root.i + 1].text in QUOTE_MARKS:
        # 'Canberra "warmly welcomes" Indonesia': a verb quoted on its own loses its object to
        # the closing quote mark in the parse
        dobj = [c for c in root.children if c.i > root.i + 1 and c.pos_ in ("PROPN", "NOUN")
                and c.dep_ in ("npadvmod", "attr", "oprd", "dep", "appos", "nsubj", "advmod")][:1]
    if not dobj and root.dep_ == "relcl" and root.head.pos_ == "NOUN" \
            and not any(c.dep_ == "dobj" or c.lower_ in RELATIVE_PRONOUNS and c.dep_ in SUBJECT_DEPS
                        for c in root.children):
        noun = root.head  # "a move Moscow denounced as a provocation": the noun is the object
        if _lemma(noun) in lex.lede_act_nouns and not actors.at_token(noun):
            found = _last_actor_subject(noun, actors, lex, exclude) or _lede_actors(noun.doc, actors, lex, exclude)
            if found:
                return Resolved(found, "act the relative clause is on")
        dobj = [noun]
    if e.role == "action":
        found = []
        for o in _with_conjuncts(dobj):
            found += _np_actors(o, actors, strict=False, lex=lex)
            found += [a for t in _prep_objects(o, ("with", "to", "of", "from")) for a in _np_actors(t, actors, lex=lex)]
        found += _targets_of(_prep_objects(root, ("with", "from", "on", "against")), actors, lex, True, exclude)
        uniq = []
        for a in found:
            if a.id not in exclude and all(a.id != b.id for b in uniq):
                uniq.append(a)
        return Resolved(uniq, "owner of object")
    if e.stance == "demand":
        # "demanded from NATO the return of the Serbian forces": who is asked
        addressee = _targets_of(_prep_objects(root, ("from",)), actors, lex, True, exclude)
        if addressee:
            return Resolved(addressee, "addressee")
    if dobj:
        if e.stance == "demand" and _lemma(dobj[0]) in lex.beneficiary_nouns:
            # "demanded the release of X": X is backed, the addressee is unnamed
            inner = [a for t in _prep_objects(dobj[0], ("of",)) for a in _np_actors(t, actors, True, lex)]
            return Resolved([a for a in inner if a.id not in exclude], "beneficiary", stance="support")
        found = _targets_of(dobj, actors, lex, strict, exclude)
        if found:
            return Resolved(found, "object")
    # "condemned what it called ...": a free relative clause as the object
    for c in root.children:
        if c.dep_ == "ccomp" and any(w.lower_ == "what" for w in c.children):
            objs = [w for w in c.children if w.dep_ in ("oprd", "dobj", "attr") and w.lower_ != "what"]
            found = []
            for o in objs:
                # "criticised what they called Western pressure on the government": the agent of
                # the pressure, never an actor further inside the phrase
                found += _np_actors(o, actors, strict=True, lex=lex) or [
                    a for t in _prep_objects(o, ("from", "by", "of")) for a in _np_actors(t, actors, lex=lex)]
            found = [a for a in found if a.id not in exclude]
            if found:
                return Resolved(found, "free relative")
    # "demanded that France withdraw"
    if e.stance == "demand":
        for c in root.children:
            # "called for the Ugandan troops to leave": the parser makes "for" the mark of an
            # adverbial clause
            if c.dep_ == "ccomp" or c.dep_ == "advcl" and any(
                    w.dep_ == "mark" and w.lower_ in ("for", "that") for w in c.children):
                subjects = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")] or [
                    s for s in c.children if s.dep_ in ("compound", "npadvmod") and s.i < c.i]  # mis-parsed "that UNFICYP sign"
                found = _targets_of(subjects, actors, lex, True, exclude)
                if not found:
                    # "demanded that the agreement be put before parliament": whoever made it
                    for sj in subjects:
                        if _lemma(sj) in lex.act_nouns:
                            found = _last_actor_subject(sj, actors, lex, exclude)
                            if not found and _lemma(sj) in lex.lede_act_nouns:
                                found = _lede_actors(sj.doc, actors, lex, exclude)
                            break
                if not found:
                    # "demanded that peacekeepers clear every patrol": the force's operation
                    found = [a for sj in subjects if _lemma(sj) in lex.event_nouns or sj.lower_ in lex.event_nouns
                             for a in _event_target(sj, actors, lex, exclude)]
                if found:
                    return Resolved(found, "clause subject")
    # "regretted that the Canadian trainers would leave": whoever the clause is about
    if _lemma(root) in CLAUSE_ATTITUDE_VERBS:
        for c in root.children:
            if c.dep_ == "ccomp" and any(w.dep_ == "mark" and w.lower_ == "that" for w in c.children):
                found = _clause_actors(c, actors, lex, exclude)
                if found:
                    return Resolved(found, "clause")
    # "threatened to treat the Egyptian soldiers as ...", "vowed to fight the junta": the object
    # of the infinitive the hostile cue governs
    if e.stance == "oppose" and e.role == "agent":
        inner = [o for c in root.children if c.dep_ == "xcomp"
                 for o in c.children if o.dep_ in ("dobj", "dative")]
        found = _targets_of(inner, actors, lex, True, exclude)
        if found:
            return Resolved(found, "object of infinitive")
    if e.stance == "demand":
        # 'asked to Turkey "maximum restraint"' (translated copy): the addressee after "to"
        found = _targets_of(_prep_objects(root, ("to",)), actors, lex, True, exclude)
        if found:
            return Resolved(found, "addressee")
    # "accused X of", "protested against X"
    objs = _prep_objects(root, ("against", "on", "with", "over"))
    if objs:
        return Resolved(_targets_of(objs, actors, lex, True, exclude), "oblique")
    return Resolved([], "")


# --------------------------------------------------------------------------- modality & polarity


@dataclass
class Modality:
    negated: bool = False
    stance: str = ""
    factor: float = 1.0
    note: str = ""


def _governor_phrase(tok: Token, lex: Lexicon) -> str | None:
    """A negative governor above the cue: "refused to back", "stopped short of criticising"."""
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            return None
        if cur.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "acomp", "advcl", "ccomp", "advmod", "dobj"):
            return None
        lem = _lemma(head)
        for g in lex.negation_governors:
            words = g.split()
            if words[0] != lem:
                continue
            if len(words) == 1:
                return g
            nxt = [head.doc[j] for j in range(head.i + 1, min(len(head.doc), head.i + len(words)))]
            if len(nxt) == len(words) - 1 and all(_word_matches(t, w) for t, w in zip(nxt, words[1:])):
                return g
        cur = head
    return None


def is_irrealis(tok: Token, lex: Lexicon) -> bool:
    """Whether the cue sits in a clause that is not asserted: "whether ...", "if they joined ..."."""
    cur = tok
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in lex.irrealis_marks for c in cur.children):
            return True
        if cur.head.i == cur.i or cur.dep_ in ("ROOT",):
            return False
        cur = cur.head
    return False


def modality(m: CueMatch, lex: Lexicon) -> Modality:
    """Negation, negative governors, hedges and intensifiers that bear on the cue."""
    root = m.root
    mod = Modality(stance=m.entry.stance)
    scope = [root] + ([root.head] if root.dep_ in ("xcomp",) and root.head.pos_ == "AUX" else [])
    if m.entry.role == "nominal" and root.head.pos_ in ("VERB", "AUX"):
        scope.append(root.head)  # "did not express support"
    if m.entry.role in ("evaluative", "experiencer"):
        cur = root
        while cur.dep_ in ("amod", "pobj", "prep", "compound", "nmod") and cur.head.i != cur.i:
            cur = cur.head
        if cur.head.pos_ in ("VERB", "AUX"):
            scope.append(cur.head)
    negs = [c for t in scope for c in t.children if c.dep_ == "neg" or c.lower_ in ("never",)]
    if root.pos_ == "NOUN":
        negs += [c for c in root.children if c.dep_ == "det" and c.lower_ == "no"]  # "had no objection to"
    before = [t.lower_ for t in root.doc[max(root.sent.start, root.i - 3):root.i] if t.lower_ != "to"]
    if before[-2:] in (["rather", "than"], ["instead", "of"]):
        negs.append(root)  # "abstained rather than veto it": the veto did not happen
    if not negs and _under_negated_go_far(root):
        negs.append(root)  # "did not go as far as accusing Uganda": the accusation was not made
    gov = _governor_phrase(root, lex)
    effect = None
    if gov is not None:
        effect = lex.negation_governors[gov]
        mod.note = gov
        # "did not refuse to back" cancels out
        if any(c.dep_ == "neg" for c in _head_chain(root, gov)):
            effect = None
    elif negs:
        effect = dict(lex.plain_negation)
        if m.entry.on_negation:
            effect[m.entry.stance] = m.entry.on_negation
            effect["factor"] = 0.7
        mod.note = "not"
    if effect:
        mod.negated = True
        mod.stance = effect.get(m.entry.stance, "neutral")
        mod.factor = float(effect.get("factor", 0.0))
    # hedges and intensifiers: adverbs and modals on the cue or its verb
    near = set()
    for t in scope:
        near |= {c for c in t.children if c.dep_ in ("advmod", "aux", "amod")}
    for t in near:
        w = t.lower_
        if w in lex.hedges:
            mod.factor *= lex.hedges[w]
        elif w in lex.intensifiers:
            mod.factor *= lex.intensifiers[w]
    if root.dep_ == "xcomp" and _lemma(root.head) in lex.hedges:  # "appeared to back"
        mod.factor *= lex.hedges[_lemma(root.head)]
    return mod


def _under_negated_go_far(tok: Token) -> bool:
    """Whether the cue sits under a negated "go as far as" / "go so far as to"."""
    cur = tok
    for _ in range(5):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if _lemma(cur) == "go":
            return any(c.dep_ == "neg" for c in cur.children) and any(
                t.lower_ == "far" for t in cur.subtree if t.i < tok.i)
    return False


def _head_chain(tok: Token, gov: str) -> list[Token]:
    out = []
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if _lemma(cur) == gov.split()[0]:
            return list(cur.children)
    return out


def polarity_for(entry: CueEntry, mod: Modality) -> float:
    """The row's polarity: the cue's base polarity, flipped or damped by modality, in [-1, 1]."""
    base = entry.polarity
    if mod.stance == "neutral":
        return 0.0
    if mod.negated and mod.stance != entry.stance:
        # a flipped position ("refused to back") is weaker than the plain opposite
        sign = -1.0 if mod.stance == "oppose" else 1.0
        return round(max(-1.0, min(1.0, sign * abs(base) * (mod.factor or 0.5))), 2)
    return round(max(-1.0, min(1.0, base * mod.factor)), 2)


# --------------------------------------------------------------------------- rows


def _sentence(sent: Span) -> tuple[str, int]:
    text = sent.text
    stripped = text.strip()
    return stripped, sent.start_char + (len(text) - len(text.lstrip()))


def extract_stances(doc: Doc, actors) -> list[dict]:
    """One row per position an actor takes towards another, with the words that say so."""
    lex = load_lexicon()
    quotes = find_quotes(doc, actors, lex)
    rows: list[dict] = []
    seen: set[tuple] = set()
    cues = find_cues(doc, lex)
    cue_roots = {c.root.i for c in cues}
    for m in cues:
        if is_irrealis(m.root, lex):
            continue
        r = m.root
        if r.text[:1].isupper() and not r.is_sent_start and r.i > 0 and not r.doc[r.i - 1].is_punct \
                and r.pos_ not in ("PROPN",) or (r.text[:1].isupper() and actors.at_token(r) is not None
                                                  and actors.at_token(r).type != "state"):
            continue  # a word of a name: "Group to Support Islam and Muslims", "Operation Resolute Support"
        src = resolve_sources(m, quotes, actors, lex)
        if not src.actors:
            continue
        if m.entry.role == "evaluative" and r.pos_ == "NOUN" and r.dep_ == "pobj" \
                and r.head.lower_ in TEMPORAL_PREPS:
            continue  # "formed in 2022 after Russia's full-scale invasion of Ukraine": background, not a position
        tgt = resolve_targets(m, actors, lex, exclude=frozenset(a.id for a in src.actors))
        if m.entry.object_types:
            tgt.actors = [a for a in tgt.actors if a.type in m.entry.object_types]
        if m.entry.default_target == "operation" and src.actors and not _names_its_object(m) \
                and all(getattr(a, "kind", "") == "political_party" for a in src.actors):
            # "Momentum voted against it", "Jobbik abstained": a party votes on its own
            # government's motion, whatever operation the article is about or "it" names
            own = {a.country: state_actor(actors, a.country) for a in src.actors}
            tgt.actors = [government_or_state(actors, st) for st in own.values() if st is not None]
        if not tgt.actors and m.entry.default_target == "operation":
            op = _main_operation(actors)
            if op is not None and all(op.id != a.id for a in src.actors):
                tgt.actors = [op]
        if not tgt.actors:
            continue
        mod = modality(m, lex)
        if m.entry.only_negated and not mod.negated:
            continue
        pol = polarity_for(m.entry, mod)
        if mod.negated and mod.stance == "oppose" and m.entry.stance == "support" and any(
                t.i in cue_roots for o in m.root.children if o.dep_ == "dobj" for t in o.subtree if t.i != o.i):
            # "declined to endorse language condemning Russia": not joining a condemnation is no
            # opposition to the one it would have condemned
            mod.stance, pol = "neutral", 0.0
        if tgt.stance and tgt.stance != mod.stance and not mod.negated:
            mod.stance = tgt.stance
            pol = round(abs(pol) if tgt.stance == "support" else -abs(pol), 2)
        quote = quote_at(m.root, quotes)
        sentence, start = _sentence(m.sent)
        echo = _echo_pairs(m, src.actors, tgt.actors, quote)
        # the speaker's reading replaces the third party's act towards the speaker's own side
        pairs = echo or [(s, t) for s in src.actors for t in tgt.actors]
        for s, t in pairs:
            if s.id == t.id or (s.type == "government" and t.type == "state" and t.id == s.country):
                continue  # a government's position towards its own state is no stance
            if m.entry.role == "evaluative" and t.type == "state" and s.country == t.country \
                    and s.type in ("person", "government"):
                continue  # "anything that deters aggression ... is good for the Philippines"
            if quote is not None and m.entry.role in ("agent", "action") and s.type == "person" \
                    and t.type == "state" and t.id == s.country:
                continue  # 'thanked the soldiers "for standing by Guinea-Bissau"': others stood by the speaker's state
            key = (s.id, t.id, mod.stance, start, m.text)
            if key in seen:
                continue
            seen.add(key)
            rows.append({
                "article_id": actors.article_id,
                "source": s.id,
                "source_country": s.country or "",
                "target": t.id,
                "target_country": t.country or "",
                "stance": mod.stance,
                "cue": m.text,
                "polarity": pol,
                "sentence": sentence,
                "event_category": m.entry.event_category,
                "negated": mod.negated,
                "quoted": quote is not None,
                "speaker": quote.speaker.id if quote is not None and quote.speaker is not None else "",
                "sentence_start": start,
            })
    return rows


def _echo_pairs(m: CueMatch, sources: list, targets: list, quote: Quote | None) -> list[tuple]:
    """'"Turkey has always stood by the Afghan people," [the Afghan adviser] said': what a third
    party does for or against the speaker's own country, told by the speaker, is also the
    speaker's position towards that party (thanks or grievance)."""
    if quote is None or quote.speaker is None or m.entry.role not in ("agent", "action"):
        return []
    speaker = quote.speaker
    own = speaker.id if speaker.type == "state" else speaker.country
    if not own or not any(t.country == own and t.type in ("state", "government") for t in targets):
        return []
    return [(speaker, s) for s in sources if s.id != speaker.id and s.country != own and s.type != "person"]


# --------------------------------------------------------------------------- notebook helpers


def _names(actors_df: pd.DataFrame | None) -> dict[tuple[str, str], str]:
    if actors_df is None or actors_df.empty:
        return {}
    return {(r.article_id, r.actor_id): r.name for r in actors_df.itertuples()}


def _labelled(df: pd.DataFrame, actors_df: pd.DataFrame | None) -> pd.DataFrame:
    """``df`` with ``source_name``/``target_name`` columns (kept if already there, else from the
    actors table, else the ids)."""
    d = df.copy()
    if "article_id" not in d:
        d["article_id"] = ""
    names = _names(actors_df)
    for col in ("source", "target"):
        if f"{col}_name" not in d:
            d[f"{col}_name"] = [names.get((a, v), v) for a, v in zip(d["article_id"], d[col])]
    return d


def net_polarity_matrix(df: pd.DataFrame, actors_df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Source x target table of net polarity: the mean polarity of the pair's rows, in [-1, 1].

    Labels are actor names (``source_name``/``target_name`` columns if present, else looked
    up in ``actors_df``, else the ids); pairs with no row are NaN so a heatmap leaves them blank.
    """
    if df is None or df.empty:
        return pd.DataFrame(dtype=float)
    d = _labelled(df, actors_df)
    mat = d.pivot_table(index="source_name", columns="target_name", values="polarity", aggfunc="mean")
    mat.index.name = "source"
    mat.columns.name = "target"
    return mat.clip(-1.0, 1.0)


def strongest_statements(df: pd.DataFrame, n: int = 10, actors_df: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``n`` strongest rows (largest absolute polarity; direct quotes first on ties), one per
    sentence and pair, with every column of ``df`` plus ``source_name``/``target_name``."""
    if df is None or df.empty:
        cols = list(df.columns) if df is not None else []
        return pd.DataFrame(columns=cols + [c for c in ("source_name", "target_name") if c not in cols])
    d = _labelled(df, actors_df)
    d["_strength"] = d["polarity"].astype(float).abs()
    d["_quoted"] = d["quoted"].astype(bool) if "quoted" in d else False
    d = d.sort_values(["_strength", "_quoted"], ascending=[False, False], kind="stable")
    d = d.drop_duplicates(subset=["article_id", "source", "target", "sentence"])
    return d.head(n).drop(columns=["_strength", "_quoted"]).reset_index(drop=True)
