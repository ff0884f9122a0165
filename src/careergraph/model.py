"""The validated career map: frozen records of tracks, skills, roles and transitions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from careergraph import LANGUAGES as LANGUAGES  # defined there for the command line's sake

DEFAULT_LANGUAGE = "en"
# The years of a role whose file gives none (most frameworks give no durations): an estimate,
# shown with "~"; a move that gives no years takes its source role's, estimate and all.
DEFAULT_ROLE_YEARS = 2.0

_IGNORED_IN_NAMES = re.compile("[\\s_\\-\u2010-\u2015\u30fb]+")


def normalize_name(name: str) -> str:
    """The form names are compared in: width-, case- and space-insensitive."""
    return _IGNORED_IN_NAMES.sub("", unicodedata.normalize("NFKC", name).casefold())


@dataclass(frozen=True)
class Text:
    """A human-readable text in one or more languages, keyed by language code."""

    translations: Mapping[str, str]

    @classmethod
    def plain(cls, value: str) -> Text:
        """A text given without a language; it serves every language."""
        return cls(MappingProxyType({"": value}))

    def get(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The text in `lang`, else English, else the first language given."""
        for key in (lang, "", DEFAULT_LANGUAGE):
            if key in self.translations:
                return self.translations[key]
        return next(iter(self.translations.values()))

    def all(self) -> list[str]:
        """Every translation, in the order given."""
        return list(self.translations.values())

    def as_dict(self) -> dict[str, str]:
        """Translations by language; a plain text is reported under `en`."""
        return {(lang or DEFAULT_LANGUAGE): text for lang, text in self.translations.items()}


class SkillCategory(StrEnum):
    """What kind of skill it is."""

    TECHNICAL = "technical"
    SOFT = "soft"
    TOOL = "tool"
    CERTIFICATION = "certification"
    DOMAIN = "domain"


# The categories of a map that defines none of its own, in the order they are shown.
BUILT_IN_CATEGORIES = tuple(c.value for c in SkillCategory)
_BUILT_IN = {c.value: c for c in SkillCategory}


def skill_category(category: str) -> str:
    """A category id as a skill holds it: a built-in one as its SkillCategory member."""
    return _BUILT_IN.get(category, category)


class TransitionKind(StrEnum):
    """How a move changes a career."""

    PROMOTION = "promotion"
    LATERAL = "lateral"
    CAREER_CHANGE = "career_change"


class ResourceKind(StrEnum):
    """What kind of learning resource it is."""

    BOOK = "book"
    COURSE = "course"
    COMMUNITY = "community"
    CERTIFICATION = "certification"
    ARTICLE = "article"
    WEBSITE = "website"
    EVENT = "event"


# Where a part of the map is, as the file's sections name it: ("roles", "cto"),
# ("roles", "cto", "skills", "python"), ("transitions", "tpm", "senior_tpm", "years").
MapPath = tuple[str, ...]


@dataclass(frozen=True, order=True)
class Place:
    """A 1-based line and column in a data file (0 where unknown)."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file


@dataclass(frozen=True)
class Allowance:
    """Lint findings an entry knowingly keeps (by code), and why."""

    codes: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class Source:
    """An article the data is drawn from, and where to read it (an http or https address)."""

    id: str
    title: str
    url: str | None = None


@dataclass(frozen=True)
class Category:
    """A kind of skill a map defines (its `categories`), named in each language.

    `name` is None for a built-in category a map keeps beside its own: the program names it.
    """

    id: str
    name: Text | None


@dataclass(frozen=True)
class Track:
    """A job family: one ladder of roles."""

    id: str
    name: Text
    description: Text | None = None


@dataclass(frozen=True)
class Resource:
    """A book, course, community or exam that builds a skill."""

    title: Text
    kind: ResourceKind
    url: str | None = None
    note: Text | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Skill:
    """A skill a role asks for, with the resources that build it."""

    id: str
    name: Text
    # One of the map's categories: its own `categories`, else the built-in SkillCategory values.
    category: str
    description: Text | None = None
    resources: tuple[Resource, ...] = ()
    # What each level (1-5) of this skill looks like; levels not described are left out.
    levels: Mapping[int, Text] = field(default_factory=lambda: MappingProxyType({}))

    def level_text(self, level: int, scale: Mapping[int, Text]) -> Text | None:
        """What `level` of this skill looks like: its own text, else the map's scale, else None."""
        if level <= 0:
            return None
        return self.levels.get(level) or scale.get(level)


