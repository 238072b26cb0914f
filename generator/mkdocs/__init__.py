"""The MkDocs adapter, and nothing else. In: MkDocs' build events. Out: the stages below run
inside `mkdocs build` / `mkdocs serve` (the `thai-kb` plugin), the Material theme shell that
pages are filled into, and the live-reload hooks of `kb serve`.
"""
