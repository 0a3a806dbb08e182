"""Article text -> paragraphs (headings set aside) -> sentences that keep quotations whole."""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Doc, Span

from service.extraction.lexicon import REPORT

_TERMINAL = tuple(".!?…:;\"”’')]")
_HEADING_MAX_WORDS = 14
_PIECE_MAX = 20_000
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*(\s+)")
_SPACES = re.compile(r"\s+")
_STRAIGHT_MARKS = frozenset(['"', "''", "``"])
_CLOSING_MARKS = ("”", '"', "''", "’")
_ATTRIBUTION_WORDS = 14  # "the mayor's niece, state Del. Marcia Price (D-Newport News), shouted to the crowd."
_QUOTE_SENTENCES_AFTER = 5  # a quotation closes within this many sentences after the one it opens in
# Who a paragraph belongs to by its layout: a label opening it ("PENCE: ...", "Pat Caddell: ..." in a
# transcript or headline), or a signature closing a quotation ("... .” ― Jane Doe"). Names of at most
# four words, read from the paragraph's first or last 80 characters.
_LABEL = re.compile(r"^[\"“]?(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+\S")
_SIGNATURE = re.compile(r"(?:^|[.!?”\"’'…]\s{0,3})[―—]\s{0,3}(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})\.?$")
# A byline among the first lines: "By Jane Doe", "By Jane Doe and John Roe", "By JANE DOE, Staff Writer".
_BYLINE = re.compile(r"^By (?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3})(?:$|,| and )")
_BYLINE_LINES = 6
# A tweet embedded as markup by the page it was taken from: `<tweet ... author="@handle" ...>text</tweet>`.
_TWEET = re.compile(r"<tweet\b[^>]{0,400}?\bauthor=\"@?(?P<name>[^\"<>]{1,60})\"")
_BULLET = re.compile(r"^(?:[-•*–—▪·]|\d{1,2}[.)])\s+(?=\S)")
# "PORT CALDER — ", "BIRCHFIELD, Calif. — ": the dateline is not part of the first sentence's claim.
# The place is at most 60 characters and the spaces before the dash at most 3: the place's spaces and
# hyphens are also what follows it, and unbounded runs of them are split every possible way before a
# match fails.
_DATELINE = re.compile(r"^[A-Z][A-Z.'’\- ]{2,60}(?:, [A-Z][A-Za-z.]+)?\s{0,3}[―—–-]{1,2}\s+(?=[A-Z“\"])")


class Block(NamedTuple):
    paragraph: int  # position among the article's blocks, headings included
    start: int  # character offset in the version text
    text: str
    heading: bool
    item: bool = False  # a bulleted or numbered list item: a claim even without final punctuation


def blocks(text: str) -> list[Block]:
    """One block per non-empty line; a line without final punctuation is a heading when short.

    A long unpunctuated line is a hard-wrapped paragraph and is joined to the lines that follow.
    """
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    result: list[Block] = []
    pending: tuple[int, int] | None = None  # (start, end) of a wrapped paragraph being joined
    body_started = False
    for start, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        end = start + len(line)
        if pending is not None:
            start, pending = pending[0], None
        punctuated = stripped.endswith(_TERMINAL) or signature(stripped) is not None or "<tweet" in stripped
        bullet = _BULLET.match(stripped)
        if not punctuated and not bullet and len(stripped.split()) > _HEADING_MAX_WORDS:
            pending = (start, end)
            continue
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        if bullet:
            lead += bullet.end()
        elif not body_started and (dateline := _DATELINE.match(text[start + lead : end])):
            lead += dateline.end()  # the first paragraph after the headlines opens with the dateline
        body = text[start + lead : end].rstrip()
        heading = not punctuated and not bullet
        body_started = body_started or not heading
        result.append(Block(len(result), start + lead, body, heading=heading, item=bool(bullet)))
    if pending is not None:
        start, end = pending
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        result.append(Block(len(result), start + lead, text[start + lead : end].rstrip(), heading=False))
    return result


def signature(text: str) -> str | None:
    """The name signing a quotation at the end of a paragraph (`“...” ― Jane Doe`), or on a line of its own."""
    found = _SIGNATURE.search(text[-80:])
    return found.group("name").rstrip(".") if found else None


def byline(found: list[Block]) -> str | None:
    """The author a byline among the article's first lines names (the first of several)."""
    for block in found[:_BYLINE_LINES]:
        if match := _BYLINE.match(block.text[:120]):
            return match.group("name")
    return None


def tweet_author(text: str) -> str | None:
    """The handle of a tweet embedded in the paragraph as markup."""
    found = _TWEET.search(text[:1000])
    return found.group("name") if found else None


def label(text: str) -> str | None:
    """The name labelling a paragraph as someone's turn or headline: `PENCE: ...`, `Pat Caddell: ...`."""
    found = _LABEL.match(text[:80])
    return found.group("name").rstrip(".") if found else None


