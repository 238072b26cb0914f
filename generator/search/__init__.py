"""Stage 3, search. In: the records and the site index. Out: the Thai search index (character
trigrams of normalised text in small shards) that site_templates/docs/assets/kb-search.js reads.
"""
