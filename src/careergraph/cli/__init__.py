"""The `careergraph` command: parse the request, ask the library, print the answer."""

from careergraph.cli import compare, design, explore, exports, maps, profile
from careergraph.cli.base import cli

__all__ = ["cli", "compare", "design", "explore", "exports", "main", "maps", "profile"]


def main() -> None:
    """Console entry point."""
    cli(prog_name="careergraph")
