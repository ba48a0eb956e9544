"""Restyle the base map's area polygons by area_id from a feature group, without re-sending any geometry.

The base polygons keep their identity (clicks, tooltips); every rerun first restores their default style and
classes, then applies the new ones, so what a previous rerun set never lingers.
"""

from __future__ import annotations

import json

from branca.element import MacroElement
from jinja2 import Template

STYLE_KEYS = ("color", "weight", "opacity", "fillColor", "fillOpacity", "dashArray", "fill")
# Classes this module manages on the polygons' SVG paths (everything else, e.g. sq-area-*, is left alone).
MANAGED = r"^sq-(host|dim|n\d+|selected|value|b\d+)(-|$)"


class Restyle(MacroElement):
    """Apply {area_id: {"style": {...}, "classes": [...]}} to the base polygons."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var styles = {{ this.styles }};
            var keys = {{ this.keys }};
            var managed = new RegExp({{ this.managed }});
            {{ this._parent._parent.get_name() }}.eachLayer(function (layer) {
                var p = layer.feature && layer.feature.properties;
                if (!p || !p.area_id || !layer._path) { return; }
                if (!layer._sqDefault) {
                    layer._sqDefault = {};
                    keys.forEach(function (k) { layer._sqDefault[k] = layer.options[k]; });
                }
                layer.setStyle(layer._sqDefault);
                var classes = (layer._path.getAttribute("class") || "").split(" ").filter(function (c) {
                    return c && !managed.test(c);
                });
                var s = styles[p.area_id];
                if (s) {
                    layer.setStyle(s.style);
                    classes = classes.concat(s.classes);
                }
                layer._path.setAttribute("class", classes.join(" "));
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, styles: dict[str, dict]):
        super().__init__()
        self._name = "Restyle"
        self.styles = json.dumps(styles, ensure_ascii=False)
        self.keys = json.dumps(list(STYLE_KEYS))
        self.managed = json.dumps(MANAGED)
