"""Hostile article text for claim extraction, shared by the fuzz tests and `python -m bench fuzz`.

Real newsroom sentences (the seed articles, and the shared evaluation stories when they sit beside
the repository) recombined, cut off anywhere, with quotation marks stripped or left unbalanced;
paragraphs longer than any article's; long runs of one character; control characters; other
scripts. The caller bounds the size: a test wants a few dozen quick cases, the benchmark thousands.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import signal
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import FrameType

from hypothesis import strategies as st

from service.extraction import Claim, Speaker, SpeakerType

ROOT = Path(__file__).resolve().parent.parent
EVAL_STORIES = ROOT.parent / "shared" / "eval" / "stories"
RUN_CHARACTERS = " \"')!-.,09“”’…\t\n"
QUOTE_MARKS = "“”\"‘’'"
CONTROL_CHARACTERS = "\x00\x01\x07\x08\x0b\x0c\x1b\x1c\x1d\x1e\x1f\x7f\x85\u200b\u200e\u2028\u2029\ufeff\r\t"
FOREIGN = [
    "Москва заявила, что переговоры продолжатся.",
    "北京表示将继续谈判。",
    "قالت الحكومة إن المحادثات ستستمر.",
    "Η κυβέρνηση δήλωσε ότι οι συνομιλίες θα συνεχιστούν.",
    "सरकार ने कहा कि बातचीत जारी रहेगी।",
    "🔥🚒🔥",
    "Zürich’s naïve café",
]


@functools.cache
def real_sentences() -> tuple[str, ...]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*/*.txt"))]
    for path in sorted(EVAL_STORIES.glob("*.json")):
        texts += [version["text"] for version in json.loads(path.read_text(encoding="utf-8"))["versions"]]
    sentences = (s.strip() for text in texts for s in re.split(r"(?<=[.!?”\"])\s+", text))
    return tuple(dict.fromkeys(s for s in sentences if s))


def articles(max_chars: int) -> st.SearchStrategy[str]:
    """Any of the hostile texts below, at most about `max_chars` long."""
    return st.one_of(
        prose(max_sentences=40),
        huge_paragraph(max_chars),
        with_run(max_chars),
        with_foreign_text(),
        st.text(st.characters(exclude_categories=["Cs"]), max_size=400),
        st.text(st.sampled_from(RUN_CHARACTERS + CONTROL_CHARACTERS + QUOTE_MARKS + "aZ9 "), max_size=400),
    )


@st.composite
def prose(draw: st.DrawFn, max_sentences: int) -> str:
    """Real sentences in paragraphs, maybe cut off, their quotation marks maybe stripped or unbalanced."""
    sentences = draw(st.lists(st.sampled_from(real_sentences()), min_size=1, max_size=max_sentences))
    text = "".join(s + draw(st.sampled_from([" ", " ", "\n\n", "\n"])) for s in sentences)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    damage = draw(st.sampled_from(["none", "strip quotes", "stray quote"]))
    if damage == "strip quotes":
        text = re.sub(f"[{QUOTE_MARKS}]", "", text)
    elif damage == "stray quote":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(QUOTE_MARKS)) + text[at:]
    return text


@st.composite
def huge_paragraph(draw: st.DrawFn, max_chars: int) -> str:
    """One paragraph of real sentences, longer than any article, maybe opened by a quotation mark never closed."""
    sentences = draw(st.lists(st.sampled_from(real_sentences()), min_size=1, max_size=30))
    length = draw(st.integers(max_chars // 4, max_chars))
    unit = " ".join(s.replace("\n", " ") for s in sentences) + " "
    opening = draw(st.sampled_from(["", "“", '"']))
    return opening + (unit * (length // len(unit) + 1))[:length].strip()


@st.composite
def with_run(draw: st.DrawFn, max_chars: int) -> str:
    """Real prose with a long run of one character (spaces, quotation marks, `)`, `!`, digits, dots) in it."""
    text = draw(prose(max_sentences=8))
    run = draw(st.sampled_from(RUN_CHARACTERS)) * draw(st.integers(1, max_chars))
    at = draw(st.integers(0, len(text)))
    return text[:at] + run + text[at:]


@st.composite
def with_foreign_text(draw: st.DrawFn) -> str:
    """Real prose with other scripts, emoji and control characters scattered through it."""
    text = draw(prose(max_sentences=12))
    for _ in range(draw(st.integers(1, 12))):
        insert = draw(st.sampled_from(FOREIGN) | st.sampled_from(CONTROL_CHARACTERS))
        at = draw(st.integers(0, len(text)))
        text = text[:at] + insert + text[at:]
    return text


publication_dates = st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
# the speakers a story's earlier versions named
known_speakers = st.lists(
    st.sampled_from(
        [
            Speaker(name="Vladimir Putin", mention="Putin", title="President"),
            Speaker(name="Alexander Grushko", mention="Grushko", title="Deputy Foreign Minister"),
            Speaker(name="Kremlin", mention="the Kremlin", type=SpeakerType.GOVERNMENT),
            Speaker(name="Corvane", mention="Corvane", type=SpeakerType.ORGANIZATION),
            Speaker(name=None, mention="two officials", type=SpeakerType.ANONYMOUS),
        ]
    ),
    max_size=3,
)


def check_claims(text: str, claims: list[Claim]) -> None:
    """What every extraction promises: claims in article order, indexed 0..n-1, each span its own text."""
    assert [c.index for c in claims] == list(range(len(claims)))
    end = 0
    for claim in claims:
        assert end <= claim.span.start <= claim.span.end <= len(text)
        assert text[claim.span.start : claim.span.end] == claim.text
        assert claim.text
        assert claim.text == claim.text.strip()
        end = claim.span.end
    assert [c.paragraph for c in claims] == sorted(c.paragraph for c in claims)


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raises TimeoutError in the block once it has run `seconds`: a hang detector, not a benchmark.

    An alarm signal interrupts Python code and regular expressions alike, in the main thread.
    """

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
