# path: tests/inventory/test_reservations.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: pytest-style=violation test-names=violation function-length=compliant parameter-count=compliant
# expect: async-blocking=violation task-group=violation class-length=compliant
# expect: comprehensions=compliant
# expect: relative-imports=compliant
# expect: pytest-asyncio=violation
"""Tests for the reservation service."""

import asyncio
import time
import unittest
from unittest.mock import AsyncMock

from inventory.reservations import OutOfStockError, ReservationService


class ReservationServiceTest(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.store = AsyncMock()
        self.store.available.return_value = 5
        self.service = ReservationService(self.store)

    async def test_reserve(self):
        reservation = await self.service.reserve("SKU-1", 2)
        self.assertEqual(reservation.quantity, 2)
        self.store.decrement.assert_awaited_once_with("SKU-1", 2)

    async def test_reserve_too_many(self):
        with self.assertRaises(OutOfStockError):
            await self.service.reserve("SKU-1", 6)

    async def test_concurrent_reservations(self):
        results = await asyncio.gather(
            self.service.reserve("SKU-1", 2),
            self.service.reserve("SKU-1", 2),
            return_exceptions=True,
        )
        self.assertEqual(len([r for r in results if not isinstance(r, Exception)]), 2)

    async def test_expiry(self):
        reservation = await self.service.reserve("SKU-1", 1, ttl=0.01)
        time.sleep(0.02)
        self.assertTrue(reservation.expired)
        await self.service.release_expired()
        self.store.increment.assert_awaited_once_with("SKU-1", 1)


if __name__ == "__main__":
    unittest.main()
