"""The page's own words (buttons, headings, hints), by the names its script knows them by.

Each is a message of the catalogue (careergraph.catalogue says how to add one); a few are the
messages the text answers say too.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from careergraph.catalogue import N_, Message, text

_WORDS: dict[str, Message] = {
    "title": N_("page.title"),
    "search": N_("page.search"),
    "no_match": N_("page.no_match"),
    "hint": N_("page.hint"),
    "track": N_("page.track"),
    "level": N_("page.level"),
    "typical_years": N_("page.typical_years"),
    "skills": N_("page.skills"),
    "responsibilities": N_("show.responsibilities"),
    "aliases": N_("page.aliases"),
    "role_title": N_("page.role_title"),
    "moves_out": N_("page.moves_out"),
    "moves_in": N_("page.moves_in"),
    "sources": N_("show.sources"),
    "best_route": N_("page.best_route"),
    "alternatives": N_("page.alternatives"),
    "alternative": N_("page.alternative"),
    "total": N_("page.total"),
    "moves": N_("page.moves"),
    "move": N_("page.move"),
    "so_far": N_("page.so_far"),
    "build": N_("page.build"),
    "nothing_new": N_("page.nothing_new"),
    "tracks": N_("page.tracks"),
    "kinds": N_("page.kinds"),
    "promotion": N_("kind.promotion"),
    "lateral": N_("page.lateral"),
    "career_change": N_("kind.career_change"),
    "routes_legend": N_("page.routes_legend"),
    "note": N_("page.note"),
    "year_suffix": N_("page.year_suffix"),
    "page_notice": N_("page.page_notice"),
    "legend": N_("page.legend"),
    "zoom_in": N_("page.zoom_in"),
    "zoom_out": N_("page.zoom_out"),
    "fit": N_("page.fit"),
    "map_controls": N_("page.map_controls"),
    "shortcuts": N_("page.shortcuts"),
    "map_label": N_("page.map_label"),
    "map_role": N_("page.map_role"),
    "skip_text": N_("page.skip_text"),
    "text_view": N_("page.text_view"),
    "text_view_title": N_("page.text_view_title"),
    "back_to_map": N_("page.back_to_map"),
    "level_of": N_("page.level_of"),
    "selected": N_("page.selected"),
    "route_announce": N_("page.route_announce"),
    "matches": N_("page.matches"),
    "one_match": N_("page.one_match"),
    "hide_panel": N_("page.hide_panel"),
    "show_panel": N_("page.show_panel"),
    "resize_panel": N_("page.resize_panel"),
    "role": N_("page.role"),
    "stay": N_("page.stay"),
    "from": N_("page.from"),
    "to": N_("page.to"),
    "kind": N_("page.kind"),
    "takes": N_("page.takes"),
    "roles_in_track": N_("page.roles_in_track"),
    "moves_from_track": N_("page.moves_from_track"),
    "not_drawn": N_("page.not_drawn"),
    "planner": N_("page.planner"),
    "plan_from": N_("page.plan_from"),
    "plan_to": N_("page.plan_to"),
    "swap": N_("page.swap"),
    "find_route": N_("page.find_route"),
    "clear_route": N_("page.clear_route"),
    "alternatives_count": N_("page.alternatives_count"),
    "via": N_("page.via"),
    "avoid": N_("page.avoid"),
    "max_steps": N_("page.max_steps"),
    "rank_by": N_("page.rank_by"),
    "by_years": N_("page.by_years"),
    "by_steps": N_("page.by_steps"),
    "by_gap": N_("page.by_gap"),
    "stated_only": N_("page.stated_only"),
    "role_placeholder": N_("page.role_placeholder"),
    "roles_placeholder": N_("page.roles_placeholder"),
    "route_n": N_("page.route_n"),
    "route_title": N_("page.route_title"),
    "levels_to_build": N_("page.levels_to_build"),
    "no_route": N_("page.no_route"),
    "unknown_role": N_("page.unknown_role"),
    "same_role": N_("page.same_role"),
    "avoid_on_route": N_("page.avoid_on_route"),
    "compare_with": N_("page.compare_with"),
    "compare": N_("page.compare"),
    "compare_title": N_("page.compare_title"),
    "skill": N_("page.skill"),
    "gap_total": N_("page.gap_total"),
    "no_gap": N_("page.no_gap"),
    "dropped": N_("page.dropped"),
    "you": N_("chart.you"),
    "your_role": N_("page.your_role"),
    "from_me": N_("page.from_me"),
    "met": N_("page.met"),
    "fit_legend": N_("page.fit_legend"),
    "years_served": N_("page.years_served"),
    "implied": N_("page.implied"),
    "estimated": N_("page.estimated"),
    "steep": N_("mark.steep"),
    "route_done": N_("page.route_done"),
    "max_steps_error": N_("page.max_steps_error"),
}
"""Every word the page carries, by the name its script reads it as (`ui.<name>`)."""

PAGE_WORDS = tuple(_WORDS)
"""The names of the page's words."""


@cache
def _ui(lang: str) -> Mapping[str, str]:
    """The page's words in `lang`, by name (not to be changed: one mapping serves every page)."""
    return {name: text(lang, words) for name, words in _WORDS.items()}
