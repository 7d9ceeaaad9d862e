# path: src/search/query.py
# expect: self-type=violation docstrings=compliant google-docstrings=violation dunder-all=compliant
# expect: annotations=compliant specific-imports=compliant union-operator=compliant builtin-generics=compliant
# expect: repr=compliant function-length=compliant parameter-count=compliant f-strings=compliant
# expect: dataclass-frozen=compliant dataclass-kw-only=compliant dataclass-options=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: keyword-only=compliant value-object-equality=compliant
"""A small immutable builder for search-engine queries."""

from dataclasses import dataclass, field, replace

__all__ = ["SearchQuery"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchQuery:
    """A query under construction; every method returns a new query.

    Attributes:
        text: The free-text part.
        filters: Field filters.
        sort: The sort field, `-field` for descending.
        size: Hits per page.
        offset: Hits to skip.
    """

    text: str = ""
    filters: tuple[tuple[str, str], ...] = ()
    sort: str | None = None
    size: int = 20
    offset: int = 0
    boosts: dict[str, float] = field(default_factory=dict)

    def matching(self, text: str) -> "SearchQuery":
        """Set the free text."""
        return replace(self, text=text)

    def where(self, field_name: str, value: str) -> "SearchQuery":
        """Add a field filter."""
        return replace(self, filters=(*self.filters, (field_name, value)))

    def sorted_by(self, field_name: str, *, descending: bool = False) -> "SearchQuery":
        """Sort the hits by a field."""
        return replace(self, sort=f"-{field_name}" if descending else field_name)

    def page(self, number: int, size: int = 20) -> "SearchQuery":
        """Select a page of hits (1-based)."""
        return replace(self, size=size, offset=(number - 1) * size)

    def to_params(self) -> dict[str, str]:
        """The query as URL parameters.

        Returns:
            The parameters, ready for the search endpoint.
        """
        params = {"q": self.text, "size": str(self.size), "from": str(self.offset)}
        for name, value in self.filters:
            params[f"filter[{name}]"] = value
        if self.sort:
            params["sort"] = self.sort
        return params
