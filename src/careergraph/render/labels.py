"""What boxes and moves say: role names broken to fit a box by Japanese line-breaking rules, and
years in the page's language."""

from __future__ import annotations

import unicodedata

from careergraph.render.messages import estimated
from careergraph.render.page_words import _ui
from careergraph.render.text import years

# A line may not start with these, nor end with the openers (Japanese line-breaking rules).
_NO_LINE_START = frozenset(
    ")]}）」』】〕〉》、。，．・：；！？ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"  # noqa: RUF001
)
_NO_LINE_END = frozenset("([{（「『【〔〈《")  # noqa: RUF001
LABEL_EM = 7.6  # widest label line, in font sizes; vis wraps at spaces, not inside CJK text


def _em(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6 for ch in text)


def wrap_label(text: str) -> str:
    """Break words too wide for a box (vis wraps only at spaces) into even lines."""
    return " ".join(_wrap_word(word) if _em(word) > LABEL_EM else word for word in text.split(" "))


def _wrap_word(word: str) -> str:
    lines = _break_word(word, LABEL_EM)
    width = LABEL_EM
    while width > 2:
        narrower = _break_word(word, width - 0.5)
        if len(narrower) != len(lines):
            break
        lines, width = narrower, width - 0.5
    return "\n".join(lines)


def _break_word(word: str, limit: float) -> list[str]:
    """Greedy lines of at most `limit` em, broken only where the rules allow."""
    lines: list[str] = []
    start, last_break, width = 0, 0, 0.0
    for i, ch in enumerate(word):
        if i > start and _may_break(word, i):
            last_break = i
        width += _em(ch)
        if width > limit and last_break > start:
            lines.append(word[start:last_break])
            start = last_break
            width = _em(word[start : i + 1])
    lines.append(word[start:])
    return lines


def _may_break(word: str, i: int) -> bool:
    before, after = word[i - 1], word[i]
    if after in _NO_LINE_START or before in _NO_LINE_END:
        return False
    wide = _em(before) == 1.0 or _em(after) == 1.0
    return wide or before in "-/・" or after in "(（"  # noqa: RUF001


def years_text(value: float, lang: str, guessed: bool = False) -> str:
    """Years as the text output writes them, with the page language's suffix (3y, 3年), marked
    when they are an estimate (~3y, 約3年)."""
    return estimated(years(value, _ui(lang)["year_suffix"]), guessed, lang)