POINTS_PER_SKILL = 5
"""The highest level of a skill: what one skill can give a points requirement, times its weight."""


@dataclass(frozen=True)
class PointsRequirement:
    """A requirement that adds up: the points of the levels held in `skills`, each times its
    weight (1 unless `weights` says otherwise), must total at least `total`, in any mix.

    A level is worth its own number of points unless `values` says what each level 1-5 is
    worth (frameworks whose higher milestones count for more: 1, 3, 6, 12, 20).
    """

    total: int
    skills: tuple[str, ...]
    weights: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    values: Mapping[int, int] = field(default_factory=lambda: MappingProxyType({}))

    def weight(self, skill: str) -> int:
        """What one point of `skill` counts for."""
        return self.weights.get(skill, 1)

    def value(self, level: int) -> int:
        """The points holding `level` of a skill is worth (before its weight)."""
        if level <= 0:
            return 0
        level = min(level, POINTS_PER_SKILL)
        return self.values.get(level, level) if self.values else level

    def points(self, levels: Mapping[str, int]) -> int:
        """The points `levels` (skill id to level) give."""
        return sum(self.weight(s) * self.value(levels.get(s, 0)) for s in self.skills)

    @property
    def most(self) -> int:
        """The most points the skills can give, every one at the highest level."""
        return sum(self.weight(s) * self.value(POINTS_PER_SKILL) for s in self.skills)


@dataclass(frozen=True)
class Role:
    """A job on a ladder, with the skills it requires (skill id to level 1-5)."""

    id: str
    name: Text
    track: str
    level: int
    years: float
    skills: Mapping[str, int]
    aliases: tuple[str, ...] = ()
    summary: Text | None = None
    responsibilities: tuple[Text, ...] = ()
    interview: tuple[Text, ...] = ()
    sources: tuple[str, ...] = ()
    years_estimated: bool = False
    # Requirements that add up over several skills, besides the minimums in `skills`.
    points: tuple[PointsRequirement, ...] = ()
    # A title other roles may share ("Senior Engineer" on several specialty ladders).
    title: Text | None = None

    def names(self) -> list[str]:
        """Every name the role goes by: id, names in each language, aliases."""
        return [self.id, *self.name.all(), *self.aliases]

    def titled_names(self, track: Track) -> list[str]:
        """The names the role's shared title makes its own with its track's name, in each
        language of the title: "Senior Engineer (Backend)" and "Backend Senior Engineer"."""
        return titled_names(self.title, track.name)


def titled_names(title: Text | None, track: Text) -> list[str]:
    """The names a shared `title` and a track's name make together, in each of the title's
    languages (the track's name in that language): "TITLE (TRACK)" and "TRACK TITLE". A title
    given without a language serves every language, so it goes with each of the track's names."""
    if title is None:
        return []
    found: dict[str, None] = {}
    for lang, text in title.translations.items():
        for each in [lang] if lang else list(track.translations):
            place = track.get(each or DEFAULT_LANGUAGE)
            found |= dict.fromkeys([f"{text} ({place})", f"{place} {text}"])
    return list(found)


@dataclass(frozen=True)
class Transition:
    """A move from one role to another; `years` is what the move takes.

    `inferred` moves are not in the data: careergraph suggests them from similar skills.
    `basis` says where the move comes from: "stated" by a source, "implied" (a judgement the
    data makes), or "inferred" (suggested by careergraph); `years_estimated` marks years that
    no source gives.
    """

    source: str
    target: str
    kind: TransitionKind
    years: float
    note: Text | None = None
    sources: tuple[str, ...] = ()
    inferred: bool = False
    basis: str = "stated"
    years_estimated: bool = False


