# path: src/api/errors.py
# expect: duplicate-case-arms=compliant docstrings=compliant google-docstrings=compliant dunder-all=compliant
# expect: annotations=compliant specific-imports=compliant union-operator=compliant repr=compliant
# expect: function-length=compliant parameter-count=compliant orjson=compliant f-strings=compliant
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
"""Map domain errors to HTTP problem responses (RFC 9457)."""

from http import HTTPStatus

from orjson import dumps

from api.domain import Conflict, Forbidden, NotFound, RateLimited, ValidationFailed

__all__ = ["problem_for", "problem_json"]


def problem_for(error: Exception) -> tuple[HTTPStatus, dict[str, object]]:
    """The HTTP status and problem document for a domain error.

    Args:
        error: The error raised by the domain layer.

    Returns:
        The status and the problem's fields.
    """
    match error:
        case NotFound(resource=resource):
            status, detail = HTTPStatus.NOT_FOUND, f"{resource} not found"
        case Forbidden():
            status, detail = HTTPStatus.FORBIDDEN, "not allowed"
        case Conflict(reason=reason):
            status, detail = HTTPStatus.CONFLICT, reason
        case ValidationFailed(errors=errors):
            return HTTPStatus.UNPROCESSABLE_ENTITY, {
                "title": "Validation failed",
                "status": 422,
                "errors": errors,
            }
        case RateLimited(retry_after=seconds):
            status, detail = HTTPStatus.TOO_MANY_REQUESTS, f"retry after {seconds} s"
        case _:
            status, detail = HTTPStatus.INTERNAL_SERVER_ERROR, "internal error"
    return status, {"title": status.phrase, "status": status.value, "detail": detail}


def problem_json(error: Exception) -> tuple[int, bytes]:
    """The status code and JSON body for a domain error.

    Args:
        error: The error.

    Returns:
        The status code and the encoded problem document.
    """
    status, problem = problem_for(error)
    return status.value, dumps(problem)
