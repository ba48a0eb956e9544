"""Questions asked of a Dataset: queries, overlap, metrics, audit, views; no I/O."""
