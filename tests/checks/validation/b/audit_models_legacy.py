# path: src/audit/models.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: dunder-all=violation class-length=compliant repr=compliant
# expect: sqlalchemy-declarative-base=violation sqlalchemy-mapped-column=violation
# expect: sqlalchemy-typed-relationship=violation sqlalchemy-back-populates=violation
# expect: timezone-aware=violation google-docstrings=violation function-length=compliant
# expect: parameter-count=violation orjson=violation f-strings=compliant no-pickle=compliant
# expect: comprehensions=compliant self-type=violation no-any=na
# expect: keyword-only=violation
"""Audit trail: who changed what, and when."""

import json
from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


class Actor(Base):
    """A user or service account that can change data."""

    __tablename__ = "audit_actors"

    id = Column(Integer, primary_key=True)
    kind = Column(String(20), nullable=False, default="user")
    name = Column(String(200), nullable=False)

    def __repr__(self):
        return f"Actor({self.kind}:{self.name})"


class AuditEntry(Base):
    __tablename__ = "audit_entries"

    id = Column(Integer, primary_key=True)
    actor_id = Column(Integer, ForeignKey("audit_actors.id"), nullable=False)
    entity = Column(String(100), nullable=False, index=True)
    entity_id = Column(String(64), nullable=False, index=True)
    action = Column(String(20), nullable=False)
    changes = Column(Text, default="{}")
    created_at = Column(DateTime, default=datetime.now, index=True)

    actor = relationship(Actor, backref=backref("entries", lazy="dynamic"))

    def __repr__(self):
        return f"AuditEntry({self.action} {self.entity}#{self.entity_id} by {self.actor_id})"

    @classmethod
    def record(cls, actor, entity, entity_id, action, before=None, after=None):
        changed = {
            key: {"old": (before or {}).get(key), "new": value}
            for key, value in (after or {}).items()
            if (before or {}).get(key) != value
        }
        return cls(
            actor_id=actor.id,
            entity=entity,
            entity_id=str(entity_id),
            action=action,
            changes=json.dumps(changed, default=str),
            created_at=datetime.now(),
        )

    def diff(self):
        """Return the recorded changes as a dict."""
        return json.loads(self.changes or "{}")
