"""The words careergraph itself prints, in English and Japanese, looked up by key.

Data (role, skill and track names) carries its own translations; this catalogue holds only the
program's own headings, labels and messages. A key missing in a language falls back to English.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from careergraph.errors import Words
from careergraph.model import DEFAULT_LANGUAGE, CareerMap, Profile, Text, Transition

# Values under these placeholders are terms the catalogue may know in the user's language
# (the operating system's English reasons, such as "Permission denied").
_TERMS = ("reason",)

_CATALOGUE: dict[str, dict[str, str]] = {
    "en": {
        "years": "{value}y",
        "kind.promotion": "promotion",
        "kind.lateral": "lateral",
        "kind.career_change": "career change",
        "category.technical": "Technical",
        "category.soft": "Soft",
        "category.tool": "Tool",
        "category.certification": "Certification",
        "category.domain": "Domain",
        "resource.book": "Book",
        "resource.course": "Course",
        "resource.community": "Community",
        "resource.certification": "Certification",
        "resource.article": "Article",
        "resource.website": "Website",
        "resource.event": "Event",
        "moves.one": "{count} move",
        "moves.other": "{count} moves",
        "skills.one": "{count} skill",
        "skills.other": "{count} skills",
        "route.best": "Best route",
        "route.length": "({years}, {moves})",
        "route.alternative": "Alternative {number}",
        "route.build": "build: ",
        "route.nothing_new": "nothing new",
        "route.points": "{points} ({changes})",
        "points_plus.one": "+{count} point",
        "points_plus.other": "+{count} points",
        "points_more.one": "{count} more point",
        "points_more.other": "{count} more points",
        "points_count.one": "{count} point",
        "points_count.other": "{count} points",
        "levels_gained.one": "+{count} level",
        "levels_gained.other": "+{count} levels",
        "list.comma": ", ",
        "points.weight": " ×{weight}",  # noqa: RUF001 (the multiplication sign is meant)
        "role.points": "At least {points} in all across {skills}",
        "route.total": "Total: {years} over {moves}",
        "route.by_steps": "(routes ranked by number of moves, then years)",
        "route.inferred": (
            "(inferred: a move the data lacks, suggested by skill overlap; years estimated)"
        ),
        "kind.marked": "{kind} ({marks})",
        "mark.implied": "implied",
        "mark.inferred": "inferred",
        "mark.steep": "steep",
        "mark.separator": ", ",
        "years.estimated": "~{years}",
        "basis.stated": "stated in {sources}",
        "basis.stated.plain": "stated",
        "basis.implied": "implied (judgement)",
        "basis.inferred": "inferred (suggested by skill overlap)",
        "legend": "({marks})",
        "legend.separator": "; ",
        "legend.implied": "implied: no source states the move (see its note)",
        "legend.estimated": "~: estimated years",
        "legend.steep": "steep: a held skill rises more levels than the years allow",
        "route.years_done": "(first move shortened by the {years} already served)",
        "gap.nothing": "{source} → {target}: nothing to build; every skill is already at its level",
        "gap.some": "{source} → {target}: {skills} to build ({levels})",
        "gap.dropped": "No longer stressed in {target}",
        "gap.points_only": "{source} → {target}: {points} to gain ({levels})",
        "gap.points_heading": "Points (any mix of these skills counts)",
        "gap.points": "{points} across {skills} ({have} of {total} held)",
        "gap.points_instance": "for instance {changes} ({levels})",
        "gap.level": "level {level}",
        "gap.you": "You ({role})",
        "show.line": "id: {id} · track: {track} · level {level} · typically {years}",
        "show.aliases": "also called: {aliases}",
        "show.title": "title: {title}",
        "show.title_shared": "title: {title}, shared with {roles}",
        "show.track_about": "{track}: {description}",
        "show.responsibilities": "Responsibilities",
        "show.skills": "Skills",
        "show.next": "Next moves",
        "show.previous": "Comes from",
        "show.none": "none",
        "show.sources": "Sources",
        "moves.none": "No moves lead on from {name}.",
        "moves.from": "Moves from {name}:",
        "moves.gap": "gap +{size}",
        "fit.heading": "Roles by the share of what they ask that {name} already meets:",
        "fit.heading_you": "Roles by the share of what they ask that you already meet (as {role}):",
        "fit.columns": "role|met|missing|up|nearest route",
        "fit.here": "(this role)",
        "fit.here_you": "(your role)",
        "fit.no_route": "no route",
        "fit.route": "{years}, {moves}",
        "fit.more": "  … and {count} more (--limit 0 shows every role)",
        "fit.legend": (
            "↑: a move up from {name}: higher on its ladder, or reached by promotions alone"
        ),
        "reach.heading": "Roles reachable from {name} within {years}:",
        "reach.none": "No role is reachable from {name} within {years}.",
        "reach.columns": "role|years|moves|gap",
        "plan.title": "Promotion plan: {source} → {target}",
        "plan.summary": "{years} over {moves}, starting as {source}.",
        "plan.profile": "Profile: {file} (own skill levels: {count}; {years} served in the role)",
        "plan.route": "Route",
        "plan.space": " ",
        "plan.route_columns": "Move|Kind|Years|Total",
        "plan.step": "Step {number}: {source} → {target}",
        "plan.move": "{kind}, typically {years}",
        "plan.move_left": "{kind}, typically {years}; {left} left",
        "plan.so_far": "{years} in total by the end of this step.",
        "plan.role_years": "People typically stay {years} in this role.",
        "plan.skills": "Skills to build",
        "plan.skill_columns": "Skill|Category|Now|Needed|Gain",
        "plan.nothing": "Nothing new: every skill this role asks for is already at its level.",
        "plan.points": "Points to gain",
        "plan.standing_points": (
            "Points: you hold {have} of the {total} asked across {count} skills."
        ),
        "plan.points_line": ("{points} across these skills ({have} of {total} held): {skills}."),
        "plan.points_instance": "For instance: {changes} ({levels}).",
        "plan.resources": "How to build them",
        "plan.no_resources_for": "No resource listed yet for {skills}.",
        "plan.sources": "Sources",
        "plan.looks_like": "Level {level} looks like: {text}",
        "plan.standing": "Where you stand",
        "chart.title": "Your levels against {role}",
        "chart.desc": (
            "For each of the {count} skills {role} asks for: the level you hold (filled bar) and "
            "the level it asks (outlined bar), on a scale of 0 to 5."
        ),
        "chart.you": "You",
        "chart.needed": "Needed for {role}",
        "chart.columns": "Skill|You|Needed",
        "plan.certifications": "Certifications",
        "plan.interview": "Interview questions for {role}",
        "plan.footer": "Made with careergraph from {file}.",
        "validate.ok": "OK: {roles} roles, {transitions} transitions",
        "validate.base_alone": (
            "--base FILE checks the OVERLAY files named after it; name at least one"
        ),
        "me.written": "Wrote a starter profile for {role} to {file}.",
        "usage.two_roles": "name two roles, FROM and TO, or give --me FILE and TO",
        "usage.me_and_from": "with --me, name only the goal role TO: the start is your role",
        "usage.reach_start": "name a starting ROLE or give --me FILE, not both",
        "usage.plan_suffix": "'{file}' should end in one of {known}",
        "usage.stdout_twice": (
            "{option} - would print on stdout beside the command's own answer: name a file"
        ),
        "show.interview": "Interview questions",
        "list.separator": "; ",
        "error.line": "error: {message}",
        "error.unknown_role": "unknown role '{name}'",
        "error.unknown_role.suggest": "unknown role '{name}' — did you mean '{suggestion}'?",
        "error.unknown_role.several": "unknown role '{name}' — did you mean {suggestions}{more}?",
        "error.unknown_role.more": " (and {count} more)",
        "error.ambiguous_role": (
            "'{name}' names several roles, none of them first: {candidates}; name one by its id"
        ),
        "error.ambiguous_role.candidate": "{id} ({role}, track {track})",
        "error.ambiguous_title": (
            "'{name}' names several roles, none of them first: {candidates}; name one by its id"
            " or by its title and track, as '{example}'"
        ),
        "error.ambiguous_title.example": "{title} ({track})",
        "note.reading": "note: '{name}' is read as {role} ({id}); it also names {others}",
        "note.reading.other": "{role} ({id})",
        "error.unknown_track": "unknown track '{name}'",
        "error.unknown_track.suggest": "unknown track '{name}' — did you mean '{suggestion}'?",
        "error.same_role": (
            "'{role}' is both the start and the goal: name two different roles "
            "(the moves open from it: careergraph next {role})"
        ),
        "error.avoid_on_route": "'{role}' cannot be both avoided and on the route",
        "error.max_steps": "the maximum number of steps must be at least 1, got {steps}",
        "error.alternatives": "the number of alternatives cannot be negative, got {alternatives}",
        "error.alternatives_max": (
            "at most {most} alternatives can be asked for, got {alternatives}"
        ),
        "error.within": "the number of years must be a finite number, zero or more, got {years}",
        "error.no_route": "no route from '{source}' to '{target}'",
        "error.no_route.when": "no route from '{source}' to '{target}' ({conditions})",
        "error.no_route.via": "via {roles}",
        "error.no_route.avoid": "avoiding {roles}",
        "error.no_route.steps": "in at most {steps} steps",
        "error.no_route.step": "in at most {steps} step",
        "error.cannot_write": "cannot write {what} to '{file}': {reason}",
        "error.not_ours": (
            "'{file}' already exists and careergraph did not write it: "
            "name another file, or add --force to replace it"
        ),
        "reason.it is a folder; name a file inside it instead": (
            "it is a folder; name a file inside it instead"
        ),
        "error.exists": (
            "'{file}' already exists: pass --force to replace it, or name another file"
        ),
        "error.folder_default": (
            "'{file}' is a folder: name a file inside it, "
            "or end the name with / to write {default} into it"
        ),
        "error.stdout": "cannot write to stdout: {reason}",
        "problem.stream_idle": (
            "nothing arrived for {seconds} s: careergraph reads a FIFO or a device"
            " only while data keeps coming"
        ),
        "problem.folder": "is a folder, not a data file",
        "problem.unreadable": "cannot read the file: {reason}",
        "problem.profile_folder": "is a folder, not a profile",
        "problem.not_utf8": "the file is not UTF-8 text",
        "problem.unknown": "{place}: unknown {kind} '{value}'{hint}",
        "problem.did_you_mean": " — did you mean '{suggestion}'?",
        "problem.top_level": "the top level",
        "problem.define": " (define it under '{section}')",
        "problem.expected_keys": " (expected one of: {keys})",
        "problem.roles_listed": " (`careergraph roles` lists them)",
        "problem.skills_listed": " (skill ids are listed in the map)",
        "problem.kind.key": "key",
        "problem.kind.track": "track",
        "problem.kind.skill": "skill",
        "problem.kind.role": "role",
        "problem.kind.source": "source",
        "problem.kind.category": "category",
        "problem.categories": " (the map's categories: {values})",
        "problem.missing_key": "{place}: missing required key '{key}'",
        "problem.missing_section": (
            "{place}: missing required key '{key}' (an overlay? check it on the map it is laid"
            " on: careergraph validate --base BASE FILE)"
        ),
        "problem.expected": "{place}: expected {expected}, got {value}",
        "problem.at_least": "{place}: must be at least {bound}, got {value}",
        "problem.skill_level_zero": (
            "{place}: must be at least {bound}, got {value}; leave out a skill the role does not"
            " ask for"
        ),
        "problem.at_most": "{place}: must be at most {bound}, got {value}",
        "problem.level_key": "{place}: '{value}' is not a level: use 1, 2, 3, 4 or 5",
        "problem.type.whole_number": "a whole number",
        "problem.type.number": "a number",
        "problem.type.text": "text",
        "problem.type.mapping": "a mapping (key: value)",
        "problem.type.list": "a list",
        "problem.type.boolean": "true or false",
        "problem.title_in_track": (
            "{place}: '{name}' already names role '{role}' ({there}): two roles of one track"
            " cannot share a title"
        ),
        "problem.name_taken": (
            "roles.{id}: the name '{name}' is also a name of role '{role}' ({there}); every name"
            " and alias must point at one role"
        ),
        "problem.title_track_name": (
            "{place}: '{name}' already names role '{role}' ({there}): their tracks share a"
            " name: rename one of the tracks"
        ),
        "problem.title_is_a_name": (
            "{place}: the title '{title}' is a name of role '{role}' ({there}); a title may be"
            " shared by the roles that carry it, not by another's name"
        ),
        "problem.points_values_all": (
            "{place}: give what every level 1 to 5 is worth, as whole numbers"
        ),
        "problem.points_values_rise": (
            "{place}: each level must be worth more than the one below it"
        ),
        "problem.points_weight": (
            "{place}: '{skill}' is not one of this requirement's skills ({skills});"
            " weigh only a skill listed under 'skills'"
        ),
        "problem.points_impossible": (
            "{place}: {total} points cannot be reached: its skills at level {top} give {most}"
            " at most; lower the total or list more skills"
        ),
        "problem.primary_not_listed": (
            "{place}: '{role}' is not one of the roles the name lists ({roles})"
        ),
        "problem.role_ambiguous": "role: '{value}' names several roles ({roles}); write one's id",
        "problem.too_few": "{place}: must list at least {bound}, got {count}",
        "problem.value.nothing": "nothing",
        "problem.value.text": "'{value}' (text)",
        "problem.value.mapping": "a mapping",
        "problem.value.list": "a list",
        "problem.conflict": (
            "{place}: {value} here, but {earlier}; add 'override: true' to {entry} to change it"
        ),
        "problem.conflict_says": "{there} says {value}",
        "problem.conflict_unset": "{there} does not set it",
        "problem.remove_entry": (
            "{place}.remove: only a move can be removed ('remove: true' under transitions); "
            "a {kind} stays once a file defines it"
        ),
        "problem.character.key": "a key",
        "problem.character.text": "the text",
        "problem.character.control": (
            "{place}: {what} holds a control character ({code}), which could take over a "
            "terminal: remove it"
        ),
        "problem.character.surrogate": (
            "{place}: {what} holds half of a surrogate pair ({code}), which is no character on "
            "its own: remove it"
        ),
        "problem.character.noncharacter": (
            "{place}: {what} holds a noncharacter ({code}), which is not for use in text: remove it"
        ),
        "problem.character.line_break": (
            "{place}: a name, id, title or key is one line, but this one holds a line break "
            "({code})"
        ),
        "problem.character.tab": (
            "{place}: a name, id, title or key holds a tab ({code}): use a space"
        ),
        "problem.too_many": "{place}: more than {limit} {noun}; careergraph reads maps of up to "
        "{limit} (see Limits in the README)",
        "problem.noun.sources": "sources",
        "problem.noun.tracks": "tracks",
        "problem.noun.skills": "skills",
        "problem.noun.roles": "roles",
        "problem.noun.transitions": "transitions",
        "problem.digits": "{place}a whole number of {digits} digits; careergraph reads numbers of "
        "up to {most} digits (see Limits in the README)",
        "problem.too_long": "{place}: {length} characters long; careergraph reads texts of up to "
        "{longest} characters (see Limits in the README)",
        "export.table_not_csv": "--table is for --format csv only, not '{format}'",
        "export.json_needs_output": "--json reports the files written: give -o as well",
        "export.csv_two_tables": (
            "csv holds three tables: give -o FOLDER for roles.csv, transitions.csv and "
            "skills.csv, or --table roles|transitions|skills for one"
        ),
        "path.html_inferred": (
            "the map cannot show inferred moves: drop --html or --include-inferred"
        ),
        "similar.none": "No role shares a skill with {name}.",
        "similar.heading": "Roles like {name}, by skill overlap weighted by level:",
        "similar.columns": "role|overlap|gap there|gap back|move in data",
        "similar.yes": "yes",
        "similar.no": "no",
        "similar.shared": "shared: ",
        "similar.legend": (
            "shared: level in {name}/level in the role. gap there: levels to build\n"
            "moving from {name} to the role; gap back: the other way."
        ),
        "similar.approximate": (
            "~: a points requirement's total spread evenly over its skills (an estimate)."
        ),
        "similar.about": "~{value}",
        "similar.no_suggestion": "No move to suggest from {name}: no similar role lacks one.",
        "similar.suggested": "Suggested moves from {name} (inferred: not in the data):",
        "similar.inferred": "inferred {kind}",
        "similar.overlap": "{score} overlap",
        "diff.same": "No differences between {old} and {new}.",
        "diff.heading": "Changes from {old} to {new}",
        "diff.section": "{section}: {counts}",
        "diff.section.tracks": "Tracks",
        "diff.section.skills": "Skills",
        "diff.section.roles": "Roles",
        "diff.section.transitions": "Transitions",
        "diff.section.scale": "Scale (what each level means)",
        "diff.section.categories": "Categories",
        "diff.section.sources": "Sources",
        "diff.section.names": "Names several roles go by",
        "diff.added": "{count} added",
        "diff.removed": "{count} removed",
        "diff.changed": "{count} changed",
        "diff.separator": ", ",
        "diff.no_changes": "no changes",
        "diff.move": "{kind}, {years}",
        "diff.none": "(none)",
        "diff.routes": "Quickest routes between roles in both maps: {count} changed ({tally})",
        "diff.route.appeared": "appeared",
        "diff.route.disappeared": "disappeared",
        "diff.route.longer": "longer",
        "diff.route.shorter": "shorter",
        "diff.tally": "{count} {kind}",
        "diff.no_route": "none",
        "diff.more": "  … and {count} more (--limit to show more)",
        "diff.partial.from": "  (counted from {compared:,} of the {affected:,} roles whose routes "
        "could have changed, the first by id: see Limits in the README)",
        "diff.partial.into": "  (counted into {compared:,} of the {affected:,} roles whose routes "
        "could have changed, the first by id: see Limits in the README)",
        "lint.line": "{place}: {severity} [{code}] {message}",
        "lint.severity.error": "error",
        "lint.severity.warning": "warning",
        "lint.explained": "  explained: {why}",
        "lint.ok": "OK: no findings{explained}",
        "lint.kept": " ({count} explained in the data)",
        "lint.summary": "{errors}, {warnings}{explained}",
        "lint.errors.one": "{count} error",
        "lint.errors.other": "{count} errors",
        "lint.warnings.one": "{count} warning",
        "lint.warnings.other": "{count} warnings",
        "lint.unreachable": (
            "roles.{id}: no entry-level role (level 1, not promoted into) can reach '{role}'"
        ),
        "lint.dead_end": (
            "roles.{id}: '{role}' has no move out, yet is not a top role "
            "(track '{track}' goes up to level {top})"
        ),
        "lint.promotion_cycle": (
            "transitions '{source}' -> '{target}': promotions lead in a loop: {cycle}; "
            "one of them is not a promotion"
        ),
        "lint.promotion_not_up.same": (
            "transitions '{source}' -> '{target}': a promotion to the same level "
            "({level} -> {new_level}) in track '{track}'; make it lateral or fix the levels"
        ),
        "lint.promotion_not_up.lower": (
            "transitions '{source}' -> '{target}': a promotion to a lower level "
            "({level} -> {new_level}) in track '{track}'; make it lateral or fix the levels"
        ),
        "lint.promotion_skill_drop": (
            "transitions '{source}' -> '{target}': the promotion asks less of {skills}"
        ),
        "lint.points_already_met": (
            "roles.{id}.points[{index}]: the role's own minimums already give {have} points, at"
            " least the {total} it asks, so it asks nothing more; raise the total or drop it"
        ),
        "lint.promotion_points_drop": (
            "transitions '{source}' -> '{target}': the promotion asks {total} points over"
            " {skills}, fewer than the {before} of '{source}'"
        ),
        "lint.skill_drop": "{skill} {level} -> {new_level}",
        "lint.unused_skill": "skills.{id}: no role asks for this skill",
        "lint.role_without_skills": (
            "roles.{id}: '{role}' asks for no skill, so no gap can be shown"
        ),
        "lint.empty_track": "tracks.{id}: no role is in this track",
        "lint.overlay_unconnected": (
            "roles.{id}: no move joins the roles this file adds ({roles}) to the map it is laid"
            " on; add a transition from or to one of them"
        ),
        "lint.undescribed_level": (
            "skills.{id}.levels: describes levels {described} but not {missing}, "
            "which roles ask for"
        ),
        "lint.similar_names": (
            "roles.{id}: the name '{name}' differs from '{other_name}' of role '{other}' "
            "({there}) only in punctuation or long-vowel marks"
        ),
        "lint.there.line": "line {line}",
        "lint.there.file": "{file}:{line}",
        "lint.alias_is_initials": (
            "roles.{id}: the alias '{alias}' is also the initials of '{other_name}' "
            "(role '{other}')"
        ),
        "lint.invisible_characters": (
            "{entry}: the name '{name}' holds {character}, which shows nothing or turns the text "
            "around, so the name can look like another"
        ),
        "lint.shared_name": (
            "{entry}: the name '{name}' is also that of {kind} '{other}' ({there}), so what"
            " careergraph prints cannot tell them apart; use one id for both or rename one"
        ),
        "lint.look_alike_names": (
            "{entry}: the name '{name}' looks the same as '{other_name}' of {kind} '{other}' "
            "({there}): they differ only in characters that show nothing"
        ),
        "lint.years_outlier": "{move}: {years} years{origin} is {how}",
        "lint.steep_move": (
            "{move}: {rises} in a move of {years} years; at most {allowed} level(s) is plausible"
        ),
        "lint.years_outlier.origin": " (the years of role '{role}')",
        "lint.years_outlier.over": (
            "over {factor} times the moves' third quartile ({quartile} years)"
        ),
        "lint.years_outlier.under": "under a third of the moves' first quartile ({quartile} years)",
        "lint.move": "transitions '{source}' -> '{target}'",
        "lint.unknown_allow": "{entry}: lint allows '{code}', which is not a lint code",
        "lint.unknown_allow.suggest": (
            "{entry}: lint allows '{code}', which is not a lint code — did you mean '{suggestion}'?"
        ),
        "lint.unused_allow": "{entry}: lint allows '{code}', but there is no such finding here",
    },
    "ja": {
        "years": "{value}年",
        "kind.promotion": "昇進",
        "kind.lateral": "横異動",
        "kind.career_change": "キャリアチェンジ",
        "category.technical": "テクニカルスキル",
        "category.soft": "ソフトスキル",
        "category.tool": "ツール",
        "category.certification": "資格",
        "category.domain": "業務知識",
        "resource.book": "書籍",
        "resource.course": "講座",
        "resource.community": "コミュニティ",
        "resource.certification": "資格",
        "resource.article": "記事",
        "resource.website": "ウェブサイト",
        "resource.event": "イベント",
        "moves.other": "{count}回の移動",
        "skills.other": "{count}件のスキル",
        "route.best": "最短ルート",
        "route.length": "({years}・{moves})",
        "route.alternative": "別ルート{number}",
        "route.build": "伸ばす: ",
        "route.nothing_new": "新たに伸ばすものなし",
        "route.points": "{points}({changes})",
        "points_plus.other": "+{count}ポイント",
        "points_more.other": "あと{count}ポイント",
        "points_count.other": "{count}ポイント",
        "levels_gained.other": "+{count}レベル",
        "list.comma": "、",
        "points.weight": " ×{weight}",  # noqa: RUF001 (the multiplication sign is meant)
        "role.points": "{skills}で合計{points}以上",
        "route.total": "合計: {years}・{moves}",
        "route.by_steps": "(移動の回数順、同数なら年数順)",
        "route.inferred": "(推定: データにない移動をスキルの重なりから提案。年数は目安)",
        "kind.marked": "{kind}({marks})",
        "mark.implied": "推測",
        "mark.inferred": "推定",
        "mark.steep": "急な伸び",
        "mark.separator": "、",
        "years.estimated": "約{years}",
        "basis.stated": "{sources}に記載",
        "basis.stated.plain": "記載あり",
        "basis.implied": "推測(判断)",
        "basis.inferred": "推定(スキルの重なりから提案)",
        "legend": "({marks})",
        "legend.separator": "/",
        "legend.implied": "推測: 出典が明記していない移動(注記を参照)",
        "legend.estimated": "約: 見積もりの年数",
        "legend.steep": "急な伸び: 持っているスキルが年数に見合わないほど上がる",
        "route.years_done": "(最初の移動は経験済みの{years}を差し引いています)",
        "gap.nothing": (
            "{source} → {target}: 伸ばすスキルはありません。どのスキルも必要なレベルに達しています"
        ),
        "gap.some": "{source} → {target}: 伸ばすスキル{count}件({levels})",
        "gap.dropped": "{target}では重視されなくなるスキル",
        "gap.points_only": "{source} → {target}: {points}({levels})",
        "gap.points_heading": "ポイント(これらのスキルの組み合わせは自由)",
        "gap.points": "{skills}で{points}({total}ポイント中{have}ポイント保有)",
        "gap.points_instance": "たとえば{changes}({levels})",
        "gap.level": "レベル{level}",
        "gap.you": "あなた({role})",
        "show.line": "ID: {id} · トラック: {track} · レベル{level} · 目安{years}",
        "show.aliases": "別名: {aliases}",
        "show.title": "肩書き: {title}",
        "show.title_shared": "肩書き: {title}({roles}と共通)",
        "show.track_about": "{track}: {description}",
        "show.responsibilities": "主な責任",
        "show.skills": "スキル",
        "show.next": "次の移動先",
        "show.previous": "移動元",
        "show.none": "なし",
        "show.sources": "出典",
        "moves.none": "{name}から先へ進む移動はありません。",
        "moves.from": "{name}からの移動:",
        "moves.gap": "差 +{size}",
        "fit.heading": "{name}がすでに満たしている要件の割合が高い順のロール:",
        "fit.heading_you": "あなた({role})がすでに満たしている要件の割合が高い順のロール:",
        "fit.columns": "ロール|充足|不足|上位|最短ルート",
        "fit.here": "(このロール)",
        "fit.here_you": "(現在のロール)",
        "fit.no_route": "ルートなし",
        "fit.route": "{years}・{moves}",
        "fit.more": "  … ほか{count}件(--limit 0ですべて表示)",
        "fit.legend": "↑: {name}より上位(同じラダーの上のレベル、または昇進だけで到達できる)",
        "reach.heading": "{name}から{years}以内に到達できるロール:",
        "reach.none": "{name}から{years}以内に到達できるロールはありません。",
        "reach.columns": "ロール|年数|移動|差",
        "plan.title": "昇進プラン: {source} → {target}",
        "plan.summary": "{source}から{years}・{moves}。",
        "plan.profile": (
            "プロフィール: {file}(自分のスキルレベル: {count}件、現職で{years}経験済み)"
        ),
        "plan.route": "ルート",
        "plan.space": "",
        "plan.route_columns": "移動|種類|年数|累計",
        "plan.step": "ステップ{number}: {source} → {target}",
        "plan.move": "{kind}、目安{years}",
        "plan.move_left": "{kind}、目安{years}(残り{left})",
        "plan.so_far": "このステップの終わりまでに合計{years}。",
        "plan.role_years": "このロールの在籍期間の目安は{years}です。",
        "plan.skills": "伸ばすスキル",
        "plan.skill_columns": "スキル|分類|現在|必要|差",
        "plan.nothing": "新たに伸ばすスキルはありません。このロールが求めるレベルに達しています。",
        "plan.points": "積み上げるポイント",
        "plan.standing_points": (
            "ポイント: {count}件のスキルで求められる{total}ポイントのうち"
            "{have}ポイントを保有しています。"
        ),
        "plan.points_line": (
            "次のスキルで{points}({total}ポイント中{have}ポイント保有): {skills}。"
        ),
        "plan.points_instance": "たとえば: {changes}({levels})。",
        "plan.resources": "学び方",
        "plan.no_resources_for": "{skills}はまだ教材の登録がありません。",
        "plan.sources": "出典",
        "plan.looks_like": "レベル{level}の姿: {text}",
        "plan.standing": "現在地",
        "chart.title": "{role}に対するあなたのレベル",
        "chart.desc": (
            "{role}が求める{count}件のスキルそれぞれについて、あなたのレベル(塗りつぶしの棒)と"
            "求められるレベル(枠線の棒)を0から5の尺度で示します。"
        ),
        "chart.you": "あなた",
        "chart.needed": "{role}に必要",
        "chart.columns": "スキル|あなた|必要",
        "plan.certifications": "資格",
        "plan.interview": "{role}の面接でよく聞かれる質問",
        "plan.footer": "careergraphで{file}から作成。",
        "validate.ok": "OK: ロール{roles}件、移動{transitions}件",
        "validate.base_alone": (
            "--base FILEはその後に続くOVERLAYファイルを検査します。少なくとも1つ指定してください"
        ),
        "me.written": "{role}のプロフィールのひな形を{file}に書き出しました。",
        "usage.two_roles": "FROMとTOの2つのロールを指定するか、--me FILEとTOを指定してください",
        "usage.me_and_from": (
            "--meを使うときは目標のロールTOだけを指定してください(出発点は自分のロールです)"
        ),
        "usage.reach_start": "出発点のROLEか--me FILEのどちらか一方を指定してください",
        "usage.plan_suffix": "'{file}'の拡張子は{known}のいずれかにしてください",
        "usage.stdout_twice": (
            "{option} -ではコマンド自身の出力と同じ標準出力に出てしまいます: "
            "ファイル名を指定してください"
        ),
        "show.interview": "面接でよく聞かれる質問",
        "list.separator": "、",
        "error.line": "エラー: {message}",
        "error.unknown_role": "'{name}'というロールはありません",
        "error.unknown_role.suggest": (
            "'{name}'というロールはありません — '{suggestion}'のことですか?"
        ),
        "error.unknown_role.several": (
            "'{name}'というロールはありません — {suggestions}{more}のことですか?"
        ),
        "error.unknown_role.more": "(ほか{count}件)",
        "error.ambiguous_role": (
            "'{name}'は複数のロールを指し、どれが主とも決まっていません: {candidates}。"
            "IDでひとつを指定してください"
        ),
        "error.ambiguous_role.candidate": "{id}({role}、トラック: {track})",
        "error.ambiguous_title": (
            "'{name}'は複数のロールを指し、どれが主とも決まっていません: {candidates}。"
            "IDか、肩書きとトラック('{example}'のように)でひとつを指定してください"
        ),
        "error.ambiguous_title.example": "{title}({track})",
        "note.reading": "注: '{name}'は{role}({id})と読みます。ほかに{others}も指します",
        "note.reading.other": "{role}({id})",
        "error.unknown_track": "'{name}'というトラックはありません",
        "error.unknown_track.suggest": (
            "'{name}'というトラックはありません — '{suggestion}'のことですか?"
        ),
        "error.same_role": (
            "'{role}'が出発点と目標の両方になっています: 異なる2つのロールを指定してください"
            "(そこから開いている移動: careergraph next {role})"
        ),
        "error.avoid_on_route": "'{role}'を避けつつルートに含めることはできません",
        "error.max_steps": "移動の最大回数は1以上にしてください(指定: {steps})",
        "error.alternatives": "別ルートの数は負にできません(指定: {alternatives})",
        "error.alternatives_max": "別ルートは{most}本までです(指定: {alternatives})",
        "error.within": "年数は0以上の有限の数にしてください(指定: {years})",
        "error.no_route": "'{source}'から'{target}'へのルートはありません",
        "error.no_route.when": "'{source}'から'{target}'へのルートはありません({conditions})",
        "error.no_route.via": "経由: {roles}",
        "error.no_route.avoid": "回避: {roles}",
        "error.no_route.steps": "{steps}回以内の移動",
        "error.no_route.step": "{steps}回以内の移動",
        "error.cannot_write": "'{file}'に書き込めませんでした: {reason}",
        "reason.No such file or directory": "ファイルまたはフォルダがありません",
        "reason.Permission denied": "権限がありません",
        "reason.Is a directory": "フォルダです",
        "reason.it is a folder; name a file inside it instead": (
            "フォルダです。その中のファイル名を指定してください"
        ),
        "error.not_ours": (
            "'{file}'は既にあり、careergraphが書いたファイルではありません: "
            "別のファイル名にするか、--forceで置き換えてください"
        ),
        "error.exists": (
            "'{file}'はすでにあります: "
            "置き換えるなら--forceを、別の場所ならほかのファイル名を指定してください"
        ),
        "error.folder_default": (
            "'{file}'はフォルダです: その中のファイル名を指定するか、"
            "末尾に/を付けるとその中に{default}を書き出します"
        ),
        "error.stdout": "標準出力に書き込めませんでした: {reason}",
        "problem.stream_idle": (
            "{seconds}秒待っても何も届きませんでした: FIFOやデバイスは"
            "データが届き続ける間だけ読みます"
        ),
        "reason.careergraph is reading it in this command; name another file": (
            "このコマンドが読んでいるファイルです。別のファイル名を指定してください"
        ),
        "reason.the folder does not exist; make it first, or name a file": (
            "フォルダがありません。先に作るか、ファイル名を指定してください"
        ),
        "reason.it is not a folder": "フォルダではありません",
        "reason.it is a FIFO or a device, not a file": "FIFOかデバイスです。ファイルではありません",
        "reason.it must be a file, not stdout": "標準出力ではなくファイルが必要です",
        "reason.it must be a file, not an open descriptor": (
            "開いているディスクリプタではなくファイルが必要です"
        ),
        "reason.it changed while being opened; try again": (
            "開く間に別のものに置き換わりました。もう一度実行してください"
        ),
        "reason.it is a block device, not a file, FIFO or character device": (
            "ブロックデバイスです。ファイル、FIFO、キャラクタデバイスのどれでもありません"
        ),
        "reason.it is a socket, not a file, FIFO or character device": (
            "ソケットです。ファイル、FIFO、キャラクタデバイスのどれでもありません"
        ),
        "reason.Bad file descriptor": "ディスクリプタが閉じています",
        "reason.File too large": "ファイルが大きすぎます(サイズの上限を超えました)",
        "reason.Input/output error": "入出力エラーです",
        "reason.Broken pipe": "読み手がパイプを閉じました",
        "reason.Disk quota exceeded": "ディスクの割り当てを超えました",
        "reason.Not a directory": "フォルダではありません",
        "reason.Read-only file system": "読み取り専用のファイルシステムです",
        "reason.No space left on device": "ディスクの空きがありません",
        "problem.folder": "フォルダです。データファイルではありません",
        "problem.unreadable": "ファイルを読めません: {reason}",
        "problem.profile_folder": "フォルダです。プロフィールではありません",
        "problem.not_utf8": "ファイルがUTF-8のテキストではありません",
        "problem.unknown": "{place}: '{value}'という{kind}はありません{hint}",
        "problem.did_you_mean": " — '{suggestion}'のことですか?",
        "problem.top_level": "最上位",
        "problem.define": "('{section}'の下で定義してください)",
        "problem.expected_keys": "(使えるキー: {keys})",
        "problem.roles_listed": "(`careergraph roles`で一覧できます)",
        "problem.skills_listed": "(スキルのIDはマップにあります)",
        "problem.kind.key": "キー",
        "problem.kind.track": "トラック",
        "problem.kind.skill": "スキル",
        "problem.kind.role": "ロール",
        "problem.kind.source": "出典",
        "problem.kind.category": "カテゴリー",
        "problem.categories": "(このマップのカテゴリー: {values})",
        "problem.missing_key": "{place}: 必須のキー'{key}'がありません",
        "problem.missing_section": (
            "{place}: 必須のキー'{key}'がありません(重ねるファイルなら、重ねる先のマップと一緒に"
            "検査してください: careergraph validate --base BASE FILE)"
        ),
        "problem.expected": "{place}: {expected}を書いてください(書かれていたのは{value})",
        "problem.at_least": "{place}: {bound}以上にしてください(書かれていたのは{value})",
        "problem.skill_level_zero": (
            "{place}: {bound}以上にしてください(書かれていたのは{value})。"
            "ロールが求めないスキルは書かずに省いてください"
        ),
        "problem.at_most": "{place}: {bound}以下にしてください(書かれていたのは{value})",
        "problem.level_key": (
            "{place}: '{value}'はレベルではありません。1、2、3、4、5のどれかにしてください"
        ),
        "problem.type.whole_number": "整数",
        "problem.type.number": "数値",
        "problem.type.text": "テキスト",
        "problem.type.mapping": "マッピング(キー: 値)",
        "problem.type.list": "リスト",
        "problem.type.boolean": "true か false",
        "problem.title_in_track": (
            "{place}: '{name}'はすでにロール'{role}'を指しています({there})。"
            "同じトラックの2つのロールが肩書きを共有することはできません"
        ),
        "problem.name_taken": (
            "roles.{id}: 名前'{name}'はロール'{role}'の名前でもあります({there})。"
            "名前と別名はそれぞれひとつのロールだけを指すようにしてください"
        ),
        "problem.title_track_name": (
            "{place}: '{name}'はすでにロール'{role}'を指しています({there})。"
            "2つのトラックの名前が同じです。どちらかのトラックの名前を変えてください"
        ),
        "problem.title_is_a_name": (
            "{place}: 肩書き'{title}'はロール'{role}'の名前です({there})。肩書きはそれを持つ"
            "ロールどうしでは共有できますが、ほかのロールの名前とは重ねられません"
        ),
        "problem.points_values_all": ("{place}: レベル1から5のすべての値を整数で書いてください"),
        "problem.points_values_rise": (
            "{place}: 各レベルの値はひとつ下のレベルより大きくしてください"
        ),
        "problem.points_weight": (
            "{place}: '{skill}'はこの要件のスキル({skills})にありません。"
            "重みは'skills'に挙げたスキルにだけ付けてください"
        ),
        "problem.points_impossible": (
            "{place}: {total}ポイントには届きません。挙げたスキルがすべてレベル{top}でも"
            "{most}ポイントまでです。合計を下げるかスキルを増やしてください"
        ),
        "problem.primary_not_listed": (
            "{place}: '{role}'はこの名前が挙げるロール({roles})にありません"
        ),
        "problem.role_ambiguous": (
            "role: '{value}'は複数のロール({roles})を指します。IDで書いてください"
        ),
        "problem.too_few": "{place}: {bound}件以上必要です({count}件)",
        "problem.value.nothing": "空",
        "problem.value.text": "テキスト'{value}'",
        "problem.value.mapping": "マッピング",
        "problem.value.list": "リスト",
        "problem.conflict": (
            "{place}: ここでは{value}ですが、{earlier}。変えるには{entry}に'override: true'を"
            "加えてください"
        ),
        "problem.conflict_says": "{there}では{value}です",
        "problem.conflict_unset": "{there}では設定されていません",
        "problem.remove_entry": (
            "{place}.remove: 削除(remove: true)できるのは移動(transitions)だけです。"
            "{kind}は一度定義されると残ります"
        ),
        "problem.character.key": "キー",
        "problem.character.text": "テキスト",
        "problem.character.control": (
            "{place}: {what}に制御文字({code})が含まれています。端末を操作されるおそれがある"
            "ため取り除いてください"
        ),
        "problem.character.surrogate": (
            "{place}: {what}にサロゲートペアの片割れ({code})が含まれています。単独では文字で"
            "はないため取り除いてください"
        ),
        "problem.character.noncharacter": (
            "{place}: {what}に非文字({code})が含まれています。テキストには使えないため"
            "取り除いてください"
        ),
        "problem.character.line_break": (
            "{place}: 名前・ID・タイトル・キーは1行ですが、改行({code})が含まれています"
        ),
        "problem.character.tab": (
            "{place}: 名前・ID・タイトル・キーにタブ({code})が含まれています。スペースを"
            "使ってください"
        ),
        "problem.too_many": "{place}: {noun}が{limit}件を超えています。careergraphが読めるのは"
        "{limit}件までです(READMEの「Limits」を参照)",
        "problem.noun.sources": "出典",
        "problem.noun.tracks": "トラック",
        "problem.noun.skills": "スキル",
        "problem.noun.roles": "ロール",
        "problem.noun.transitions": "移動",
        "problem.digits": "{place}{digits}桁の整数です。careergraphが読める整数は{most}桁まで"
        "です(READMEの「Limits」を参照)",
        "problem.too_long": "{place}: {length}文字あります。careergraphが読めるテキストは"
        "{longest}文字までです(READMEの「Limits」を参照)",
        "export.table_not_csv": "--tableは--format csvのときだけ使えます('{format}'では使えません)",
        "export.json_needs_output": "--jsonは書き出したファイルを報告します: -oも指定してください",
        "export.csv_two_tables": (
            "csvは3つの表からなります: roles.csv、transitions.csv、skills.csvを書くフォルダを"
            "-o FOLDERで指定するか、"
            "1つだけなら--table roles|transitions|skillsを指定してください"
        ),
        "path.html_inferred": (
            "マップには推定の移動を描けません: --htmlか--include-inferredのどちらかを外してください"
        ),
        "similar.none": "{name}とスキルを共有するロールはありません。",
        "similar.heading": "{name}に近いロール(レベルで重み付けしたスキルの重なり順):",
        "similar.columns": "ロール|重なり|行きの差|帰りの差|データの移動",
        "similar.yes": "あり",
        "similar.no": "なし",
        "similar.shared": "共通: ",
        "similar.legend": (
            "共通: {name}のレベル/そのロールのレベル。\n"
            "行きの差: {name}からそのロールへ移るときに伸ばすレベル。帰りの差: その逆。"
        ),
        "similar.approximate": "約: ポイント要件の合計をそのスキルに均等に割り振った値(推定)。",
        "similar.about": "約{value}",
        "similar.no_suggestion": (
            "{name}から提案する移動はありません: 近いロールへの移動はすべてデータにあります。"
        ),
        "similar.suggested": "{name}からの移動の提案(推定: データにはない移動):",
        "similar.inferred": "推定の{kind}",
        "similar.overlap": "重なり{score}",
        "diff.same": "{old}と{new}に違いはありません。",
        "diff.heading": "{old}から{new}への変更",
        "diff.section": "{section}: {counts}",
        "diff.section.tracks": "トラック",
        "diff.section.skills": "スキル",
        "diff.section.roles": "ロール",
        "diff.section.transitions": "移動",
        "diff.section.scale": "尺度(各レベルの意味)",
        "diff.section.categories": "カテゴリー",
        "diff.section.sources": "出典",
        "diff.section.names": "複数のロールを指す名前",
        "diff.added": "追加{count}件",
        "diff.removed": "削除{count}件",
        "diff.changed": "変更{count}件",
        "diff.separator": "、",
        "diff.no_changes": "変更なし",
        "diff.move": "{kind}、{years}",
        "diff.none": "(なし)",
        "diff.routes": "両方のマップにあるロール間の最短ルート: {count}件が変化({tally})",
        "diff.route.appeared": "新規",
        "diff.route.disappeared": "消滅",
        "diff.route.longer": "延長",
        "diff.route.shorter": "短縮",
        "diff.tally": "{kind}{count}件",
        "diff.no_route": "なし",
        "diff.more": "  …ほか{count}件(--limitで表示する件数を変えられます)",
        "diff.partial.from": "  (ルートが変わりうる{affected:,}ロールのうち、"
        "ID順で最初の{compared:,}ロールから出るルートだけを数えました。READMEの「Limits」を参照)",
        "diff.partial.into": "  (ルートが変わりうる{affected:,}ロールのうち、"
        "ID順で最初の{compared:,}ロールに入るルートだけを数えました。READMEの「Limits」を参照)",
        "lint.line": "{place}: {severity} [{code}] {message}",
        "lint.severity.error": "エラー",
        "lint.severity.warning": "警告",
        "lint.explained": "  説明済み: {why}",
        "lint.ok": "OK: 指摘なし{explained}",
        "lint.kept": "(うち{count}件はデータで説明済み)",
        "lint.summary": "{errors}、{warnings}{explained}",
        "lint.errors.other": "エラー{count}件",
        "lint.warnings.other": "警告{count}件",
        "lint.unreachable": (
            "roles.{id}: 入口のロール(レベル1で、昇進して就くのではないもの)から"
            "'{role}'へ到達できません"
        ),
        "lint.dead_end": (
            "roles.{id}: '{role}'から先への移動がありませんが、最上位のロールではありません"
            "(トラック'{track}'はレベル{top}まであります)"
        ),
        "lint.promotion_cycle": (
            "transitions '{source}' -> '{target}': 昇進が輪になっています: {cycle}。"
            "どれかは昇進ではないはずです"
        ),
        "lint.promotion_not_up.same": (
            "transitions '{source}' -> '{target}': トラック'{track}'の中で同じレベルへの昇進です"
            "({level} -> {new_level})。横異動にするかレベルを直してください"
        ),
        "lint.promotion_not_up.lower": (
            "transitions '{source}' -> '{target}': トラック'{track}'の中で低いレベルへの昇進です"
            "({level} -> {new_level})。横異動にするかレベルを直してください"
        ),
        "lint.promotion_skill_drop": (
            "transitions '{source}' -> '{target}': 昇進なのに求めるレベルが下がります: {skills}"
        ),
        "lint.points_already_met": (
            "roles.{id}.points[{index}]: このロール自身の最低レベルだけで{have}ポイントとなり、"
            "求める{total}ポイントに達しているため、この要件は何も求めていません。"
            "合計を上げるか削除してください"
        ),
        "lint.promotion_points_drop": (
            "transitions '{source}' -> '{target}': 昇進先が{skills}に求めるのは{total}ポイントで、"
            "'{source}'の{before}ポイントより少なくなっています"
        ),
        "lint.skill_drop": "{skill} {level} -> {new_level}",
        "lint.unused_skill": "skills.{id}: このスキルを求めるロールがありません",
        "lint.role_without_skills": "roles.{id}: '{role}'が求めるスキルがないため、差を示せません",
        "lint.empty_track": "tracks.{id}: このトラックにはロールがありません",
        "lint.overlay_unconnected": (
            "roles.{id}: このファイルが加えるロール({roles})と、重ねる先のマップとを結ぶ移動が"
            "ありません。どれかのロールとの間に移動を加えてください"
        ),
        "lint.undescribed_level": (
            "skills.{id}.levels: レベル{described}は説明していますが、"
            "ロールが求めるレベル{missing}の説明がありません"
        ),
        "lint.similar_names": (
            "roles.{id}: 名前'{name}'は、ロール'{other}'の'{other_name}'({there})と"
            "句読点や長音記号しか違いません"
        ),
        "lint.there.line": "{line}行目",
        "lint.there.file": "{file}:{line}",
        "lint.alias_is_initials": (
            "roles.{id}: 別名'{alias}'は'{other_name}'(ロール'{other}')の頭文字でもあります"
        ),
        "lint.invisible_characters": (
            "{entry}: 名前'{name}'に{character}が含まれています。表示されないか文字の向きを"
            "変える文字なので、別の名前と見分けがつかなくなります"
        ),
        "lint.shared_name": (
            "{entry}: 名前'{name}'は{kind}'{other}'({there})と同じで、careergraphの出力では"
            "区別できません。同じidを使うか、どちらかの名前を変えてください"
        ),
        "lint.look_alike_names": (
            "{entry}: 名前'{name}'は{kind}'{other}'の'{other_name}'({there})と同じに見えます。"
            "違いは表示されない文字だけです"
        ),
        "lint.years_outlier": "{move}: {years}年{origin}は{how}",
        "lint.steep_move": "{move}: {years}年の移動で{rises}。妥当なのは{allowed}レベルまで",
        "lint.years_outlier.origin": "(ロール'{role}'の年数)",
        "lint.years_outlier.over": "移動の第3四分位数({quartile}年)の{factor}倍を超えています",
        "lint.years_outlier.under": "移動の第1四分位数({quartile}年)の3分の1未満です",
        "lint.move": "transitions '{source}' -> '{target}'",
        "lint.unknown_allow": "{entry}: lintの許可にある'{code}'というコードはありません",
        "lint.unknown_allow.suggest": (
            "{entry}: lintの許可にある'{code}'というコードはありません"
            " — '{suggestion}'のことですか?"
        ),
        "lint.unused_allow": (
            "{entry}: lintが'{code}'を許可していますが、ここにその指摘はありません"
        ),
    },
}


def say(lang: str, key: str, /, **values: object) -> str:
    """The message `key` in `lang` (else English), with `values` filled in."""
    words = _CATALOGUE.get(lang, {})
    template = words.get(key, _CATALOGUE[DEFAULT_LANGUAGE][key])
    return template.format(**values)


def count(lang: str, key: str, number: int) -> str:
    """A counted noun: "1 move", "3 moves", "3回の移動"."""
    words = _CATALOGUE.get(lang, {})
    form = f"{key}.one" if number == 1 and f"{key}.one" in words else f"{key}.other"
    template = words.get(form) or _CATALOGUE[DEFAULT_LANGUAGE][f"{key}.other"]
    return template.format(count=number)


def years(value: float, lang: str) -> str:
    """Years as people write them: 3y, 1.5y, or 3年 in Japanese."""
    return say(lang, "years", value=f"{round(value, 2):g}")


def category_name(career_map: CareerMap, category: str, lang: str) -> str:
    """A skill category's name: the map's own for a category it defines, else the built-in's."""
    defined = career_map.categories.get(category)
    if defined is None or defined.name is None:
        return say(lang, f"category.{category}")
    return defined.name.get(lang)


