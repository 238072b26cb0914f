"""The topic record kind (content/topics/)."""

from . import Kind

KIND = Kind("topic", "topics", "ประเด็น", "Topics",
            date_field=None, icon="material/tag-multiple")
