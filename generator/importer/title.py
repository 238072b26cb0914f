"""The post's headline: never a site line (a menu, a template credit, a breadcrumb, a category
label or section banner, a share button, a date bar, the site's name with its English tagline,
a letter-spaced welcome, a picture's file name, or, in a batch, a line that opens several posts
of the same site); without enclosing quotes, a leading '#' or a shouted Latin label ('News!'). A
page that gives its headline twice (the page title and the heading, or once after a date, a
section banner or a breadcrumb trail) has that line as its headline, whatever site lines stand
above it; one run into its body over a gap of spaces ends at the gap. A post that
opens with its body ('เมื่อวันที่ ...', 'ผู้สื่อข่าวรายงานว่า ...', a sentence the next paragraph goes on
from: 'ซึ่ง…', 'ในการนี้ …') or holds no headline has none: None, and the draft asks for one."""

from __future__ import annotations

import re

from ..thai import load_provinces, thai_to_arabic_digits
from .dates import DATE, DATE_ONLY_REST, DAY_NAME, MONTH_NAMES, WEEKDAY
from .organizations import find_organizations
from .text import PHOTO, is_chrome, lines_of, strip_enclosing
from .title_chrome import is_template_line, province_alone, without_furniture

STAMP_PREFIX = re.compile(r"^date \d{4}-\d\d-\d\d\s*")
# 'เรื่อง : …', 'Gallery :: …', 'หัวข้อข่าว : …', 'ผู้เขียน หัวข้อ: …' (a forum's columns): a label before the headline
# on its line; 'อัลบั้มภาพ "…"', 'ข่าวกิจกรรม …': an album's or activity section's name, a space, the headline
LABEL_PREFIX = re.compile(r"^(?:(?:เรื่อง|(?:ผู้เขียน\s+)?หัวข้อ(?:ข่าว)?|ข่าว)\s*:|[A-Za-z][A-Za-z ]{1,19}::|"
                          r"[A-Za-z]{2,12}!\s*(?=[\u0e01-\u0e4e])|"
                          r"\d{1,4}\s?\)\s*(?=[\u0e01-\u0e4e])|\d{3,4}\.\s+(?=[\u0e01-\u0e4e])|"
                          r"(?:ภาพกิจกรรม|ข่าวกิจกรรม|อัลบั้มภาพ|ประมวลภาพ|ภาพข่าว)\s+(?=[\u0e01-\u0e4e\"“]))\s*")
# ('289 )ประชุม…', '๖๔๐. สามองค์กรหลัก…': a listing's running number before the headline, a list's
# own items numbered from 1; 'News! เจ้าหน้าที่…': a Latin label shouting the section, which a
# headline in Thai does not open with; 'ภาพกิจกรรมรณรงค์…', the section's word glued on, is the headline's)
BODY_START = re.compile(r"^(?:เมื่อ|วันนี้|วันที่|(?:เช้า|บ่าย|เย็น|ค่ำ)(?:วันนี้|วันที่)|เวลา|ผู้สื่อข่าว|รายงานข่าว|ด้วย|"
                        r"เนื่อง(?:ด้วย|จาก)|ตามที่|เรียน\s|(?:ที่|ณ)\s+(?=\S)|"
                        rf"วัน{DAY_NAME})")
