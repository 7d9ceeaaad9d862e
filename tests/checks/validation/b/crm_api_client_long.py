# path: src/integrations/crm/client.py
# expect: module-length=violation class-length=violation docstrings=compliant specific-imports=compliant
# expect: annotations=compliant dunder-all=compliant google-docstrings=violation function-length=compliant
# expect: parameter-count=violation repr=compliant union-operator=compliant builtin-generics=compliant
# expect: no-any=compliant raise-from=compliant bare-except=compliant structlog=compliant f-strings=compliant
# expect: hardcoded-secrets=compliant timezone-aware=compliant dataclass-options=compliant
# expect: dataclass-frozen=compliant dataclass-kw-only=compliant self-type=compliant comprehensions=compliant
# expect: abc-imports=compliant type-checking-imports=violation no-star-args=violation
# expect: keyword-only=violation domain-hierarchy=compliant context-managers=compliant
# expect: value-object-equality=compliant constructor-injection=violation
"""Client for the CRM's REST API (contacts, companies, deals, notes, tasks, webhooks).

The CRM paginates with opaque cursors, rate limits per account and answers errors with a
JSON body `{"error": {"code": ..., "message": ...}}`. This client hides all three.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from os import environ
from time import sleep
from typing import TYPE_CHECKING, Self

from httpx import Client, HTTPStatusError, Response, TransportError
from structlog import get_logger

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from types import TracebackType

__all__ = [
    "Company",
    "Contact",
    "CrmClient",
    "CrmError",
    "Deal",
    "DealStage",
    "Note",
    "RateLimitedError",
    "Task",
]

log = get_logger(__name__)

DEFAULT_BASE_URL = "https://api.crm.example/v3"
MAX_RETRIES = 4
PAGE_SIZE = 100


class CrmError(RuntimeError):
    """The CRM answered with an error."""

    def __init__(self, status: int, code: str, message: str) -> None:
        """Record the error.

        Args:
            status: The HTTP status.
            code: The CRM's error code.
            message: The CRM's message.
        """
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code


class RateLimitedError(CrmError):
    """The CRM kept rate limiting after every retry."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    """A person in the CRM."""

    contact_id: str
    email: str
    first_name: str = ""
    last_name: str = ""
    company_id: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Company:
    """An organisation in the CRM."""

    company_id: str
    name: str
    domain: str | None = None
    employees: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DealStage:
    """A column of the sales pipeline."""

    stage_id: str
    label: str
    probability: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Deal:
    """A sales opportunity."""

    deal_id: str
    title: str
    amount_cents: int
    currency: str
    stage_id: str
    contact_ids: tuple[str, ...] = ()
    closes_on: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Note:
    """A note attached to a contact or deal."""

    note_id: str
    body: str
    created_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    """A follow-up task assigned to a sales rep."""

    task_id: str
    title: str
    due_at: datetime | None
    done: bool = False
    extra: Mapping[str, str] = field(default_factory=dict)


def _contact(body: Mapping[str, object]) -> Contact:
    tags = body.get("tags") or []
    return Contact(
        contact_id=str(body["id"]),
        email=str(body["email"]),
        first_name=str(body.get("first_name") or ""),
        last_name=str(body.get("last_name") or ""),
        company_id=str(body["company_id"]) if body.get("company_id") else None,
        tags=tuple(str(tag) for tag in tags) if isinstance(tags, list) else (),
    )


def _company(body: Mapping[str, object]) -> Company:
    employees = body.get("employees")
    return Company(
        company_id=str(body["id"]),
        name=str(body["name"]),
        domain=str(body["domain"]) if body.get("domain") else None,
        employees=int(str(employees)) if employees is not None else None,
    )


def _deal(body: Mapping[str, object]) -> Deal:
    contacts = body.get("contact_ids") or []
    return Deal(
        deal_id=str(body["id"]),
        title=str(body["title"]),
        amount_cents=int(str(body["amount_cents"])),
        currency=str(body.get("currency") or "EUR"),
        stage_id=str(body["stage_id"]),
        contact_ids=tuple(str(c) for c in contacts) if isinstance(contacts, list) else (),
        closes_on=str(body["closes_on"]) if body.get("closes_on") else None,
    )


def _timestamp(value: object) -> datetime:
    return datetime.fromtimestamp(float(str(value)), tz=UTC)


class CrmClient:
    """Typed access to the CRM API; use as a context manager to close connections."""

    def __init__(self, base_url: str = DEFAULT_BASE_URL, *, timeout: float = 15.0) -> None:
        """Create a client authenticated with `CRM_API_TOKEN`.

        Args:
            base_url: The API root.
            timeout: Seconds per request.
        """
        self._http = Client(
            base_url=base_url,
            timeout=timeout,
            headers={"Authorization": f"Bearer {environ['CRM_API_TOKEN']}"},
        )

    def __repr__(self) -> str:
        """Show the API root."""
        return f"CrmClient(base_url={self._http.base_url!s})"

    def __enter__(self) -> Self:
        """Return the client itself."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close the connection pool."""
        self._http.close()

    def _send(self, method: str, path: str, **options: object) -> Response:
        for attempt in range(1, MAX_RETRIES + 1):
            try:
                response = self._http.request(method, path, **options)
            except TransportError as exc:
                if attempt == MAX_RETRIES:
                    raise CrmError(0, "transport", str(exc)) from exc
                sleep(2**attempt)
                continue
            if response.status_code == 429 and attempt < MAX_RETRIES:
                delay = float(response.headers.get("Retry-After", 2**attempt))
                log.info("crm_rate_limited", path=path, delay=delay, attempt=attempt)
                sleep(delay)
                continue
            return self._checked(response)
        raise RateLimitedError(429, "rate_limited", f"{method} {path} kept being rate limited")

    def _checked(self, response: Response) -> Response:
        try:
            response.raise_for_status()
        except HTTPStatusError as exc:
            error = response.json().get("error", {}) if response.content else {}
            raise CrmError(
                response.status_code, error.get("code", "unknown"), error.get("message", "")
            ) from exc
        return response

    def _paginate(self, path: str, params: Mapping[str, str]) -> Iterator[Mapping[str, object]]:
        cursor: str | None = None
        while True:
            query = {**params, "limit": str(PAGE_SIZE)}
            if cursor:
                query["cursor"] = cursor
            body = self._send("GET", path, params=query).json()
            yield from body["data"]
            cursor = body.get("next_cursor")
            if not cursor:
                return

    def contact(self, contact_id: str) -> Contact:
        """Load one contact.

        Args:
            contact_id: The contact's id.

        Returns:
            The contact.
        """
        return _contact(self._send("GET", f"/contacts/{contact_id}").json())

    def find_contact(self, email: str) -> Contact | None:
        """Find a contact by e-mail address.

        Args:
            email: The address.

        Returns:
            The contact, or None when there is none.
        """
        matches = self._send("GET", "/contacts", params={"email": email}).json()["data"]
        return _contact(matches[0]) if matches else None

    def contacts(self, *, tag: str | None = None, company_id: str | None = None) -> Iterator[Contact]:
        """Iterate over contacts, optionally filtered.

        Args:
            tag: Only contacts with this tag.
            company_id: Only contacts of this company.

        Yields:
            The contacts.
        """
        params = {key: value for key, value in (("tag", tag), ("company_id", company_id)) if value}
        for body in self._paginate("/contacts", params):
            yield _contact(body)

    def upsert_contact(
        self,
        email: str,
        first_name: str,
        last_name: str,
        company_id: str | None,
        tags: tuple[str, ...],
        source: str,
    ) -> Contact:
        """Create a contact or update the one with the same e-mail address."""
        payload = {
            "email": email,
            "first_name": first_name,
            "last_name": last_name,
            "company_id": company_id,
            "tags": list(tags),
            "source": source,
        }
        return _contact(self._send("PUT", "/contacts", json=payload).json())

    def delete_contact(self, contact_id: str) -> None:
        """Delete a contact (GDPR erasure).

        Args:
            contact_id: The contact's id.
        """
        self._send("DELETE", f"/contacts/{contact_id}")
        log.info("crm_contact_deleted", contact_id=contact_id)

    def company(self, company_id: str) -> Company:
        """Load one company.

        Args:
            company_id: The company's id.

        Returns:
            The company.
        """
        return _company(self._send("GET", f"/companies/{company_id}").json())

    def companies(self, *, domain: str | None = None) -> Iterator[Company]:
        """Iterate over companies.

        Args:
            domain: Only the company with this web domain.

        Yields:
            The companies.
        """
        params = {"domain": domain} if domain else {}
        for body in self._paginate("/companies", params):
            yield _company(body)

    def stages(self) -> list[DealStage]:
        """List the pipeline stages in board order.

        Returns:
            The stages.
        """
        body = self._send("GET", "/pipeline/stages").json()
        return [
            DealStage(stage_id=str(s["id"]), label=str(s["label"]), probability=float(s["probability"]))
            for s in body["data"]
        ]

    def deals(self, *, stage_id: str | None = None) -> Iterator[Deal]:
        """Iterate over deals.

        Args:
            stage_id: Only deals in this stage.

        Yields:
            The deals.
        """
        params = {"stage_id": stage_id} if stage_id else {}
        for body in self._paginate("/deals", params):
            yield _deal(body)

    def create_deal(self, title: str, amount_cents: int, currency: str, stage_id: str) -> Deal:
        """Open a deal.

        Args:
            title: What is being sold.
            amount_cents: The expected value.
            currency: The ISO currency code.
            stage_id: The starting stage.

        Returns:
            The new deal.
        """
        payload = {"title": title, "amount_cents": amount_cents, "currency": currency, "stage_id": stage_id}
        return _deal(self._send("POST", "/deals", json=payload).json())

    def move_deal(self, deal_id: str, stage_id: str) -> Deal:
        """Move a deal to another stage.

        Args:
            deal_id: The deal.
            stage_id: The target stage.

        Returns:
            The updated deal.
        """
        return _deal(self._send("PATCH", f"/deals/{deal_id}", json={"stage_id": stage_id}).json())

    def add_note(self, deal_id: str, body: str) -> Note:
        """Attach a note to a deal.

        Args:
            deal_id: The deal.
            body: The note text (Markdown).

        Returns:
            The note.
        """
        data = self._send("POST", f"/deals/{deal_id}/notes", json={"body": body}).json()
        return Note(note_id=str(data["id"]), body=str(data["body"]), created_at=_timestamp(data["created"]))

    def notes(self, deal_id: str) -> list[Note]:
        """List a deal's notes, oldest first.

        Args:
            deal_id: The deal.

        Returns:
            The notes.
        """
        return [
            Note(note_id=str(n["id"]), body=str(n["body"]), created_at=_timestamp(n["created"]))
            for n in self._paginate(f"/deals/{deal_id}/notes", {})
        ]

    def create_task(self, title: str, *, due_at: datetime | None = None, assignee: str | None = None) -> Task:
        """Create a follow-up task.

        Args:
            title: What to do.
            due_at: When it is due; aware datetimes only.
            assignee: The rep's user id; the token's owner when None.

        Returns:
            The task.

        Raises:
            ValueError: If `due_at` is naive.
        """
        if due_at is not None and due_at.tzinfo is None:
            raise ValueError("due_at must be timezone-aware")
        payload = {
            "title": title,
            "due_at": due_at.timestamp() if due_at else None,
            "assignee": assignee,
        }
        data = self._send("POST", "/tasks", json=payload).json()
        return Task(
            task_id=str(data["id"]),
            title=title,
            due_at=_timestamp(data["due_at"]) if data.get("due_at") else None,
        )

    def complete_task(self, task_id: str) -> None:
        """Mark a task done.

        Args:
            task_id: The task.
        """
        self._send("PATCH", f"/tasks/{task_id}", json={"done": True})

    def open_tasks(self, assignee: str) -> list[Task]:
        """List a rep's open tasks.

        Args:
            assignee: The rep's user id.

        Returns:
            The open tasks, soonest due first.
        """
        tasks = [
            Task(
                task_id=str(t["id"]),
                title=str(t["title"]),
                due_at=_timestamp(t["due_at"]) if t.get("due_at") else None,
            )
            for t in self._paginate("/tasks", {"assignee": assignee, "done": "false"})
        ]
        far_future = datetime.max.replace(tzinfo=UTC)
        return sorted(tasks, key=lambda task: task.due_at or far_future)

    def register_webhook(self, url: str, events: tuple[str, ...]) -> str:
        """Subscribe a URL to CRM events.

        Args:
            url: Where the CRM posts events.
            events: Event names, like "deal.updated".

        Returns:
            The subscription id.
        """
        data = self._send("POST", "/webhooks", json={"url": url, "events": list(events)}).json()
        log.info("crm_webhook_registered", url=url, events=len(events))
        return str(data["id"])

    def unregister_webhook(self, subscription_id: str) -> None:
        """Remove a webhook subscription.

        Args:
            subscription_id: The id returned when it was registered.
        """
        self._send("DELETE", f"/webhooks/{subscription_id}")


