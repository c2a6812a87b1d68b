"""The spaCy pipeline: a statistical English model with the reference data ahead of its NER.

Known names go through an entity ruler placed before the statistical NER, so "Mali" is
never tagged as a person and "Takuba" never as a place, while the model still finds the
people and organisations no list has. A small sentence-boundary component keeps
headlines, paragraphs and closing quotation marks from gluing sentences together.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .config import DEFAULT_MODELS, MODEL_ENV_VAR
from .errors import BriefingError
from .reference import get_reference

QUOTES = {'"', "\u201c", "\u201d", "''", "``"}


SENTENCE_END = {".", "!", "?", ":", ";", "\u2026"}
CLOSERS = QUOTES | {")", "]", "\u2019", "'"}


def _may_end_sentence(doc: Doc, i: int) -> bool:
    """Whether a sentence may end right before token ``i``: after . ! ? (or a colon or
    semicolon), possibly followed by closing quotes or brackets."""
    j = i - 1
    while j > 0 and (doc[j].text in CLOSERS or doc[j].is_space):
        j -= 1
    text = doc[j].text
    return text in SENTENCE_END or text.endswith(".") or text[-1:] in SENTENCE_END


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at each paragraph or line break; never at a closing quotation mark.

    Wire copy puts sub-headings on lines of their own, and the parser otherwise glues them
    to the next sentence; a closing quote left at the start of the next sentence breaks
    quote attribution.
    """
    inside_quote = False
    for i, tok in enumerate(doc):
        if i == 0:
            continue
        prev = doc[i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
            inside_quote = False
        elif not _may_end_sentence(doc, i) and not tok.is_space:
            # "Latvia First leader Ainārs Šlesers accused ...": without a full stop before it,
            # a word inside a line never opens a sentence, whatever the parser guesses
            tok.is_sent_start = False
        if tok.text in QUOTES:
            # straight quotes alternate; curly ones say which way they face
            opening = {"\u201c": True, "\u201d": False}.get(tok.text, not inside_quote)
            if not opening and not tok.is_sent_start:
                tok.is_sent_start = False
            inside_quote = opening
    return doc


def model_name() -> str | None:
    """The spaCy model to load: $FORCE_BRIEFING_MODEL, else the first installed default."""
    chosen = os.environ.get(MODEL_ENV_VAR)
    if chosen:
        return chosen
    installed = set(spacy.util.get_installed_models())
    for name in DEFAULT_MODELS:
        if name in installed:
            return name
    return None


@lru_cache(maxsize=2)
def load_pipeline(model: str | None = None) -> Language:
    """Load the model and add the reference entity ruler and boundary rules (cached per model)."""
    name = model or model_name()
    if not name:
        raise BriefingError(
            f"no spaCy English model installed: run `make setup`, or set {MODEL_ENV_VAR} to an installed pipeline"
        )
    try:
        nlp = spacy.load(name)
    except (OSError, IOError) as err:
        first = str(err).splitlines()[0][:200]
        raise BriefingError(f"cannot load spaCy model {name!r}: {first}") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    ruler_kwargs = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name="reference_ruler",
                         config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"}, **ruler_kwargs)
    ruler.add_patterns(get_reference().ruler_patterns())
    return nlp


def clean_span_text(text: str) -> str:
    """Strip quotes, dashes and whitespace that NER sometimes includes at a span's edges."""
    return re.sub(r"^[\s\"'\u201c\u201d\u2018\u2019\-\u2013\u2014(]+|[\s\"'\u201c\u201d\u2018\u2019\-\u2013\u2014),.:;]+$",
                  "", text)
