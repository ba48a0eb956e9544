"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { spread, gridPlace, shortName } = require("./load")("sqlabels.js");

const overlap = (a, b) => a.l < b.r && a.r > b.l && a.t < b.b && a.b > b.t;
const box = (o) => ({ l: o.x - o.w / 2, r: o.x + o.w / 2, t: o.y - o.c.h / 2, b: o.y + o.c.h / 2 });

// A seeded generator, so a failing case can be run again.
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test("small sets: a label that would cover another is moved aside, the first in priority stays put", () => {
  const size = { x: 400, y: 300 };
  const a = { id: "a", x: 200, y: 150, w: 60, h: 16, prio: 1 };
  const b = { id: "b", x: 205, y: 152, w: 60, h: 16, prio: 0 };
  const out = spread([a, b], size);
  assert.deepEqual(out.map((o) => o.c.id), ["b", "a"], "placed by priority");
  assert.deepEqual([out[0].x, out[0].y, out[0].moved], [205, 152, false]);
  assert.equal(out[1].moved, true);
  assert.ok(!overlap(box(out[0]), box(out[1])));
});

test("small sets: no label leaves the view and none covers another, whatever the crowd", () => {
  const size = { x: 500, y: 320 };
  const rnd = random(7);
  const cands = Array.from({ length: 60 }, (_, i) => ({
    id: i, x: rnd() * size.x, y: rnd() * size.y, w: 20 + rnd() * 60, h: 15 + Math.round(rnd()), prio: rnd(),
  }));
  const out = spread(cands.slice(), size);
  assert.ok(out.length > 10 && out.length <= cands.length);
  const boxes = out.map(box);
  boxes.forEach((r, i) => {
    assert.ok(r.l >= 0 && r.t >= 0 && r.r <= size.x && r.b <= size.y, `label ${out[i].c.id} inside the view`);
    for (let j = 0; j < i; j++) { assert.ok(!overlap(r, boxes[j]), `labels ${out[j].c.id} and ${out[i].c.id}`); }
  });
  for (let i = 1; i < out.length; i++) { assert.ok(out[i - 1].c.prio <= out[i].c.prio, "priority order"); }
});

test("small sets: a label with no free place within its offsets is left out", () => {
  const size = { x: 70, y: 20 }; // room for one label only
  const out = spread([{ id: 1, x: 35, y: 10, w: 60, h: 16, prio: 0 }, { id: 2, x: 35, y: 10, w: 60, h: 16, prio: 1 }], size);
  assert.deepEqual(out.map((o) => o.c.id), [1]);
});

test("large sets: placed by priority, none covering another across grid cells, the others left out", () => {
  const rnd = random(11);
  const cands = Array.from({ length: 400 }, (_, i) => ({
    id: i, x: rnd() * 2000, y: rnd() * 1200, w: 30 + rnd() * 90, h: 16, prio: Math.floor(rnd() * 1e6),
  }));
  const out = gridPlace(cands.slice());
  assert.ok(out.length > 50 && out.length < cands.length);
  for (let i = 0; i < out.length; i++) {
    const c = out[i].c;
    assert.deepEqual(out[i].r, { l: c.x - c.w / 2 - 2, r: c.x + c.w / 2 + 2, t: c.y - c.h / 2 - 1, b: c.y + c.h / 2 + 1 });
    for (let j = 0; j < i; j++) { assert.ok(!overlap(out[i].r, out[j].r), `labels ${out[j].c.id} and ${c.id}`); }
  }
  // every label left out collides with a placed label of higher priority (brute force, no grid)
  const placed = new Set(out.map((o) => o.c.id));
  for (const c of cands) {
    if (placed.has(c.id)) { continue; }
    const r = { l: c.x - c.w / 2 - 2, r: c.x + c.w / 2 + 2, t: c.y - c.h / 2 - 1, b: c.y + c.h / 2 + 1 };
    assert.ok(out.some((o) => o.c.prio <= c.prio && overlap(r, o.r)), `label ${c.id} left out for a reason`);
  }
});

test("small sets: a label stays inside its area, with its short name when the whole one does not fit", () => {
  const size = { x: 400, y: 300 };
  const zone = { id: "z", x: 100, y: 100, w: 110, h: 15, prio: 0, text: "苏宿园区（示意）", short: shortName("苏宿园区（示意）"),
    shortW: 60, area: { l: 65, t: 80, r: 135, b: 120 } };
  const big = { id: "c", x: 250, y: 150, w: 50, h: 16, prio: 1, text: "宿城区", short: "宿城区", shortW: 50,
    area: { l: 150, t: 50, r: 380, b: 280 } };
  const out = spread([zone, big], size);
  const z = out.find((o) => o.c.id === "z"), c = out.find((o) => o.c.id === "c");
  assert.equal(z.text, "苏宿园区");
  const r = box(z);
  assert.ok(r.l >= 63 && r.r <= 137 && r.t >= 78 && r.b <= 122, "inside the zone's box");
  assert.equal(c.text, "宿城区");
  assert.deepEqual([c.x, c.y, c.moved], [250, 150, false]);
  // no room inside at all: the short name, wherever it fits
  const tiny = { ...zone, area: { l: 99, t: 99, r: 101, b: 101 } };
  assert.equal(spread([tiny], size)[0].text, "苏宿园区");
});

test("short names drop a trailing bracketed note only", () => {
  assert.equal(shortName("湖滨新区（示意）"), "湖滨新区");
  assert.equal(shortName("Hubin (schematic)"), "Hubin");
  assert.equal(shortName("沭阳县"), "沭阳县");
  assert.equal(shortName("（示意）"), "（示意）");
});
