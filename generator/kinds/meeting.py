"""The meeting record kind (content/meetings/)."""

from . import Kind

KIND = Kind("meeting", "meetings", "การประชุม", "Meetings",
            date_field="date", icon="material/account-group")
