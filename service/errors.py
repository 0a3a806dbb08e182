"""Domain errors, their RFC 9457 problem details, and the error responses every operation documents."""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any, ClassVar

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

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[FieldProblem] | None = None


def _problem(
    status: int,
    detail: str,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> ProblemDetailsException:
    extra: dict[str, Any] | None = {"errors": errors} if errors else None
    return ProblemDetailsException(
        status_code=status,
        title=HTTPStatus(status).phrase,
        detail=detail,
        type_="about:blank",
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


_DESCRIPTIONS = {
    400: "The request is not valid JSON, or a query parameter is malformed.",
    401: "No API key, or one that is unknown or revoked: send `Authorization: Bearer <key>`.",
    403: "The API key's scope does not allow this operation.",
    404: "No such resource.",
    409: "The request conflicts with the current state (a slug in use).",
    413: "The request body, the article text or its claim count is larger than the service takes.",
    415: "The body is not sent as application/json.",
    429: "Too many requests from this key (or, without one, this address): wait `Retry-After` seconds.",
    422: "The body is well-formed but its content is not acceptable, or it could not be parsed or diffed within its deadline.",
    503: "A dependency (the database, the NLP model) is not available, or the service is shutting down.",
}


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
