"""Who is speaking: subject noun phrases turned into canonical speakers across the whole story.

A story's registry of names starts with the speakers of its earlier versions and grows as the
text is read, so "Putin", "President Putin" and a later "he" all resolve to "Vladimir Putin".
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec
from spacy.tokens import Doc, Span, Token

from service.extraction.gender import PRONOUN_GENDER, Gender, gender_of
from service.extraction.lexicon import (
    ANIMATE_PRONOUNS,
    ANONYMOUS_HEADS,
    EVIDENCE_BODIES,
    EVIDENCE_NOUNS,
    GROUP_PRONOUNS,
    HUMAN_NOUNS,
    INVERTED_CUES,
    ORG_WORDS,
    PERSON_PRONOUNS,
    SPOKES_NOUNS,
    TITLE_WORDS,
)
from service.extraction.schemas import Speaker, SpeakerType
from service.extraction.tokens import entity_of

_NAME_LABELS = {
    "PERSON": SpeakerType.PERSON,
    "ORG": SpeakerType.ORGANIZATION,
    "GPE": SpeakerType.GOVERNMENT,
    "NORP": SpeakerType.GOVERNMENT,
}
_TITLE_DEPS = frozenset(["compound", "amod", "poss", "case", "nmod"])
_NP_SKIP_DEPS = frozenset(["appos", "relcl", "acl", "prep", "punct", "cc", "conj", "advmod"])
# Institutions a place or body owns: "Morocco's government" speaks for Morocco.
_INSTITUTION_NOUNS = frozenset(
    "government ministry administration cabinet military army police office parliament".split()
)
# Common nouns that stand for the organisation last in the news ("the company said").
_GENERIC_ORG_NOUNS = frozenset(
    ["company", "firm", "utility", "carrier", "airline", "lender", "manufacturer", "operator", "regulator", "group"]
)


class _Name(msgspec.Struct, kw_only=True, eq=False):  # one entry per name: compared and hashed by identity
    name: str
    words: tuple[str, ...]
    type: SpeakerType
    title: str | None = None

    def agrees(self, gender: Gender | None) -> bool:
        """Whether a pronoun of this gender can stand for the name: a person whose first name does not say otherwise."""
        if self.type is not SpeakerType.PERSON:
            return False
        own = gender_of(self.words[0]) if len(self.words) > 1 else None
        return gender is None or own is None or own is gender


class NameRegistry:
    """The canonical names met so far in a story, with their type, title and recency."""

    def __init__(self, known: Iterable[Speaker] = ()) -> None:
        self._names: list[_Name] = []
        # each entry under each of its words, in the order met: a mention can only stand for names holding its last word
        self._by_word: dict[str, list[_Name]] = {}
        self._recent_speakers: dict[_Name, None] = {}  # least recent first
        for speaker in known:
            if speaker.name:
                self.add(speaker.name, speaker.type, speaker.title)

    def add(self, name: str, type_: SpeakerType, title: str | None = None) -> _Name:
        entry = self.resolve(name)
        if entry is None:
            entry = _Name(name=name, words=_words(name), type=type_, title=title)
            self._names.append(entry)
            for word in set(entry.words):
                self._by_word.setdefault(word, []).append(entry)
        if title and not entry.title:
            entry.title = title
        return entry

    def resolve(self, name: str) -> _Name | None:
        """The fullest known name this mention can stand for (the first met of equals), or None."""
        words = _words(name)
        if not words:
            return None
        matches = [e for e in self._by_word.get(words[-1], ()) if _stands_for(words, e)]
        return max(matches, key=lambda e: len(e.words), default=None)

    def by_title_noun(self, noun: str) -> _Name | None:
        """ "the governor" -> the person last quoted whose title holds that word, else the first one."""
        titled = [e for e in self._names if e.type is SpeakerType.PERSON and e.title and noun in _words(e.title)]
        holders = set(titled)
        return next((e for e in reversed(self._recent_speakers) if e in holders), titled[0] if titled else None)

    def named(self, name: str, type_: SpeakerType) -> _Name:
        """The known name this one stands for, or a new entry for it."""
        return self.resolve(name) or self.add(name, type_)

    def names(self) -> list[_Name]:
        return list(self._names)

    def by_head_noun(self, noun: str) -> _Name | None:
        """ "the guild" -> the first organisation whose name holds the word guild."""
        return next((e for e in self._by_word.get(noun, ()) if e.type is not SpeakerType.PERSON), None)

    def spoke(self, name: str) -> None:
        """Remember who spoke last, for the pronouns that follow."""
        entry = self.resolve(name)
        if entry is None:
            return
        self._recent_speakers.pop(entry, None)
        self._recent_speakers[entry] = None

    def last_speaker(self, *types: SpeakerType) -> _Name | None:
        return next((e for e in reversed(self._recent_speakers) if e.type in types), None)

    def last_person(self, gender: Gender | None) -> _Name | None:
        """The person last quoted, else last named, whom a pronoun of this gender can stand for."""
        return next((e for e in reversed(self._recent_speakers) if e.agrees(gender)), None) or next(
            (e for e in reversed(self._names) if e.agrees(gender)), None
        )

    def first_named(self, *types: SpeakerType) -> _Name | None:
        return next((e for e in self._names if e.type in types), None)


def _text(tokens: Iterable[Token]) -> str:
    """Tokens as the article spelled them: "Grande-Marlaska", "Ukraine’s President"."""
    ordered = sorted(tokens, key=lambda t: t.i)
    out = []
    for k, tok in enumerate(ordered):
        out.append(tok.text)
        if k + 1 < len(ordered):
            out.append(tok.whitespace_ if ordered[k + 1].i == tok.i + 1 else " ")
    return "".join(out).strip(" ,")


def _words(name: str) -> tuple[str, ...]:
    return tuple(w.lower().strip("’'.,") for w in name.replace("’s", "").split() if w.strip("’'.,"))


def _stands_for(words: tuple[str, ...], entry: _Name) -> bool:
    if words == entry.words:
        return True
    if len(words) >= len(entry.words):
        return False
    if entry.type is SpeakerType.PERSON:
        return words[-1] == entry.words[-1] and set(words) <= set(entry.words)  # surname, or given + surname
    n = len(words)
    return any(entry.words[i : i + n] == words for i in range(len(entry.words) - n + 1))


def register_names(doc: Doc, registry: NameRegistry) -> None:
    """First pass over a document: every named person and organisation, with any title before it."""
    for ent in doc.ents:
        if ent.label_ not in _NAME_LABELS:
            continue
        words = _name_tokens(ent)
        if not words:
            continue
        type_ = _guess_type([t.text for t in words], ent.label_)
        registry.add(
            _text(words),
            type_,
            _title(ent.root, words[0].i) if type_ is SpeakerType.PERSON else None,
        )


def settle_types(docs: Iterable[Doc], registry: NameRegistry) -> None:
    """Correct organisation labels on people's names from how the text refers to them again.

    Articles repeat a person by surname ("Marchbank said") and an organisation by its first word
    ("Corvane said"); a titled name ("chief executive Helena Marchbank") is a person.
    """
    alone: set[str] = set()
    for doc in docs:
        for tok in doc:
            if tok.pos_ == "PROPN" and not _propn(doc, tok.i - 1) and not _propn(doc, tok.i + 1):
                alone.add(tok.lower_)
    for entry in registry.names():
        could_be_person = (
            entry.type is SpeakerType.ORGANIZATION and 2 <= len(entry.words) <= 3 and not set(entry.words) & ORG_WORDS
        )
        said_so = entry.title or (entry.words[-1] in alone and entry.words[0] not in alone)
        if could_be_person and (said_so or gender_of(entry.words[0]) is not None):  # "Wendell Marsh"
            entry.type = SpeakerType.PERSON


def _propn(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].pos_ == "PROPN"


def _name_tokens(ent: Span, head: Token | None = None) -> list[Token]:
    """The words of a named entity that make the name: no article, title, possessive or stray list."""
    tokens = [t for t in ent if t.dep_ != "case" and t.text not in ("'s", "’s", "'", "’")]
    if any(t.text in (",", ";") for t in tokens):  # "Izvestia, Grushko": the parser's run-on entity
        pieces: list[list[Token]] = [[]]
        for t in tokens:
            if t.text in (",", ";"):
                pieces.append([])
            else:
                pieces[-1].append(t)
        tokens = next((p for p in pieces if head in p), pieces[-1]) if head is not None else pieces[-1]
    while tokens and (
        tokens[0].lower_ in ("the", "a", "an")
        or (len(tokens) > 1 and (tokens[0].lower_ in TITLE_WORDS or tokens[0].lower_ in INVERTED_CUES))  # "Said Ellis"
    ):
        tokens = tokens[1:]
    return tokens


def _guess_type(words: list[str], label: str | None) -> SpeakerType:
    if any(w.lower().strip(".") in ORG_WORDS for w in words):
        return SpeakerType.ORGANIZATION
    if label in _NAME_LABELS:
        return _NAME_LABELS[label]
    return SpeakerType.PERSON


def _title(root: Token, name_start: int) -> str | None:
    """The role words just before a name ("guild president", "U.S. President") or in an appositive."""
    before: list[Token] = []
    i = name_start - 1
    while i >= 0:
        tok = root.doc[i]
        if tok.dep_ not in _TITLE_DEPS or tok.lower_ in ("the", "a", "an"):
            break
        before.insert(0, tok)
        i -= 1
    if before:
        return _text(before)
    appos = next((c for c in root.children if c.dep_ == "appos"), None)
    if appos is None or root.doc[appos.left_edge.i - 1].text != ",":
        return None  # "Pat Caddell: Voters Worried ..." is a headline, not a title
    clauses = _clause_tokens(appos)
    words = [t for t in appos.subtree if t.i not in clauses]
    words = [t for t in words if not (t.i == words[0].i and t.lower_ in ("the", "a", "an"))]
    return _text(words) or None


def speaker_for(subject: Token, registry: NameRegistry) -> Speaker | None:
    """The speaker a clause's subject names, resolved against the story's names."""
    lower = subject.lower_
    if lower in PERSON_PRONOUNS:
        entry = _person_antecedent(subject, registry)
        return (
            _from_entry(entry, subject.text)
            if entry
            else Speaker(name=None, mention=subject.text, type=SpeakerType.PERSON)
        )
    if lower in GROUP_PRONOUNS:
        entry = registry.last_speaker(SpeakerType.ORGANIZATION, SpeakerType.GOVERNMENT)
        # unresolved, the pronoun is still who the article says spoke: its mention, and no guessed name
        return (
            _from_entry(entry, subject.text)
            if entry
            else Speaker(name=None, mention=subject.text, type=SpeakerType.ANONYMOUS)
        )
    antecedent = _antecedent(subject)
    if antecedent is not None:  # "economists who argue", "the department, which reported"
        described = speaker_for(antecedent, registry)  # always further up the parse, so this ends
        return msgspec.structs.replace(described, mention=_mention(subject)) if described else None
    if lower in ANIMATE_PRONOUNS and subject.pos_ == "PRON":  # "I", "you": the article names nobody
        return Speaker(name=None, mention=subject.text, type=SpeakerType.PERSON)
    if subject.lemma_.lower() in _QUANTITIES:  # "many of his supporters", "some": part of a group
        whole = _whole_of(subject)
        group = speaker_for(whole, registry) if whole is not None else None
        type_ = group.type if group is not None else SpeakerType.ANONYMOUS
        return Speaker(name=group.name if group else None, mention=_mention(subject), type=type_)
    mention = _mention(subject)
    spokes_for = _spokes_for(subject)
    if spokes_for is not None:
        entry = registry.add(spokes_for, _guess_type(spokes_for.split(), "ORG"))
        return Speaker(name=entry.name, mention=mention, title=subject.text, type=entry.type)
    name = _proper_name(subject)
    if all(t.lower_ in _COMMON_NOUNS for t in name):  # "Poll Shows ...", "Judge Rejects ...": no one's name
        name = []
    appos = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if not name and appos is not None:  # "The authority's chief executive, Helena Marchbank, said"
        entry = registry.named(_text(_proper_name(appos)), SpeakerType.PERSON)
        entry.type = SpeakerType.PERSON
        entry.title = entry.title or _text(
            t for t in subject.subtree if t.i <= subject.i and t.lower_ not in ("the", "a", "an")
        )
        return _from_entry(entry, mention)
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if not name and owner is not None and subject.lemma_.lower() in _INSTITUTION_NOUNS:  # "Morocco's government"
        owner_name = _proper_name(owner)
        entry = registry.named(_text(owner_name), _guess_type([t.text for t in owner_name], owner.ent_type_ or "ORG"))
        return _from_entry(entry, mention)
    if name:
        entry = registry.named(_text(name), _guess_type([t.text for t in name], subject.ent_type_ or None))
        title = _title(subject, name[0].i)
        if title and not entry.title and entry.type is SpeakerType.PERSON:
            entry.title = title
        return _from_entry(entry, mention, title)
    return _described(subject, mention, registry)


# Words that title case or a sentence's start capitalise without making them a name.
_COMMON_NOUNS = HUMAN_NOUNS | TITLE_WORDS | EVIDENCE_NOUNS
_QUANTITIES = frozenset(
    """dozen hundred thousand million number majority minority percent share most many some all few
    half third quarter handful lot plenty none one two three four five six seven eight nine ten
    those others several both each everyone everybody someone somebody anyone nobody""".split()
)
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "eer", "ee", "man", "woman", "person", "people")
# Words with those endings that name things, not people.
_AGENTIVE_THINGS = frozenset(
    """computer printer paper letter number order water matter power border corner center chapter
    quarter river error factor sector motor monitor elevator indicator calculator meter
    register filter trailer tower weather winter summer layer folder poster ledger counter charter
    theater theatre measure pressure content event element document government percent
    moment statement comment argument payment component segment department agreement environment
    management amendment investment development movement treatment plant grant restaurant""".split()
)


# Labels of a page's furniture, not of a speaker: "UPDATE: ...", "Editor's Note: ...".
_LAYOUT_LABELS = frozenset(
    """update updated note editor editor's correction clarification photo photos video watch read related
    advertisement source sources q a question answer caption credit disclosure listen subscribe""".split()
)


def labelled(label: str, registry: NameRegistry, named: bool) -> Speaker | None:
    """The speaker a transcript label, headline label or signature names ("PENCE", "Pat Caddell",
    "Poll"), resolved against the story's names; None for a page's own labels ("UPDATE") and for
    words of several that the tagger did not read as a name (`named`) and no one in the story bears."""
    words = _words(label)
    if not words or words[0] in _LAYOUT_LABELS:
        return None
    if words[-1] in EVIDENCE_NOUNS:
        return Speaker(name=None, mention=label, type=SpeakerType.DOCUMENT)
    spelled = label.title() if label.isupper() else label  # transcripts shout: "PENCE" is "Pence"
    entry = registry.resolve(spelled)
    if entry is None:
        if not (label.isupper() or (len(words) > 1 and named)):
            return None  # "Breaking", "The Latest", "Stealth Over Health": no one's name
        entry = registry.add(spelled, SpeakerType.PERSON)
    return _from_entry(entry, label)


def _from_entry(entry: _Name, mention: str, title: str | None = None) -> Speaker:
    return Speaker(name=entry.name, mention=mention, title=title or entry.title, type=entry.type)


def _person_antecedent(pronoun: Token, registry: NameRegistry) -> _Name | None:
    """A person named earlier in the same sentence ("While Putin spoke, he ..."), else the last person
    quoted, else named; always one the pronoun agrees with ("she" is never a Donald)."""
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    sent = pronoun.sent
    for tok in reversed(sent[: pronoun.i - sent.start]):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PROPN":
            name = _proper_name(tok)
            entry = registry.resolve(_text(name)) if name else None
            if entry is not None and entry.agrees(gender):
                return entry
    return registry.last_person(gender)


def _mention(subject: Token) -> str:
    if subject.dep_ == "ROOT":  # a misparse made the name head the sentence: the name alone
        return _text([*(t for t in subject.lefts if t.dep_ == "compound" and t.lower_ not in INVERTED_CUES), subject])
    tokens = [t for t in subject.subtree if t.dep_ != "punct" or t.i not in (subject.left_edge.i, subject.right_edge.i)]
    clauses = _clause_tokens(subject)
    keep = [t for t in tokens if t.i not in clauses]
    return _text(keep)


def _clause_tokens(noun: Token) -> set[int]:
    """The tokens of the relative clauses describing a noun ("who leads the union"): not part of its name."""
    return {t.i for c in noun.children if c.dep_ in ("relcl", "acl") for t in c.subtree}


def _spokes_for(subject: Token) -> str | None:
    """ "a spokesperson for Northbay Power Cooperative" / "a Kremlin spokesman" -> the organisation."""
    if subject.lemma_.lower() not in SPOKES_NOUNS:
        return None
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    name = _proper_name(obj)
                    return _text(name) if name else None
    names = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return _text(names) or None


def _proper_name(head: Token) -> list[Token]:
    """The name in a noun phrase: its named entity, else the run of proper nouns ending at its head."""
    if head.ent_type_ in _NAME_LABELS:
        ent = entity_of(head)
        if ent is not None:
            tokens = _name_tokens(ent, head)
            if tokens:
                return tokens
    if head.pos_ != "PROPN":
        return []
    run = [head]
    i = head.i - 1
    while (
        i >= 0
        and head.doc[i].pos_ == "PROPN"
        and head.doc[i].lower_ not in TITLE_WORDS
        and head.doc[i].dep_ == "compound"
    ):
        run.insert(0, head.doc[i])
        i -= 1
    return run


def _described(subject: Token, mention: str, registry: NameRegistry) -> Speaker | None:
    """A subject without a name: "the guild", "the company", "two people familiar with ...", "Deputies"."""
    lemma = subject.lemma_.lower()
    definite = any(c.lower_ in ("the", "its", "their") for c in subject.children if c.dep_ in ("det", "poss"))
    if definite:
        entry = registry.by_head_noun(lemma) or registry.by_title_noun(lemma)
        if entry is None and lemma in _GENERIC_ORG_NOUNS:
            # the organisation speaking last, else the story's first-named one (its main actor)
            entry = registry.last_speaker(SpeakerType.ORGANIZATION) or registry.first_named(SpeakerType.ORGANIZATION)
        if entry is not None:
            return _from_entry(entry, mention)
    known = registry.resolve(subject.text) if subject.is_title else None  # a name the tagger read as a noun
    if known is not None:
        return _from_entry(known, mention)
    if lemma in EVIDENCE_NOUNS:
        type_ = SpeakerType.ORGANIZATION if lemma in EVIDENCE_BODIES else SpeakerType.DOCUMENT
        return Speaker(name=None, mention=mention, type=type_)
    if lemma in ANONYMOUS_HEADS or subject.pos_ == "NOUN" or holds_positions(subject):
        return Speaker(name=None, mention=mention, type=SpeakerType.ANONYMOUS)
    return None


def _whole_of(quantity: Token) -> Token | None:
    """ "voters" in "a majority of voters"."""
    of = next((c for c in quantity.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _antecedent(subject: Token) -> Token | None:
    """The noun a relative clause's subject stands for: "who", "which", "many of whom"."""
    relative = (_whole_of(subject) or subject) if subject.lemma_.lower() in _QUANTITIES else subject
    clause = subject.head
    if relative.lower_ not in ("who", "whom", "which", "that"):
        return None
    if clause.dep_ == "relcl" and clause.head.i != clause.i:
        return clause.head
    # the parser hung the clause elsewhere ("turned to the Police Department which reported"): the noun
    # right before the pronoun
    before = subject.doc[subject.left_edge.i - 1] if subject.left_edge.i > subject.sent.start else None
    if before is not None and before.text == ",":
        before = subject.doc[before.i - 1] if before.i > subject.sent.start else None
    if relative.lower_ != "that" and before is not None and before.pos_ in ("NOUN", "PROPN"):
        return before
    return None


