"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { unit, lum, paletteEntry, decodeStyle, isDark, restyledClasses } = require("./load")("sqmap.js");

// Web Mercator as EPSG:3857 defines it (spherical, y from the Gudermannian inverse), in 0..1 world units.
function mercator(lat, lng) {
  const phi = (lat * Math.PI) / 180;
  return [(lng + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2];
}

test("projection: areas' outlines land where Web Mercator puts them", () => {
  for (const [lat, lng] of [[0, 0], [33.96, 118.28], [34.46, 117.93], [-45.5, -170.25], [80, 179.9]]) {
    const [x, y] = unit(lat, lng);
    const [ex, ey] = mercator(lat, lng);
    assert.ok(Math.abs(x - ex) < 1e-12, `x at ${lat},${lng}`);
    assert.ok(Math.abs(y - ey) < 1e-12, `y at ${lat},${lng}`);
  }
});

test("projection: latitudes beyond Web Mercator's edge are clamped to the square world", () => {
  assert.ok(Math.abs(unit(90, 0)[1]) < 1e-9);
  assert.ok(Math.abs(unit(-90, 0)[1] - 1) < 1e-9);
  assert.deepEqual(unit(89, 10), unit(86, 10));
  assert.ok(unit(34, 118)[1] < unit(33, 118)[1], "north is up");
});

test("restyle decoding: one base-36 palette index per area, in file order", () => {
  const palette = Array.from({ length: 36 }, (_, k) => ({ f: `#0000${k.toString(16).padStart(2, "0")}`, o: 0.5 }));
  const idx = Array.from({ length: 36 }, (_, k) => k.toString(36)).join("");
  const spec = { palette, idx };
  for (let i = 0; i < 36; i++) {
    assert.equal(paletteEntry(spec, i), palette[i]);
  }
  assert.equal(paletteEntry({ palette: [{ f: "#fff", o: 1 }], idx: "5" }, 0), null, "an index past the palette");
  assert.equal(paletteEntry({ palette: [{ f: "#fff", o: 1 }], idx: "" }, 0), null, "an area past idx");
});

test("restyle decoding: an entry sets fill, outline and dash over the base style and names its classes", () => {
  const base = () => ({ color: "#555", weight: 1, fillColor: "#fff", fillOpacity: 0.1, dashArray: "4 4" });
  const plain = base();
  assert.equal(decodeStyle(plain, null), "");
  assert.deepEqual(plain, base(), "no entry: the base style as it was");

  const full = base();
  const cls = decodeStyle(full, { f: "#123456", o: 0.8, c: "#ff0000", w: 3, d: null, k: "sq-host-{id}" });
  assert.deepEqual(full, { color: "#ff0000", weight: 3, fillColor: "#123456", fillOpacity: 0.8, dashArray: null });
  assert.equal(cls, "sq-host-{id}");

  const fillOnly = base();
  decodeStyle(fillOnly, { f: "#abcdef", o: 0.3 });
  assert.deepEqual(fillOnly, { ...base(), fillColor: "#abcdef", fillOpacity: 0.3 }, "outline and dash kept");
});

test("restyle classes: the previous restyle's classes go, the area's own stay, {id} is filled in", () => {
  const before = "leaflet-interactive sq-area sq-area-sihong sq-host-sihong sq-n3 sq-b2 sq-theme sq-t4 sq-selected-x";
  assert.equal(
    restyledClasses(before, "sq-dim-{id}", "sihong"),
    "leaflet-interactive sq-area sq-area-sihong sq-dim-sihong",
  );
  assert.equal(restyledClasses(null, "", "a"), "");
  const selected = restyledClasses("sq-area sq-zone", " sq-selected-{id}", "z1"); // as apply() passes a selection
  assert.deepEqual(selected.split(/\s+/), ["sq-area", "sq-zone", "sq-selected-z1"]);
});

test("label contrast: light text on dark, opaque fills only", () => {
  assert.equal(lum("#000000"), 0);
  assert.equal(lum("#ffffff"), 1);
  assert.equal(lum("not a colour"), 1, "unknown colours count as light");
  assert.ok(Math.abs(lum("#ff0000") - 0.2126) < 1e-12, "sRGB red weight");
  assert.equal(isDark({ fillColor: "#000000", fillOpacity: 0.9 }), true);
  assert.equal(isDark({ fillColor: "#000000", fillOpacity: 0.5 }), false, "half-transparent black over white");
  assert.equal(isDark({ fillColor: "#ffff00", fillOpacity: 1 }), false);
});
