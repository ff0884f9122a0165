"""data/audit.tsv: the item-by-item audit of the bundled map against its five articles.

Each row is one fact of an article (or one item of the map an article does not support): the
article, a short quote in the article's own words, where the fact lives in the map, and the
verdict. These tests hold the table to the map and to the articles, so neither can drift.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from careergraph.load import load_paths
from careergraph.model import CareerMap
from tests.conftest import DEFAULT_DATA, ROOT

AUDIT = ROOT / "data" / "audit.tsv"
COLUMNS = ["id", "fact", "article", "quote", "where", "verdict", "note"]
VERDICTS = {
    "correct",  # the map says what the article says (an implied item already said so)
    "fixed-wrong",  # the map contradicted the article, or put the fact on the wrong role
    "fixed-missing",  # the article states it and the map lacked it
    "marked-implied",  # presented as stated though the articles only imply it; now marked
    "marked-estimated",  # a figure no article gives, presented as a fact; now years_estimated
    "removed-invented",  # the map said something no article supports; removed
}
# The articles, as the audit read them: a changed article needs a new audit.
ARTICLES = {
    "000": (
        "000_d0c3c77bd14edfdd.txt",
        "89faf59181ef1515f484ccae052ca2bdbc90184d87b8b068b352683be6fca7ec",
    ),
    "001": (
        "001_93b57712951aa03d.txt",
        "4fe3f88e20037e6ae6da494edd1e96dc11022daaa321969fe170a9dfbe85027b",
    ),
    "002": (
        "002_5005b79925fc851b.txt",
        "ca0758e4bb24d9a3d35da949f2ca54805da982c061171157543dc6207e7dde9f",
    ),
    "003": (
        "003_96754241c592747b.txt",
        "8946a39d5526c82496339c611614e4d68f347dc1349d9b7de8ab8930866981f2",
    ),
    "004": (
        "004_06bdfab1f9f16b1f.txt",
        "655bfedbcbe9bdb54190311a5c9d078ecdb8a83e406797a6154e1d32185d9cc7",
    ),
}
MOVE_FACT = re.compile(r"move \((stated|implied|removed)\): ")
INDEXED = re.compile(r"^(responsibilities|interview|resources)\[(\d+)\]$")


def _seeds() -> Path | None:
    """The articles' folder: CAREERGRAPH_SEEDS, else a `shared/seeds` beside a parent folder."""
    if "CAREERGRAPH_SEEDS" in os.environ:
        return Path(os.environ["CAREERGRAPH_SEEDS"])
    for parent in ROOT.parents:
        if (parent / "shared" / "seeds" / ARTICLES["000"][0]).is_file():
            return parent / "shared" / "seeds"
    return None


SEEDS = _seeds()
needs_articles = pytest.mark.skipif(
    SEEDS is None, reason="the source articles (shared/seeds) are not on this machine"
)


def _rows() -> list[dict[str, str]]:
    with AUDIT.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == COLUMNS
        return list(reader)


ROWS = _rows()


@pytest.fixture(scope="module")
def career_map() -> CareerMap:
    return load_paths(DEFAULT_DATA)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def test_every_row_is_whole_with_a_unique_id() -> None:
    ids = [row["id"] for row in ROWS]
    assert len(set(ids)) == len(ids)
    for row in ROWS:
        assert re.fullmatch(r"[RMDSCBQPL]\d{3}", row["id"]), row
        assert row["article"] in ARTICLES, row["id"]
        assert row["fact"] and row["where"], row["id"]
        assert row["quote"], row["id"]


def test_every_verdict_is_allowed_and_nothing_is_left_unfixed() -> None:
    assert {row["verdict"] for row in ROWS} <= VERDICTS
    for row in ROWS:
        if row["verdict"] not in ("correct", "fixed-missing"):
            # a change to what the map said is explained
            assert row["note"], row["id"]


def test_the_counts() -> None:
    assert len(ROWS) == 416
    assert Counter(row["verdict"] for row in ROWS) == {
        "correct": 331,
        "fixed-missing": 38,
        "fixed-wrong": 32,
        "removed-invented": 8,
        "marked-estimated": 4,
        "marked-implied": 3,
    }
    assert Counter(row["article"] for row in ROWS) == {
        "000": 112,
        "001": 99,
        "002": 116,
        "003": 39,
        "004": 50,
    }
    assert Counter(row["id"][0] for row in ROWS) == {
        "R": 37,  # roles and titles
        "M": 62,  # moves
        "D": 6,  # durations
        "S": 91,  # skills of the tables and lists, on their roles
        "C": 11,  # certifications
        "B": 43,  # books, courses, communities
        "Q": 29,  # interview questions
        "P": 129,  # responsibilities
        "L": 8,  # level texts
    }


@needs_articles
def test_the_articles_are_the_ones_audited() -> None:
    assert SEEDS is not None
    for name, digest in ARTICLES.values():
        assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == digest, name


@needs_articles
def test_every_quote_is_verbatim_in_its_article() -> None:
    assert SEEDS is not None
    texts = {art: (SEEDS / name).read_text(encoding="utf-8") for art, (name, _) in ARTICLES.items()}
    missing = [row["id"] for row in ROWS if row["quote"] not in texts[row["article"]]]
    assert missing == []


