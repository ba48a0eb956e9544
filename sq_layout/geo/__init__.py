"""Pure geometry and coordinate systems (CRS, GCJ-02/BD-09, simplification, checks)."""
