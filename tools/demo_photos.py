"""Draw the demo meetings' photos with Pillow: meeting rooms, slides photographed on the
screen, charts, flip charts, and one PDF. Nothing is copied from the web; every picture is
drawn here, and its caption says it is a drawing (ภาพจำลอง).

    .venv/bin/python tools/demo_photos.py          # writes content/media/<meeting-id>/...
    .venv/bin/python tools/demo_photos.py --yaml   # also prints the media: lists to paste

Thai text needs Debian's fonts-thai-tlwg (./run installs it). The output is the same at every
run (fixed seeds), and small: modest sizes and JPEG quality keep the committed files to a few
hundred kilobytes. Two photos are stored sideways with EXIF orientation 6, as a phone held
upright stores them, so the demo site shows they are turned upright when published.
"""

from __future__ import annotations

import argparse
import io
import json
import random
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = Path("/usr/share/fonts/truetype/tlwg")
SIZE = (800, 600)
QUALITY = 62
Draw = Callable[[random.Random], Image.Image]


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "Sawasdee-Bold.ttf" if bold else "Sawasdee.ttf"
    path = FONTS / name
    if not path.exists():
        raise SystemExit(f"{path} is missing: install Debian's fonts-thai-tlwg (./run installs it)")
    return ImageFont.truetype(str(path), size)


