"""Generate realistic synthetic career maps for the benchmarks, as YAML or JSON.

`python -m benchmarks.generate 10000 -o output/bench/roles-10000.yaml` writes a map of 10,000
roles: tracks of 4 to 8 levels with one to eight roles on each rung, promotions up each track,
lateral moves along a rung, cross-track moves and career changes, 10 to 20 skills per role drawn
mostly from the track's own core out of a shared pool, and every text in English and Japanese.
As in real data, some years are estimates (`years_estimated`) and some cross-track moves are
only implied (`basis: implied`). The same seed always gives the same file.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from pathlib import Path
from typing import Any

FAMILIES = [
    ("backend", "Backend Engineering", "バックエンド開発"),
    ("frontend", "Frontend Engineering", "フロントエンド開発"),
    ("data", "Data Engineering", "データエンジニアリング"),
    ("sre", "Site Reliability", "サイト信頼性"),
    ("security", "Security", "セキュリティ"),
    ("product", "Product Management", "プロダクトマネジメント"),
    ("program", "Program Management", "プログラムマネジメント"),
    ("pmo", "Project Management Office", "PMO"),
    ("design", "Product Design", "プロダクトデザイン"),
    ("qa", "Quality Assurance", "品質保証"),
    ("sales", "Technical Sales", "技術営業"),
    ("support", "Customer Support", "カスタマーサポート"),
]
RUNGS = [
    ("Associate", "アソシエイト"),
    ("Junior", "ジュニア"),
    ("Mid-level", "ミドル"),
    ("Senior", "シニア"),
    ("Staff", "スタッフ"),
    ("Principal", "プリンシパル"),
    ("Director", "ディレクター"),
    ("Vice President", "VP"),
]
SPECIALTIES = [
    ("Payments", "決済"),
    ("Platform", "基盤"),
    ("Mobile", "モバイル"),
    ("Growth", "グロース"),
    ("Search", "検索"),
    ("Infrastructure", "インフラ"),
    ("Analytics", "分析"),
    ("Identity", "認証"),
]
SKILL_WORDS = [
    ("System design", "システム設計"),
    ("Stakeholder management", "ステークホルダー管理"),
    ("Risk management", "リスク管理"),
    ("Cloud computing", "クラウド"),
    ("Testing", "テスト"),
    ("Budgeting", "予算管理"),
    ("Hiring", "採用"),
    ("Negotiation", "交渉"),
    ("Data modelling", "データモデリング"),
    ("Incident response", "障害対応"),
    ("Roadmapping", "ロードマップ策定"),
    ("Coaching", "コーチング"),
]
CATEGORIES = ["technical", "soft", "tool", "certification", "domain"]


def generate(roles: int, seed: int = 2024) -> dict[str, Any]:
    """A career map with exactly `roles` roles, as the plain data a data file holds."""
    rng = random.Random(seed)
    pool = max(60, min(15_000, roles // 4))
    skills: dict[str, Any] = {}
    for index in range(pool):
        en, ja = SKILL_WORDS[index % len(SKILL_WORDS)]
        skills[f"skill_{index:05d}"] = {
            "name": {"en": f"{en} {index}", "ja": f"{ja}{index}"},
            "category": CATEGORIES[index % len(CATEGORIES)],
        }
    skill_ids = list(skills)

    tracks: dict[str, Any] = {}
    role_data: dict[str, Any] = {}
    rungs: list[list[list[str]]] = []  # track -> level -> role ids
    while len(role_data) < roles:
        number = len(tracks)
        family, family_en, family_ja = FAMILIES[number % len(FAMILIES)]
        track_id = f"{family}_{number:05d}"
        tracks[track_id] = {
            "name": {"en": f"{family_en} {number}", "ja": f"{family_ja}{number}"},
            "description": {
                "en": f"The {family_en.lower()} ladder of division {number}.",
                "ja": f"第{number}事業部の{family_ja}のキャリアラダー。",
            },
        }
        core = rng.sample(skill_ids, min(30, len(skill_ids)))
        levels: list[list[str]] = []
        for level in range(1, rng.randint(4, 8) + 1):
            rung_en, rung_ja = RUNGS[level - 1]
            members: list[str] = []
            for _ in range(rng.randint(1, 8)):
                if len(role_data) == roles:
                    break
                index = len(role_data)
                spec_en, spec_ja = SPECIALTIES[rng.randrange(len(SPECIALTIES))]
                role_id = f"{family}_l{level}_{index:06d}"
                wanted = rng.randint(10, 20)
                chosen = rng.sample(core, min(wanted - 3, len(core)))
                while len(chosen) < wanted:  # a few from anywhere in the pool
                    extra = rng.choice(skill_ids)
                    if extra not in chosen:
                        chosen.append(extra)
                role_data[role_id] = {
                    "name": {
                        "en": f"{rung_en} {spec_en} {family_en} {index}",
                        "ja": f"{rung_ja}{spec_ja}{family_ja}{index}",
                    },
                    "track": track_id,
                    "level": level,
                    "years": rng.choice([1, 1.5, 2, 2.5, 3, 4, 5]),
                    "skills": {s: min(5, max(1, level - 2 + rng.randint(0, 3))) for s in chosen},
                    "summary": {
                        "en": f"Owns {spec_en.lower()} work in {family_en.lower()}, level {level}.",
                        "ja": f"{family_ja}の{spec_ja}領域をレベル{level}で担う。",
                    },
                    "responsibilities": [
                        {"en": "Delivers the team's plans.", "ja": "チームの計画を実行する。"},
                        {"en": "Mentors colleagues.", "ja": "同僚を育成する。"},
                    ],
                }
                members.append(role_id)
            if members:
                levels.append(members)
        rungs.append(levels)

    moves: dict[tuple[str, str], dict[str, Any]] = {}
    for levels in rungs:
        for below, above in itertools.pairwise(levels):
            for role_id in below:
                for target in rng.sample(above, min(len(above), rng.randint(1, 2))):
                    moves[role_id, target] = {"from": role_id, "to": target, "kind": "promotion"}
        for members in levels:
            for source, target in itertools.pairwise(members):
                if rng.random() < 0.3:
                    moves[source, target] = {"from": source, "to": target, "kind": "lateral"}
    ids = list(role_data)
    wanted = len(moves) + len(ids) // 3
    while len(moves) < wanted and len(tracks) > 1:
        source, target = rng.sample(ids, 2)
        if role_data[source]["track"] == role_data[target]["track"] or (source, target) in moves:
            continue
        kind = "career_change" if rng.random() < 0.3 else "lateral"
        move: dict[str, Any] = {"from": source, "to": target, "kind": kind}
        if rng.random() < 0.5:
            move["years"] = rng.choice([1, 2, 3])
            move["note"] = {"en": "A move across tracks.", "ja": "トラックをまたぐ異動。"}
        moves[source, target] = move
    _mark_provenance(role_data, moves, random.Random(seed + 1))
    return {
        "version": 1,
        "tracks": tracks,
        "skills": skills,
        "roles": role_data,
        "transitions": list(moves.values()),
    }


def edited(data: dict[str, Any], seed: int = 7) -> dict[str, Any]:
    """The next version of a generated map, as `careergraph diff` compares: about 1% of the moves
    take other years, 0.5% are gone, as many new moves appear, one role is renamed and one removed.
    """
    rng = random.Random(seed)
    roles = dict(data["roles"])
    gone = sorted(roles)[len(roles) // 2]
    del roles[gone]
    first = min(roles)
    roles[first] = {**roles[first], "name": {"en": "Renamed role", "ja": "改名したロール"}}
    moves = [m for m in data["transitions"] if gone not in (m["from"], m["to"])]
    kept = []
    for move in moves:
        draw = rng.random()
        if draw < 0.005:
            continue
        if draw < 0.015:
            move = {**move, "years": rng.choice([0.5, 1, 2, 3, 4])}
        kept.append(move)
    present = {(m["from"], m["to"]) for m in kept}
    ids = sorted(roles)
    added = 0
    while added < len(moves) // 200:
        source, target = rng.sample(ids, 2)
        if (source, target) not in present:
            present.add((source, target))
            kept.append({"from": source, "to": target, "kind": "lateral", "years": 2})
            added += 1
    return {**data, "roles": roles, "transitions": kept}


def _mark_provenance(
    roles: dict[str, Any], moves: dict[tuple[str, str], dict[str, Any]], rng: random.Random
) -> None:
    """Mark about half the roles' years as estimates and a third of the moves across tracks as
    implied (with their own random numbers, so the map is otherwise the one it always was)."""
    for role in roles.values():
        if rng.random() < 0.5:
            role["years_estimated"] = True
    for (source, target), move in moves.items():
        if roles[source]["track"] != roles[target]["track"] and rng.random() < 0.33:
            move["basis"] = "implied"
        if "years" in move and rng.random() < 0.5:
            move["years_estimated"] = True


def to_json(data: dict[str, Any]) -> str:
    """The map as a JSON data file."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def to_yaml(data: dict[str, Any]) -> str:
    """The map as a block-style YAML data file, every text double-quoted."""
    out: list[str] = []
    _emit(data, 0, out)
    return "\n".join(out) + "\n"


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def _inline(value: Any) -> str | None:
    """A short mapping of scalars as a flow mapping, as people write names."""
    if isinstance(value, dict) and all(not isinstance(v, dict | list) for v in value.values()):
        return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"
    return None


