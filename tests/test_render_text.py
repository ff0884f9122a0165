"""Text output details: wrapping long skill lists for a terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from careergraph.render.text import _WRAP, _width, _wrap_items

LEAD = "     build: "


def test_a_line_that_fills_the_width_leaves_room_for_its_semicolon() -> None:
    # The first line is exactly 100 columns with its second item; a third item follows, so the
    # line ends in ";" and must wrap before the second item instead.
    first = "a" * 40
    second = "b" * (_WRAP - len(LEAD) - len(first) - 2)
    lines = _wrap_items(LEAD, [first, second, "c"], "en")
    assert lines == [LEAD + first + ";", " " * len(LEAD) + second + "; c"]
    assert max(map(_width, lines)) <= _WRAP


def test_the_last_line_may_fill_the_width() -> None:
    first = "a" * 40
    second = "b" * (_WRAP - len(LEAD) - len(first) - 2)
    (line,) = _wrap_items(LEAD, [first, second], "en")
    assert _width(line) == _WRAP


@given(
    st.lists(
        st.text(alphabet="abcスキル", min_size=1, max_size=30).filter(lambda s: s.strip() == s),
        min_size=1,
        max_size=25,
    )
)
def test_wrapped_items_keep_their_order_fit_and_fill_each_line(items: list[str]) -> None:
    lines = _wrap_items(LEAD, items, "en")
    assert all(_width(line) <= _WRAP for line in lines)
    assert [line.endswith(";") for line in lines] == [True] * (len(lines) - 1) + [False]
    per_line = [line[len(LEAD) :].rstrip(";").split("; ") for line in lines]
    assert [item for line in per_line for item in line] == items
    # Greedy: the first item of each later line would not have fitted on the line before.
    for before, after in zip(lines, per_line[1:], strict=False):
        assert _width(before) + 2 + _width(after[0]) > _WRAP
