"""The words careergraph itself prints, in English and Japanese, looked up by key.

Data (role, skill and track names) carries its own translations; this catalogue holds only the
program's own headings, labels and messages. A key missing in a language falls back to English.
"""

from __future__ import annotations

from careergraph.model import DEFAULT_LANGUAGE

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
        "route.total": "Total: {years} over {moves}",
        "route.by_steps": "(routes ranked by number of moves, then years)",
        "route.inferred": (
            "(inferred: a move the data lacks, suggested by skill overlap; years estimated)"
        ),
        "kind.inferred": "{kind} (inferred)",
        "route.years_done": "(first move shortened by the {years} already served)",
        "gap.nothing": "{source} → {target}: nothing to build; every skill is already at its level",
        "gap.some": "{source} → {target}: {skills} to build (+{size} levels)",
        "gap.dropped": "No longer stressed in {target}",
        "gap.level": "level {level}",
        "gap.you": "You ({role})",
        "show.line": "id: {id} · track: {track} · level {level} · typically {years}",
        "show.aliases": "also called: {aliases}",
        "show.responsibilities": "Responsibilities",
        "show.skills": "Skills",
        "show.next": "Next moves",
        "show.previous": "Comes from",
        "show.none": "none",
        "show.sources": "Sources",
        "moves.none": "No moves lead on from {name}.",
        "moves.from": "Moves from {name}:",
        "moves.gap": "gap +{size}",
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
        "plan.resources": "How to build them",
        "plan.no_resources": "no resource listed yet",
        "plan.certifications": "Certifications",
        "plan.interview": "Interview questions for {role}",
        "plan.footer": "Made with careergraph from {file}.",
        "validate.ok": "OK: {roles} roles, {transitions} transitions",
        "me.written": "Wrote a starter profile for {role} to {file}.",
        "me.exists": (
            "'{file}' already exists: pass --force to replace it, or -o to write elsewhere"
        ),
        "usage.two_roles": "name two roles, FROM and TO, or give --me FILE and TO",
        "usage.me_and_from": "with --me, name only the goal role TO: the start is your role",
        "usage.reach_start": "name a starting ROLE or give --me FILE, not both",
        "usage.plan_suffix": "'{file}' should end in one of {known}",
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
        "route.total": "合計: {years}・{moves}",
        "route.by_steps": "(移動の回数順、同数なら年数順)",
        "route.inferred": "(推定: データにない移動をスキルの重なりから提案。年数は目安)",
        "kind.inferred": "{kind}(推定)",
        "route.years_done": "(最初の移動は経験済みの{years}を差し引いています)",
        "gap.nothing": (
            "{source} → {target}: 伸ばすスキルはありません。どのスキルも必要なレベルに達しています"
        ),
        "gap.some": "{source} → {target}: 伸ばすスキル{count}件(+{size}レベル)",
        "gap.dropped": "{target}では重視されなくなるスキル",
        "gap.level": "レベル{level}",
        "gap.you": "あなた({role})",
        "show.line": "ID: {id} · トラック: {track} · レベル{level} · 目安{years}",
        "show.aliases": "別名: {aliases}",
        "show.responsibilities": "主な責任",
        "show.skills": "スキル",
        "show.next": "次の移動先",
        "show.previous": "移動元",
        "show.none": "なし",
        "show.sources": "出典",
        "moves.none": "{name}から先へ進む移動はありません。",
        "moves.from": "{name}からの移動:",
        "moves.gap": "差 +{size}",
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
        "plan.resources": "学び方",
        "plan.no_resources": "まだ教材の登録がありません",
        "plan.certifications": "資格",
        "plan.interview": "{role}の面接でよく聞かれる質問",
        "plan.footer": "careergraphで{file}から作成。",
        "validate.ok": "OK: ロール{roles}件、移動{transitions}件",
        "me.written": "{role}のプロフィールのひな形を{file}に書き出しました。",
        "me.exists": (
            "'{file}'はすでにあります: 置き換えるなら--force、別の場所なら-oを指定してください"
        ),
        "usage.two_roles": "FROMとTOの2つのロールを指定するか、--me FILEとTOを指定してください",
        "usage.me_and_from": (
            "--meを使うときは目標のロールTOだけを指定してください(出発点は自分のロールです)"
        ),
        "usage.reach_start": "出発点のROLEか--me FILEのどちらか一方を指定してください",
        "usage.plan_suffix": "'{file}'の拡張子は{known}のいずれかにしてください",
    },
}


def say(lang: str, key: str, **values: object) -> str:
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
