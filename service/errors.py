"""Domain errors, their RFC 9457 problem details, and the error responses every operation documents."""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from http import HTTPStatus
from typing import Any, ClassVar
from uuid import UUID

import msgspec
import structlog
from litestar.exceptions import HTTPException, ValidationException
from litestar.openapi.datastructures import ResponseSpec
from litestar.plugins.problem_details import ProblemDetailsConfig, ProblemDetailsException, ProblemDetailsPlugin

log = structlog.get_logger("service.errors")

PROBLEM_MEDIA_TYPE = "application/problem+json"


class ServiceError(Exception):
    """A rule of the service was broken; the routes turn it into problem details."""

    status: ClassVar[int] = 400
    headers: ClassVar[dict[str, str] | None] = None

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class BadRequest(ServiceError):
    status = 400


class NotFound(ServiceError):
    status = 404


class Conflict(ServiceError):
    status = 409


class TooLarge(ServiceError):
    status = 413


class Unauthorized(ServiceError):
    status = 401
    headers = {"WWW-Authenticate": 'Bearer realm="story-claims"'}


class Forbidden(ServiceError):
    status = 403


class UnsupportedMediaType(ServiceError):
    status = 415


class Unprocessable(ServiceError):
    status = 422


class FieldProblem(msgspec.Struct, kw_only=True, omit_defaults=True):
    message: str
    key: str | None = None
    source: str | None = None


class ProblemDetails(msgspec.Struct, kw_only=True, omit_defaults=True):
    """An RFC 9457 problem: the body of every error response."""

    type: str  # /problems/<kind>: a page the service serves says what the kind means and what to do
    title: str
    status: int
    detail: str
    instance: str | None = None  # urn:uuid:<request id>, the X-Request-ID of the answer and its log line
    errors: list[FieldProblem] | None = None


class ProblemKind(msgspec.Struct, frozen=True):
    slug: str
    meaning: str
    remedy: str


# One kind per status the service answers with; each is documented at /problems/<slug>.
PROBLEM_KINDS = {
    400: ProblemKind(
        "bad-request",
        "The request is not valid JSON, or a query parameter is malformed.",
        "Fix the request as `detail` and `errors` say; do not retry it as it is.",
    ),
    401: ProblemKind(
        "unauthorized",
        "No API key, or one that is unknown or revoked.",
        "Send `Authorization: Bearer <key>` with a live key (`python -m service keys create`).",
    ),
    403: ProblemKind(
        "forbidden", "The API key's scope does not allow this operation.", "Use a key of the scope `detail` names."
    ),
    404: ProblemKind(
        "not-found",
        "No such story, version, claim thread or route.",
        "Check the id; ids come from the responses that created them.",
    ),
    405: ProblemKind(
        "method-not-allowed",
        "The path exists but not with this method.",
        "Use one of the methods in the `Allow` header.",
    ),
    409: ProblemKind(
        "conflict",
        "The request conflicts with what is stored (a slug in use).",
        "Choose another slug, or read the existing resource.",
    ),
    413: ProblemKind(
        "too-large",
        "The body, the article text or its claim count is larger than the service takes.",
        "Send a smaller body: one article's version at a time.",
    ),
    415: ProblemKind(
        "unsupported-media-type", "The body is not sent as application/json.", "Send `Content-Type: application/json`."
    ),
    422: ProblemKind(
        "unprocessable",
        "The body is well-formed but its content is not acceptable, or it could not be parsed or diffed within its deadline.",
        "Fix the content as `detail` and `errors` say; a deadline is not lifted by retrying.",
    ),
    429: ProblemKind(
        "too-many-requests",
        "Too many requests from this key (or, without one, this address).",
        "Wait the `Retry-After` seconds, then go on.",
    ),
    500: ProblemKind(
        "server-error",
        "The service failed; the failure is logged under the request id in `instance`.",
        "Retry later, and report the request id if it persists.",
    ),
    503: ProblemKind(
        "unavailable",
        "A dependency (the database, the NLP model) is not available, or the service is shutting down.",
        "Retry after a short wait.",
    ),
}
# The request being answered, for `instance`: set by the request log middleware for each request.
CURRENT_REQUEST_ID: ContextVar[str | None] = ContextVar("current_request_id", default=None)


