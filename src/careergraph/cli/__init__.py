"""The `careergraph` command: parse the request, ask the library, print the answer.

Each command lives in a module of this package (explore, maps, profile, exports, compare,
design), imported when the command is looked up: `careergraph --help` imports none of them.
"""

from careergraph.cli.base import cli

__all__ = ["cli", "main"]


def main() -> None:
    """Console entry point."""
    cli(prog_name="careergraph")
