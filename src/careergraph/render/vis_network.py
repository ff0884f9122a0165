"""What careergraph takes from pyvis: its bundled vis-network 9.1.2 build, inlined in the page."""

from __future__ import annotations

import importlib.util
from pathlib import Path

VERSION = "9.1.2"


def vis_folder() -> Path:
    """pyvis's folder of the vis-network build, found without importing pyvis.

    Importing pyvis pulls in IPython and Jinja, which the page never uses: careergraph writes
    vis-network's nodes, edges and options itself (see `careergraph.render.network`).
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            "the HTML map needs pyvis (for its vis-network build); reinstall careergraph",
            name="pyvis",
        )
    return Path(next(iter(spec.submodule_search_locations))) / "lib" / f"vis-{VERSION}"


def vis_css() -> str:
    """vis-network's style sheet."""
    return (vis_folder() / "vis-network.css").read_text(encoding="utf-8")


def vis_js() -> str:
    """vis-network's minified script (it defines `window.vis`)."""
    return (vis_folder() / "vis-network.min.js").read_text(encoding="utf-8")
