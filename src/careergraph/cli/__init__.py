"""The `careergraph` command: parse the request, ask the library, print the answer."""

from careergraph.cli import design, explore, maps
from careergraph.cli.base import cli

__all__ = ["cli", "design", "explore", "main", "maps"]


def main() -> None:
    """Console entry point."""
    cli(prog_name="careergraph")