@dataclass(frozen=True)
class SharedName:
    """A name or abbreviation several roles go by, with the reading to take when one is primary.

    Without a `primary` reading, the name alone never picks a role.
    """

    name: str
    roles: tuple[str, ...]
    primary: str | None = None
    note: Text | None = None


@dataclass(frozen=True)
class CareerMap:
    """Everything one data file says, in a canonical order (by id) whatever the file's order."""

    path: str
    tracks: Mapping[str, Track]
    skills: Mapping[str, Skill]
    roles: Mapping[str, Role]
    transitions: tuple[Transition, ...]
    sources: Mapping[str, Source] = field(default_factory=lambda: MappingProxyType({}))
    allowances: Mapping[MapPath, Allowance] = field(default_factory=lambda: MappingProxyType({}))
    # Names several roles go by, keyed by the name as written.
    names: Mapping[str, SharedName] = field(default_factory=lambda: MappingProxyType({}))
    # What each level (1-5) means for any skill, where a skill does not say so itself.
    scale: Mapping[int, Text] = field(default_factory=lambda: MappingProxyType({}))
    # Kinds of skill the map defines, in the file's order; empty: the built-in five.
    categories: Mapping[str, Category] = field(default_factory=lambda: MappingProxyType({}))
    # Track ids in the order the files list them (the base's first); the map itself is by id.
    track_order: tuple[str, ...] = field(default=(), compare=False)
    # Where each entry and value was written; not part of what the map says, so not compared.
    places: Mapping[MapPath, Place] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, repr=False
    )
    # The files the map was read from, base first; empty when it was not read from files.
    files: tuple[str, ...] = field(default=(), compare=False)

    def place(self, *path: str) -> Place:
        """Where `path` was written, else its nearest written parent, else just the file."""
        while path:
            # One lookup, not `in` and then `[]`: the places of a cached map are decoded per entry.
            found = self.places.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return Place(self.path, 0, 0)

    def readings(self, name: str) -> tuple[tuple[str, ...], str | None]:
        """The ids of every role `name` names (once normalised), and the primary one if any.

        A role's id names it alone; any other name may name several roles: roles that share a
        title, or a name listed under `names` (whose `primary`, if given, is the one it means).
        A shared title with its track's name ("Senior Engineer (Backend)") names one role.
        """
        if name in self.roles:
            return (name,), name
        wanted = normalize_name(name)
        found = {r.id for r in self.roles.values() if wanted in map(normalize_name, r.names())}
        for role in self.roles.values():
            if role.title is None:
                continue
            titled = [*role.title.all(), *role.titled_names(self.tracks[role.track])]
            if wanted in map(normalize_name, titled):
                found.add(role.id)
        primary = None
        for shared, entry in self.names.items():
            if normalize_name(shared) == wanted:
                found.update(entry.roles)
                primary = entry.primary or primary
        ids = tuple(sorted(found))
        if len(ids) == 1:
            return ids, ids[0]
        return ids, primary if primary in ids else None

    def category_order(self) -> tuple[str, ...]:
        """The ids of the map's categories in the order it gives them, else the built-in five."""
        return tuple(self.categories) or BUILT_IN_CATEGORIES

    def tracks_in_file_order(self) -> list[str]:
        """Every track id in the order the files list them (by id where that is not known)."""
        listed = [t for t in self.track_order if t in self.tracks]
        return listed + sorted(set(self.tracks) - set(listed))

    def roles_in_track(self, track: str) -> list[Role]:
        """The roles of one track, lowest level first."""
        return sorted(
            (r for r in self.roles.values() if r.track == track), key=lambda r: (r.level, r.id)
        )


@dataclass(frozen=True)
class Profile:
    """A person: their current role, the skill levels they hold, and years spent in the role."""

    path: str
    role: str
    skills: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    years_in_role: float = 0.0

    def levels(self, role: Role) -> Mapping[str, int]:
        """What the person can do: the role's levels, overridden by their own (0 = not held)."""
        return MappingProxyType({**role.skills, **self.skills})
