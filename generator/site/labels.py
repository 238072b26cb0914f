"""Thai words for the closed sets of the content model, as readers see them."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "mode": {"onsite": "ประชุม ณ สถานที่", "online": "ประชุมทางไกล (ออนไลน์)", "hybrid": "ผสม (สถานที่และออนไลน์)"},
    "action_status": {"planned": "วางแผน", "in-progress": "กำลังดำเนินการ", "done": "เสร็จแล้ว", "cancelled": "ยกเลิก"},
    "media": {"photo": "ภาพ", "audio": "เสียง", "video": "วิดีโอ", "document": "เอกสาร"},
    "area_level": {"village": "หมู่บ้าน/ชุมชน", "subdistrict": "ตำบล", "district": "อำเภอ", "province": "จังหวัด", "region": "เขต"},
    "area_status": {"planned": "วางแผน", "pilot": "นำร่อง", "active": "ดำเนินการ", "model": "ต้นแบบ", "scaled": "ขยายผลแล้ว", "inactive": "หยุดดำเนินการ"},
    "stakeholder_kind": {"organization": "หน่วยงาน/องค์กร", "person": "บุคคล"},
    "stakeholder_type": {"government": "ภาครัฐ", "local-government": "องค์กรปกครองส่วนท้องถิ่น", "civil-society": "ภาคประชาสังคม", "academic": "วิชาการ", "health-facility": "สถานบริการสุขภาพ", "fund": "กองทุน", "religious": "องค์กรศาสนา", "private": "ภาคเอกชน", "network": "เครือข่าย", "committee": "คณะกรรมการ"},
    "scope": {"national": "ระดับประเทศ", "region": "ระดับเขต/ภาค", "province": "ระดับจังหวัด", "district": "ระดับอำเภอ", "subdistrict": "ระดับตำบล", "village": "ระดับหมู่บ้าน"},
    "proposal_status": {"proposed": "เสนอ", "accepted": "ได้รับการยอมรับ", "in-progress": "กำลังดำเนินการ", "implemented": "ดำเนินการแล้ว", "stalled": "ชะงัก", "dropped": "ยุติ"},
    "node_kind": {"factor": "ปัจจัย", "outcome": "ผลลัพธ์", "leverage": "จุดคานงัด", "mechanism": "กลไก", "actor": "ผู้เกี่ยวข้อง", "resource": "ทรัพยากร"},
    "domain": {"health": "สุขภาพ", "economy": "เศรษฐกิจ", "social": "สังคม", "environment": "สิ่งแวดล้อม", "education": "การศึกษา", "governance": "การจัดการ", "culture": "วัฒนธรรม", "data": "ข้อมูล"},
    "polarity": {"+": "ไปทางเดียวกัน (+)", "-": "ไปทางตรงข้าม (−)"},
}


def label(group: str, value: object) -> str:
    return LABELS.get(group, {}).get(str(value), str(value))
