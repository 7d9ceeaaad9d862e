# path: src/catalog/models.py
# expect: module-length=compliant docstrings=compliant specific-imports=compliant annotations=compliant
# expect: dunder-all=compliant class-length=compliant repr=compliant union-operator=compliant
# expect: sqlalchemy-declarative-base=compliant sqlalchemy-mapped-column=compliant
# expect: sqlalchemy-typed-relationship=compliant sqlalchemy-back-populates=compliant
# expect: builtin-generics=compliant no-any=compliant type-checking-imports=compliant
# expect: google-docstrings=compliant function-length=compliant parameter-count=compliant
"""Catalogue models: products, categories and their many-to-many link."""

from decimal import Decimal

from sqlalchemy import Column, ForeignKey, Numeric, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, mapped_column, relationship

__all__ = ["Base", "Category", "Product", "product_categories"]


class Base(MappedAsDataclass, DeclarativeBase):
    """Base for catalogue models; mapped classes are also dataclasses."""


product_categories = Table(
    "product_categories",
    Base.metadata,
    Column("product_id", ForeignKey("products.id"), primary_key=True),
    Column("category_id", ForeignKey("categories.id"), primary_key=True),
)


class Category(Base):
    """A browsable category; categories nest one level."""

    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True, init=False)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), default=None)

    parent: Mapped["Category | None"] = relationship(
        back_populates="children", remote_side="Category.id", default=None
    )
    children: Mapped[list["Category"]] = relationship(back_populates="parent", default_factory=list)
    products: Mapped[list["Product"]] = relationship(
        secondary=product_categories, back_populates="categories", default_factory=list
    )


class Product(Base):
    """A sellable product."""

    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True, init=False)
    sku: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    price: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    description: Mapped[str | None] = mapped_column(default=None)

    categories: Mapped[list[Category]] = relationship(
        secondary=product_categories, back_populates="products", default_factory=list
    )

    def price_with_vat(self, rate: Decimal) -> Decimal:
        """Compute the gross price.

        Args:
            rate: The VAT rate as a fraction, like 0.19.

        Returns:
            The price including VAT, rounded to cents.
        """
        return (self.price * (1 + rate)).quantize(Decimal("0.01"))
