# path: src/integrations/crm/client.py
# expect: module-length=violation class-length=violation specific-imports=violation orjson=violation
# expect: union-operator=violation builtin-generics=violation no-any=violation docstrings=violation
# expect: google-docstrings=violation dunder-all=violation structlog=violation raise-from=violation
# expect: repr=violation annotations=compliant timezone-aware=violation function-length=compliant
# expect: parameter-count=compliant fstring-debug=violation f-strings=compliant hardcoded-secrets=compliant
# expect: abc-imports=violation pathlib=violation
# expect: no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant comprehensions=compliant
# expect: keyword-only=violation domain-hierarchy=compliant
"""Client for the CRM's REST API (v3): contacts, companies, deals, tickets and more."""

import json
import logging
import os
import time
from datetime import datetime
from typing import Any, Dict, Iterator, List, Optional

import requests

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.crm.example.com/crm/v3"
PAGE_SIZE = 100


class CrmError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"CRM API error {status}: {message}")
        self.status = status
        self.message = message


class RateLimited(CrmError):
    pass


class CrmClient:
    """Thin wrapper over the CRM's REST API."""

    def __init__(self, token: Optional[str] = None, base_url: str = DEFAULT_BASE_URL, timeout: float = 30.0) -> None:
        self.token = token or os.environ["CRM_TOKEN"]
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update(
            {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        )
        self.last_request_at: Optional[datetime] = None

    def _request(self, method: str, path: str, params: Optional[Dict[str, Any]] = None, body: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        url = f"{self.base_url}/{path.lstrip('/')}"
        for attempt in range(5):
            self.last_request_at = datetime.now()
            try:
                response = self.session.request(
                    method, url, params=params, data=json.dumps(body) if body else None, timeout=self.timeout
                )
            except requests.ConnectionError as exc:
                logger.warning("connection error on %s %s: %s", method, path, exc)
                time.sleep(2**attempt)
                continue
            if response.status_code == 429:
                wait = int(response.headers.get("Retry-After", "1"))
                logger.debug(f"rate limited path={path} wait={wait}")
                time.sleep(wait)
                continue
            if response.status_code >= 400:
                try:
                    message = response.json().get("message", response.text)
                except ValueError:
                    raise CrmError(response.status_code, response.text)
                raise CrmError(response.status_code, message)
            if response.status_code == 204 or not response.content:
                return {}
            return json.loads(response.content)
        raise RateLimited(429, f"gave up on {method} {path}")

    def _paginate(self, path: str, params: Optional[Dict[str, Any]] = None) -> Iterator[Dict[str, Any]]:
        query = dict(params or {})
        query["limit"] = PAGE_SIZE
        while True:
            page = self._request("GET", path, params=query)
            yield from page.get("results", [])
            cursor = page.get("paging", {}).get("next", {}).get("after")
            if not cursor:
                return
            query["after"] = cursor

    # --- contacts ---

    def list_contacts(self, properties: Optional[List[str]] = None) -> List[Dict[str, Any]]:
        params = {"properties": ",".join(properties)} if properties else None
        return list(self._paginate("objects/contacts", params))

    def get_contact(self, contact_id: str, properties: Optional[List[str]] = None) -> Dict[str, Any]:
        params = {"properties": ",".join(properties)} if properties else None
        return self._request("GET", f"objects/contacts/{contact_id}", params=params)

    def create_contact(self, properties: Dict[str, Any]) -> Dict[str, Any]:
        logger.info("creating contact")
        return self._request("POST", "objects/contacts", body={"properties": properties})

    def update_contact(self, contact_id: str, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("PATCH", f"objects/contacts/{contact_id}", body={"properties": properties})

    def delete_contact(self, contact_id: str) -> None:
        self._request("DELETE", f"objects/contacts/{contact_id}")
        logger.info("deleted contact %s", contact_id)

    def search_contacts(self, filters: List[Dict[str, Any]], limit: int = PAGE_SIZE) -> List[Dict[str, Any]]:
        body = {"filterGroups": [{"filters": filters}], "limit": limit}
        return self._request("POST", "objects/contacts/search", body=body).get("results", [])

    # --- companies ---

    def list_companies(self, properties: Optional[List[str]] = None) -> List[Dict[str, Any]]:
        params = {"properties": ",".join(properties)} if properties else None
        return list(self._paginate("objects/companies", params))

    def get_company(self, company_id: str, properties: Optional[List[str]] = None) -> Dict[str, Any]:
        params = {"properties": ",".join(properties)} if properties else None
        return self._request("GET", f"objects/companies/{company_id}", params=params)

    def create_company(self, properties: Dict[str, Any]) -> Dict[str, Any]:
        logger.info("creating company")
        return self._request("POST", "objects/companies", body={"properties": properties})

    def update_company(self, company_id: str, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("PATCH", f"objects/companies/{company_id}", body={"properties": properties})

    def delete_company(self, company_id: str) -> None:
        self._request("DELETE", f"objects/companies/{company_id}")
        logger.info("deleted company %s", company_id)

    def search_companies(self, filters: List[Dict[str, Any]], limit: int = PAGE_SIZE) -> List[Dict[str, Any]]:
        body = {"filterGroups": [{"filters": filters}], "limit": limit}
        return self._request("POST", "objects/companies/search", body=body).get("results", [])

    # --- deals ---

    def list_deals(self, properties: Optional[List[str]] = None) -> List[Dict[str, Any]]:
        params = {"properties": ",".join(properties)} if properties else None
        return list(self._paginate("objects/deals", params))

    def get_deal(self, deal_id: str, properties: Optional[List[str]] = None) -> Dict[str, Any]:
        params = {"properties": ",".join(properties)} if properties else None
        return self._request("GET", f"objects/deals/{deal_id}", params=params)

    def create_deal(self, properties: Dict[str, Any]) -> Dict[str, Any]:
        logger.info("creating deal")
        return self._request("POST", "objects/deals", body={"properties": properties})

    def update_deal(self, deal_id: str, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("PATCH", f"objects/deals/{deal_id}", body={"properties": properties})

    def delete_deal(self, deal_id: str) -> None:
        self._request("DELETE", f"objects/deals/{deal_id}")
        logger.info("deleted deal %s", deal_id)

    def search_deals(self, filters: List[Dict[str, Any]], limit: int = PAGE_SIZE) -> List[Dict[str, Any]]:
        body = {"filterGroups": [{"filters": filters}], "limit": limit}
        return self._request("POST", "objects/deals/search", body=body).get("results", [])

    # --- tickets ---

    def list_tickets(self, properties: Optional[List[str]] = None) -> List[Dict[str, Any]]:
        params = {"properties": ",".join(properties)} if properties else None
        return list(self._paginate("objects/tickets", params))

    def get_ticket(self, ticket_id: str, properties: Optional[List[str]] = None) -> Dict[str, Any]:
        params = {"properties": ",".join(properties)} if properties else None
        return self._request("GET", f"objects/tickets/{ticket_id}", params=params)

    def create_ticket(self, properties: Dict[str, Any]) -> Dict[str, Any]:
        logger.info("creating ticket")
        return self._request("POST", "objects/tickets", body={"properties": properties})

    def update_ticket(self, ticket_id: str, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("PATCH", f"objects/tickets/{ticket_id}", body={"properties": properties})

    def delete_ticket(self, ticket_id: str) -> None:
        self._request("DELETE", f"objects/tickets/{ticket_id}")
        logger.info("deleted ticket %s", ticket_id)

    def search_tickets(self, filters: List[Dict[str, Any]], limit: int = PAGE_SIZE) -> List[Dict[str, Any]]:
        body = {"filterGroups": [{"filters": filters}], "limit": limit}
        return self._request("POST", "objects/tickets/search", body=body).get("results", [])

    # --- notes ---

    def list_notes(self, properties: Optional[List[str]] = None) -> List[Dict[str, Any]]:
        params = {"properties": ",".join(properties)} if properties else None
        return list(self._paginate("objects/notes", params))

    def get_note(self, note_id: str, properties: Optional[List[str]] = None) -> Dict[str, Any]:
        params = {"properties": ",".join(properties)} if properties else None
        return self._request("GET", f"objects/notes/{note_id}", params=params)

    def create_note(self, properties: Dict[str, Any]) -> Dict[str, Any]:
        logger.info("creating note")
        return self._request("POST", "objects/notes", body={"properties": properties})

    def update_note(self, note_id: str, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("PATCH", f"objects/notes/{note_id}", body={"properties": properties})

    def delete_note(self, note_id: str) -> None:
        self._request("DELETE", f"objects/notes/{note_id}")
        logger.info("deleted note %s", note_id)

    def search_notes(self, filters: List[Dict[str, Any]], limit: int = PAGE_SIZE) -> List[Dict[str, Any]]:
        body = {"filterGroups": [{"filters": filters}], "limit": limit}
        return self._request("POST", "objects/notes/search", body=body).get("results", [])

    # --- tasks ---

    def list_tasks(self, properties: Optional[List[str]] = None) -> List[Dict[str, Any]]:
        params = {"properties": ",".join(properties)} if properties else None
        return list(self._paginate("objects/tasks", params))

    def get_task(self, task_id: str, properties: Optional[List[str]] = None) -> Dict[str, Any]:
        params = {"properties": ",".join(properties)} if properties else None
        return self._request("GET", f"objects/tasks/{task_id}", params=params)

    def create_task(self, properties: Dict[str, Any]) -> Dict[str, Any]:
        logger.info("creating task")
        return self._request("POST", "objects/tasks", body={"properties": properties})

    def update_task(self, task_id: str, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("PATCH", f"objects/tasks/{task_id}", body={"properties": properties})

    def delete_task(self, task_id: str) -> None:
        self._request("DELETE", f"objects/tasks/{task_id}")
        logger.info("deleted task %s", task_id)

    def search_tasks(self, filters: List[Dict[str, Any]], limit: int = PAGE_SIZE) -> List[Dict[str, Any]]:
        body = {"filterGroups": [{"filters": filters}], "limit": limit}
        return self._request("POST", "objects/tasks/search", body=body).get("results", [])

    # --- pipelines ---

    def list_pipelines(self, properties: Optional[List[str]] = None) -> List[Dict[str, Any]]:
        params = {"properties": ",".join(properties)} if properties else None
        return list(self._paginate("objects/pipelines", params))

    def get_pipeline(self, pipeline_id: str, properties: Optional[List[str]] = None) -> Dict[str, Any]:
        params = {"properties": ",".join(properties)} if properties else None
        return self._request("GET", f"objects/pipelines/{pipeline_id}", params=params)

    def create_pipeline(self, properties: Dict[str, Any]) -> Dict[str, Any]:
        logger.info("creating pipeline")
        return self._request("POST", "objects/pipelines", body={"properties": properties})

    def update_pipeline(self, pipeline_id: str, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("PATCH", f"objects/pipelines/{pipeline_id}", body={"properties": properties})

    def delete_pipeline(self, pipeline_id: str) -> None:
        self._request("DELETE", f"objects/pipelines/{pipeline_id}")
        logger.info("deleted pipeline %s", pipeline_id)

    def search_pipelines(self, filters: List[Dict[str, Any]], limit: int = PAGE_SIZE) -> List[Dict[str, Any]]:
        body = {"filterGroups": [{"filters": filters}], "limit": limit}
        return self._request("POST", "objects/pipelines/search", body=body).get("results", [])

    # --- owners ---

    def list_owners(self, properties: Optional[List[str]] = None) -> List[Dict[str, Any]]:
        params = {"properties": ",".join(properties)} if properties else None
        return list(self._paginate("objects/owners", params))

    def get_owner(self, owner_id: str, properties: Optional[List[str]] = None) -> Dict[str, Any]:
        params = {"properties": ",".join(properties)} if properties else None
        return self._request("GET", f"objects/owners/{owner_id}", params=params)

    def create_owner(self, properties: Dict[str, Any]) -> Dict[str, Any]:
        logger.info("creating owner")
        return self._request("POST", "objects/owners", body={"properties": properties})

    def update_owner(self, owner_id: str, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("PATCH", f"objects/owners/{owner_id}", body={"properties": properties})

    def delete_owner(self, owner_id: str) -> None:
        self._request("DELETE", f"objects/owners/{owner_id}")
        logger.info("deleted owner %s", owner_id)

    def search_owners(self, filters: List[Dict[str, Any]], limit: int = PAGE_SIZE) -> List[Dict[str, Any]]:
        body = {"filterGroups": [{"filters": filters}], "limit": limit}
        return self._request("POST", "objects/owners/search", body=body).get("results", [])

    # --- line_items ---

    def list_line_items(self, properties: Optional[List[str]] = None) -> List[Dict[str, Any]]:
        params = {"properties": ",".join(properties)} if properties else None
        return list(self._paginate("objects/line_items", params))

    def get_line_item(self, line_item_id: str) -> Dict[str, Any]:
        return self._request("GET", f"objects/line_items/{line_item_id}")

    def create_line_item(self, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("POST", "objects/line_items", body={"properties": properties})

    def update_line_item(self, line_item_id: str, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("PATCH", f"objects/line_items/{line_item_id}", body={"properties": properties})

    def archive_line_items(self, ids: List[str]) -> None:
        body = {"inputs": [{"id": item} for item in ids]}
        self._request("POST", "objects/line_items/batch/archive", body=body)

    # --- products ---

    def list_products(self, properties: Optional[List[str]] = None) -> List[Dict[str, Any]]:
        params = {"properties": ",".join(properties)} if properties else None
        return list(self._paginate("objects/products", params))

    def get_product(self, product_id: str) -> Dict[str, Any]:
        return self._request("GET", f"objects/products/{product_id}")

    def create_product(self, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("POST", "objects/products", body={"properties": properties})

    def update_product(self, product_id: str, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("PATCH", f"objects/products/{product_id}", body={"properties": properties})

    def archive_products(self, ids: List[str]) -> None:
        body = {"inputs": [{"id": item} for item in ids]}
        self._request("POST", "objects/products/batch/archive", body=body)

    # --- quotes ---

    def list_quotes(self, properties: Optional[List[str]] = None) -> List[Dict[str, Any]]:
        params = {"properties": ",".join(properties)} if properties else None
        return list(self._paginate("objects/quotes", params))

    def get_quote(self, quote_id: str) -> Dict[str, Any]:
        return self._request("GET", f"objects/quotes/{quote_id}")

    def create_quote(self, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("POST", "objects/quotes", body={"properties": properties})

    def update_quote(self, quote_id: str, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("PATCH", f"objects/quotes/{quote_id}", body={"properties": properties})

    def archive_quotes(self, ids: List[str]) -> None:
        body = {"inputs": [{"id": item} for item in ids]}
        self._request("POST", "objects/quotes/batch/archive", body=body)

    # --- calls ---

    def list_calls(self, properties: Optional[List[str]] = None) -> List[Dict[str, Any]]:
        params = {"properties": ",".join(properties)} if properties else None
        return list(self._paginate("objects/calls", params))

    def get_call(self, call_id: str) -> Dict[str, Any]:
        return self._request("GET", f"objects/calls/{call_id}")

    def create_call(self, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("POST", "objects/calls", body={"properties": properties})

    def update_call(self, call_id: str, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("PATCH", f"objects/calls/{call_id}", body={"properties": properties})

    def archive_calls(self, ids: List[str]) -> None:
        body = {"inputs": [{"id": item} for item in ids]}
        self._request("POST", "objects/calls/batch/archive", body=body)

    # --- meetings ---

    def list_meetings(self, properties: Optional[List[str]] = None) -> List[Dict[str, Any]]:
        params = {"properties": ",".join(properties)} if properties else None
        return list(self._paginate("objects/meetings", params))

    def get_meeting(self, meeting_id: str) -> Dict[str, Any]:
        return self._request("GET", f"objects/meetings/{meeting_id}")

    def create_meeting(self, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("POST", "objects/meetings", body={"properties": properties})

    def update_meeting(self, meeting_id: str, properties: Dict[str, Any]) -> Dict[str, Any]:
        return self._request("PATCH", f"objects/meetings/{meeting_id}", body={"properties": properties})

    def archive_meetings(self, ids: List[str]) -> None:
        body = {"inputs": [{"id": item} for item in ids]}
        self._request("POST", "objects/meetings/batch/archive", body=body)

    def associate(self, from_type: str, from_id: str, to_type: str, to_id: str) -> None:
        path = f"objects/{from_type}/{from_id}/associations/{to_type}/{to_id}/default"
        self._request("PUT", path)

    def close(self) -> None:
        self.session.close()


def contact_email(contact: Dict[str, Any]) -> Optional[str]:
    return contact.get("properties", {}).get("email")


def company_domain(company: Dict[str, Any]) -> Optional[str]:
    domain = company.get("properties", {}).get("domain")
    return domain.lower() if domain else None


def deal_amount(deal: Dict[str, Any]) -> float:
    raw = deal.get("properties", {}).get("amount")
    try:
        return float(raw) if raw else 0.0
    except ValueError:
        logger.warning("deal %s has a bad amount %r", deal.get("id"), raw)
        return 0.0


def deal_close_date(deal: Dict[str, Any]) -> Optional[datetime]:
    raw = deal.get("properties", {}).get("closedate")
    if not raw:
        return None
    return datetime.strptime(raw[:19], "%Y-%m-%dT%H:%M:%S")


def index_by_id(records: List[Dict[str, Any]]) -> Dict[str, Dict[str, Any]]:
    return {record["id"]: record for record in records}


def changed_properties(old: Dict[str, Any], new: Dict[str, Any]) -> Dict[str, Any]:
    old_props = old.get("properties", {})
    new_props = new.get("properties", {})
    return {key: value for key, value in new_props.items() if old_props.get(key) != value}


def contacts_without_company(client: CrmClient) -> List[Dict[str, Any]]:
    contacts = client.list_contacts(properties=["email", "company"])
    return [contact for contact in contacts if not contact.get("properties", {}).get("company")]


def pipeline_totals(client: CrmClient) -> Dict[str, float]:
    totals: Dict[str, float] = {}
    for deal in client.list_deals(properties=["amount", "dealstage"]):
        stage = deal.get("properties", {}).get("dealstage", "unknown")
        totals[stage] = totals.get(stage, 0.0) + deal_amount(deal)
    return totals


def stale_deals(client: CrmClient, days: int = 30) -> List[Dict[str, Any]]:
    cutoff = datetime.now().timestamp() - days * 86400
    stale = []
    for deal in client.list_deals(properties=["hs_lastmodifieddate"]):
        modified = deal.get("properties", {}).get("hs_lastmodifieddate")
        if not modified:
            continue
        at = datetime.strptime(modified[:19], "%Y-%m-%dT%H:%M:%S").timestamp()
        if at < cutoff:
            stale.append(deal)
    return stale


def merge_duplicate_contacts(client: CrmClient, dry_run: bool = True) -> int:
    by_email: Dict[str, List[Dict[str, Any]]] = {}
    for contact in client.list_contacts(properties=["email", "createdate"]):
        email = contact_email(contact)
        if email:
            by_email.setdefault(email.lower(), []).append(contact)
    merged = 0
    for email, contacts in by_email.items():
        if len(contacts) < 2:
            continue
        contacts.sort(key=lambda c: c.get("properties", {}).get("createdate", ""))
        keep, *duplicates = contacts
        for duplicate in duplicates:
            logger.info("merging %s into %s (%s)", duplicate["id"], keep["id"], email)
            if not dry_run:
                client.delete_contact(duplicate["id"])
            merged += 1
    return merged


def export_contacts(client: CrmClient, path: str) -> int:
    contacts = client.list_contacts(properties=["email", "firstname", "lastname"])
    with open(path, "w") as handle:
        json.dump(contacts, handle)
    return len(contacts)


def import_contacts(client: CrmClient, path: str) -> int:
    with open(path) as handle:
        rows = json.load(handle)
    created = 0
    for row in rows:
        try:
            client.create_contact(row.get("properties", row))
            created += 1
        except CrmError as exc:
            logger.error("could not import %s: %s", row.get("email"), exc)
    return created


def ticket_priority(ticket: Dict[str, Any]) -> int:
    priority = ticket.get("properties", {}).get("hs_ticket_priority", "LOW")
    return {"HIGH": 1, "MEDIUM": 2, "LOW": 3}.get(priority, 3)


def open_tickets_by_priority(client: CrmClient) -> List[Dict[str, Any]]:
    tickets = client.search_tickets([{"propertyName": "hs_pipeline_stage", "operator": "NEQ", "value": "4"}])
    return sorted(tickets, key=ticket_priority)


def owner_names(client: CrmClient) -> Dict[str, str]:
    names = {}
    for owner in client.list_owners():
        properties = owner.get("properties", {})
        first = properties.get("firstName", "")
        last = properties.get("lastName", "")
        names[owner["id"]] = f"{first} {last}".strip() or owner["id"]
    return names


def deals_by_owner(client: CrmClient) -> Dict[str, float]:
    names = owner_names(client)
    totals: Dict[str, float] = {}
    for deal in client.list_deals(properties=["amount", "hubspot_owner_id"]):
        owner_id = deal.get("properties", {}).get("hubspot_owner_id")
        owner = names.get(owner_id, "unassigned")
        totals[owner] = totals.get(owner, 0.0) + deal_amount(deal)
    return totals
