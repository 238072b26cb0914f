"""kb serve's quick look: after an edit, the edited records' own pages are rendered at once
from the new content, with what the whole-site stages found at the last build (related pages,
network metrics, diagrams). The full build that follows brings every page up to date; the
quick look only shows the reporter their edit without waiting for it."""

from __future__ import annotations

from ..graph.index import build_index
from ..graph.knowledge import build_graph
from ..records.load import Record
from ..records.validate import Content
from .media import add_images
from .model import Page, Site
from .record_pages import record_page

PREVIEW_MOST = 5  # records changed at once; more is a bulk change, left to the full build


def changed_records(content: Content, before: Site) -> list[Record]:
    """Records whose file is new or changed since the last build (none when too many)."""
    if before.index is None:
        return []
    previous = before.index.records
    changed = [r for r in content.records if not same_record(previous.get(r.id), r)]
    return changed if len(changed) <= PREVIEW_MOST else []


def same_record(old: Record | None, new: Record) -> bool:
    if old is None or old.kind != new.kind:
        return False
    if old.text is not None and new.text is not None:
        return old.text == new.text
    return old.data == new.data


def preview_pages(content: Content, before: Site, records: list[Record]) -> list[Page]:
    """The pages of `records` from the new content; whole-site results from the last build."""
    index = build_index(content.records, build_graph(content.records), content.drafts)
    index.network, index.metrics = before.index.network, before.index.metrics
    index.diagrams, index.media = before.index.diagrams, before.index.media
    pages = []
    for record in records:
        related = [r for r in before.related.get(record.id, []) if r.id in index.records]
        pages.append(record_page(index, record, related))
    add_images(pages, index.media)
    return pages
