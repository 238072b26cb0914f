"""Two annotators' agreement (generator/bench/agreement.py): the printed figures on two tiny
annotation files, and the importer scored against a second annotation file as the scorer scores
it against a set's own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.bench.agreement import main
from generator.bench.importer import DEV_SET, report, score

A = """
- file: p1.txt
  date: 2024-06-18
  title: "สช. จัดเวที"
  hashtags: ["#สมัชชา"]
  provinces: [พังงา, ตรัง]
  organizations:
    - ["สำนักงานคณะกรรมการสุขภาพแห่งชาติ (สช.)", "สช."]
    - ["โรงพยาบาลพังงา"]
    - ["เครือข่ายสุขภาพตำบลท้ายช้าง"]
  organizations_optional:
    - ["โรงแรมรอยัล"]
  people: ["สมเกียรติ ภู่ธรรมศิริ", "ชูโชติ โกยกุล"]
- file: p2.txt
  date: null
  title: null
  hashtags: []
  provinces: []
  organizations:
    - ["อบจ.ลำปาง"]
  organizations_optional: []
  people: []
"""

B = """
- file: p2.txt
  date: 2023-01-01
  title: null
  hashtags: []
  provinces: [ลำปาง]
  organizations:
    - ["องค์การบริหารส่วนจังหวัดลำปาง", "อบจ. ลำปาง"]
    - ["กระทรวงสาธารณสุข"]
  organizations_optional: []
  people: ["ตวงรัตน์ โล่ห์สุนทร"]
- file: p1.txt
  date: 2024-06-18
  title: "สช.  จัดเวที"
  hashtags: []
  provinces: [พังงา]
  organizations:
    - ["สำนักงานคณะกรรมการสุขภาพแห่งชาติ"]
  organizations_optional:
    - ["เครือข่ายสุขภาพ ตำบลท้ายช้าง"]
    - ["ประชาคมอาเซียน"]
  people: ["นายสมเกียรติ ภู่ธรรมศิริ"]
"""

REPORT = """\
2 posts
field             B has of A     A has of B
organizations       2/4  50%       2/3  67%   (optional on the other side: 1 of A's, 0 of B's)
people              1/2  50%       0/2   0%
provinces           1/2  50%       1/2  50%
hashtags            0/1   0%       0/0    -
date                1/2  50%  agree (raw)
title               2/2 100%  agree (raw)"""

# "สช." is a form only A gives of a body both list; spaces (ตำบลท้ายช้าง) do not count. B's
# "นายสมเกียรติ …" has A's person (the scorer allows the found side an honorific), not the reverse.
DIFFERENCES = """\
p1.txt organizations' forms only A: สช.
p1.txt organizations_optional only A: โรงแรมรอยัล
p1.txt organizations only A (not in B): โรงพยาบาลพังงา
p1.txt organizations only A (B has it as optional): เครือข่ายสุขภาพตำบลท้ายช้าง
p1.txt people only A (not in B): ชูโชติ โกยกุล
p1.txt provinces only A (not in B): ตรัง
p1.txt hashtags only A (not in B): #สมัชชา
p1.txt organizations_optional only B: ประชาคมอาเซียน
p1.txt people only B (not in A): นายสมเกียรติ ภู่ธรรมศิริ
p2.txt date: A None, B '2023-01-01'
p2.txt organizations' forms only B: องค์การบริหารส่วนจังหวัดลำปาง
p2.txt organizations only B (not in A): กระทรวงสาธารณสุข
p2.txt people only B (not in A): ตวงรัตน์ โล่ห์สุนทร
p2.txt provinces only B (not in A): ลำปาง"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "a.yaml").write_text(A, "utf-8")
    (tmp_path / "b.yaml").write_text(B, "utf-8")
    return tmp_path / "a.yaml", tmp_path / "b.yaml"


def test_the_figures_per_field_both_ways(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(files[0]), str(files[1])]) == 0
    assert capsys.readouterr().out == f"A: {files[0]}\nB: {files[1]}\n{REPORT}\n"


def test_every_difference_is_listed(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    main([str(files[0]), str(files[1]), "-v"])
    assert capsys.readouterr().out.split(REPORT + "\n")[1] == DIFFERENCES + "\n"


def test_files_of_different_posts_are_refused(files: tuple[Path, Path]) -> None:
    files[1].write_text(B.split("- file: p1.txt")[0], "utf-8")
    with pytest.raises(SystemExit, match="the two files annotate different posts: p1.txt"):
        main([str(files[0]), str(files[1])])


def test_the_importer_scored_against_another_file_as_the_scorer_scores_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two dev posts: against a copy of their annotations the figures are the scorer's own; against
    a second annotation that drops one body of each post, two fewer bodies are annotated."""
    posts = [post for post in yaml.safe_load((DEV_SET / "annotations.yaml").read_text("utf-8"))
             if post["file"] in ("001.txt", "022.txt")]
    for post in posts:
        shutil.copy(DEV_SET / post["file"], tmp_path)
    (tmp_path / "annotations.yaml").write_text(yaml.safe_dump(posts, allow_unicode=True), "utf-8")
    second = [{**post, "organizations": post["organizations"][1:]} for post in posts]
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(second, allow_unicode=True), "utf-8")
    main(["--importer", "--content", str(tmp_path / "none"), str(tmp_path / "annotations.yaml"),
          str(tmp_path / "b.yaml")])
    own, against_b = capsys.readouterr().out.split(f"{tmp_path / 'b.yaml'}, one post at a time")
    tally = score(tmp_path, [])
    assert own.split("\n", 1)[1] == report(tally).split("\n", 1)[1] + "\n"
    organizations = [line for line in against_b.splitlines() if line.startswith("organizations")]
    assert f"/{tally.annotated['organizations'] - 2})" in organizations[0]
