# path: src/catalog/models.py
# expect: sqlalchemy-declarative-base=compliant sqlalchemy-mapped-column=compliant
# expect: sqlalchemy-back-populates=compliant sqlalchemy-typed-relationship=compliant
# expect: docstrings=compliant dunder-all=compliant specific-imports=compliant repr=compliant
# expect: annotations=compliant union-operator=compliant timezone-aware=compliant
# expect: type-checking-imports=compliant builtin-generics=compliant google-docstrings=compliant
# expect: function-length=compliant f-strings=compliant
# expect: module-length=compliant class-length=compliant parameter-count=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
"""The catalog's tables: categories and the products filed under them."""

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Numeric, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = ["Base", "Category", "Product", "ProductImage"]


def _now() -> datetime:
    """The current time, timezone-aware (UTC).

    Returns:
        Now, in UTC.
    """
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """The declarative base of the catalog's tables."""

    def __repr__(self) -> str:
        """Show the class and primary key, enough to tell rows apart in logs.

        Returns:
            `<Class id=...>`.
        """
        return f"<{type(self).__name__} id={getattr(self, 'id', None)}>"


class Category(Base):
    """A node of the category tree."""

    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))

    parent: Mapped["Category | None"] = relationship(
        back_populates="children", remote_side="Category.id"
    )
    children: Mapped[list["Category"]] = relationship(back_populates="parent")
    products: Mapped[list["Product"]] = relationship(back_populates="category")


class Product(Base):
    """Something the shop sells."""

    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    price: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    created_at: Mapped[datetime] = mapped_column(default=_now)

    category: Mapped[Category] = relationship(back_populates="products")
    images: Mapped[list["ProductImage"]] = relationship(
        back_populates="product", cascade="all, delete-orphan"
    )


class ProductImage(Base):
    """A picture of a product, stored by URL."""

    __tablename__ = "product_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    url: Mapped[str] = mapped_column(String(500))
    position: Mapped[int] = mapped_column(default=0)

    product: Mapped[Product] = relationship(back_populates="images")