def _emit(value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            flow = _inline(item) if indent else None
            if flow is not None:
                out.append(f"{pad}{key}: {flow}")
            elif isinstance(item, dict | list) and item:
                out.append(f"{pad}{key}:")
                _emit(item, indent + 2, out)
            else:
                out.append(f"{pad}{key}: {_scalar(item)}")
    else:
        for item in value:
            flow = _inline(item)
            if flow is not None:
                out.append(f"{pad}- {flow}")
            elif isinstance(item, dict):
                lines: list[str] = []
                _emit(item, indent + 2, lines)
                out.append(f"{pad}- {lines[0].lstrip()}")
                out.extend(lines[1:])
            else:
                out.append(f"{pad}- {_scalar(item)}")


def write_map(roles: int, target: Path, *, next_version: bool = False) -> Path:
    """Write a generated map of `roles` roles, YAML or JSON by the file's suffix.

    `next_version` writes the map as `edited` changes it instead.
    """
    data = edited(generate(roles)) if next_version else generate(roles)
    text = to_json(data) if target.suffix == ".json" else to_yaml(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roles", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True, help=".yaml or .json")
    parser.add_argument("--next", action="store_true", help="the edited next version of the map")
    args = parser.parse_args()
    print(write_map(args.roles, args.output, next_version=args.next))
    return 0


if __name__ == "__main__":
    sys.exit(main())
