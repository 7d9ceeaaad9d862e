"""Code several checks share, one module per concern; a check's own code stays in its module."""