# 'เรียน ...': a letter's salutation opens its body; 'เนื่องด้วย…', 'เนื่องจาก…' ('since…') its reasons; 'ณ …',
# 'ที่ …' ('at the hall …') where it happened; 'เช้าวันนี้ (20 มีนาคม 2566) …' ('this morning') when
LONGEST_TITLE = 250
LONGEST_HEADLINE_GIVEN_TWICE = 150
LOOK_AT = 8  # content lines searched for a dated activity heading, or for a headline given twice
# '<site name> - Songkhla Health': a site's name with its English tagline after a dash or bar
ENGLISH_TAGLINE = re.compile(r"\s[-–—|]\s*[A-Za-z][A-Za-z0-9 .,&'’/-]*$")
# '<site name> - <section>' the other way round: a short Latin name, then a short Thai section
# label ('HISO - เรื่องเล่าข่าวเด่น'); a headline does not open with its site's name and a dash
SITE_NAME_FIRST = re.compile(r"^[A-Za-z][A-Za-z0-9.&'’ ]{1,24}\s[-–—|]\s*[\u0e01-\u0e4e][^A-Za-z\d]{0,30}$")
# a news site's section banner: a section word and the words banners add, in one unbroken run
# ('ข่าวอัพเดทรายวัน', 'ข่าวใหม่ล่าสุด', 'แนะนำเครือข่าย'); 'กิจกรรมรณรงค์ไข้เลือดออก' is a headline
SECTION_BANNER = re.compile(r"^(?:ข่าว|บทความ|กิจกรรม|ประชาสัมพันธ์|แนะนำ|เรื่องเด่น|ไฮไลท์|ภาพ(?:ข่าว|กิจกรรม)|ประมวลภาพ)"
                            r"(?:อัพเดท|อัปเดต|อัพเดต|ใหม่|"
                            r"ล่าสุด|เด่น|ประชาสัมพันธ์|กิจกรรม|ทั่วไป|รายวัน|ประจำวัน|วันนี้|ภูมิภาค|ในประเทศ|"
                            r"หน่วยงาน|องค์กร|เครือข่าย|สุขภาพ|แนะนำ|บทความ|ข่าว)*$"
                            r"|^ข่าว[\u0e01-\u0e4e]{2,10}$")  # 'ข่าวสังคม', 'ข่าวการเมือง': a news section
# the source and its date stamped above a reprint ('หนังสือพิมพ์เดลินิวส์ [ วันที่ 25/07/2560 ]')
SOURCE_STAMP = re.compile(r"^.{2,60}[\[(]\s*(?:วันที่\s*)?\d{1,2}/\d{1,2}/\d{2,4}\s*[\])]$")
# a hotline advertised above every post ('ปรึกษาเรื่อง... โทร 1663'), a welcome to the site's visitors
HOTLINE = re.compile(r"(?:โทร(?:ศัพท์)?|Tel)\.?\s*:?\s*\d[\d -]{2,}", re.I)
WELCOME = re.compile(r"(?:ยินดี|ขอ)ต้อนรับ(?:สู่|ทุกท่าน|ผู้มาเยือน)|ต้อนรับผู้มาเยือน|welcome", re.I)
# a body's slogan above its every post, ending on the reader ('กรมอนามัย พร้อมให้ข้อมูลข่าวสารที่มีประโยชน์
# สำหรับคุณ', '… ใส่ใจคุณ'): a headline reports, a slogan promises
SLOGAN = re.compile(r"(?:สำหรับ|เพื่อ|ใส่ใจ|ห่วงใย|เคียงข้าง|ดูแล)(?:คุณ|ทุกท่าน)[\s.!]*$")
SPOKEN_TO_READER = re.compile(r"(?:ของ|เพื่อ|สำหรับ)(?:คุณ|ท่าน)(?:\s|$)")  # 'เทศบาลเป็นของท่าน บริการเป็นของเรา'
SHORT_SLOGAN = 60
# a press release's dateline: 'กรุงเทพฯ--19 มิ.ย.--ดีซี คอนซัลแทนส์' (city, day, the agency that sent it)
PRESS_DATELINE = re.compile(r"^[\u0e01-\u0e4e.ฯ ]{2,30}\s*--\s*\d{1,2}\s*\S+\s*--")
# a byline crediting the photos and the story ('ภาพ-ข่าว : จันทร์เพ็ญ พิมมะศร สระบุรี'), not a headline
BYLINE = re.compile(r"^(?:(?:ภาพ|ข่าว|เรื่อง)\s*(?:[-/,&]|และ)\s*(?:ภาพ|ข่าว|เรื่อง)|ภาพ|ผู้เขียน|เขียนโดย|รายงานโดย)\s*:"
                    r"|^(?:เขียนโดย|โพสต์?โดย|โดย\s*:)\s*\S{0,30}$|^[Bb]y\s+\S.{0,50}$")  # 'เขียนโดย Admin', 'By nuttynui'
