"""careergraph: explore career paths as a graph of roles and the moves between them."""

__version__ = "0.1.0"

DATA_ENV = "CAREERGRAPH_DATA"
"""The environment variable naming the data file used when --data is not given."""

LANGUAGES = ("en", "ja")
"""The languages names can be shown in (here so the command line need not import the model)."""
