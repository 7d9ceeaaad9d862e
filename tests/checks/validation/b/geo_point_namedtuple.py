# path: src/geo/point.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=compliant
# expect: dunder-all=violation google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: dataclass-options=violation dataclass-frozen=compliant dataclass-kw-only=violation
# expect: self-type=violation type-statement=violation f-strings=compliant class-length=compliant
# expect: builtin-generics=violation no-any=compliant abc-imports=violation comprehensions=violation
"""Geographic points and bounding boxes."""

import math
from typing import Iterable, NamedTuple, Tuple

EARTH_RADIUS_KM = 6371.0088

Coordinates = Tuple[float, float]


class Point(NamedTuple):
    """A WGS84 coordinate."""

    lat: float
    lon: float

    @classmethod
    def from_pair(cls, pair: Coordinates) -> "Point":
        lat, lon = pair
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"coordinates out of range: {pair}")
        return cls(lat, lon)

    def distance_km(self, other: "Point") -> float:
        """Great-circle distance to another point."""
        phi1, phi2 = math.radians(self.lat), math.radians(other.lat)
        dphi = phi2 - phi1
        dlmb = math.radians(other.lon - self.lon)
        a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
        return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


class BoundingBox(NamedTuple):
    south: float
    west: float
    north: float
    east: float

    def contains(self, point: Point) -> bool:
        return self.south <= point.lat <= self.north and self.west <= point.lon <= self.east


def bounding_box(points: Iterable[Point]) -> BoundingBox:
    points = list(points)
    if not points:
        raise ValueError("no points")
    lats = list(map(lambda p: p.lat, points))
    lons = list(map(lambda p: p.lon, points))
    return BoundingBox(min(lats), min(lons), max(lats), max(lons))


def nearest(origin: Point, candidates: Iterable[Point]) -> Point:
    """Return the candidate closest to the origin."""
    return min(candidates, key=origin.distance_km)
