# path: scripts/migrate_customers.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: sqlalchemy-declarative-base=violation sqlalchemy-mapped-column=violation sqlalchemy-select=violation
# expect: structlog=violation f-strings=compliant hardcoded-secrets=violation class-length=compliant
# expect: repr=violation timezone-aware=violation bare-except=compliant raise-from=na dunder-all=na
# expect: comprehensions=compliant
"""One-off migration: copy customers from the legacy MySQL schema to Postgres."""

import os
import sys
from datetime import datetime

from sqlalchemy import Column, DateTime, Integer, String, create_engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.declarative import declarative_base
from sqlalchemy.orm import sessionmaker

LEGACY_URL = os.environ.get("LEGACY_URL", "mysql+pymysql://legacy:legacy@old-db/crm")
TARGET_URL = "postgresql+psycopg://migrator:m1gr4t0r-pw@new-db/crm"

LegacyBase = declarative_base()
TargetBase = declarative_base()


class LegacyCustomer(LegacyBase):
    __tablename__ = "tbl_customer"

    cust_id = Column(Integer, primary_key=True)
    cust_name = Column(String(255))
    cust_email = Column(String(255))
    created = Column(DateTime)


class Customer(TargetBase):
    __tablename__ = "customers"

    id = Column(Integer, primary_key=True)
    name = Column(String(255), nullable=False)
    email = Column(String(320), unique=True)
    created_at = Column(DateTime(timezone=True))
    migrated_at = Column(DateTime(timezone=True), default=datetime.utcnow)


def migrate(batch_size=500):
    legacy = sessionmaker(bind=create_engine(LEGACY_URL))()
    target = sessionmaker(bind=create_engine(TARGET_URL))()
    TargetBase.metadata.create_all(target.get_bind())
    total = legacy.query(LegacyCustomer).count()
    copied = skipped = 0
    for offset in range(0, total, batch_size):
        rows = legacy.query(LegacyCustomer).order_by(LegacyCustomer.cust_id).offset(offset).limit(batch_size).all()
        customers = [
            Customer(id=row.cust_id, name=(row.cust_name or "").strip(), email=row.cust_email, created_at=row.created)
            for row in rows
        ]
        try:
            target.add_all(customers)
            target.commit()
            copied += len(customers)
        except IntegrityError:
            target.rollback()
            skipped += len(customers)
        print(f"{offset + len(rows)}/{total} processed")
    print(f"done: {copied} copied, {skipped} skipped")
    return copied


if __name__ == "__main__":
    sys.exit(0 if migrate() else 1)