# a page's label whose value was lost ('เผยแพร่เมื่อ:', 'เครดิตภาพ :', 'Latest:'), the label line of the
# categories or tags the page files the post under ('หมวดหมู่ : โครงการ/งาน/…', 'Category: General'), a
# tag's slug ('เบี้ยผู้สูงอายุ-เทศบาล-มหาสารคาม': words joined by hyphens, no space), the address of the
# site's body ('อ.วัฒนานคร จ.สระแก้ว 27160': ending on its postcode), a notice of the browser to read the
# site with ('...แนะนำให้ใช้ GoogleChrome เพื่อการแสดงผลที่ดีขึ้น...'): the site's, never a headline
LABEL_ALONE = re.compile(r"^[^\s:]{2,20}\s*:$")
CATEGORY_LABEL = re.compile(r"^(?:Tags?|Category|Categories|หมวดหมู่|หมวด|ประเภท)\s*:", re.I)
TAG_SLUG = re.compile(r"^[^\s-]*[\u0e01-\u0e4e][^\s-]*(?:-[^\s-]+){2,}$")
ADDRESS = re.compile(r"(?:จ\.|จังหวัด)\s?[\u0e01-\u0e4e]+\s+\d{5}$")
BROWSER_NOTICE = re.compile(r"(?:Chrome|Firefox|Internet Explorer|เบราว์เซอร์|บราวเซอร์).{0,40}แสดงผล"
                            r"|แสดงผล.{0,40}(?:Chrome|Firefox|Internet Explorer|เบราว์เซอร์|บราวเซอร์)", re.I)
# menu or category labels run together as the page's text lost their spacing: an English label glued
# to a Thai one ('featuredกิจกรรมอบต', 'Facebookข่าวกิจกรรม'); a headline spaces its English words
GLUED_LABELS = re.compile(r"[A-Za-z]{3,}[\u0e01-\u0e4e]")
SHORT_LABELS = 60
# an image's file name shown as its alt text ('HD_web_ข่าวเด่นทั่วไทย-03-removebackground'): one unspaced
# run with underscores joining its parts, or a picture's extension; a headline spaces its words
FILE_NAME = re.compile(r"^\S+_\S+$|^\S+\.(?:jpe?g|png|gif|webp)$", re.I)
CATEGORY_LINE = re.compile(r"(?:Tags?|Category|Categories|หมวดหมู่|หมวด|ประเภท)\s*:\s*(?P<name>[^|\n]+)", re.I)


def content_lines(text: str, site_lines: frozenset[str] = frozenset()) -> list[str]:
    """The page's lines that may be the post: without photo lines, chrome, page stamps and the
    lines a batch found opening several posts of the site."""
    lines = []
    categories = {m["name"].strip() for m in CATEGORY_LINE.finditer(text)}
    for raw in lines_of(text)[:60]:
        line = STAMP_PREFIX.sub("", raw).strip()
        if line and not PHOTO.match(line) and not is_chrome(line) and not is_site_line(line, categories) \
                and line not in site_lines:
            lines.append(line)
    return lines


def is_site_line(line: str, categories: set[str]) -> bool:
    """A line the site puts above every post: its name with an English tagline, a section
    banner, a category the page tags the post with, a hotline, a welcome (letter-spaced too),
    a byline, labels run together, a picture's file name, a label alone, a category line, a tag's
    slug, an address, a browser notice; hours, a blog's search box, a province alone (title_chrome)."""
    return (bool(ENGLISH_TAGLINE.search(line)) or bool(SITE_NAME_FIRST.match(line)) or bool(SECTION_BANNER.match(line))
            or line in categories
            or bool(HOTLINE.search(line)) or bool(WELCOME.search(line)) or letter_spaced(line)
            or bool(SLOGAN.search(line)) or (len(line) <= SHORT_SLOGAN and bool(SPOKEN_TO_READER.search(line)))
            or bool(PRESS_DATELINE.match(line)) or bool(BYLINE.match(line)) or bool(SOURCE_STAMP.match(line))
            or labels_run_together(line) or bool(FILE_NAME.match(line)) or bool(LABEL_ALONE.match(line))
            or bool(CATEGORY_LABEL.match(line)) or bool(TAG_SLUG.match(line)) or bool(ADDRESS.search(line))
            or bool(BROWSER_NOTICE.search(line)) or is_template_line(line))


