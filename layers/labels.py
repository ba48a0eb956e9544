"""Area labels are placed in the browser (static/sqlabels.js): greedily by priority, never overlapping, and for large
sets only at zooms where a label fits inside its area (placed once per zoom level and cached; only labels in view
become elements). Their texts come from layers.geostore.label_texts."""

from __future__ import annotations

from layers.geostore import label_texts

__all__ = ["label_texts"]
