"""The importer's scorer (generator/bench/importer.py): organisations counted strictly (a
reported name is one of the annotated ways of writing a body) and again at any extent (one
name written inside the other), so the gap between the two lines is extent."""

from __future__ import annotations

from generator.bench.importer import Tally, report, score_post
from generator.importer.extract import Extracted

POST = {"file": "p.txt", "date": None, "title": None, "hashtags": [], "provinces": [],
        "organizations": [["โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านนา", "รพ.สต.บ้านนา"], ["สช."],
        ["สำนักงานสาธารณสุขจังหวัดตรัง", "สสจ.ตรัง"]],
        "organizations_optional": [["โรงแรมธรรมรินธนา"]], "people": []}


def scored(*names: str) -> str:
    tally = Tally()
    score_post(POST, Extracted(organizations=list(names)), tally)
    lines = report(tally, "p").split("\n")
    return lines[-3] + "\n" + lines[-1]  # organisations strictly, then at any extent


def test_a_name_cut_short_or_run_on_counts_only_at_any_extent() -> None:
    lines = scored("โรงพยาบาลส่งเสริมสุขภาพตำบลบ้าน",  # cut short
                   "สสจ.ตรังจัด",  # run on into the verb
                   "สช.",  # exact
                   "โรงแรมธรรมรินธนาตรัง")  # an optional venue, run on
    assert lines == (
        "organizations       33%  found (1/3), 25% of reported are real (1/4)\n"
        "  any extent       100%  found (3/3), 100% of reported are real (4/4): "
        "organisations, one name written inside the other")


def test_a_kind_alone_or_a_name_run_far_on_is_not_that_body() -> None:
    """Inside a name, but less than half of it: a kind's word, a kind's abbreviation, a name
    run on into a whole sentence."""
    lines = scored("สำนักงาน", "รพ.สต.", "สสจ.ตรังจัดประชุมคณะกรรมการ")
    assert lines.endswith("0%  found (0/3), 0% of reported are real (0/3): "
                          "organisations, one name written inside the other")


def test_sets_pooled_add_up_every_count() -> None:
    """The held-out sets judge together: a pooled figure is the sets' counts summed, not the
    mean of their rates (30 and 60 annotated names weigh as 30 and 60). Here 2/3 + 0/3 + 1/3
    found, 2/2 + 0/1 + 1/2 real; at any extent the run-on สสจ.ตรังจัด counts too."""
    one, two = Tally(), Tally()
    score_post(POST, Extracted(organizations=["สช.", "สสจ.ตรัง"]), one)
    score_post(POST, Extracted(organizations=["สสจ.ตรังจัด"]), two)
    score_post(POST, Extracted(organizations=["รพ.สต.บ้านนา", "ร้านค้า"]), two)
    one.add(two)
    lines = report(one, "pooled").split("\n")
    assert lines[0] == "pooled: 3 posts"
    assert lines[-3:] == [
        "organizations       33%  found (3/9), 60% of reported are real (3/5)",
        "people               0%  found (0/0), 0% of reported are real (0/0)",
        "  any extent        44%  found (4/9), 80% of reported are real (4/5): "
        "organisations, one name written inside the other"]
