"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { unit, lum, paletteEntry, decodeStyle, isDark, restyledClasses, tipOffset, isDoubleClick,
  quietChange } =
  require("./load")("sqmap.js");

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

// The tooltip's box for an offset from the cursor (its centre there), as Leaflet's "center" direction puts it.
function tipBox(cursor, tip, off) {
  const l = cursor.x + off.x - tip.w / 2, t = cursor.y + off.y - tip.h / 2;
  return { l, t, r: l + tip.w, b: t + tip.h };
}
const overlaps = (a, b) => a.l < b.r && a.r > b.l && a.t < b.b && a.b > b.t;

test("tooltip: beside the cursor, never under it, and inside the map", () => {
  const size = { x: 800, y: 600 }, tip = { w: 160, h: 40 };
  for (const cursor of [{ x: 400, y: 300 }, { x: 795, y: 300 }, { x: 5, y: 5 }, { x: 790, y: 595 }, { x: 400, y: 2 }]) {
    const box = tipBox(cursor, tip, tipOffset(cursor, size, tip, null));
    assert.ok(box.l >= 0 && box.t >= 0 && box.r <= size.x && box.b <= size.y, `inside the map at ${cursor.x},${cursor.y}`);
    assert.ok(!(cursor.x >= box.l && cursor.x <= box.r && cursor.y >= box.t && cursor.y <= box.b), "not under the cursor");
  }
});

test("tooltip: never covers the selected area when there is room beside it", () => {
  const size = { x: 800, y: 600 }, tip = { w: 160, h: 40 };
  const sel = { l: 420, t: 200, r: 600, b: 400 }; // the selection just right of the cursor
  const cursor = { x: 410, y: 300 };
  const box = tipBox(cursor, tip, tipOffset(cursor, size, tip, sel));
  assert.ok(!overlaps(box, sel), JSON.stringify(box));
  assert.ok(box.r <= cursor.x, "goes left, away from the selection");
  // boxed in by a selection around the cursor: the least overlap, still inside the map
  const big = { l: 100, t: 100, r: 700, b: 500 };
  const b2 = tipBox(cursor, tip, tipOffset(cursor, size, tip, big));
  assert.ok(b2.l >= 0 && b2.r <= size.x && b2.t >= 0 && b2.b <= size.y);
});

test("double-click: the second click on the same spot within 400 ms is not a second pick", () => {
  const first = { t: 1000, x: 100, y: 100 };
  assert.equal(isDoubleClick(null, first), false);
  assert.equal(isDoubleClick(first, { t: 1200, x: 102, y: 99 }), true);
  assert.equal(isDoubleClick(first, { t: 1500, x: 100, y: 100 }), false, "a later click at the same spot is a pick");
  assert.equal(isDoubleClick(first, { t: 1100, x: 140, y: 100 }), false, "a quick click elsewhere is a pick");
});

test("history: a change of language or basemap alone is not a view to go back to", () => {
  const quiet = ["lang", "base"];
  assert.equal(quietChange("/?area=susu", "/?area=susu&lang=en", quiet), true);
  assert.equal(quietChange("/?lang=en&base=osm", "/", quiet), true);
  assert.equal(quietChange("/?area=susu", "/?area=sihong", quiet), false, "another area is a view");
  assert.equal(quietChange("/?chain=3", "/?chain=3&lang=en&ind=pv", quiet), false, "a filter is a view");
  assert.equal(quietChange("/", "/audit?lang=en", quiet), false, "another page is a view");
  assert.equal(quietChange("/?chain=3,4", "/?chain=3", quiet), false);
});
