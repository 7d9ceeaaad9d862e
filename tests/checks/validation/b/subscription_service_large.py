# path: src/billing/subscriptions/service.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant google-docstrings=violation function-length=violation parameter-count=violation
# expect: class-length=violation repr=violation structlog=compliant timezone-aware=compliant
# expect: union-operator=compliant builtin-generics=compliant no-any=compliant raise-from=compliant
# expect: bare-except=compliant relative-imports=compliant sqlalchemy-select=compliant
# expect: comprehensions=compliant duplicate-case-arms=violation type-checking-imports=violation
# expect: abc-imports=compliant
# expect: keyword-only=compliant session-scalars=compliant domain-hierarchy=compliant
# expect: constructor-injection=compliant
"""Subscription lifecycle: trials, upgrades, renewals, cancellations and dunning."""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session
from structlog import get_logger

from billing.payments import PaymentDeclinedError, PaymentProvider

from .errors import InvalidTransitionError, PlanNotFoundError, SubscriptionNotFoundError
from .models import Invoice, Plan, Subscription, SubscriptionStatus

__all__ = ["SubscriptionService"]

log = get_logger(__name__)

TRIAL_DAYS = 14
GRACE_DAYS = 7
MAX_DUNNING_ATTEMPTS = 4


class SubscriptionService:
    """Application service for everything that changes a subscription."""

    def __init__(self, session: Session, payments: PaymentProvider) -> None:
        """Create the service.

        Args:
            session: The unit of work; the caller commits.
            payments: Charges customers' stored payment methods.
        """
        self._session = session
        self._payments = payments

    def _plan(self, code: str) -> Plan:
        plan = self._session.scalars(select(Plan).where(Plan.code == code)).one_or_none()
        if plan is None:
            raise PlanNotFoundError(code)
        return plan

    def _subscription(self, subscription_id: int) -> Subscription:
        subscription = self._session.get(Subscription, subscription_id)
        if subscription is None:
            raise SubscriptionNotFoundError(subscription_id)
        return subscription

    def start_trial(self, customer_id: int, plan_code: str) -> Subscription:
        """Start a free trial.

        Args:
            customer_id: The customer.
            plan_code: The plan to try.

        Returns:
            The new trialing subscription.
        """
        plan = self._plan(plan_code)
        now = datetime.now(UTC)
        subscription = Subscription(
            customer_id=customer_id,
            plan=plan,
            status=SubscriptionStatus.TRIALING,
            started_at=now,
            current_period_end=now + timedelta(days=TRIAL_DAYS),
        )
        self._session.add(subscription)
        log.info("trial_started", customer_id=customer_id, plan=plan_code)
        return subscription

    def activate(self, subscription_id: int) -> Subscription:
        """Convert a trial into a paid subscription and charge the first period."""
        subscription = self._subscription(subscription_id)
        if subscription.status is not SubscriptionStatus.TRIALING:
            raise InvalidTransitionError(subscription.status, SubscriptionStatus.ACTIVE)
        self._charge(subscription, subscription.plan.price)
        subscription.status = SubscriptionStatus.ACTIVE
        subscription.current_period_end = datetime.now(UTC) + subscription.plan.period
        return subscription

    def change_plan(
        self,
        subscription_id: int,
        plan_code: str,
        *,
        prorate: bool = True,
        effective_now: bool = True,
        coupon: str | None = None,
        reason: str | None = None,
    ) -> Subscription:
        """Move a subscription to another plan.

        Args:
            subscription_id: The subscription.
            plan_code: The new plan.
            prorate: Charge or credit the difference for the rest of the period.
            effective_now: Switch now rather than at the next renewal.
            coupon: A coupon code applied to the new plan.
            reason: Free text stored for the audit log.

        Returns:
            The updated subscription.
        """
        subscription = self._subscription(subscription_id)
        new_plan = self._plan(plan_code)
        if not effective_now:
            subscription.pending_plan = new_plan
            log.info("plan_change_scheduled", subscription_id=subscription_id, plan=plan_code)
            return subscription
        if prorate and subscription.status is SubscriptionStatus.ACTIVE:
            remaining = subscription.current_period_end - datetime.now(UTC)
            fraction = Decimal(remaining.total_seconds()) / Decimal(
                subscription.plan.period.total_seconds()
            )
            difference = (new_plan.price - subscription.plan.price) * fraction
            if coupon:
                difference = difference * Decimal("0.9")
            if difference > 0:
                self._charge(subscription, difference.quantize(Decimal("0.01")))
            else:
                subscription.credit += -difference.quantize(Decimal("0.01"))
        subscription.plan = new_plan
        subscription.pending_plan = None
        subscription.coupon = coupon
        log.info(
            "plan_changed",
            subscription_id=subscription_id,
            plan=plan_code,
            prorated=prorate,
            reason=reason,
        )
        return subscription

    def cancel(self, subscription_id: int, *, at_period_end: bool = True) -> Subscription:
        """Cancel a subscription.

        Args:
            subscription_id: The subscription.
            at_period_end: Keep access until the paid period ends.

        Returns:
            The cancelled subscription.
        """
        subscription = self._subscription(subscription_id)
        match subscription.status:
            case SubscriptionStatus.CANCELLED:
                return subscription
            case SubscriptionStatus.TRIALING | SubscriptionStatus.PAST_DUE:
                subscription.status = SubscriptionStatus.CANCELLED
                subscription.current_period_end = datetime.now(UTC)
            case _ if at_period_end:
                subscription.cancel_at_period_end = True
            case _:
                subscription.status = SubscriptionStatus.CANCELLED
                subscription.current_period_end = datetime.now(UTC)
        log.info("subscription_cancelled", subscription_id=subscription_id)
        return subscription

    def renew_due(self, now: datetime | None = None) -> Sequence[Subscription]:
        """Renew every active subscription whose period has ended.

        Args:
            now: The current time; defaults to the clock.

        Returns:
            The subscriptions that were renewed.
        """
        moment = now or datetime.now(UTC)
        due = self._session.scalars(
            select(Subscription).where(
                Subscription.status == SubscriptionStatus.ACTIVE,
                Subscription.current_period_end <= moment,
            )
        ).all()
        renewed = []
        for subscription in due:
            if subscription.cancel_at_period_end:
                subscription.status = SubscriptionStatus.CANCELLED
                continue
            if subscription.pending_plan is not None:
                subscription.plan = subscription.pending_plan
                subscription.pending_plan = None
            try:
                self._charge(subscription, subscription.plan.price)
            except PaymentDeclinedError:
                subscription.status = SubscriptionStatus.PAST_DUE
                subscription.dunning_attempts = 1
                continue
            subscription.current_period_end += subscription.plan.period
            renewed.append(subscription)
        log.info("renewals_processed", due=len(due), renewed=len(renewed))
        return renewed

    def retry_past_due(self) -> int:
        """Retry charging past-due subscriptions, cancelling after too many failures.

        Returns:
            How many subscriptions recovered.
        """
        past_due = self._session.scalars(
            select(Subscription).where(Subscription.status == SubscriptionStatus.PAST_DUE)
        ).all()
        recovered = 0
        for subscription in past_due:
            grace_end = subscription.current_period_end + timedelta(days=GRACE_DAYS)
            if subscription.dunning_attempts >= MAX_DUNNING_ATTEMPTS or datetime.now(UTC) > grace_end:
                subscription.status = SubscriptionStatus.CANCELLED
                log.warning("subscription_lapsed", subscription_id=subscription.id)
                continue
            try:
                self._charge(subscription, subscription.plan.price)
            except PaymentDeclinedError:
                subscription.dunning_attempts += 1
                continue
            subscription.status = SubscriptionStatus.ACTIVE
            subscription.dunning_attempts = 0
            recovered += 1
        return recovered

    def invoices(self, subscription_id: int) -> list[Invoice]:
        """List a subscription's invoices, newest first.

        Args:
            subscription_id: The subscription.

        Returns:
            The invoices.
        """
        stmt = (
            select(Invoice)
            .where(Invoice.subscription_id == subscription_id)
            .order_by(Invoice.issued_at.desc())
        )
        return [invoice for invoice in self._session.scalars(stmt)]

    def _charge(self, subscription: Subscription, amount: Decimal) -> Invoice:
        usable_credit = min(subscription.credit, amount)
        subscription.credit -= usable_credit
        due = amount - usable_credit
        invoice = Invoice(
            subscription_id=subscription.id,
            amount=due,
            credit_applied=usable_credit,
            issued_at=datetime.now(UTC),
        )
        self._session.add(invoice)
        if due > 0:
            try:
                invoice.payment_id = self._payments.charge(subscription.customer_id, due)
            except PaymentDeclinedError as exc:
                invoice.failed = True
                log.warning("charge_declined", subscription_id=subscription.id, error=str(exc))
                raise
            except TimeoutError as exc:
                raise PaymentDeclinedError("payment provider timed out") from exc
        return invoice
