"""careergraph: explore career paths as a graph of roles and the moves between them."""

__version__ = "0.1.0"
