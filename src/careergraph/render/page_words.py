"""The page's own words (buttons, headings, hints), by the names its script knows them by.

Each is a message of the catalogue (careergraph.catalogue says how to add one); a few are the
messages the text answers say too.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from careergraph.catalogue import N_, InContext, Message, text

_WORDS: dict[str, Message] = {
    "title": N_("Career map"),
    "search": N_("Find a role by any name or alias"),
    "no_match": N_("No role matches"),
    "hint": N_("Hover over or click a role to see what it asks for."),
    "track": N_("Track"),
    "level": N_("Level"),
    "typical_years": N_("typically {years}"),
    "skills": N_("Required skills"),
    "responsibilities": N_("Responsibilities"),
    "aliases": N_("Also called"),
    "role_title": N_("Title"),
    "moves_out": N_("Moves from here"),
    "moves_in": N_("Moves into here"),
    "sources": N_("Sources"),
    "best_route": InContext("map page", "Best route"),
    "alternatives": N_("Alternatives"),
    "alternative": N_("Alternative"),
    "total": N_("Total"),
    "moves": N_("moves"),
    "move": N_("move"),
    "so_far": N_("so far"),
    "build": N_("Build"),
    "nothing_new": InContext("map page", "nothing new"),
    "tracks": N_("Tracks"),
    "kinds": N_("Moves"),
    "promotion": N_("promotion"),
    "lateral": N_("lateral move"),
    "career_change": N_("career change"),
    "routes_legend": N_("Routes"),
    "note": N_("Note"),
    "year_suffix": N_("y"),
    "page_notice": N_(
        "This map has {total} roles; to stay smooth, the page draws "
        "{drawn} of them. The search finds every role, and choosing one "
        "that is not drawn draws it and the roles one move from it."
    ),
    "legend": N_("Legend"),
    "zoom_in": N_("Zoom in"),
    "zoom_out": N_("Zoom out"),
    "fit": N_("Fit the whole map"),
    "map_controls": N_("Map view"),
    "shortcuts": N_(
        "Keys: + zoom in, - zoom out, 0 or F fit the whole map; arrow "
        "keys pan when the map has focus."
    ),
    "map_label": N_(
        "Career map: {roles} roles in {tracks} tracks, drawn as ladders. "
        "The text view lists every role and move."
    ),
    "map_role": N_("map"),
    "skip_text": N_("Skip to the text view"),
    "text_view": N_("Text view"),
    "text_view_title": N_("Roles and moves as text"),
    "back_to_map": N_("Back to the map"),
    "level_of": N_("level {level} of 5"),
    "selected": N_("Selected: {name}, {meta}"),
    "route_announce": N_("{label}: {names}. {total}"),
    "matches": N_("{count} roles match"),
    "one_match": N_("1 role matches"),
    "hide_panel": N_("Hide the details"),
    "show_panel": N_("Show the details"),
    "resize_panel": N_("Resize the details"),
    "role": N_("Role"),
    "stay": N_("Typical stay"),
    "from": N_("From"),
    "to": N_("To"),
    "kind": N_("Kind"),
    "takes": N_("Takes"),
    "roles_in_track": InContext("roles in a track", "Roles"),
    "moves_from_track": N_("Moves from these roles"),
    "not_drawn": N_("Drawn on demand: this role was not on the first view of this large map."),
    "planner": N_("Find a route"),
    "plan_from": InContext("route planner", "From"),
    "plan_to": InContext("route planner", "To"),
    "swap": N_("Swap from and to"),
    "find_route": N_("Find routes"),
    "clear_route": N_("Clear"),
    "alternatives_count": InContext("how many", "Alternatives"),
    "via": N_("Via"),
    "avoid": N_("Avoid"),
    "max_steps": N_("Max steps"),
    "rank_by": N_("Rank by"),
    "by_years": N_("years"),
    "by_steps": N_("steps"),
    "by_gap": N_("skills to build"),
    "stated_only": N_("Stated moves only"),
    "role_placeholder": N_("Name, alias or id"),
    "roles_placeholder": N_("Names, comma-separated"),
    "route_n": N_("Route {n}"),
    "route_title": N_("{from} → {to}"),
    "levels_to_build": N_("{levels} levels to build"),
    "no_route": N_("No route from {from} to {to} with these options."),
    "unknown_role": N_("No role matches: {name}"),
    "same_role": N_("From and To are the same role: choose two different roles."),
    "avoid_on_route": N_("{role} cannot be both avoided and on the route."),
    "compare_with": N_("Compare with…"),
    "compare": N_("Compare"),
    "compare_title": N_("{from} → {to}: skills"),
    "skill": N_("Skill"),
    "gap_total": N_("Levels to build"),
    "no_gap": N_("Nothing to build: every skill is already at the level asked."),
    "dropped": N_("No longer asked"),
    "you": N_("You"),
    "your_role": N_("Your role"),
    "from_me": N_("Start from my profile"),
    "met": N_("{percent}%\u00a0of this role's skills met"),
    "fit_legend": N_("Skills you meet"),
    "years_served": N_("{years} served in your role"),
    "implied": InContext("map page", "implied"),
    "estimated": N_("estimated"),
    "steep": N_("steep"),
    "route_done": N_("{count} routes shown"),
    "max_steps_error": N_("Max steps must be at least 1."),
}
"""Every word the page carries, by the name its script reads it as (`ui.<name>`)."""

PAGE_WORDS = tuple(_WORDS)
"""The names of the page's words."""


@cache
def _ui(lang: str) -> Mapping[str, str]:
    """The page's words in `lang`, by name (not to be changed: one mapping serves every page)."""
    return {name: text(lang, words) for name, words in _WORDS.items()}
