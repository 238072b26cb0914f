"""Markdown fields as the editor writes them (its Markdown widget serialises with remark:
CommonMark and GitHub's tables), shown on the page as the reporter saw them in the editor;
raw HTML always shown as text, never read as HTML."""

from __future__ import annotations

import pytest

from generator.site.render import render_markdown


def test_a_nested_list_indented_two_spaces_stays_nested() -> None:
    """Python-Markdown needed four spaces and flattened this list into one."""
    text = "- นัดประชุมกลุ่มย่อย\n  - ทีมสมัชชาจังหวัด\n  - สสจ.ชี้เป้าพื้นที่\n- นัดหมายพื้นที่ต้นแบบ"
    assert render_markdown(text) == (
        "<ul>\n<li>นัดประชุมกลุ่มย่อย\n<ul>\n<li>ทีมสมัชชาจังหวัด</li>\n<li>สสจ.ชี้เป้าพื้นที่</li>\n</ul>\n"
        "</li>\n<li>นัดหมายพื้นที่ต้นแบบ</li>\n</ul>")


def test_a_line_ended_by_a_backslash_breaks_there() -> None:
    """The editor ends a line broken with shift+enter by a backslash, which showed on the page."""
    assert render_markdown("ประชุม ณ รพ.สมเด็จนาทวีฯ\\\nวันที่ 25 เมษายน") == \
        "<p>ประชุม ณ รพ.สมเด็จนาทวีฯ<br>\nวันที่ 25 เมษายน</p>"


def test_a_numbered_list_right_under_its_heading_line_is_a_list() -> None:
    assert render_markdown("มติที่ประชุม\n1. ให้ สปสช.เขต 12 ประสาน\n2. รายงานในการประชุมครั้งหน้า") == (
        "<p>มติที่ประชุม</p>\n<ol>\n<li>ให้ สปสช.เขต 12 ประสาน</li>\n<li>รายงานในการประชุมครั้งหน้า</li>\n</ol>")


def test_raw_html_is_text_in_prose_and_in_code() -> None:
    text = "<img src=x onerror=alert(1)> และ `a < b`\n\n    <script>x</script>"
    assert render_markdown(text) == ("<p>&lt;img src=x onerror=alert(1)&gt; และ <code>a &lt; b</code></p>\n"
                                     "<pre><code>&lt;script&gt;x&lt;/script&gt;\n</code></pre>")


def test_web_addresses_are_links_that_pass_no_referrer_rank() -> None:
    assert render_markdown("ดู <https://example.org/ก> หรือ https://www.nationalhealth.or.th/th") == (
        '<p>ดู <a href="https://example.org/%E0%B8%81" rel="noopener nofollow">https://example.org/ก</a> หรือ '
        '<a href="https://www.nationalhealth.or.th/th" rel="noopener nofollow">'
        "https://www.nationalhealth.or.th/th</a></p>")


def test_a_less_than_sign_in_an_address_is_encoded_as_itself() -> None:
    assert render_markdown('[ค้นหา](https://example.org/?q=a<b "a<b")') == \
        '<p><a href="https://example.org/?q=a%3Cb" title="a&lt;b" rel="noopener nofollow">ค้นหา</a></p>'


@pytest.mark.parametrize("link", ["[คลิก](javascript:alert(1))", "[ต่อ](../nowhere/)", "[#](#top)"])
def test_a_script_or_relative_link_keeps_its_words_and_loses_its_address(link: str) -> None:
    words = link[1:link.index("]")]
    assert render_markdown(link) == f'<p><a rel="noopener nofollow">{words}</a></p>'


def test_tables_keep_their_alignment_and_marks_their_meaning() -> None:
    assert render_markdown("| ประเด็น | ผล |\n|:---|---:|\n| ก | 1 |\n\n~~ยกเลิก~~ **มติ** *เห็นชอบ*") == (
        '<table>\n<thead>\n<tr>\n<th align="left">ประเด็น</th>\n<th align="right">ผล</th>\n</tr>\n</thead>\n'
        '<tbody>\n<tr>\n<td align="left">ก</td>\n<td align="right">1</td>\n</tr>\n</tbody>\n</table>\n'
        "<p><del>ยกเลิก</del> <strong>มติ</strong> <em>เห็นชอบ</em></p>")
