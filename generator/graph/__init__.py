"""Stage 2, graph. In: valid records. Out: the knowledge graph (networkx), the stakeholder
network with its metrics (python-igraph), system-map diagrams (Graphviz), the site index of
groupings (hashtags, provinces, regions) and the exports for Gephi and other tools.

`knowledge` builds the graph from the schemas' reference fields; `network` derives who works
with whom and how central each is; `diagrams` draws system maps; `index` groups records the
way pages list them; `exports` writes GraphML, GEXF, JSON and drawings.
"""
