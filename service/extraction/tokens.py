"""Reading a spaCy parse in time proportional to what is read, and in walks that always end.

spaCy builds a new Token object on every access, so `tok.head is tok` never holds, not even at
the root (whose head is itself): tokens are compared by index. `span.ents` and `doc.ents` read
every token of the document, so a paragraph's sentences asking for theirs take quadratic time.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token


def up_to_root(tok: Token) -> Iterator[Token]:
    """`tok`, its head, that one's head, ... up to the root of its sentence (one step per token at most)."""
    yield tok
    for _ in range(len(tok.doc)):
        head = tok.head
        if head.i == tok.i:
            return
        yield head
        tok = head


def entities(span: Span) -> list[Span]:
    """`span.ents`: the named entities wholly inside the span."""
    doc = span.doc
    found: list[Span] = []
    start = None  # of the entity being read; None inside one that began before the span
    for i in range(span.start, span.end):
        tok = doc[i]
        if tok.ent_iob_ == "I":
            continue
        if start is not None:
            found.append(Span(doc, start, i, label=doc[start].ent_type_))
        start = i if tok.ent_iob_ == "B" and tok.ent_type_ else None
    if start is not None and (span.end == len(doc) or doc[span.end].ent_iob_ != "I"):
        found.append(Span(doc, start, span.end, label=doc[start].ent_type_))
    return found


def entity_of(tok: Token) -> Span | None:
    """The named entity `tok` is part of."""
    if not tok.ent_type_:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)
