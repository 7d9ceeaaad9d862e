# path: src/blog/models.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: dunder-all=violation class-length=compliant repr=violation
# expect: sqlalchemy-declarative-base=violation sqlalchemy-mapped-column=violation
# expect: sqlalchemy-typed-relationship=violation sqlalchemy-back-populates=violation
# expect: timezone-aware=violation google-docstrings=violation function-length=compliant
# expect: parameter-count=compliant f-strings=violation
"""Blog models (posts, comments, tags)."""

import datetime

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

post_tags = Table(
    "post_tags",
    Base.metadata,
    Column("post_id", ForeignKey("posts.id"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id"), primary_key=True),
)


class Author(Base):
    __tablename__ = "authors"

    id = Column(Integer, primary_key=True)
    name = Column(String(100), nullable=False)
    email = Column(String(255), unique=True)

    posts = relationship("Post", backref="author", lazy="selectin")


class Post(Base):
    """A blog post."""

    __tablename__ = "posts"

    id = Column(Integer, primary_key=True)
    author_id = Column(Integer, ForeignKey("authors.id"), nullable=False)
    title = Column(String(200), nullable=False)
    slug = Column(String(200), unique=True, index=True)
    body = Column(Text, default="")
    published = Column(Boolean, default=False)
    created_at = Column(DateTime, default=datetime.datetime.utcnow)

    tags = relationship("Tag", secondary=post_tags, backref="posts")
    comments = relationship("Comment", back_populates="post", cascade="all, delete-orphan")

    def summary(self, length=140):
        """Return the first characters of the body."""
        if len(self.body) <= length:
            return self.body
        return "%s..." % self.body[:length].rstrip()


class Comment(Base):
    __tablename__ = "comments"

    id = Column(Integer, primary_key=True)
    post_id = Column(Integer, ForeignKey("posts.id"))
    author_name = Column(String(100))
    text = Column(Text, nullable=False)
    created_at = Column(DateTime, default=datetime.datetime.now)

    post = relationship("Post", back_populates="comments")


class Tag(Base):
    __tablename__ = "tags"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), unique=True)
