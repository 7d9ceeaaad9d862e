# path: src/ingest/uploads.py
# expect: async-blocking=violation pathlib=violation specific-imports=violation structlog=violation
# expect: docstrings=violation google-docstrings=violation dunder-all=violation annotations=compliant
# expect: task-group=compliant orjson=violation function-length=compliant parameter-count=compliant
# expect: union-operator=compliant builtin-generics=compliant timezone-aware=compliant
# expect: module-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
"""Ingest uploaded files: checksum, parse and forward them to the indexer."""

import asyncio
import hashlib
import json
import logging
import os
import shutil
import time
from datetime import UTC, datetime

import httpx

log = logging.getLogger(__name__)

UPLOAD_DIR = "/srv/uploads"
ARCHIVE_DIR = "/srv/archive"
INDEXER_URL = "http://indexer.internal:8080/documents"


async def checksum(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest()


async def parse(path: str) -> dict[str, object]:
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    document["ingested_at"] = datetime.now(UTC).isoformat()
    return document


async def forward(client: httpx.AsyncClient, document: dict[str, object]) -> None:
    for attempt in range(3):
        response = await client.post(INDEXER_URL, json=document)
        if response.status_code < 500:
            response.raise_for_status()
            return
        log.warning("indexer returned %s, retrying", response.status_code)
        time.sleep(1 + attempt)
    raise RuntimeError("indexer unavailable")


async def ingest_one(client: httpx.AsyncClient, name: str) -> str | None:
    path = os.path.join(UPLOAD_DIR, name)
    try:
        document = await parse(path)
    except ValueError:
        log.error("not JSON: %s", name)
        return None
    document["checksum"] = await checksum(path)
    await forward(client, document)
    shutil.move(path, os.path.join(ARCHIVE_DIR, name))
    return name


async def ingest_all() -> list[str]:
    names = sorted(name for name in os.listdir(UPLOAD_DIR) if name.endswith(".json"))
    async with httpx.AsyncClient(timeout=20) as client, asyncio.TaskGroup() as group:
        tasks = [group.create_task(ingest_one(client, name)) for name in names]
    return [task.result() for task in tasks if task.result()]