def _exists(career_map: CareerMap, where: str) -> bool:
    """Whether a `where` path names something in the map."""
    head, _, rest = where.partition(".")
    if head == "transitions":
        move, _, field = rest.partition(".")
        source, _, target = move.partition("->")
        found = [t for t in career_map.transitions if (t.source, t.target) == (source, target)]
        return bool(found) and field in ("", "years")
    if head == "skills":
        skill_id, _, field = rest.partition(".")
        skill = career_map.skills.get(skill_id)
        if skill is None:
            return False
        if not field:
            return True
        if field.startswith("levels."):
            return int(field.removeprefix("levels.")) in skill.levels
        match = INDEXED.match(field)
        return (
            match is not None and match[1] == "resources" and int(match[2]) < len(skill.resources)
        )
    if head == "roles":
        role_id, _, field = rest.partition(".")
        role = career_map.roles.get(role_id)
        if role is None:
            return False
        if field in ("", "name", "years"):
            return True
        if field.startswith("skills."):
            return field.removeprefix("skills.") in role.skills
        match = INDEXED.match(field)
        if match is None or match[1] == "resources":
            return False
        items = role.responsibilities if match[1] == "responsibilities" else role.interview
        return int(match[2]) < len(items)
    return False


def test_every_where_is_in_the_map_and_every_removal_is_gone(career_map: CareerMap) -> None:
    for row in ROWS:
        removed = row["where"] == "-" or row["fact"].startswith("move (removed)")
        if row["where"] == "-":
            assert row["verdict"] in ("fixed-wrong", "removed-invented"), row["id"]
            assert row["fact"].startswith("responsibility taken off "), row["id"]
            continue
        assert _exists(career_map, row["where"]) is not removed, (row["id"], row["where"])


def test_a_move_row_says_how_the_map_marks_the_move(career_map: CareerMap) -> None:
    basis = {f"transitions.{t.source}->{t.target}": t.basis for t in career_map.transitions}
    for row in ROWS:
        if row["id"][0] != "M":
            continue
        match = MOVE_FACT.match(row["fact"])
        assert match is not None, row["id"]
        if match[1] != "removed":
            assert basis[row["where"]] == match[1], row["id"]
        if row["verdict"] == "marked-implied":
            assert match[1] == "implied", row["id"]


def test_every_item_of_the_map_is_audited(career_map: CareerMap) -> None:
    where = {row["where"] for row in ROWS}
    for role in career_map.roles.values():
        assert f"roles.{role.id}" in where, role.id
        for i in range(len(role.responsibilities)):
            assert f"roles.{role.id}.responsibilities[{i}]" in where, (role.id, i)
        for i in range(len(role.interview)):
            assert f"roles.{role.id}.interview[{i}]" in where, (role.id, i)
    for move in career_map.transitions:
        assert f"transitions.{move.source}->{move.target}" in where, (move.source, move.target)
    for skill in career_map.skills.values():
        for i in range(len(skill.resources)):
            assert f"skills.{skill.id}.resources[{i}]" in where, (skill.id, i)
        for level in skill.levels:
            assert f"skills.{skill.id}.levels.{level}" in where, (skill.id, level)
    certifications = {s.id for s in career_map.skills.values() if s.category == "certification"}
    audited = {w.rpartition(".")[2] for w in where if ".skills." in w and w.startswith("roles.")}
    assert certifications <= audited


def test_an_interview_row_quotes_its_question(career_map: CareerMap) -> None:
    for row in ROWS:
        if row["id"][0] != "Q":
            continue
        role_id, _, index = row["where"].removeprefix("roles.").partition(".interview[")
        question = career_map.roles[role_id].interview[int(index.rstrip("]"))]
        assert _nfkc(row["quote"]) == _nfkc(question.get("ja")), row["id"]


def test_durations_say_whether_an_article_gives_them(career_map: CareerMap) -> None:
    for row in ROWS:
        if row["id"][0] != "D":
            continue
        head, _, rest = row["where"].partition(".")
        if head == "roles":
            estimated = career_map.roles[rest.removesuffix(".years")].years_estimated
        else:
            source, _, target = rest.removesuffix(".years").partition("->")
            (move,) = (
                t for t in career_map.transitions if (t.source, t.target) == (source, target)
            )
            estimated = move.years_estimated
        assert estimated is (row["verdict"] == "marked-estimated"), row["id"]
    # 003's figures are the only ones an article gives
    given = {r.id for r in career_map.roles.values() if not r.years_estimated}
    assert given == {"project_management_staff"}


def test_the_two_directors_of_000_are_two_roles(career_map: CareerMap) -> None:
    technical = career_map.roles["director_program_management"]
    business = career_map.roles["program_management_director"]
    assert (technical.name.get("ja"), business.name.get("ja")) == (
        "技術プログラムディレクター",
        "プログラム管理ディレクター",
    )
    assert (technical.track, business.track) == (
        "technical_program_management",
        "program_management",
    )
    moves = {(t.source, t.target) for t in career_map.transitions}
    assert ("program_manager", "program_management_director") in moves
    assert ("program_management_director", "vp_operations") in moves
    assert ("program_manager", "director_program_management") not in moves
    assert ("director_program_management", "vp_operations") not in moves