def problem_type(status: int) -> str:
    kind = PROBLEM_KINDS.get(status)
    return f"/problems/{kind.slug}" if kind else "about:blank"


def _problem(
    status: int,
    detail: str,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> ProblemDetailsException:
    extra: dict[str, Any] | None = {"errors": errors} if errors else None
    request_id = CURRENT_REQUEST_ID.get()
    return ProblemDetailsException(
        status_code=status,
        title=HTTPStatus(status).phrase,
        detail=detail,
        type_=problem_type(status),
        instance=f"urn:uuid:{UUID(request_id)}" if request_id else None,
        extra=extra,
        headers=headers,
    )


def _from_service_error(exc: ServiceError) -> ProblemDetailsException:
    return _problem(exc.status, exc.detail, headers=exc.headers)


def _field_problems(extra: Any) -> list[dict[str, Any]] | None:
    if isinstance(extra, list):
        return [
            {k: v for k, v in e.items() if k in ("message", "key", "source")} for e in extra if isinstance(e, Mapping)
        ]
    return None


def _from_http_exception(exc: HTTPException) -> ProblemDetailsException:
    if isinstance(exc, ProblemDetailsException):
        return exc
    errors = _field_problems(exc.extra)
    status = exc.status_code
    # A body that is JSON but does not fit the schema is unprocessable (422); a body that is not
    # JSON at all, or a malformed query parameter, stays a 400.
    if isinstance(exc, ValidationException) and errors and all(e.get("source") == "body" for e in errors):
        status = 422
    headers = dict(exc.headers or {})  # Allow on a 405, the RateLimit-* fields on a 429
    if status == 429 and "RateLimit-Reset" in headers:
        headers["Retry-After"] = headers["RateLimit-Reset"]
    return _problem(status, str(exc.detail), errors, headers=headers or None)


def _from_undecodable(exc: UnicodeDecodeError) -> ProblemDetailsException:
    return _problem(400, f"The body is not valid UTF-8 ({exc.reason} at byte {exc.start}).")


def _from_recursion(exc: RecursionError) -> ProblemDetailsException:
    # msgspec gives up on JSON nested deeper than the interpreter's stack; any other RecursionError is ours
    if "deserializing" in str(exc):
        return _problem(400, "The body nests JSON arrays or objects too deeply.")
    return _from_unexpected(exc)


def _from_unexpected(exc: Exception) -> ProblemDetailsException:
    log.exception("unhandled error", exc_info=exc)
    return _problem(500, "The service failed to handle this request; it has been logged.")


def problem_details_plugin() -> ProblemDetailsPlugin:
    return ProblemDetailsPlugin(
        ProblemDetailsConfig(
            exception_to_problem_detail_map={
                ServiceError: _from_service_error,
                HTTPException: _from_http_exception,
                UnicodeDecodeError: _from_undecodable,
                RecursionError: _from_recursion,
                Exception: _from_unexpected,
            },
        )
    )


_DESCRIPTIONS = {status: kind.meaning for status, kind in PROBLEM_KINDS.items()}


def problem_responses(*statuses: int, keyed: bool = True) -> dict[int, ResponseSpec]:
    """Document error statuses as problem details; an operation behind a key also answers 401 and 403.

    Litestar documents its own 400 body ({status_code, detail, extra}) on every handler with
    parameters; responses given here replace it with the body the service really sends.
    """
    if keyed:
        statuses = (*statuses, 401, 403, 429)
    return {
        status: ResponseSpec(
            data_container=ProblemDetails,
            media_type=PROBLEM_MEDIA_TYPE,
            description=_DESCRIPTIONS[status],
            generate_examples=False,
        )
        for status in statuses
    }
