"""The `careergraph` command: parse the request, ask the library, print the answer.

Each command lives in a module of this package (explore, maps, profile, exports, compare,
design), imported when the command is looked up: `careergraph --help` imports none of them.
What they share has a module each: group (the `careergraph` group), options, language,
reading (the map, roles, a profile), writing (JSON, the map page), failures and streams.
"""

from careergraph.cli.group import cli

__all__ = ["cli", "main"]


def main() -> None:
    """Console entry point."""
    cli(prog_name="careergraph")
