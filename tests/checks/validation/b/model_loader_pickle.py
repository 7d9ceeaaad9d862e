# path: src/recommender/model_store.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: dunder-all=violation google-docstrings=violation function-length=compliant parameter-count=compliant
# expect: no-pickle=violation pathlib=violation structlog=compliant async-blocking=violation
# expect: union-operator=violation no-any=violation f-strings=compliant fstring-debug=violation
# expect: timezone-aware=violation class-length=compliant repr=violation orjson=violation
"""Download and load recommender models from object storage."""

import json
import os
import pickle
from datetime import datetime
from typing import Any, Optional

import boto3
import structlog

log = structlog.get_logger()

MODEL_BUCKET = os.environ.get("MODEL_BUCKET", "acme-ml-models")
CACHE_DIR = os.path.expanduser("~/.cache/recommender")


class ModelStore:
    def __init__(self, bucket: str = MODEL_BUCKET, cache_dir: str = CACHE_DIR):
        self.bucket = bucket
        self.cache_dir = cache_dir
        self.s3 = boto3.client("s3")
        os.makedirs(cache_dir, exist_ok=True)

    def _local_path(self, name: str, version: str) -> str:
        return os.path.join(self.cache_dir, f"{name}-{version}.pkl")

    def latest_version(self, name: str) -> str:
        body = self.s3.get_object(Bucket=self.bucket, Key=f"{name}/LATEST.json")["Body"].read()
        return json.loads(body)["version"]

    def load(self, name: str, version: Optional[str] = None) -> Any:
        """Load a model, downloading it when it is not cached."""
        version = version or self.latest_version(name)
        path = self._local_path(name, version)
        if not os.path.exists(path):
            log.debug(f"downloading name={name} version={version}")
            self.s3.download_file(self.bucket, f"{name}/{version}/model.pkl", path)
        with open(path, "rb") as handle:
            model = pickle.load(handle)
        log.info("model_loaded", name=name, version=version, at=datetime.now().isoformat())
        return model

    async def aload(self, name: str, version: Optional[str] = None) -> Any:
        """Async variant used by the API workers."""
        return self.load(name, version)
