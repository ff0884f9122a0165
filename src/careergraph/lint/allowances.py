"""Allowances: findings the data keeps on purpose, and allowances that keep nothing."""

from __future__ import annotations

import difflib
from dataclasses import replace

from careergraph.errors import Words
from careergraph.lint.findings import RULES, Finding, Severity, _move_words
from careergraph.model import CareerMap, MapPath


def _entry(subject: MapPath) -> MapPath:
    """The entry of the data file a finding is about, where its allowance would be written."""
    return subject[:3] if subject[0] == "transitions" else subject[:2]


def _explained(career_map: CareerMap, finding: Finding) -> Finding:
    allowance = career_map.allowances.get(_entry(finding.subject))
    if allowance is not None and finding.code in allowance.codes:
        return replace(finding, allowed=allowance.why)
    return finding


def _allowances(career_map: CareerMap, found: list[Finding]) -> list[Finding]:
    kept = {(_entry(f.subject), f.code) for f in found if f.allowed is not None}
    out = []
    for entry, allowance in sorted(career_map.allowances.items()):
        place = career_map.place(*entry, "lint")
        moved = entry[0] == "transitions"
        named: Words | str = _move_words(entry[1], entry[2]) if moved else ".".join(entry)
        for code in allowance.codes:
            if code not in RULES:
                close = difflib.get_close_matches(code, list(RULES), n=1)
                words = (
                    Words.of(
                        "{entry}: lint allows '{code}', which is not a lint code — did "
                        "you mean '{suggestion}'?",
                        entry=named,
                        code=code,
                        suggestion=close[0],
                    )
                    if close
                    else Words.of(
                        "{entry}: lint allows '{code}', which is not a lint code",
                        entry=named,
                        code=code,
                    )
                )
                out.append(Finding.of(place, Severity.ERROR, "unknown-allow", entry, words))
            elif (entry, code) not in kept:
                words = Words.of(
                    "{entry}: lint allows '{code}', but there is no such finding here",
                    entry=named,
                    code=code,
                )
                out.append(Finding.of(place, Severity.WARNING, "unused-allow", entry, words))
    return out
