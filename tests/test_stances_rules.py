"""Stance rules on one-sentence texts: cues, quotes and speakers, sources, targets, negation,
hedges, collective sources, actions as positions and polarity.

The stance extractor's own rules are tested here in isolation from the actor extractor: a
small ActorSet stand-in (``TableActors``) implements the documented ActorSet queries over a
fixed alias table, so each expected row depends only on the stance rules. Expected rows are
written by hand from the text. ``test_stances_pipeline.py`` runs the same kind of cases
through the real actor extractor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from analysis.config import LEXICON_DIR
from analysis.stances import (
    extract_stances, find_cues, find_quotes, load_lexicon, net_polarity_matrix, strongest_statements,
)


# -------------------------------------------------------------------- ActorSet stand-in

ACTOR_TABLE = [
    ("DNK", "Denmark", "state", "DNK", ["Denmark", "Danish", "Copenhagen"]),
    ("MLI", "Mali", "state", "MLI", ["Mali", "Malian"]),
    ("mali-junta", "Mali's military junta", "government", "MLI",
     ["junta", "military junta", "military council", "coup generals", "Bamako", "Mali's government"]),
    ("FRA", "France", "state", "FRA", ["France", "French", "Paris"]),
    ("DEU", "Germany", "state", "DEU", ["Germany", "German", "Berlin"]),
    ("GBR", "United Kingdom", "state", "GBR", ["Britain", "British", "London"]),
    ("RUS", "Russia", "state", "RUS", ["Russia", "Russian", "Moscow"]),
    ("wagner", "Wagner Group", "armed_group", "RUS", ["Wagner", "Wagner Group"]),
    ("kofod", "Jeppe Kofod", "person", "DNK", ["Kofod", "Jeppe Kofod", "Minister Kofod"]),
    ("le-drian", "Jean-Yves Le Drian", "person", "FRA", ["Le Drian", "Jean-Yves Le Drian"]),
    ("wallace", "Ben Wallace", "person", "GBR", ["Ben Wallace", "Wallace"]),
    ("ecowas", "ECOWAS", "international_organization", "", ["ECOWAS"]),
]

PERSON_PRONOUNS = {"he", "him", "his", "she", "her"}
THING_PRONOUNS = {"it", "its", "they", "their", "them"}


@dataclass
class FakeActor:
    id: str
    name: str
    type: str
    country: str = ""
    aliases: list = field(default_factory=list)


class TableActors:
    """The ActorSet queries over a fixed alias table (longest alias wins, case-insensitive)."""

    def __init__(self, doc, article_id="t"):
        import spacy

        tok = spacy.blank("en").tokenizer
        self.doc, self.article_id = doc, article_id
        self.actors = {r[0]: FakeActor(*r) for r in ACTOR_TABLE}
        forms = sorted(((tuple(t.lower_ for t in tok(al)), a.id) for a in self.actors.values()
                        for al in a.aliases), key=lambda f: -len(f[0]))
        low = [t.lower_ for t in doc]
        self._by: dict[int, str] = {}
        self.spans: list[tuple[int, int, str]] = []
        for i in range(len(doc)):
            for words, aid in forms:
                n = len(words)
                if tuple(low[i:i + n]) == words and not any(j in self._by for j in range(i, i + n)):
                    self._by.update({j: aid for j in range(i, i + n)})
                    self.spans.append((i, i + n, aid))
                    break

    def actor(self, actor_id):
        return self.actors[actor_id]

    def at_token(self, token):
        aid = self._by.get(token.i)
        return self.actors[aid] if aid else None

    def for_phrase(self, token):
        found = self.at_token(token)
        if found is not None:
            return found
        if token.lower_ in PERSON_PRONOUNS | THING_PRONOUNS:
            return self.antecedent(token)
        for c in token.children:
            if c.dep_ == "poss":
                return self.for_phrase(c)
        for c in token.children:
            if c.dep_ in ("amod", "compound", "nmod") and self.at_token(c) is not None:
                return self.at_token(c)
        return None

    def antecedent(self, token):
        want_person = token.lower_ in PERSON_PRONOUNS
        if not want_person and token.lower_ not in THING_PRONOUNS:
            return None
        for s, e, aid in reversed([m for m in self.spans if m[1] <= token.i]):
            a = self.actors[aid]
            if (a.type == "person") == want_person:
                return a
        return None

    def mentions_in(self, span):
        return [m for m in self.spans if span.start <= m[0] < span.end]

    def main_operation(self):
        return None


@pytest.fixture(scope="session")
def stances_of(nlp):
    def run(text):
        doc = nlp(text)
        return extract_stances(doc, TableActors(doc))
    return run


def triples(rows):
    return {(r["source"], r["target"], r["stance"]) for r in rows}


# -------------------------------------------------------------------- sources and targets

CASES = [
    # subject of a cue verb; target through a possessive
    ("Denmark condemned the junta's decision.", {("DNK", "mali-junta", "oppose")}),
    # target in an oblique: "support for Denmark"
    ("Le Drian expressed his support for Denmark.", {("le-drian", "DNK", "support")}),
    # "called on Mali", conjoined subjects: one row per member
    ("France and Germany called on Mali to allow the Danish force to stay.",
     {("FRA", "MLI", "demand"), ("DEU", "MLI", "demand")}),
    # "asked Denmark to withdraw": demand, addressee is the object
    ("The junta asked Denmark to withdraw its troops.", {("mali-junta", "DNK", "demand")}),
    # "blamed Mali's government"
    ("Denmark blamed Mali's government for the crisis.", {("DNK", "mali-junta", "oppose")}),
    # quote with trailing attribution; the target is named inside the quote
    ('"The military council is illegitimate," Kofod said.', {("kofod", "mali-junta", "oppose")}),
    ('"Wagner\'s forces are a bunch of murderous thugs," Wallace said.', {("wallace", "wagner", "oppose")}),
    # "He added:" after a sentence naming him
    ('Kofod spoke to reporters in Copenhagen. He added: "The junta is illegitimate."',
     {("kofod", "mali-junta", "oppose")}),
    # "according to ..."
    ("The junta is illegitimate, according to France.", {("FRA", "mali-junta", "oppose")}),
    # pronoun source
    ("Le Drian met reporters on Monday. He condemned the junta.", {("le-drian", "mali-junta", "oppose")}),
    # indirect speech: "He said ..."
    ("Le Drian spoke in Paris. He said the junta was illegitimate.", {("le-drian", "mali-junta", "oppose")}),
    # inside a quote, "we" is the speaker's country
    ('"We condemn the junta," Kofod said.', {("DNK", "mali-junta", "oppose")}),
    # scare quote under a characterising verb, target in the cue's complement
    ('Denmark condemned what it called a "dirty political game" from Bamako.', {("DNK", "mali-junta", "oppose")}),
    # actions framed as positions
    ("The junta expelled the French ambassador.", {("mali-junta", "FRA", "oppose")}),
    ("Mali ended its defence pact with France.", {("MLI", "FRA", "oppose")}),
    ("France imposed sanctions on Mali.", {("FRA", "MLI", "oppose")}),
    # "the attack", "the shooting": the agent of the latest hostile act before it
    ("Russian fire wounded two soldiers on Monday. Denmark condemned the attack.", {("DNK", "RUS", "oppose")}),
    ('Russian troops fired on a convoy. Kofod called the shooting "intolerable".', {("kofod", "RUS", "oppose")}),
    # "these claims": whoever made them
    ("Russia described the mission as a provocation. Germany rejected these claims.",
     {("DEU", "RUS", "oppose")}),
    # thanking is support
    ("Kofod thanked Germany for its help.", {("kofod", "DEU", "support")}),
    # negation and hedges
    ("Germany did not condemn the junta.", {("DEU", "mali-junta", "neutral")}),
    ("Germany stopped short of criticising the junta.", {("DEU", "mali-junta", "neutral")}),
    ("Germany refused to back France.", {("DEU", "FRA", "oppose")}),
    # not asserted: no row
    ("Germany did not say whether France had condemned the junta.", set()),
    # "his" after a person the actors table does not know is that person, not Kofod
    ("Kofod spoke on Monday. Ahmed Traore said his fighters would treat the Danish troops as invaders.", set()),
    # no cue: no row
    ("Denmark sent 100 soldiers to Mali.", set()),
    # never source == target
    ("France praised the French troops.", set()),
    # a cue with no actor as target: no row
    ("Denmark condemned the violence.", set()),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_stance_triples(stances_of, text, expected):
    assert triples(stances_of(text)) == expected


def test_person_source_carries_country(stances_of):
    rows = stances_of('"The military council is illegitimate," Kofod said.')
    assert [(r["source_country"], r["target_country"]) for r in rows] == [("DNK", "MLI")]


def test_quote_columns(stances_of):
    rows = stances_of('"The military council is illegitimate," Kofod said.')
    assert rows[0]["quoted"] is True
    assert rows[0]["speaker"] == "kofod"
    assert rows[0]["cue"] == "illegitimate"
    assert rows[0]["event_category"] == "DISAPPROVE"
    plain = stances_of("Denmark condemned the junta's decision.")
    assert plain[0]["quoted"] is False and plain[0]["speaker"] == ""


def test_sentence_is_verbatim_evidence(stances_of):
    text = "Troops arrived on Monday.\n\nDenmark condemned the junta's decision. Mali said nothing."
    rows = stances_of(text)
    assert len(rows) == 1
    r = rows[0]
    assert r["sentence"] == "Denmark condemned the junta's decision."
    assert text[r["sentence_start"]:r["sentence_start"] + len(r["sentence"])] == r["sentence"]


def test_negation_sets_flag_and_zero_polarity(stances_of):
    [r] = stances_of("Germany did not condemn the junta.")
    assert r["negated"] is True and r["polarity"] == 0.0
    [r] = stances_of("Germany refused to back France.")
    assert r["negated"] is True and -1.0 <= r["polarity"] < 0


def test_polarity_ordering(stances_of):
    def pol(text):
        [r] = stances_of(text)
        return r["polarity"]
    condemn = pol("Denmark condemned the junta.")
    criticise = pol("Denmark criticised the junta.")
    concern = pol("Denmark expressed concern about the junta.")
    thugs = pol('"Wagner\'s forces are a bunch of murderous thugs," Wallace said.')
    support = pol("Le Drian expressed his support for Denmark.")
    assert thugs < condemn < criticise < concern < 0 < support


def test_intensifier_and_hedge(stances_of):
    [plain] = stances_of("Denmark criticised the junta.")
    [strong] = stances_of("Denmark strongly criticised the junta.")
    [hedged] = stances_of("Denmark may criticise the junta.")
    assert strong["polarity"] < plain["polarity"] < hedged["polarity"] < 0


# -------------------------------------------------------------------- quotes and cues


def test_quote_speakers(nlp):
    text = ('"We are there at the invitation of Mali," Minister Kofod said. "The coup generals withdrew it."\n\n'
            'Le Drian met reporters. He added: "The junta is isolated."')
    doc = nlp(text)
    quotes = find_quotes(doc, TableActors(doc))
    assert [(doc[q.start:q.end].text.strip(' ,."'), q.speaker.id if q.speaker else None) for q in quotes] == [
        ("We are there at the invitation of Mali", "kofod"),
        ("The coup generals withdrew it", "kofod"),
        ("The junta is isolated", "le-drian"),
    ]


def test_longest_cue_wins(nlp):
    doc = nlp("Le Drian expressed his support for Denmark and called the measures irresponsible measures.")
    cues = [m.text for m in find_cues(doc)]
    assert "express his support" not in cues  # gaps are kept in the text
    assert "expressed his support" in cues
    assert "support" not in cues
    assert "irresponsible measures" in cues and "irresponsible" not in cues


# -------------------------------------------------------------------- lexicon


def test_lexicon_is_valid_and_covers_the_brief():
    raw = json.loads((LEXICON_DIR / "stance_cues.json").read_text(encoding="utf-8"))
    lex = load_lexicon()
    assert len(lex.cues) == len(raw["cues"])
    for c in lex.cues:
        assert c.stance in ("support", "oppose", "demand", "neutral")
        assert -1.0 <= c.polarity <= 1.0
        assert c.event_category
        assert (c.polarity < 0) == (c.stance in ("oppose", "demand")), c.cue
    words = {c.cue for c in lex.cues}
    for needed in ["condemn", "criticise", "accuse", "blame", "reject", "denounce", "dirty political game",
                   "illegitimate", "irresponsible measures", "murderous thug", "express concern", "support",
                   "back", "welcome", "praise", "thank", "stand with", "express support", "call on", "urge",
                   "ask", "demand", "insist on", "expel", "end", "impose sanction"]:
        assert needed in words, needed
    by = {(c.cue, c.pos[0]): c.polarity for c in lex.cues}
    assert by[("murderous thug", "NOUN")] == -1.0
    assert by[("condemn", "VERB")] < by[("criticise", "VERB")] < by[("express concern", "VERB")] < 0


def test_lexicon_errors_name_the_cue(tmp_path):
    bad = tmp_path / "cues.json"
    bad.write_text(json.dumps({"cues": [{"cue": "smile", "stance": "happy", "polarity": 0.2}]}))
    with pytest.raises(ValueError, match="smile"):
        load_lexicon(bad)


# -------------------------------------------------------------------- notebook helpers


def _df():
    import pandas as pd

    return pd.DataFrame([
        {"article_id": "a", "source": "DNK", "target": "MLI", "stance": "oppose", "polarity": -0.9,
         "quoted": False, "sentence": "s1", "cue": "condemned"},
        {"article_id": "a", "source": "DNK", "target": "MLI", "stance": "oppose", "polarity": -0.3,
         "quoted": True, "sentence": "s2", "cue": "express concern"},
        {"article_id": "a", "source": "FRA", "target": "DNK", "stance": "support", "polarity": 0.7,
         "quoted": False, "sentence": "s3", "cue": "support"},
    ])


def test_net_polarity_matrix_uses_names_and_means():
    import pandas as pd

    actors = pd.DataFrame([{"article_id": "a", "actor_id": i, "name": n}
                           for i, n in [("DNK", "Denmark"), ("MLI", "Mali"), ("FRA", "France")]])
    m = net_polarity_matrix(_df(), actors)
    assert m.loc["Denmark", "Mali"] == pytest.approx(-0.6)
    assert m.loc["France", "Denmark"] == pytest.approx(0.7)
    assert pd.isna(m.loc["France", "Mali"])
    assert net_polarity_matrix(_df().iloc[0:0]).empty


def test_strongest_statements_orders_by_strength():
    top = strongest_statements(_df(), 2)
    assert list(top["cue"]) == ["condemned", "support"]
    assert list(top["source_name"]) == ["DNK", "FRA"]  # ids when no names are known


def test_stances_rules_quote_under_a_said_colon_line_belongs_to_that_speaker(nlp):
    # press releases: the speaker's line ends in a colon, the quote is the next paragraph
    from analysis.actors import extract_actors
    from analysis.stances import extract_stances
    doc = nlp('Defence Secretary John Healey said:\n\n"Our partners are as committed as ever. '
              'I want to thank Canada and New Zealand for sending their instructors."')
    rows = extract_stances(doc, extract_actors(doc, "t"))
    got = {(r["source"], r["target"], r["stance"]) for r in rows}
    assert {("john-healey", "CAN", "support"), ("john-healey", "NZL", "support")} <= got


def test_stances_rules_praise_of_a_third_party_for_the_speakers_country_is_the_speakers_support(nlp):
    from analysis.actors import extract_actors
    from analysis.stances import extract_stances
    doc = nlp('Afghan National Security Adviser Hamdullah Mohib spoke in Kabul. '
              '"Turkey has always stood by the Afghan people," Mohib said.')
    rows = extract_stances(doc, extract_actors(doc, "t"))
    got = {(r["source"], r["target"], r["stance"]) for r in rows}
    assert ("hamdullah-mohib", "TUR", "support") in got
    assert ("TUR", "AFG", "support") not in got  # the speaker's reading replaces it
