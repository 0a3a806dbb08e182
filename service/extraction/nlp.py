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


def parse_title_cased(nlp: Language, doc: Doc, names: set[str], nouns: frozenset[str]) -> Doc:
    """The doc of a title-cased line ("Senator Rips Plan As A 'Fraud'") parsed as if sentence-cased.

    The small model reads every capitalised word as a name, so a headline's verbs go unseen. Its
    words are lowered, but for the first (or a label) unless it is one of the common `nouns` ("Judge
    Rejects ..."), the names the article uses elsewhere (`names`, lower-cased) and acronyms; the parse of that is put back on the original words, so offsets and text stay.
    """
    # a label opening the line ("Pat Caddell: ...") is a name whether or not the article repeats it
    label = next((t.i + 1 for t in doc[:5] if t.text == ":"), 0 if len(doc) and doc[0].lower_ in nouns else 1)
    lowered = [
        t.lower_ if k >= label and t.text[:1].isupper() and not t.is_upper and t.lower_ not in names else t.text
        for k, t in enumerate(doc)
    ]
    spaces = [bool(t.whitespace_) for t in doc]
    parsed = nlp(Doc(nlp.vocab, words=lowered, spaces=spaces))
    return Doc(
        nlp.vocab,
        words=[t.text for t in doc],
        spaces=spaces,
        tags=[t.tag_ for t in parsed],
        pos=[t.pos_ for t in parsed],
        morphs=[str(t.morph) for t in parsed],
        lemmas=[t.lemma_ for t in parsed],
        heads=[t.head.i for t in parsed],
        deps=[t.dep_ for t in parsed],
        sent_starts=[bool(t.is_sent_start) for t in parsed],
        ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ != "O" and t.ent_type_ else "O" for t in parsed],
    )


def title_cased(text: str) -> bool:
    """A headline-style line: most of its words of four letters or more start with a capital."""
    words = [w for w in text.split() if len(w.strip("\"'“”‘’.,:;!?")) >= 4]
    return len(words) >= 3 and sum(w.strip("\"'“”‘’")[:1].isupper() for w in words) >= 0.8 * len(words)
