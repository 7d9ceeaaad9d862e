# path: src/storage/blobs.py
# expect: hardcoded-secrets=compliant specific-imports=compliant pathlib=compliant structlog=compliant
# expect: docstrings=compliant google-docstrings=compliant dunder-all=compliant annotations=compliant
# expect: repr=compliant union-operator=compliant parameter-count=compliant function-length=compliant
# expect: dataclass-frozen=compliant dataclass-kw-only=compliant dataclass-options=compliant raise-from=compliant self-type=violation
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant
# expect: type-checking-imports=violation
# expect: domain-hierarchy=compliant value-object-equality=compliant
"""Blob storage on S3, configured from the environment."""

from dataclasses import dataclass
from os import environ
from pathlib import Path

from boto3 import client
from botocore.exceptions import ClientError
from structlog import get_logger

__all__ = ["BlobStore", "BlobStoreError", "StorageSettings"]

log = get_logger(__name__)


class BlobStoreError(Exception):
    """S3 refused an operation."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StorageSettings:
    """Where blobs go and how to reach it.

    Attributes:
        bucket: The bucket.
        region: The bucket's region.
        access_key_id: The access key id, from `STORAGE_ACCESS_KEY_ID`.
        secret_access_key: The secret key, from `STORAGE_SECRET_ACCESS_KEY`.
    """

    bucket: str
    region: str
    access_key_id: str
    secret_access_key: str

    @classmethod
    def from_env(cls) -> "StorageSettings":
        """Read the settings from the environment.

        Returns:
            The settings.
        """
        return cls(
            bucket=environ["STORAGE_BUCKET"],
            region=environ.get("STORAGE_REGION", "eu-central-1"),
            access_key_id=environ["STORAGE_ACCESS_KEY_ID"],
            secret_access_key=environ["STORAGE_SECRET_ACCESS_KEY"],
        )


class BlobStore:
    """Puts and gets blobs by key."""

    def __init__(self, settings: StorageSettings) -> None:
        """Connect to the bucket.

        Args:
            settings: The storage settings.
        """
        self._bucket = settings.bucket
        self._s3 = client(
            "s3",
            region_name=settings.region,
            aws_access_key_id=settings.access_key_id,
            aws_secret_access_key=settings.secret_access_key,
        )

    def __repr__(self) -> str:
        """Show the bucket, never the keys.

        Returns:
            `BlobStore(bucket=...)`.
        """
        return f"BlobStore(bucket={self._bucket!r})"

    def put(self, key: str, source: Path) -> None:
        """Upload a file.

        Args:
            key: The blob's key.
            source: The local file.

        Raises:
            BlobStoreError: S3 refused the upload.
        """
        try:
            self._s3.upload_file(str(source), self._bucket, key)
        except ClientError as exc:
            raise BlobStoreError(f"upload of {key} failed") from exc
        log.info("blob.put", key=key, size=source.stat().st_size)