def labels_run_together(line: str) -> bool:
    """'featuredกิจกรรมอบต': a short line of menu or category labels that lost their spacing."""
    return len(line) <= SHORT_LABELS and bool(GLUED_LABELS.search(line))


def letter_spaced(line: str) -> bool:
    """'ยิ น ดี ต้ อ น รั บ': a banner spelled out letter by letter."""
    pieces = line.split()
    return len(pieces) >= 5 and sum(len(p) <= 2 for p in pieces) >= 0.7 * len(pieces)


HEADING_AND_BYLINE = 2  # a heading, its byline, the heading again


def given_twice(lines: list[str]) -> int:
    """Where the headline starts when the page gives it twice (its title, then its heading)
    below shorter site lines (a slogan), or with no more than a byline between the two copies
    (below a site's longer tagline); 0 otherwise. A repeated lede or caption is longer than a
    headline, or comes below one, and further from it."""
    opening = lines[:LOOK_AT]
    for n, line in enumerate(opening):
        if line in opening[n + 1:] and 8 <= len(line) <= LONGEST_HEADLINE_GIVEN_TWICE:
            close = opening.index(line, n + 1) - n <= HEADING_AND_BYLINE
            return n if close or all(len(above) < len(line) for above in opening[:n]) else 0
    return 0


# a breadcrumb trail run together with the headline it ends on ('หน้าแรกภูมิภาคท้องถิ่นจังหวัด…')
TRAIL_START = re.compile(r"^(?:หน้าแรก|หน้าหลัก|Home)")


def breadcrumb_trail(line: str, below: list[str]) -> bool:
    """'หน้าแรกภูมิภาคท้องถิ่นจังหวัดอุบลราชธานี ขับเคลื่อน…': a trail of section labels run into the
    headline that a line below gives alone; its labels ('ท้องถิ่น') are no body the post names."""
    return bool(TRAIL_START.match(line)) and any(len(other) >= 8 and line != other and line.endswith(other)
                                                 for other in (b.strip() for b in below))


def labelled_twice(lines: list[str]) -> str | None:
    """A headline given twice among the page's first lines, once alone and once after a label
    (its date: 'วันที่ 26 พฤศจิกายน 2568 เวลา 13.00 น. อบจ.… ร่วมลงนาม…'; a section banner:
    'ภาพกิจกรรม ส่งเสริมสุขภาพ…'; a breadcrumb trail run into it: 'หน้าแรกภูมิภาคท้องถิ่นจังหวัด…'):
    the copy alone. A label is chrome; a province or a body before the same words is part of
    the headline, so only these three kinds of label count."""
    opening = lines[:LOOK_AT]
    for n, labelled in enumerate(opening):
        for line in opening[n + 1:]:
            prefix = labelled[: -len(line)].strip() if len(line) >= 8 and labelled.endswith(line) else ""
            if prefix and (is_date_heading(prefix) or bool(SECTION_BANNER.match(prefix))
                           or bool(TRAIL_START.match(prefix))):
                return line
    return None


SHORT_CAPTIONED = 20  # characters: a shorter line given again under a picture is a label's


def captioned(text: str, lines: list[str]) -> str | None:
    """A line of the opening that a line of the page's furniture below gives again with the site's
    name after it ('… เพื่อสตรีกลุ่มเสี่ยงทั่วประเทศ Thumb HealthServ.net': the picture's alt text,
    the headline and the site): the page's headline."""
    furniture = [line.strip() for line in lines_of(text)[:60] if is_chrome(line.strip())]
    return next((line for line in lines[:LOOK_AT] if len(line) >= SHORT_CAPTIONED
                 and any(other != line and other.startswith(line + " ") for other in furniture)), None)


DAY_RANGE = re.compile(r"^\d{1,2}\s*(?:[-–]|ถึง|และ)")  # '21-27พย. 56': the days an activity ran


