# path: src/integrations/github.py
# expect: specific-imports=compliant docstrings=compliant google-docstrings=compliant dunder-all=compliant
# expect: annotations=compliant union-operator=compliant raise-from=compliant structlog=compliant
# expect: async-blocking=compliant task-group=compliant repr=compliant hardcoded-secrets=compliant
# expect: function-length=compliant parameter-count=compliant abc-imports=compliant no-any=compliant
# expect: cancelled-error=na fstring-debug=na
# expect: module-length=compliant class-length=compliant no-star-args=compliant bare-except=compliant contextlib-suppress=compliant wildcard-import=compliant relative-imports=compliant comprehensions=compliant
# expect: domain-hierarchy=compliant constructor-injection=violation
"""An async client for the parts of the GitHub REST API the release bot uses."""

from asyncio import TaskGroup
from collections.abc import Sequence
from os import environ

from httpx import AsyncClient, HTTPStatusError
from structlog import get_logger

__all__ = ["GitHubClient", "GitHubError"]

log = get_logger(__name__)

API = "https://api.github.com"


class GitHubError(Exception):
    """GitHub answered with an error status."""


class GitHubClient:
    """Calls GitHub with a token from `GITHUB_TOKEN`."""

    def __init__(self, repository: str, *, token: str | None = None) -> None:
        """Create a client for one repository.

        Args:
            repository: `owner/name`.
            token: The API token; `GITHUB_TOKEN` by default.
        """
        self._repository = repository
        self._http = AsyncClient(
            base_url=API,
            headers={
                "Authorization": f"Bearer {token or environ['GITHUB_TOKEN']}",
                "Accept": "application/vnd.github+json",
            },
            timeout=20.0,
        )

    def __repr__(self) -> str:
        """Show the repository, never the token.

        Returns:
            `GitHubClient('owner/name')`.
        """
        return f"GitHubClient({self._repository!r})"

    async def _get(self, path: str) -> dict[str, object]:
        response = await self._http.get(f"/repos/{self._repository}{path}")
        try:
            response.raise_for_status()
        except HTTPStatusError as exc:
            raise GitHubError(f"GET {path}: {response.status_code}") from exc
        return response.json()

    async def latest_release(self) -> str | None:
        """The tag of the latest release.

        Returns:
            The tag, or None when the repository has no release.
        """
        try:
            release = await self._get("/releases/latest")
        except GitHubError:
            return None
        return str(release["tag_name"])

    async def pull_requests(self, numbers: Sequence[int]) -> list[dict[str, object]]:
        """Fetch several pull requests at once.

        Args:
            numbers: The pull request numbers.

        Returns:
            The pull requests, in the order asked for.
        """
        async with TaskGroup() as group:
            tasks = [group.create_task(self._get(f"/pulls/{number}")) for number in numbers]
        log.info("github.pulls_fetched", count=len(tasks))
        return [task.result() for task in tasks]

    async def close(self) -> None:
        """Close the HTTP connections."""
        await self._http.aclose()
