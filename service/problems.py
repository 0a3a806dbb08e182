"""The pages the problems' `type` URIs name: what each kind of error means and what to do about it."""

from __future__ import annotations

from html import escape

from litestar import Controller, MediaType, get
from litestar.params import FromPath

from service.errors import PROBLEM_KINDS, NotFound

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1>{body}</body></html>
"""


def _section(status: int) -> str:
    kind = PROBLEM_KINDS[status]
    return (
        f'<section id="{kind.slug}"><h2><a href="/problems/{kind.slug}">{status} {kind.slug}</a></h2>'
        f"<p>{escape(kind.meaning)}</p><p>What to do: {escape(kind.remedy)}</p></section>"
    )


class ProblemController(Controller):
    """Documentation for people, linked from every error: kept out of the API document and its SDKs."""

    path = "/problems"
    include_in_schema = False

    @get(media_type=MediaType.HTML, sync_to_thread=False)
    def problems(self) -> str:
        body = "".join(_section(status) for status in sorted(PROBLEM_KINDS))
        return _PAGE.format(title="Problems the story claims service answers with", body=body)

    @get("/{slug:str}", media_type=MediaType.HTML, sync_to_thread=False)
    def problem(self, slug: FromPath[str]) -> str:
        status = next((s for s, kind in PROBLEM_KINDS.items() if kind.slug == slug), None)
        if status is None:
            raise NotFound(f"No problem kind {slug[:60]!r}; /problems lists them all.")
        return _PAGE.format(title=f"{status} {slug}", body=_section(status))
