"""One article, one URL: the forms a link takes in feeds, shares and AMP pages reduced to one."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import courlan

from service.errors import Unprocessable

MAX_URL_LENGTH = 2048
# Query parameters that select the AMP rendering of a page rather than another page.
_AMP_PARAMETERS = frozenset(["amp", "outputtype", "amp_js_v", "usqp"])
_AMP_PATH = re.compile(r"(?:/amp|\.amp)/?$", re.IGNORECASE)


def canonical_url(url: str) -> str:
    """An http(s) URL without tracking parameters, fragment, default port, AMP variant or trailing
    slash, with its host lower-cased and its query sorted (courlan); other schemes only trimmed.
    """
    url = url.strip()
    try:
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            return url
        parts = urlsplit(courlan.normalize_url(url, strict=False))
    except ValueError as exc:  # urllib's and courlan's way of saying the URL cannot be parsed
        raise Unprocessable(f"The url {url[:200]!r} is not a valid URL.") from exc
    path = _AMP_PATH.sub("", parts.path).rstrip("/") or "/"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in _AMP_PARAMETERS]
    )
    canonical = urlunsplit((parts.scheme, parts.netloc, path, query, ""))
    if len(canonical) > MAX_URL_LENGTH:
        raise Unprocessable(f"The url is {len(canonical):,} characters once encoded; the limit is {MAX_URL_LENGTH:,}.")
    return canonical
