"""Benchmarks (`./run bench`) and the synthetic corpora they build on. Figures, not tests."""
