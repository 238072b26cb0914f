"""The area record kind (content/areas/)."""

from . import Kind

KIND = Kind("area", "areas", "พื้นที่ต้นแบบ", "Model areas",
            date_field=None, icon="material/map-marker-radius")