def holds_positions(subject: Token | None) -> bool:
    """Whether a subject can believe, support or vote: a person, a body, a group of people, not a thing."""
    if subject is None:
        return False
    antecedent = _antecedent(subject)
    if antecedent is not None:
        return holds_positions(antecedent)
    if subject.lemma_.lower() in _QUANTITIES:  # "dozens of newspapers", "a majority of voters"
        whole = _whole_of(subject)
        if whole is None:  # "others disagree", "5 percent prefer Johnson": people, unless said otherwise
            return True
        return whole.lemma_.lower() not in _QUANTITIES and holds_positions(whole)
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in subject.children):  # "his running mate, Mike Pence,"
        return True
    if subject.lower_ in ANIMATE_PRONOUNS or subject.ent_type_ in _NAME_LABELS or subject.pos_ == "PROPN":
        return True
    lemma = subject.lemma_.lower()
    bodies = (
        HUMAN_NOUNS,
        TITLE_WORDS,
        ANONYMOUS_HEADS,
        SPOKES_NOUNS,
        _INSTITUTION_NOUNS,
        _GENERIC_ORG_NOUNS,
        ORG_WORDS,
    )
    if any(lemma in words or subject.lower_ in words for words in bodies):
        return True
    # nouns of people by what they do: administrators, environmentalists, politicians, residents
    return subject.pos_ == "NOUN" and lemma.endswith(_AGENT_SUFFIXES) and lemma not in _AGENTIVE_THINGS


def note_subject(sent: Span, registry: NameRegistry) -> None:
    """A named subject is what a following "he" or "she" most likely points back to."""
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return
    name = _proper_name(subject)
    if name:
        registry.spoke(_text(name))