def glued_date_heading(line: str) -> str | None:
    """'ประชุม...(ทีมบริหาร)6 มกราคม 2563': an activity heading with the day a template stamped
    on it glued on. A date the writer put in the headline stays: one after a space ('…ให้ปลอดบุหรี่
    4 พฤษภาคม 2559'), in brackets ('… พชอ. (3 พ.ค. 61)') or a run of days ('…หมู่บ้าน21-27พย. 56');
    a template stamps one day."""
    plain = thai_to_arabic_digits(line)
    match = DATE.search(plain)
    if not match or match.start() <= 10 or match.end() < len(line) - 1:
        return None
    if plain[match.start() - 1].isspace() or plain[match.start(): match.start() + 3] in ("วัน", "ที่"):
        return None
    if match.group(0)[:1].isspace() or plain[match.start() - 1] in "([" or DAY_RANGE.match(match.group(0)):
        return None
    return line[: match.start()].strip()


def dateline(line: str) -> bool:
    """'พิษณุโลก วันที่ 13 พฤศจิกายน …', 'สุรินทร์ - เมื่อ…': a news report's opening, its province
    then the day, is the body, not a headline."""
    place = next((p for p in load_provinces() if line.startswith(p)), None)
    return place is not None and bool(BODY_START.match(line[len(place):].lstrip(" -–:")))


def is_label(line: str, following: str | None) -> bool:
    """A category label: the next line starts with it ('ผู้ว่าราชการจังหวัด' above the headline)."""
    return following is not None and len(line) <= 30 and following != line and following.startswith(line)


WEEKDAY_COMMA = re.compile(rf"^วัน{DAY_NAME}(?:ที่)?\s*,\s*")
# 'วันจันทร์, กรกฎาคม 15, 2024': a date bar written month first, in the English order
MONTH_FIRST_DATE = re.compile(rf"^{WEEKDAY}?,?\s*(?:{MONTH_NAMES})\s*\d{{1,2}}\s*,?\s*\d{{4}}$")


def is_date_heading(line: str) -> bool:
    """'วันศุกร์, 26 เมษายน 2567', '7 ธันวาคม 2560', 'วันจันทร์, กรกฎาคม 15, 2024' or 'วันที่ 16 เม.ย. 2561
    เวลา 12:00 น.' alone on its line, or before a bar and who posted it ('27 สิงหาคม 2568 | กองสาธารณสุข…'):
    a date bar."""
    line = line.partition(" | ")[0].strip()
    if MONTH_FIRST_DATE.match(line):
        return True
    match = DATE.match(plain := WEEKDAY_COMMA.sub("", thai_to_arabic_digits(line)))
    return match is not None and bool(DATE_ONLY_REST.match(plain[match.end():]))


def masthead(line: str) -> bool:
    """A line that is one body's name and nothing else ('เทศบาลตำบลดงแดง' atop its site's every
    page): the site's name; a headline says what the body did. 'News' and a body's name or a
    province ('ข่าวเทศบาลนครเชียงราย', 'ข่าว ภูเก็ต') is its news section, as much the site's."""
    if line.startswith("ข่าว") and (news_of := line.removeprefix("ข่าว").strip()) and \
            (province_alone(news_of) or masthead(news_of)):
        return True
    return len(line) <= 80 and find_organizations(line, {})[0] == [" ".join(line.split())]


LONGEST_HEADLINE_BEFORE_BODY = 400
BODY_PARAGRAPH = 100  # what runs on after a gap is a paragraph of the body, not a date or a byline
BODY_AFTER_GAP = re.compile(r"\s{3,}(?=\S)")  # a run of spaces where a paragraph break was lost


