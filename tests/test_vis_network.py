"""The page's vis-network is pyvis's installed build, read as files: pyvis is never imported."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from careergraph.graph import build_graph
from careergraph.load import load_paths
from careergraph.render.html import render_html
from careergraph.render.vis_network import VERSION, vis_css, vis_folder, vis_js
from tests.conftest import FIXTURES


def test_the_build_is_the_one_pyvis_installed() -> None:
    installed = metadata.distribution("pyvis").locate_file(f"pyvis/lib/vis-{VERSION}")
    assert vis_folder() == Path(str(installed))
    assert f"@version {VERSION}" in vis_js()
    assert ".vis-network" in vis_css()


def test_the_page_inlines_the_build_whole() -> None:
    career_map = load_paths(FIXTURES / "small.yaml")
    page = render_html(career_map, build_graph(career_map))
    script = vis_js().replace("</script", "<\\/script").replace("<!--", "<\\!--")
    # Only the last line, asking for a source map the page does not carry, is left out.
    assert script.endswith("\n//# sourceMappingURL=vis-network.min.js.map")
    assert script.removesuffix("//# sourceMappingURL=vis-network.min.js.map") in page
    assert vis_css() in page
    assert "sourceMappingURL" not in page


def test_writing_a_map_imports_no_pyvis(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from careergraph.graph import build_graph\n"
        "from careergraph.load import load_paths\n"
        "from careergraph.render.html import render_html\n"
        f"career_map = load_paths({str(FIXTURES / 'small.yaml')!r})\n"
        "assert 'vis-network' in render_html(career_map, build_graph(career_map))\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pyvis', 'IPython', 'jinja2'}))\n"
    )
    env = {**os.environ, "CAREERGRAPH_CACHE_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"