def lit(image: Image.Image, strength: int = 60) -> Image.Image:
    """Light falling off towards the corners, as a phone camera in a meeting room sees it."""
    mask = Image.radial_gradient("L").resize(image.size).point(lambda v: min(255, v * strength // 100))
    return Image.composite(Image.new("RGB", image.size, (20, 20, 28)), image, mask)


def slide_image(
    title: str, lines: list[str], colour: tuple[int, int, int], size: tuple[int, int] = (640, 400)
) -> Image.Image:
    slide = Image.new("RGB", size, (250, 250, 246))
    draw = ImageDraw.Draw(slide)
    draw.rectangle((0, 0, size[0], 92), fill=colour)
    draw.text((28, 22), title, font=font(30, bold=True), fill="white")
    for i, line in enumerate(lines):
        y = 120 + i * 46
        draw.ellipse((32, y + 12, 44, y + 24), fill=colour)
        draw.text((58, y), line, font=font(24), fill=(40, 40, 48))
    draw.rectangle((0, size[1] - 14, size[0], size[1]), fill=colour)
    return slide


def on_screen(slide: Image.Image, rng: random.Random) -> Image.Image:
    """A slide photographed from a seat: a little keystone, a dark room around it."""
    photo = Image.new("RGB", SIZE, (38, 36, 44))
    skew = rng.randint(10, 40)
    quad = (0, 0, 0, slide.height, slide.width, slide.height, slide.width, 0)
    warped = slide.transform((700, 470), Image.Transform.QUAD, quad, Image.Resampling.BICUBIC)
    mask = Image.new("L", warped.size, 0)
    ImageDraw.Draw(mask).polygon([(skew, 0), (0, 470), (700, 470 - skew // 2), (700 - skew // 3, skew // 2)], fill=255)
    photo.paste(warped, (50, 60), mask)
    return lit(photo, 45)


def person(
    draw: ImageDraw.ImageDraw, x: int, y: int, scale: float, shirt: tuple[int, int, int], rng: random.Random
) -> None:
    skin = rng.choice([(198, 150, 112), (174, 126, 90), (222, 180, 140), (150, 104, 72)])
    hair = rng.choice([(30, 26, 24), (50, 40, 34), (90, 90, 96)])
    w, h = int(70 * scale), int(80 * scale)
    draw.rounded_rectangle((x - w // 2, y, x + w // 2, y + h), radius=int(24 * scale), fill=shirt)
    r = int(20 * scale)
    draw.ellipse((x - r, y - 2 * r - 4, x + r, y - 4), fill=skin)
    draw.chord((x - r, y - 2 * r - 6, x + r, y - r), 180, 360, fill=hair)
    if rng.random() < 0.3:  # a hijab
        draw.chord(
            (x - r - 4, y - 2 * r - 10, x + r + 4, y + 6),
            160,
            380,
            fill=rng.choice([(40, 60, 110), (120, 40, 60), (230, 230, 230)]),
        )
        draw.ellipse((x - r + 6, y - 2 * r + 4, x + r - 6, y - 8), fill=skin)


def meeting_room(rng: random.Random, screen: str) -> Image.Image:
    wall = rng.choice([(214, 206, 190), (200, 210, 214), (222, 214, 200)])
    image = Image.new("RGB", SIZE, wall)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 360, 800, 600), fill=(120, 96, 80))  # floor
    for x in (40, 620):  # windows with curtains
        draw.rectangle((x, 60, x + 140, 250), fill=(190, 220, 236))
        draw.rectangle((x - 12, 50, x + 10, 270), fill=(150, 60, 60))
        draw.rectangle((x + 130, 50, x + 152, 270), fill=(150, 60, 60))
    shift = rng.randint(-60, 60)
    draw.rectangle((250 + shift, 40, 550 + shift, 220), fill=(246, 246, 240), outline=(90, 90, 90), width=3)
    draw.text((268 + shift, 110), screen, font=font(20, bold=True), fill=(0, 90, 80))
    table = [(150 + shift // 2, 330), (650 + shift // 2, 330), (790, 600), (10, 600)]
    seats = [(110 + i * 120 + rng.randint(-15, 15), 290 + rng.randint(-8, 8)) for i in range(6)]
    for x, y in seats:  # the far side, behind the table
        person(draw, x, y, 0.75, rng.choice([(60, 90, 150), (240, 240, 240), (170, 60, 60), (70, 120, 80)]), rng)
    draw.polygon(table, fill=(164, 120, 82))
    for i in range(rng.randint(4, 7)):
        px = 140 + i * 90 + rng.randint(-20, 20)
        py = 380 + rng.randint(0, 60)
        draw.rectangle((px, py, px + 50, py + 36), fill=(250, 250, 250))  # papers
        draw.ellipse((px + 60, 360 + i * 7, px + 76, 376 + i * 7), fill=(230, 230, 236))
    for x in (60, 740):  # near side, backs to the camera
        person(draw, x, 470, 1.3, rng.choice([(40, 70, 120), (200, 200, 200), (120, 50, 90)]), rng)
    return lit(image.filter(ImageFilter.SMOOTH), 55)


def group_photo(rng: random.Random, banner: str) -> Image.Image:
    """Everyone standing in two rows under the meeting's banner."""
    image = Image.new("RGB", SIZE, (206, 214, 206))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 420, 800, 600), fill=(150, 130, 110))
    draw.rectangle((90, 40, 710, 130), fill=(0, 105, 92))
    draw.text((120, 66), banner, font=font(30, bold=True), fill="white")
    shirts = [(60, 90, 150), (240, 240, 240), (170, 60, 60), (70, 120, 80), (200, 170, 60), (90, 60, 120)]
    for row, (y, scale, count) in enumerate(((300, 0.9, 7), (380, 1.1, 6))):
        for i in range(count):
            x = 110 + i * (580 // (count - 1)) + (row * 20) + rng.randint(-10, 10)
            person(draw, x, y + rng.randint(-6, 6), scale, rng.choice(shirts), rng)
    return lit(image.filter(ImageFilter.SMOOTH), 50)


def bar_chart(title: str, bars: list[tuple[str, int, str]], rng: random.Random) -> Image.Image:
    chart = Image.new("RGB", (640, 420), "white")
    draw = ImageDraw.Draw(chart)
    draw.text((24, 16), title, font=font(24, bold=True), fill=(30, 30, 30))
    top = max(v for _, v, _ in bars)
    for i, (name, value, note) in enumerate(bars):
        y = 80 + i * 100
        length = max(8, int(330 * value / top))
        draw.rectangle((160, y, 160 + length, y + 56), fill=[(0, 105, 92), (38, 166, 154), (255, 179, 0)][i % 3])
        draw.text((20, y + 12), name, font=font(22), fill=(40, 40, 40))
        draw.text((170 + length, y + 12), f"{value} {note}", font=font(22, bold=True), fill=(40, 40, 40))
    return on_screen(chart, rng)


def timeline_chart(title: str, rows: list[tuple[str, int, int]], months: list[str], rng: random.Random) -> Image.Image:
    chart = Image.new("RGB", (640, 420), (252, 252, 248))
    draw = ImageDraw.Draw(chart)
    draw.text((24, 14), title, font=font(24, bold=True), fill=(30, 30, 30))
    width = 430 // len(months)
    for j, month in enumerate(months):
        draw.text((200 + j * width, 62), month, font=font(18), fill=(90, 90, 90))
        draw.line((196 + j * width, 90, 196 + j * width, 400), fill=(220, 220, 220))
    for i, (name, start, end) in enumerate(rows):
        y = 100 + i * 72
        draw.text((16, y + 8), name, font=font(19), fill=(40, 40, 40))
        draw.rounded_rectangle((200 + start * width, y + 6, 190 + end * width, y + 40), radius=8, fill=(0, 121, 107))
    return on_screen(chart, rng)


def flip_chart(title: str, notes: list[str], rng: random.Random) -> Image.Image:
    image = Image.new("RGB", SIZE, (206, 200, 188))
    draw = ImageDraw.Draw(image)
    draw.polygon([(230, 40), (570, 40), (600, 560), (200, 560)], fill=(250, 250, 250))
    draw.line((400, 560, 340, 600), fill=(60, 60, 60), width=6)
    draw.line((400, 560, 460, 600), fill=(60, 60, 60), width=6)
    draw.text((250, 60), title, font=font(26, bold=True), fill=(20, 60, 140))
    for i, note in enumerate(notes):
        x, y = 250 + (i % 2) * 160 + rng.randint(-6, 6), 130 + (i // 2) * 130 + rng.randint(-6, 6)
        draw.rectangle((x, y, x + 140, y + 100), fill=rng.choice([(255, 236, 130), (255, 200, 210), (190, 236, 200)]))
        draw.text((x + 10, y + 30), note, font=font(19), fill=(40, 40, 40))
    return lit(image, 50)


def jpeg(image: Image.Image, sideways: bool = False) -> bytes:
    """JPEG bytes with a camera's EXIF; sideways = stored turned, with orientation 6."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "DemoCam", "DemoCam 1"
    if sideways:
        image = image.transpose(Image.Transpose.ROTATE_90)  # orientation 6 turns it back
        exif[0x0112] = 6
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=QUALITY, optimize=True, exif=exif.tobytes())
    return buffer.getvalue()


INFORMAL = "2020-01-06-region12-informal-workers"
COVID = "2021-08-03-region10-covid-charter"
DRAWN = " (ภาพจำลอง)"


def informal_workers() -> list[tuple[str, str, Draw, bool]]:
    """20 pictures for the informal-workers meeting: (file, caption, drawing, sideways)."""
    green = (0, 105, 92)
    slides = [
        ("สรุปผลการดำเนินงานงวดที่ 1", ["ส.ค.–ธ.ค. 2562", "ลงพื้นที่ชี้แจงกองทุนนำร่อง 6 จังหวัด", "ประเมินสมรรถนะพี่เลี้ยงรายจังหวัด"]),
        ("แนวทางพัฒนาศักยภาพพี่เลี้ยง", ["จัดการข้อมูลในพื้นที่", "นำข้อมูลมาใช้วางแผน", "ทำงานเป็นทีม", "ติดตามอย่างใกล้ชิด"]),
        ("เกณฑ์พื้นที่ต้นแบบ", ["มี อสอช. ในพื้นที่", "มีข้อมูลกลุ่มเสี่ยง", "มีแผนสุขภาพตำบล"]),
        ("หลักสูตร อสอช.", ["แกนนำชุมชน / อสม.", "ตัวแทนกลุ่มอาชีพ", "ผู้ตั้งใจพัฒนากลุ่มตนเอง"]),
        ("โครงการที่ดี จ.ปัตตานี", ["แรงงานประมงสุขใจ หนองจิก", "เกษตรกร ต.ตุยง", "เกษตรกร ต.ดอนรัก", "สวนยางพารา ต.นาประดู่"]),
        ("งานเดือน ม.ค.–ก.พ. 2563", ["ประชุมกลไกจังหวัด", "ข้อมูลกลุ่มเสี่ยง", "พื้นที่ต้นแบบ 35 แห่ง", "บทเรียนโครงการที่ดี"]),
    ]
    pictures: list[tuple[str, str, Draw, bool]] = []
    rooms = ["ประชุมคณะทำงานระดับเขต", "ทบทวนงานงวดที่ 1", "พี่เลี้ยงแลกเปลี่ยนรายจังหวัด", "วางแผนเดือน ม.ค.–ก.พ."]
    captions = [
        "คณะทำงานพี่เลี้ยงระดับเขตและทีมบริหารโครงการเริ่มประชุม ณ สปสช.เขต 12 สงขลา",
        "ทบทวนผลการลงพื้นที่ชี้แจงกองทุนนำร่องทั้ง 6 จังหวัด",
        "พี่เลี้ยงสะท้อนบทเรียนจากจังหวัดยะลาและตรัง",
        "สะท้อนการลงพื้นที่จังหวัดสงขลาและนราธิวาส",
        "แลกเปลี่ยนบทบาทพี่เลี้ยงจังหวัดพัทลุง",
        "ร่วมกำหนดเกณฑ์พื้นที่ต้นแบบ",
        "วางแผนงานเดือน ม.ค.–ก.พ. 2563",
        "สรุปผลลัพธ์ที่ต้องได้จากกลไกจังหวัด",
    ]
    for n, caption in enumerate(captions):
        pictures.append(
            (
                f"room-{n + 1:02d}.jpg",
                caption + DRAWN,
                lambda rng, s=rooms[n % 4]: meeting_room(rng, s),
                n in (2, 5),
            )
        )
    for n, (title, lines) in enumerate(slides):
        pictures.append(
            (
                f"slide-{n + 1:02d}.jpg",
                f"สไลด์: {title}{DRAWN}",
                lambda rng, t=title, ls=lines: on_screen(slide_image(t, ls, green), rng),
                False,
            )
        )
    pictures.append(
        (
            "chart-funnel.jpg",
            f"จากกองทุนนำร่อง 146 ตำบล สู่เป้าหมายพื้นที่ต้นแบบ 35 แห่ง และโครงการที่ดี 4 โครงการ{DRAWN}",
            lambda rng: bar_chart(
                "กองทุนนำร่องสู่พื้นที่ต้นแบบ",
                [("นำร่อง", 146, "ตำบล"), ("เป้าหมาย", 35, "แห่ง"), ("โครงการที่ดี", 4, "โครงการ")],
                rng,
            ),
            False,
        )
    )
    pictures.append(
        (
            "chart-plan.jpg",
            f"แผนงานงวดที่ 1 ถึงเดือน ก.พ. 2563{DRAWN}",
            lambda rng: timeline_chart(
                "แผนงาน ส.ค. 62 – ก.พ. 63",
                [("ลงพื้นที่ 6 จังหวัด", 0, 5), ("สรุปงวดที่ 1", 5, 6), ("ประชุมกลไกจังหวัด", 5, 7), ("สรุปบทเรียน", 6, 7)],
                ["ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ."],
                rng,
            ),
            False,
        )
    )
    pictures.append(
        (
            "flipchart-criteria.jpg",
            f"กระดาษบรู๊ฟสรุปเกณฑ์พื้นที่ต้นแบบ{DRAWN}",
            lambda rng: flip_chart("เกณฑ์พื้นที่ต้นแบบ", ["มี อสอช.", "มีข้อมูล", "มีแผน", "มีทีม"], rng),
            False,
        )
    )
    pictures.append(
        (
            "flipchart-mentors.jpg",
            f"กระดาษบรู๊ฟ: สิ่งที่พี่เลี้ยงต้องเติม{DRAWN}",
            lambda rng: flip_chart("พี่เลี้ยงต้องเติม", ["ข้อมูล", "กระบวนการ", "ทีมงาน", "ติดตาม"], rng),
            True,
        )
    )
    pictures.append(
        (
            "group.jpg",
            f"ถ่ายภาพร่วมกันหลังการประชุม{DRAWN}",
            lambda rng: group_photo(rng, "ประชุมคณะทำงานระดับเขต 12 สงขลา"),
            False,
        )
    )
    pictures.append(
        (
            "slide-thanks.jpg",
            f"สไลด์ปิดการประชุม{DRAWN}",
            lambda rng: on_screen(slide_image("ขอบคุณ", ["ทีมบริหารโครงการแรงงานนอกระบบ เขต 12"], green), rng),
            False,
        )
    )
    return pictures


def covid_charter() -> list[tuple[str, str, Draw, bool]]:
    teal = (0, 96, 120)
    return [
        (
            "room.jpg",
            f"ห้องประชุมสำนักเขตสุขภาพที่ 10 ระหว่างหารือธรรมนูญโควิด-19{DRAWN}",
            lambda rng: meeting_room(rng, "ธรรมนูญโควิด-19 เขต 10"),
            False,
        ),
        (
            "slide-charter.jpg",
            f"สไลด์: เป้าหมายธรรมนูญโควิด-19 ระดับเขต 10{DRAWN}",
            lambda rng: on_screen(
                slide_image(
                    "ธรรมนูญโควิด-19 ระดับเขต 10",
                    ["ระบบบริการปฐมภูมิ", "สมัชชาสุขภาพ (กขป.)", "พชอ. และท้องถิ่น", "กองทุน กปท. สปสช."],
                    teal,
                ),
                rng,
            ),
            False,
        ),
        (
            "chart-next.jpg",
            f"นัดหมายหลังการประชุม 6, 10 และ 20 สิงหาคม 2564{DRAWN}",
            lambda rng: timeline_chart(
                "นัดหมายเดือน ส.ค. 64",
                [("ชี้เป้าพื้นที่", 0, 1), ("เขียนแผนงาน", 1, 2), ("ติดตามความก้าวหน้า", 3, 4)],
                ["6", "10", "15", "20"],
                rng,
            ),
            False,
        ),
        (
            "flipchart.jpg",
            f"กระดาษบรู๊ฟ: 5 จังหวัดของเขต 10{DRAWN}",
            lambda rng: flip_chart("5 จังหวัด เขต 10", ["อุบลฯ", "ยโสธร", "ศรีสะเกษ", "อำนาจเจริญ", "มุกดาหาร"], rng),
            True,
        ),
    ]


def covid_pdf() -> bytes:
    """A two-page PDF handout drawn as slides (a document item with a page count)."""
    pages = [
        slide_image("สรุปการหารือ 3 ส.ค. 2564", ["บูรณาการปฐมภูมิกับธรรมนูญสุขภาพ", "สู่ธรรมนูญโควิด-19 ระดับเขต 10"], (0, 96, 120)),
        slide_image("ขั้นต่อไป", ["ชี้เป้าพื้นที่ร่วมกับ สสจ.", "เขียนแผนงาน กิจกรรม", "ติดตามความก้าวหน้า 20 ส.ค."], (0, 96, 120)),
    ]
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", save_all=True, append_images=pages[1:], resolution=96, quality=60)
    return buffer.getvalue()


def write(record_id: str, pictures: list[tuple[str, str, Draw, bool]], seed: int) -> list[str]:
    folder = ROOT / "content" / "media" / record_id
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for n, (name, caption, draw, sideways) in enumerate(pictures):
        (folder / name).write_bytes(jpeg(draw(random.Random(seed + n)), sideways))
        lines += ["  - kind: photo", f"    file: {name}", f"    caption: {json.dumps(caption, ensure_ascii=False)}"]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--yaml", action="store_true", help="print the media: lists")
    args = parser.parse_args()
    informal = write(INFORMAL, informal_workers(), 1200)
    covid = write(COVID, covid_charter(), 2100)
    (ROOT / "content" / "media" / COVID / "summary.pdf").write_bytes(covid_pdf())
    covid += [
        "  - kind: document",
        "    file: summary.pdf",
        "    caption: " + json.dumps("เอกสารสรุปการหารือ (เอกสารจำลอง)", ensure_ascii=False),
    ]
    total = sum(f.stat().st_size for f in (ROOT / "content" / "media").rglob("*") if f.is_file())
    print(f"wrote {len(informal) // 3} + {len(covid) // 3} files, {total // 1024} KB in content/media/")
    if args.yaml:
        print(f"# {INFORMAL}\nmedia:\n" + "\n".join(informal))
        print(f"# {COVID}\nmedia:\n" + "\n".join(covid))


if __name__ == "__main__":
    main()