def opens_body(line: str, following: str | None) -> bool:
    """The post opens with its body here, so it has no headline: the line starts as a body
    does ('เมื่อวันที่…', a dateline), leads into a list or is an item of one, or is longer than a
    headline. Two shapes are headlines all the same, because the paragraph after them is the body's
    opening: a line up to 400 characters followed by one that starts as a body ('… สร้างชุมชนสุขทุกด้านอย่างยั่งยืน' above
    'เมื่อเวลา 13.00 น. วันที่ 5 ก.ย. 2568 …'), and a short line opening with the date the next one
    opens with again ('วันที่ 21 มีนาคม 2564 รับทีมเยี่ยม…' above 'วันที่ 21 มีนาคม 2564 เวลา 09.00 น. …'):
    a body gives its date once."""
    if following is not None and len(line) <= LONGEST_TITLE and same_opening_date(line, following):
        return False
    if BODY_START.match(line) or dateline(line) or LIST_LEAD.search(line) or LIST_ITEM.match(line) \
            or refers_back(line) or (following is not None and refers_back(following)):
        return True
    body_next = following is not None and (bool(BODY_START.match(following)) or dateline(following))
    return len(line) > (LONGEST_HEADLINE_BEFORE_BODY if body_next else LONGEST_TITLE)


# '… โดยมีวัตถุประสงค์ดังนี้', '… ใน 3 ประเด็นสำคัญ ได้แก่': a sentence leading into a list ('as follows',
# 'namely'), the body's; none of the read sets' headlines ends so, eleven of their opening lines do
LIST_LEAD = re.compile(r"(?:ดังนี้|ดังต่อไปนี้|ได้แก่)\s*:?\s*$")
# '1.เพื่อให้สตรีมีความรู้…', '๒. เพื่อจัดสวัสดิการ…': an item of a list the body numbers from one (the read sets'
# first lines hold 40 such items, no headline)
LIST_ITEM = re.compile(r"^\d{1,2}\s?\.\s*[\u0e01-\u0e4e]")


# 'ซึ่งคำว่า…', 'ในการนี้ …', 'ภายในงาน …', 'การจัดงานตลาดสีเขียวครั้งนี้…': a paragraph opening on what the one
# above it said (which, on this occasion, within the event, this time, the said …) goes on from a paragraph
# of the body, not from a headline (none of the read sets' 577 annotated headlines has such a line under it)
REFERS_BACK = re.compile(r"^(?:ซึ่ง|ในการนี้|ทั้งนี้|นอกจากนี้|จากนั้น|ภายในงาน)|^.{0,40}?(?:ครั้งนี้|ดังกล่าว)")


def refers_back(line: str) -> bool:
    """The paragraph opens by pointing back at the one above ('ซึ่ง…', 'ในการนี้ …', '…ครั้งนี้')."""
    return bool(REFERS_BACK.match(line))


def same_opening_date(line: str, following: str) -> bool:
    """Both lines open with the same date ('วันที่ 21 มีนาคม 2564 …')."""
    first, second = (DATE.match(thai_to_arabic_digits(text)) for text in (line, following))
    return first is not None and second is not None and \
        (first["day"], first["month"], first["year"]) == (second["day"], second["month"], second["year"])


def headline_before_gap(line: str) -> str:
    """'วัน อสม.ประจำปี ตำบลพิชัย … อย่างคึกคัก          วันที่ 20 มีค. 2566   ที่บริเวณ…': a headline run
    into its body's first paragraph, a run of spaces between, the body opening as a body does and
    running on for a paragraph; the words before the gap. Any other line as it is (a date alone
    after a gap, 'ประชุม…   วันที่ 5 มีนาคม 2568', stays with its headline)."""
    gap = BODY_AFTER_GAP.search(line)
    if gap is None or not BODY_START.match(line[gap.end():]) or BODY_START.match(line) \
            or not 8 <= gap.start() <= LONGEST_TITLE or len(line) - gap.end() < BODY_PARAGRAPH:
        return line
    return line[: gap.start()]


