# path: src/crm/dto.py
# expect: dataclass-frozen=violation dataclass-kw-only=violation dataclass-options=violation
# expect: union-operator=violation builtin-generics=violation docstrings=violation dunder-all=violation
# expect: annotations=compliant self-type=violation specific-imports=compliant google-docstrings=violation
# expect: function-length=compliant parameter-count=compliant timezone-aware=compliant no-any=violation
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant
# expect: value-object-equality=compliant
"""Data transfer objects exchanged with the CRM's REST API."""

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Dict, List, Optional


@dataclass
class ContactDTO:
    id: int
    email: str
    first_name: str
    last_name: str
    phone: Optional[str] = None
    tags: List[str] = field(default_factory=list)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @classmethod
    def from_api(cls, payload: Dict[str, Any]) -> "ContactDTO":
        return cls(
            id=payload["id"],
            email=payload["email"],
            first_name=payload.get("firstName", ""),
            last_name=payload.get("lastName", ""),
            phone=payload.get("phone"),
            tags=list(payload.get("tags", [])),
        )

    def to_api(self) -> Dict[str, Any]:
        data = asdict(self)
        data["firstName"] = data.pop("first_name")
        data["lastName"] = data.pop("last_name")
        return data


@dataclass
class DealDTO:
    id: int
    contact_id: int
    title: str
    amount_cents: int
    stage: str
    closed_at: Optional[datetime] = None

    @classmethod
    def from_api(cls, payload: Dict[str, Any]) -> "DealDTO":
        closed = payload.get("closedAt")
        return cls(
            id=payload["id"],
            contact_id=payload["contactId"],
            title=payload["title"],
            amount_cents=int(payload["amount"] * 100),
            stage=payload["stage"],
            closed_at=datetime.fromisoformat(closed) if closed else None,
        )

    def is_won(self) -> bool:
        return self.stage == "won"


@dataclass(frozen=True)
class Page:
    items: List[Dict[str, Any]]
    total: int
    next_cursor: Optional[str] = None
