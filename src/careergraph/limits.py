"""The largest inputs careergraph accepts, in one place (the README's "Limits" lists them).

Each keeps the work of a command, and the memory it takes, in proportion to what it is given:
a map within these limits answers every command in seconds, and anything past them is refused
with one line naming the limit, never after minutes of work.
"""

from __future__ import annotations

MAX_ROLES = 200_000
"""Roles in a map (with its overlays). The benchmark's largest map has 100,000."""
MAX_TRANSITIONS = 1_000_000
"""Moves in a map."""
MAX_SKILLS = 100_000
"""Skills in a map."""
MAX_TRACKS = 100_000
"""Tracks in a map."""
MAX_SOURCES = 100_000
"""Sources in a map."""

MAX_YEARS = 100.0
"""A role's or a move's `years`, and a profile's `years_in_role`, at most."""
MAX_LEVEL = 1_000
"""A role's `level` (its rank on its track) at most."""
MAX_DIGITS = 20
"""Digits of a whole number in a data file or a profile: far past any limit above."""

MAX_NAME = 200
"""Characters of a name or an alias, in any language."""
MAX_TEXT = 10_000
"""Characters of any other text: a summary, description, note, responsibility, question, title."""

MAX_ALTERNATIVES = 100
"""`path -k` and `render -k`: more routes after the best one."""
MAX_INFERRED_PER_ROLE = 10
"""Moves `similar --suggest` (and with it `path --include-inferred`) infers out of one role: the
most similar roles."""
MAX_STEPS = 1_000
"""`path --max-steps`."""
MAX_WITHIN = 10_000.0
"""`reach --within` years."""

MAX_MB = 100_000
"""The largest value of CAREERGRAPH_MAX_MB (the size limit's default is 20 MB)."""