def move_kind(move: Transition, lang: str, *, steep: bool = False) -> str:
    """The kind of move, marked when no source states it or when it is steep."""
    kind = say(lang, f"kind.{move.kind.value}")
    marks = [say(lang, f"mark.{_basis_mark(move)}")] if move.basis != "stated" else []
    marks += [say(lang, "mark.steep")] if steep else []
    if not marks:
        return kind
    return say(lang, "kind.marked", kind=kind, marks=say(lang, "mark.separator").join(marks))


def _basis_mark(move: Transition) -> str:
    return "inferred" if move.inferred or move.basis == "inferred" else "implied"


def move_marks(moves: Iterable[Transition], *, steep: bool = False) -> set[str]:
    """The marks `moves` carry, for the legend: implied (not inferred), estimated, steep."""
    moves = list(moves)
    found = {"implied"} if any(m.basis == "implied" for m in moves) else set()
    found |= {"estimated"} if any(m.years_estimated for m in moves) else set()
    return found | ({"steep"} if steep else set())


def estimated_so_far(moves: Iterable[Transition]) -> list[bool]:
    """For each move of a route, whether the years up to its end include an estimate."""
    found, out = False, []
    for move in moves:
        found |= move.years_estimated
        out.append(found)
    return out


def estimated(text: str, is_estimate: bool, lang: str) -> str:
    """A figure as said, marked as an estimate when it is one: ~4y, 約4年."""
    return say(lang, "years.estimated", years=text) if is_estimate else text


