# path: src/integrations/github_client.py
# expect: module-length=compliant docstrings=violation specific-imports=violation annotations=violation
# expect: dunder-all=compliant google-docstrings=violation function-length=compliant parameter-count=violation
# expect: class-length=compliant repr=violation union-operator=violation builtin-generics=violation
# expect: no-any=violation hardcoded-secrets=violation raise-from=violation bare-except=compliant
# expect: structlog=violation f-strings=compliant self-type=violation abc-imports=violation
# expect: fstring-debug=violation timezone-aware=violation no-star-args=violation
# expect: keyword-only=violation domain-hierarchy=compliant constructor-injection=compliant
"""Minimal GitHub REST client used by the release tooling."""

import logging
import time
from datetime import datetime
from typing import Any, Dict, Iterator, List, Optional

import requests

__all__ = ["GitHubClient", "GitHubError"]

log = logging.getLogger(__name__)

GITHUB_TOKEN = "ghp_9xQe2Lk7VbN3mR8tY1uZ4wA6sD0fG5hJ2kL8"


class GitHubError(RuntimeError):
    """The GitHub API answered with an error."""


class GitHubClient:
    """Thin wrapper around the endpoints the release scripts need."""

    def __init__(self, owner: str, repo: str, token: Optional[str] = None, base_url="https://api.github.com"):
        self.owner = owner
        self.repo = repo
        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token or GITHUB_TOKEN}"
        self.session.headers["Accept"] = "application/vnd.github+json"

    def with_timeout(self, seconds: float) -> "GitHubClient":
        """Return this client with a default timeout set."""
        self.session.request = _timeout_wrapper(self.session.request, seconds)
        return self

    def _get(self, path: str, params: Optional[Dict[str, Any]] = None) -> Any:
        url = f"{self.base_url}/repos/{self.owner}/{self.repo}{path}"
        log.debug(f"GET url={url} params={params}")
        try:
            response = self.session.get(url, params=params)
            response.raise_for_status()
        except requests.HTTPError as exc:
            raise GitHubError(f"{url} answered {exc.response.status_code}")
        remaining = int(response.headers.get("X-RateLimit-Remaining", "1"))
        if remaining == 0:
            reset = datetime.fromtimestamp(int(response.headers["X-RateLimit-Reset"]))
            log.warning("rate limited until %s", reset.isoformat())
            time.sleep(max(0.0, (reset - datetime.now()).total_seconds()))
        return response.json()

    def releases(self) -> List[Dict[str, Any]]:
        """List the repository's releases."""
        return self._get("/releases", {"per_page": 100})

    def iter_pull_requests(self, state: str = "closed", base: str = "main") -> Iterator[dict]:
        """Yield pull requests page by page."""
        page = 1
        while True:
            batch = self._get("/pulls", {"state": state, "base": base, "page": page, "per_page": 50})
            if not batch:
                return
            yield from batch
            page += 1

    def create_release(self, tag, name, body, draft=False, prerelease=False, target="main"):
        payload = {
            "tag_name": tag,
            "name": name,
            "body": body,
            "draft": draft,
            "prerelease": prerelease,
            "target_commitish": target,
        }
        response = self.session.post(f"{self.base_url}/repos/{self.owner}/{self.repo}/releases", json=payload)
        if response.status_code != 201:
            raise GitHubError(response.text)
        return response.json()


def _timeout_wrapper(request, seconds):
    def wrapped(method, url, **kwargs):
        kwargs.setdefault("timeout", seconds)
        return request(method, url, **kwargs)

    return wrapped
