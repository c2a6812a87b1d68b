"""Actors: one row per real-world actor in an article, typed, with country, role and aliases.

This module owns every link from text to actor. Force contributions and stances never
look at names themselves: they ask the :class:`ActorSet` which actor a token, a noun
phrase or a pronoun stands for, so a canonicalisation fix here improves all three tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token


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


class ActorSet:
    """The actors of one article and the index from tokens to actors.

    Public queries used by the forces and stances extractors:

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

    def __init__(self, doc: Doc, article_id: str) -> None:
        self.doc = doc
        self.article_id = article_id
        self.actors: dict[str, Actor] = {}
        self.mentions: list[Mention] = []
        self._by_token: dict[int, Mention] = {}


def extract_actors(doc: Doc, article_id: str) -> ActorSet:
    """Find, type and canonicalise every actor in a parsed article."""
    raise NotImplementedError
