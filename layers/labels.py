"""Area name labels: a non-interactive Leaflet marker built with its DivIcon (no default icon image requested)."""

from __future__ import annotations

import json

from branca.element import MacroElement
from jinja2 import Template


class Label(MacroElement):
    """A text label at a position; clicks pass through to the area underneath."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.marker({{ this.location }}, {
            icon: L.divIcon({className: "sq-overlay", html: {{ this.html }}, iconSize: null}),
            interactive: false, keyboard: false
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, lat: float, lng: float, html: str):
        super().__init__()
        self._name = "Label"
        self.location = json.dumps([round(lat, 5), round(lng, 5)])
        self.html = json.dumps(html, ensure_ascii=False)
