"""Code several checks share, by the family of checks that grew it."""
