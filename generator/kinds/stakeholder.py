"""The stakeholder record kind (content/stakeholders/)."""

from . import Kind

KIND = Kind("stakeholder", "stakeholders", "ภาคี", "Stakeholders",
            date_field=None, icon="material/account-network")
