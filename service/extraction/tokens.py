"""Walks up a spaCy parse that always end.

spaCy builds a new Token object on every access, so `tok.head is tok` never holds, not even at
the root (whose head is itself): tokens are compared by index, and a walk takes at most one step
per token of the document.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token


def up_to_root(tok: Token) -> Iterator[Token]:
    """`tok`, its head, that one's head, ... up to the root of its sentence (one step per token at most)."""
    yield tok
    for _ in range(len(tok.doc)):
        head = tok.head
        if head.i == tok.i:
            return
        yield head
        tok = head
