# path: src/storage/s3.py
# expect: hardcoded-secrets=violation specific-imports=violation pathlib=violation structlog=violation
# expect: docstrings=violation google-docstrings=violation dunder-all=violation annotations=compliant
# expect: repr=violation union-operator=violation builtin-generics=violation parameter-count=violation
# expect: function-length=compliant raise-from=violation f-strings=compliant
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
# expect: keyword-only=violation domain-hierarchy=compliant
"""Upload and download files from S3."""

import logging
import os
from typing import List, Optional

import boto3
from botocore.exceptions import ClientError

logger = logging.getLogger(__name__)

AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
DEFAULT_BUCKET = "acme-uploads"


class StorageError(Exception):
    pass


class S3Storage:
    def __init__(self, bucket: str = DEFAULT_BUCKET, region: str = "eu-central-1") -> None:
        self.bucket = bucket
        self.client = boto3.client(
            "s3",
            region_name=region,
            aws_access_key_id=AWS_ACCESS_KEY_ID,
            aws_secret_access_key=AWS_SECRET_ACCESS_KEY,
        )

    def upload(
        self,
        local_path: str,
        key: Optional[str] = None,
        content_type: Optional[str] = None,
        public: bool = False,
        cache_seconds: int = 3600,
        metadata: Optional[dict] = None,
    ) -> str:
        key = key or os.path.basename(local_path)
        extra = {"CacheControl": f"max-age={cache_seconds}", "Metadata": metadata or {}}
        if content_type:
            extra["ContentType"] = content_type
        if public:
            extra["ACL"] = "public-read"
        try:
            self.client.upload_file(local_path, self.bucket, key, ExtraArgs=extra)
        except ClientError as exc:
            logger.error("upload of %s failed: %s", local_path, exc)
            raise StorageError(f"could not upload {key}")
        return f"s3://{self.bucket}/{key}"

    def download(self, key: str, target_dir: str) -> str:
        os.makedirs(target_dir, exist_ok=True)
        target = os.path.join(target_dir, os.path.basename(key))
        self.client.download_file(self.bucket, key, target)
        return target

    def list_keys(self, prefix: str = "") -> List[str]:
        keys = []
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=prefix):
            keys.extend(item["Key"] for item in page.get("Contents", []))
        return keys

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=key)