def find_title(text: str, site_lines: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """The headline (None when the post opens with its body) and the site name after ' | ': the
    trained model's choice where it is surer of it than of the rules' by its margin (title_model)."""
    from .title_model import shipped  # the model's features are this module's rules: imported late

    ruled = rule_title(text, site_lines)
    model = shipped()
    found = model.title(text, site_lines, ruled) if model else ruled
    return found if found[0] is not None else (trail_title(text), None)


CRUMB_BREAK = re.compile(r"\s*[»›>]\s*|\s{3,}")  # between a breadcrumb trail's crumbs


def trail_title(text: str) -> str | None:
    """The last crumb of the page's breadcrumb trail, where no line of the post is its headline: a
    trail ends on the page it leads to ('หน้าหลัก   ข่าวกิจกรรม เทศบาลเมือง…ร่วมงาน…'), after the
    section labels ('ข่าวกิจกรรม')."""
    trail = next((line.strip() for line in lines_of(text)[:LOOK_AT] if TRAIL_START.match(line.strip())), "")
    last = CRUMB_BREAK.split(trail)[-1] if CRUMB_BREAK.search(trail) else ""
    label, _, rest = last.partition(" ")
    crumb = rest if SECTION_BANNER.match(label) else last
    return strip_enclosing(crumb) if len(crumb) >= 8 and not SECTION_BANNER.match(crumb) else None


def rule_title(text: str, site_lines: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """The headline the hand rules choose, and the site name after ' | '."""
    lines = content_lines(text, site_lines)
    if lines and len(lines[0]) <= LONGEST_TITLE and lines[0] in lines[1:LOOK_AT] and not is_date_heading(lines[0]):
        return strip_enclosing(lines[0]), None  # the page's heading, given again as its first paragraph
    if headline := labelled_twice(lines) or captioned(text, lines):
        return strip_enclosing(headline), None
    lines = lines[given_twice(lines):]
    for line in lines[:LOOK_AT]:
        heading = glued_date_heading(line)
        if heading:
            return strip_enclosing(heading), None
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if is_date_heading(line) or is_label(line, following):
            continue
        line = headline_before_gap(LABEL_PREFIX.sub("", without_furniture(line)))
        if opens_body(line, following):
            return None, None
        title, _, site = line.partition(" | ")
        if motto(title) and ((index and masthead(lines[index - 1])) or (following and masthead(following))):
            continue
        title = strip_enclosing(title)
        if one_label(title) or masthead(title):
            continue
        return title, (site.strip() or None)
    return None, None


SHORTEST_HEADLINE = 12  # the read sets' shortest headline has 15 characters ('รวมพลคนกินนมแม่', h15-18)


def one_label(title: str) -> bool:
    """'หน้าเว็บ', 'เมนู', 'ตลอด 24 ชม.', '836 0': a menu's or a section's label, an opening hours'
    or a counter's line; a headline says who did what, in more characters than these (the read
    sets' shortest headline without a space has 15, 'รวมพลคนกินนมแม่')."""
    return len(title) < SHORTEST_HEADLINE


def motto(line: str) -> bool:
    """'"ยึดมั่นธรรมาภิบาล บริการเพื่อประชาชน"' under the body's name atop its site (or above it:
    '“สังคมน่าอยู่อาศัย ก้าวไกลทางเศรษฐกิจ”' over 'เทศบาลตำบลหางดง'): its motto, a short line wholly in
    quotes; a headline in quotes is the page's own line, not the masthead's."""
    return len(line) <= SHORT_SLOGAN and strip_enclosing(line) != line.strip()


SHARED_BY = 2  # different posts of a batch whose opening holds a line before it counts as the site's
SAME_POST = 0.5  # posts sharing this much of their lines are one post imported twice


def site_lines(texts: list[str]) -> frozenset[str]:
    """The lines that open several different posts of a batch (a site's name, slogan or banner
    above each of its posts): site chrome, never a headline. One post imported twice shares
    its headline with itself, not with its site."""
    posts = [content_lines(text) for text in texts]
    holders: dict[str, list[set[str]]] = {}
    for lines in posts:
        for line in set(lines[:LOOK_AT]):
            holders.setdefault(line, []).append(set(lines))
    return frozenset(line for line, held in holders.items() if distinct(held) >= SHARED_BY)


def distinct(posts: list[set[str]]) -> int:
    """How many of these posts differ from one another (not one post twice)."""
    kept: list[set[str]] = []
    for post in posts:
        if all(len(post & other) / max(len(post | other), 1) < SAME_POST for other in kept):
            kept.append(post)
    return len(kept)