def pieces(block: Block) -> list[Block]:
    """The block, cut where a sentence ends into pieces of at most 20,000 characters.

    No news paragraph is that long, but a text without line breaks is one paragraph: spaCy's time
    and memory grow with a document's length, and it refuses one of over a million characters.
    """
    text, start = block.text, 0
    result: list[Block] = []
    while len(text) - start > _PIECE_MAX:
        end, after = _cut(text, start, start + _PIECE_MAX)
        result.append(block._replace(start=block.start + start, text=text[start:end]))
        start = after
        while start < len(text) and text[start].isspace():  # a run of spaces across the cut
            start += 1
    result.append(block._replace(start=block.start + start, text=text[start:]))
    return result


def _cut(text: str, start: int, end: int) -> tuple[int, int]:
    """Where a piece of text[start:end] ends and the next one starts: at the space after its last
    sentence, else at its last space, else at `end`.
    """
    middle = (start + end) // 2
    gaps = [m.span(1) for m in _SENTENCE_END.finditer(text, middle, end)]
    gaps = gaps or [m.span() for m in _SPACES.finditer(text, middle, end)]
    return gaps[-1] if gaps else (end, end)


def sentences(doc: Doc) -> list[Span]:
    """spaCy's sentences, re-joined where it cut inside a quotation or before a lowercase continuation."""
    sents = _opening_marks_moved(doc, [sent for sent in doc.sents if sent.text.strip()])
    marks = [_quote_marks(sent.text) for sent in sents]
    merged: list[Span] = []
    curly = straight = 0  # the quotation marks of merged[-1]
    for k, sent in enumerate(sents):
        if merged and (_inside_quote(marks, k, curly, straight) or _continues(sent) or _asked_after(merged[-1], sent)):
            merged[-1] = doc[merged[-1].start : sent.end]
        else:
            merged.append(sent)
            curly = straight = 0
        curly, straight = curly + marks[k][0], straight + marks[k][1]
    return merged


def _opening_marks_moved(doc: Doc, sents: list[Span]) -> list[Span]:
    """spaCy ends a sentence with the straight mark that opens the next one (`reform. ''I would`): a
    sentence left with an odd mark after its final stop gives it back to the sentence it opens."""
    moved = list(sents)
    for k in range(len(moved) - 1):
        sent, following = moved[k], moved[k + 1]
        last = doc[sent.end - 1]
        opens_next = last.text in _STRAIGHT_MARKS and sent.end - 2 >= sent.start and doc[sent.end - 2].text in ".!?"
        if opens_next and _quote_marks(sent.text)[1] % 2 == 1 and following.start == sent.end:
            moved[k], moved[k + 1] = doc[sent.start : sent.end - 1], doc[sent.end - 1 : following.end]
    return moved


def _quote_marks(text: str) -> tuple[int, int]:
    """Curly quotations opened less those closed, and straight marks."""
    return text.count("“") - text.count("”"), wire_quotes_as_double(text).count('"')


def wire_quotes_as_double(text: str) -> str:
    """Wire and newspaper copy writes a double quotation mark as two single ones (`` and '', or '' for
    both): read as one straight double mark."""
    return text.replace("``", '"').replace("''", '"')


def _inside_quote(marks: list[tuple[int, int]], k: int, curly: int, straight: int) -> bool:
    """Sentence k belongs to a quotation left open before it (curly marks, or an odd straight one).

    The quotation closes in it or in one of the few sentences after it, or runs on to the end of the
    paragraph (news style leaves the mark off where a quotation goes on in the next paragraph). An
    opening mark that does neither is stray: following it would make a paragraph one claim.
    """
    if _all_closed(curly, straight):
        return False
    if k + _QUOTE_SENTENCES_AFTER >= len(marks):
        return True
    for more_curly, more_straight in marks[k : k + _QUOTE_SENTENCES_AFTER]:
        curly, straight = curly + more_curly, straight + more_straight
        if _all_closed(curly, straight):
            return True
    return False


def _all_closed(curly: int, straight: int) -> bool:
    return curly <= 0 and straight % 2 == 0


def _asked_after(quotation: Span, sent: Span) -> bool:
    """`“Does anybody know?” Graham asked.`: spaCy ends the sentence at the question or exclamation
    that closes the quotation; the attribution after it belongs to it."""
    closing = quotation.text.rstrip()
    if not closing.endswith(_CLOSING_MARKS) or closing.rstrip("”\"'’ ")[-1:] not in ("?", "!"):
        return False
    root = sent.root
    told = any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in root.children)
    words = sum(t.is_alpha for t in sent)
    return words <= _ATTRIBUTION_WORDS and root.lemma_.lower() in REPORT and not told


def _continues(sent: Span) -> bool:
    """A fragment such as `he said.` or a stray closing mark belongs to the sentence before it."""
    stripped = sent.text.lstrip("”\"’' \n")
    return not stripped or stripped[0].islower() or all(not t.is_alpha for t in sent)
