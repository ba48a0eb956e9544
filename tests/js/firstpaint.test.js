"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { estimate, showsAll, boxStyle } = require("./load")("firstpaint.js");

const EXPLORER = { left: 324, top: 229.3, widthK: 0.7, widthB: -259.6, height: 680, minWidth: 1024 };

test("estimate: the map column's share of the width, under the title, as tall as the screen allows", () => {
  assert.deepEqual(estimate(EXPLORER, 1440, 900), { left: 324, top: 229.3, width: 748, height: 654 });
  assert.deepEqual(estimate(EXPLORER, 1920, 1080), { left: 324, top: 229.3, width: 1084, height: 680 });
  assert.equal(estimate(EXPLORER, 1366, 768).height, 522);
});

test("estimate: never lower than 320 px, and nothing on a window narrower than the layout", () => {
  assert.equal(estimate(EXPLORER, 1280, 500).height, 320);
  assert.equal(estimate(EXPLORER, 1023, 900), null);
  assert.equal(estimate(EXPLORER, 390, 844), null);
});

test("showsAll: the areas drawn, and the view's point set when it has one", () => {
  const areas = { mount: "m.json", overlay: {} };
  const points = { mount: "m.json", overlay: { points: { url: "p1.bin" } } };
  assert.equal(showsAll({}, areas), false);
  assert.equal(showsAll({ ready: "1" }, areas), true);
  assert.equal(showsAll({ ready: "1" }, points), false);
  assert.equal(showsAll({ ready: "1", points: "p0.bin" }, points), false, "another point set is not this one");
  assert.equal(showsAll({ ready: "1", points: "p1.bin" }, points), true);
  assert.equal(showsAll({ ready: null, points: "p1.bin" }, points), false);
});

test("boxStyle: the picture placed where the map will be, taking no clicks; hidden when there is no place", () => {
  const css = boxStyle({ left: 324, top: 229.3, width: 748, height: 654 });
  for (const part of ["left:324px", "top:229.3px", "width:748px", "height:654px", "pointer-events:none"]) {
    assert.ok(css.includes(part), part);
  }
  assert.equal(boxStyle(null), "#sq-first-paint{display:none}");
});
