# path: src/maps/types.py
# expect: type-statement=violation builtin-generics=violation union-operator=violation docstrings=compliant
# expect: dunder-all=compliant specific-imports=compliant annotations=compliant google-docstrings=violation
# expect: function-length=compliant parameter-count=compliant abc-imports=compliant comprehensions=compliant
# expect: module-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
"""Type aliases and small helpers for map geometry."""

from collections.abc import Sequence
from math import asin, cos, radians, sin, sqrt
from typing import Dict, List, Tuple, TypeAlias, Union

__all__ = [
    "BoundingBox",
    "Coordinate",
    "GeoJSON",
    "Polygon",
    "bounding_box",
    "haversine_km",
]

Coordinate: TypeAlias = Tuple[float, float]
Polygon: TypeAlias = List[Coordinate]
BoundingBox = Tuple[float, float, float, float]
GeoJSON: TypeAlias = Dict[str, Union[str, List, Dict]]

EARTH_RADIUS_KM = 6371.0


def haversine_km(start: Coordinate, end: Coordinate) -> float:
    """Great-circle distance between two (lat, lon) points."""
    lat1, lon1 = map(radians, start)
    lat2, lon2 = map(radians, end)
    dlat = lat2 - lat1
    dlon = lon2 - lon1
    a = sin(dlat / 2) ** 2 + cos(lat1) * cos(lat2) * sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(sqrt(a))


def bounding_box(points: Sequence[Coordinate]) -> BoundingBox:
    """Smallest box holding all points, as (min_lat, min_lon, max_lat, max_lon)."""
    if not points:
        raise ValueError("no points")
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    return min(lats), min(lons), max(lats), max(lons)


def polygon_to_geojson(polygon: Polygon) -> GeoJSON:
    """A polygon as a GeoJSON geometry (lon, lat order, ring closed)."""
    ring = [[lon, lat] for lat, lon in polygon]
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


def perimeter_km(polygon: Polygon) -> float:
    """Length of the polygon's boundary."""
    total = 0.0
    for index, point in enumerate(polygon):
        total += haversine_km(point, polygon[(index + 1) % len(polygon)])
    return total
