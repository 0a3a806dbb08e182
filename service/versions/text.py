"""The text a version is stored and parsed as: plain text normalised, or HTML reduced to the article."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import trafilatura

from service.errors import TooLarge, Unprocessable

# What a news article can be: the longest long reads run to some 30,000 words (200,000 characters).
MAX_ARTICLE_CHARS = 500_000
MAX_TITLE_CHARS = 1000
# Page breaks and vertical tabs separate lines; every other control character is noise from a CMS
# export (and PostgreSQL refuses NUL).
_LINE_BREAKING_CONTROLS = re.compile(r"[\x0b\x0c\x1c-\x1e]")
_OTHER_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")
_TRAILING_SPACE = " \t\u00a0"
_BLANK_RUN = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """NFC, Unix newlines, no trailing spaces, at most one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    # line by line: a regular expression for trailing spaces retries a long run of spaces from each of them
    text = "\n".join(line.rstrip(_TRAILING_SPACE) for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", text).strip()


def html_to_text(html: str) -> tuple[str, str | None]:
    """The article's main text (one paragraph per line) and the page's title, if it names one."""
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True) or ""
    metadata = trafilatura.extract_metadata(html)
    title = _without_controls(metadata.title).strip() if metadata is not None and metadata.title else None
    return text, title[:MAX_TITLE_CHARS].strip() if title else None


def article_text(text: str | None, html: str | None) -> tuple[str, str | None]:
    """The normalised article text of a request and, for HTML, the title found in the page."""
    if text is not None and html is not None:
        raise Unprocessable("Give the article as text or as html, not both.")
    if text is None and html is None:
        raise Unprocessable("The version has no content: give text or html.")
    page_title = None
    if html is not None:
        text, page_title = html_to_text(html)
        if not text.strip():
            raise Unprocessable("No article text could be found in the html.")
    text = text or ""
    if len(text) > MAX_ARTICLE_CHARS:  # before any work on it
        raise TooLarge(f"The article text is {len(text):,} characters; the service takes up to {MAX_ARTICLE_CHARS:,}.")
    article = normalize_text(_without_controls(text))
    if not article:
        raise Unprocessable("The article text is empty.")
    return article, page_title


def _without_controls(text: str) -> str:
    return _OTHER_CONTROLS.sub("", _LINE_BREAKING_CONTROLS.sub("\n", text))


def content_hash(title: str | None, text: str) -> str:
    """Identity of a version's content: a headline change alone is a new version."""
    return hashlib.sha256(f"{title or ''}\x00{text}".encode()).hexdigest()
