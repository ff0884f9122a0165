"""The plan's Markdown: data is shown as itself, never as markup."""

from __future__ import annotations

import re

from careergraph.graph import build_graph
from careergraph.load import load_paths
from careergraph.query import find_routes, promotion_plan
from careergraph.render.markdown import escape, plan_markdown
from tests.conftest import FIXTURES


def test_escape_turns_markup_into_text_on_one_line() -> None:
    assert escape("R&D <b>*bold*</b> | [x](y) #1\n_next_") == (
        r"R\&D \<b\>\*bold\*\</b\> \| \[x\](y) \#1 \_next\_"
    )
    assert escape("計画立案 (PMP)") == "計画立案 (PMP)"


def test_hostile_plan_has_no_live_markup() -> None:
    career_map = load_paths(FIXTURES / "plan" / "hostile.yaml")
    (route,) = find_routes(build_graph(career_map), "start", "goal")
    text = plan_markdown(career_map, promotion_plan(career_map, route), "en")
    # Every < is escaped, except the one autolink the page writes itself.
    live = [m.start() for m in re.finditer(r"(?<!\\)<", text)]
    assert [text[i : i + 21] for i in live] == ["<https://example.org/"]
    assert '<https://example.org/"%3E%3Cscript%3Ewindow.__pwned=5%3C/script%3E>' in text
    assert "1. \\<script\\>window.\\_\\_pwned=9\\</script\\>" in text
