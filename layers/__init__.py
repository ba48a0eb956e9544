"""Map layer builders for the sq-layout map (no data logic: they draw what sq_layout computed)."""
