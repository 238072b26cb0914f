"""Stage 3, pages. In: the records, the graph stage's index, network and diagrams. Out: every
page of the site as HTML content (Jinja2 templates in site_templates/pages), listings, related
pages, the feed and sitemap entries, kept in a page cache between builds.
"""
