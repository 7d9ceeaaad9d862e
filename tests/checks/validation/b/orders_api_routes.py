# path: src/shop/api/orders.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: dunder-all=violation no-any=violation union-operator=violation builtin-generics=violation
# expect: structlog=violation f-strings=violation raise-from=violation bare-except=compliant
# expect: relative-imports=compliant timezone-aware=violation fstring-debug=violation
# expect: sqlalchemy-select=violation class-length=compliant
# expect: comprehensions=compliant
# expect: type-checking-imports=compliant
# expect: domain-hierarchy=compliant
from datetime import datetime
from typing import Any, List, Optional
import logging

from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy.orm import Session

from shop.db import get_session
from shop.orders.models import Order
from shop.orders.schemas import OrderCreate, OrderRead

router = APIRouter(prefix="/orders", tags=["orders"])
logger = logging.getLogger(__name__)


class OrderNotFound(Exception):
    pass


@router.get("/", response_model=List[OrderRead])
def list_orders(
    customer_id: Optional[int] = None,
    limit: int = 50,
    session: Session = Depends(get_session),
):
    """List orders, optionally filtered by customer."""
    stmt = session.query(Order)
    if customer_id is not None:
        logger.debug(f"filtering orders customer_id={customer_id}")
        stmt = stmt.filter(Order.customer_id == customer_id)
    return stmt.order_by(Order.created_at.desc()).limit(limit).all()


@router.get("/{order_id}", response_model=OrderRead)
def get_order(order_id: int, session: Session = Depends(get_session)) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise HTTPException(status_code=404, detail="Order {} not found".format(order_id))
    return order


@router.post("/", response_model=OrderRead, status_code=status.HTTP_201_CREATED)
def create_order(payload: OrderCreate, session: Session = Depends(get_session)) -> Order:
    """Create a new order from the request payload."""
    order = Order(
        customer_id=payload.customer_id,
        items=[item.model_dump() for item in payload.items],
        created_at=datetime.now(),
    )
    session.add(order)
    try:
        session.commit()
    except ValueError as exc:
        session.rollback()
        logger.error("could not create order: %s", exc)
        raise HTTPException(status_code=422, detail=str(exc))
    session.refresh(order)
    logger.info(f"created order {order.id}")
    return order


@router.patch("/{order_id}/notes")
def update_notes(order_id: int, notes: dict[str, Any], session: Session = Depends(get_session)):
    """Attach free-form notes to an order."""
    order = session.get(Order, order_id)
    if order is None:
        raise HTTPException(status_code=404, detail=f"Order {order_id} not found")
    order.notes = {**(order.notes or {}), **notes}
    session.commit()
    return {"id": order.id, "notes": order.notes}
