# path: src/notifications/rules.py
# expect: comprehensions=violation abc-imports=violation builtin-generics=violation union-operator=violation
# expect: docstrings=violation google-docstrings=violation dunder-all=violation annotations=compliant
# expect: dataclass-frozen=violation dataclass-kw-only=violation dataclass-options=violation
# expect: specific-imports=compliant timezone-aware=violation function-length=compliant parameter-count=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
"""Decide which users get which notifications."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Dict, Iterable, List, Optional


@dataclass
class Subscriber:
    user_id: int
    email: Optional[str]
    push_token: Optional[str]
    muted_until: Optional[datetime]
    channels: List[str]


def active_subscribers(subscribers: Iterable[Subscriber]) -> List[Subscriber]:
    now = datetime.now()
    return list(
        filter(lambda s: s.muted_until is None or s.muted_until < now, subscribers)
    )


def email_addresses(subscribers: Iterable[Subscriber]) -> List[str]:
    with_email = filter(lambda s: s.email and "email" in s.channels, subscribers)
    return list(map(lambda s: s.email.lower(), with_email))


def push_tokens(subscribers: Iterable[Subscriber]) -> List[str]:
    return [s.push_token for s in subscribers if s.push_token and "push" in s.channels]


def group_by_channel(subscribers: Iterable[Subscriber]) -> Dict[str, List[int]]:
    groups: Dict[str, List[int]] = {}
    for subscriber in subscribers:
        for channel in subscriber.channels:
            groups.setdefault(channel, []).append(subscriber.user_id)
    return groups


def mute(subscriber: Subscriber, hours: int) -> Subscriber:
    subscriber.muted_until = datetime.now() + timedelta(hours=hours)
    return subscriber


def user_ids(subscribers: Iterable[Subscriber]) -> List[int]:
    return sorted(map(lambda s: s.user_id, subscribers))
