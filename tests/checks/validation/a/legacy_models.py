# path: src/blog/models.py
# expect: sqlalchemy-declarative-base=violation sqlalchemy-mapped-column=violation
# expect: sqlalchemy-back-populates=violation sqlalchemy-typed-relationship=violation
# expect: docstrings=violation dunder-all=violation specific-imports=violation repr=compliant
# expect: annotations=violation timezone-aware=violation google-docstrings=violation
# expect: function-length=compliant parameter-count=compliant f-strings=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant wildcard-import=compliant relative-imports=compliant
import datetime

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import declarative_base, relationship, backref

Base = declarative_base()


class Author(Base):
    __tablename__ = "authors"

    id = Column(Integer, primary_key=True)
    name = Column(String(120), nullable=False)
    email = Column(String(255), unique=True, nullable=False)
    bio = Column(Text)
    created_at = Column(DateTime, default=datetime.datetime.utcnow)

    def __repr__(self):
        return f"<Author {self.id} {self.email}>"


class Post(Base):
    __tablename__ = "posts"

    id = Column(Integer, primary_key=True)
    title = Column(String(200), nullable=False)
    slug = Column(String(200), unique=True, index=True)
    body = Column(Text, nullable=False)
    published = Column(Boolean, default=False)
    author_id = Column(Integer, ForeignKey("authors.id"), nullable=False)
    created_at = Column(DateTime, default=datetime.datetime.utcnow)

    author = relationship("Author", backref=backref("posts", lazy="dynamic"))
    comments = relationship("Comment", back_populates="post", cascade="all, delete-orphan")

    def __repr__(self):
        return f"<Post {self.slug}>"

    def publish(self):
        self.published = True


class Comment(Base):
    __tablename__ = "comments"

    id = Column(Integer, primary_key=True)
    post_id = Column(Integer, ForeignKey("posts.id"), nullable=False)
    author_name = Column(String(120))
    body = Column(Text, nullable=False)
    created_at = Column(DateTime, default=datetime.datetime.utcnow)

    post = relationship("Post", back_populates="comments")

    def __repr__(self):
        return f"<Comment {self.id} on {self.post_id}>"


class Tag(Base):
    __tablename__ = "tags"

    id = Column(Integer, primary_key=True)
    label = Column(String(50), unique=True)

    def __repr__(self):
        return f"<Tag {self.label}>"
