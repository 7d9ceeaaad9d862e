# path: src/lambdas/resize_handler.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: dunder-all=violation google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: orjson=violation structlog=violation f-strings=compliant pathlib=violation no-any=violation
# expect: builtin-generics=violation union-operator=compliant bare-except=compliant raise-from=violation
# expect: fstring-debug=violation timezone-aware=violation
# expect: class-length=compliant
# expect: no-pickle=compliant
# expect: domain-hierarchy=compliant
"""AWS Lambda: create a preview image when a file lands in the uploads bucket."""

import json
import logging
import os
import urllib.parse
from datetime import datetime
from typing import Any, Dict

import boto3
from botocore.exceptions import ClientError

logger = logging.getLogger()
logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))

s3 = boto3.client("s3")
PREVIEW_BUCKET = os.environ["PREVIEW_BUCKET"]


class PreviewFailed(Exception):
    pass


def _preview_key(key: str) -> str:
    base, _ = os.path.splitext(key)
    return os.path.join("previews", base + ".jpg")


def handler(event: Dict[str, Any], context) -> Dict[str, Any]:
    records = event.get("Records", [])
    done = []
    for record in records:
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        logger.debug(f"processing bucket={bucket} key={key}")
        try:
            s3.copy_object(
                Bucket=PREVIEW_BUCKET,
                Key=_preview_key(key),
                CopySource={"Bucket": bucket, "Key": key},
                Metadata={"source": key, "generated": datetime.now().isoformat()},
                MetadataDirective="REPLACE",
            )
        except ClientError as exc:
            logger.error(json.dumps({"error": str(exc), "key": key}))
            raise PreviewFailed(key)
        done.append(key)
    body: str | None = json.dumps({"processed": done}) if done else None
    return {"statusCode": 200, "body": body or "{}"}
