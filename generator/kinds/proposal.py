"""The proposal record kind (content/proposals/)."""

from . import Kind

KIND = Kind("proposal", "proposals", "ข้อเสนอเชิงนโยบาย", "Policy proposals",
            date_field=None, icon="material/lightbulb-on-outline")