def legend(lang: str, marks: Iterable[str]) -> str | None:
    """One line saying what each mark used means (`implied`, `estimated`, `steep`), else None."""
    parts = [
        say(lang, f"legend.{mark}") for mark in ("implied", "estimated", "steep") if mark in marks
    ]
    if not parts:
        return None
    return say(lang, "legend", marks=say(lang, "legend.separator").join(parts))


def said(lang: str, words: Words) -> str:
    """`words` from the library in `lang`: nested words said too, data texts in `lang`."""
    values: dict[str, object] = {}
    for name, value in words.values:
        if isinstance(value, Words):
            value = said(lang, value)
        elif isinstance(value, Text):
            value = value.get(lang)
        elif isinstance(value, tuple):
            value = say(lang, "list.separator").join(
                said(lang, v) if isinstance(v, Words) else str(v) for v in value
            )
        elif isinstance(value, str) and name in _TERMS:
            value = _CATALOGUE.get(lang, {}).get(f"{name}.{value}", value)
        values[name] = value
    return say(lang, words.key, **values)


def catalogue(lang: str) -> dict[str, str]:
    """Every message `lang` has, by key (for checking translations)."""
    return dict(_CATALOGUE[lang])


def profile_line(profile: Profile, lang: str) -> str:
    """The plan's line naming the profile it starts from: file, own skills, years served."""
    return say(
        lang,
        "plan.profile",
        file=Path(profile.path).name,
        count=len(profile.skills),
        years=years(profile.years_in_role, lang),
    )