def sync_contacts(client: CrmClient, rows: Iterator[Mapping[str, str]], *, source: str) -> int:
    """Upsert contacts exported from the shop.

    Args:
        client: The CRM client.
        rows: Rows with `email`, `first_name`, `last_name` and optional `tags`.
        source: Recorded on each contact as its origin.

    Returns:
        How many contacts were written.
    """
    written = 0
    for row in rows:
        tags = tuple(tag.strip() for tag in row.get("tags", "").split(",") if tag.strip())
        try:
            client.upsert_contact(
                row["email"], row.get("first_name", ""), row.get("last_name", ""), None, tags, source
            )
        except CrmError as exc:
            log.warning("crm_contact_rejected", email=row["email"], code=exc.code)
            continue
        written += 1
    log.info("crm_contacts_synced", written=written, source=source)
    return written


def stale_deals(client: CrmClient, *, older_than_days: int = 30) -> list[Deal]:
    """Find open deals whose expected close date has passed.

    Args:
        client: The CRM client.
        older_than_days: How far past the close date a deal must be.

    Returns:
        The stale deals.
    """
    today = datetime.now(UTC).date()
    return [
        deal
        for deal in client.deals()
        if deal.closes_on and (today - datetime.fromisoformat(deal.closes_on).date()).days > older_than_days
    ]
