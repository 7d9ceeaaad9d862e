# path: src/api/routes/search.py
# expect: async-blocking=violation specific-imports=compliant docstrings=violation google-docstrings=violation
# expect: dunder-all=violation annotations=compliant union-operator=compliant raise-from=violation
# expect: hardcoded-secrets=compliant function-length=compliant parameter-count=compliant structlog=compliant
# expect: orjson=compliant builtin-generics=compliant timezone-aware=violation
# expect: module-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant no-any=compliant comprehensions=compliant
# expect: domain-hierarchy=compliant
"""Search endpoints backed by Elasticsearch."""

from datetime import datetime
from os import environ
from time import sleep

from fastapi import APIRouter, HTTPException, Query
from orjson import loads
from requests import RequestException, get
from structlog import get_logger

router = APIRouter(prefix="/search")
log = get_logger(__name__)

ES_URL = environ.get("ES_URL", "http://localhost:9200")
ES_TOKEN = environ["ES_TOKEN"]


@router.get("/products")
async def search_products(q: str = Query(min_length=2), size: int = Query(default=20, le=100)) -> dict[str, object]:
    params = {"q": q, "size": size}
    try:
        response = get(
            f"{ES_URL}/products/_search",
            params=params,
            headers={"Authorization": f"ApiKey {ES_TOKEN}"},
            timeout=5,
        )
        response.raise_for_status()
    except RequestException as exc:
        log.error("search.failed", query=q, error=str(exc))
        raise HTTPException(status_code=502, detail="search backend unavailable")
    hits = loads(response.content)["hits"]["hits"]
    return {
        "query": q,
        "took_at": datetime.now().isoformat(),
        "results": [{"id": hit["_id"], **hit["_source"]} for hit in hits],
    }


@router.get("/suggest")
async def suggest(prefix: str, retries: int = 2) -> list[str]:
    for attempt in range(retries + 1):
        response = get(f"{ES_URL}/products/_suggest", params={"prefix": prefix}, timeout=2)
        if response.ok:
            return [option["text"] for option in loads(response.content)["options"]]
        log.warning("suggest.retry", attempt=attempt)
        sleep(0.2)
    return []
