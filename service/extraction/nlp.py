"""The spaCy pipeline, loaded once per process and per model name, and run in bounded time."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from service.errors import ServiceError


class ModelUnavailable(ServiceError):
    status = 503


# Forms of cue words that the rule lemmatizer reads as another word of its index ("hopes" as "hop").
_LEMMAS = {
    **dict.fromkeys(["hopes", "hoped", "hoping"], "hope"),
    **dict.fromkeys(["hates", "hated", "hating"], "hate"),
    **dict.fromkeys(["lambastes", "lambasted", "lambasting"], "lambaste"),
    "tweeting": "tweet",
    "underlining": "underline",
}


@functools.cache
def load_pipeline(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # not installed: nothing is downloaded at run time
        raise ModelUnavailable(
            f"The spaCy model {name!r} is not installed (pip install it, or set SPACY_MODEL)."
        ) from exc
    if "attribute_ruler" in nlp.pipe_names:  # the lemmatizer keeps a lemma the ruler has set
        ruler = nlp.get_pipe("attribute_ruler")
        assert isinstance(ruler, AttributeRuler)
        for form, lemma in _LEMMAS.items():
            ruler.add(patterns=[[{"LOWER": form}]], attrs={"LEMMA": lemma})
    return nlp


_RUN_MAX = 64
_LONG_RUN = re.compile(rf"(\S{{{_RUN_MAX + 1},}})( ?)")


def parse(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """`nlp.pipe(texts)`, where a run of more than 64 characters between spaces is a single token.

    spaCy's tokenizer peels the punctuation off a run one mark at a time, reading the rest of the run
    again each time, and makes a token of each mark: 32 KB of `!` or `"` took 20 s. No word is that
    long (spaCy keeps a web address whole too), and each doc's text is still exactly its text.
    """
    return nlp.pipe(_tokenize(nlp, text) for text in texts)


def _tokenize(nlp: Language, text: str) -> Doc:
    if all(len(word) <= _RUN_MAX for word in text.split()):
        return nlp.make_doc(text)
    docs: list[Doc] = []
    plain = 0  # where the text between long runs starts
    for run in _LONG_RUN.finditer(text):
        if plain < run.start():
            docs.append(nlp.make_doc(text[plain : run.start()]))
        docs.append(Doc(nlp.vocab, words=[run.group(1)], spaces=[bool(run.group(2))]))
        plain = run.end()
    if plain < len(text):
        docs.append(nlp.make_doc(text[plain:]))
    return Doc.from_docs(docs, ensure_whitespace=False)
