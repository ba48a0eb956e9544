"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { decodePoints, chainColor, pointTip, cluster, RADIUS, stacks, fanOut, clearOf } = require("./load")("sqpoints.js");
const { unit } = require("./load")("sqmap.js");

// A point set file as layers/points.py writes it: int32 lat ×1e5, int32 lng ×1e5, uint16 chain, then one byte each
// for radius ×10, kind and approximate, column by column.
function pointFile(points) {
  const n = points.length, buf = new ArrayBuffer(13 * n);
  const lat = new Int32Array(buf, 0, n), lng = new Int32Array(buf, 4 * n, n), chain = new Uint16Array(buf, 8 * n, n);
  const bytes = ["radius", "kind", "approx"].map((_, k) => new Uint8Array(buf, (10 + k) * n, n));
  points.forEach((p, i) => {
    lat[i] = Math.round(p.lat * 1e5); lng[i] = Math.round(p.lng * 1e5); chain[i] = p.chain;
    bytes[0][i] = Math.round(p.radius * 10); bytes[1][i] = p.kind; bytes[2][i] = p.approx;
  });
  return buf;
}

function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test("point decoding: every column read back, positions projected as the areas are", () => {
  const points = [
    { lat: 33.96312, lng: 118.27554, chain: 3, radius: 4.5, kind: 0, approx: 0 },
    { lat: 34.1, lng: 117.95, chain: 17, radius: 6, kind: 2, approx: 1 },
    { lat: -12.5, lng: -77.04, chain: 0, radius: 25.5, kind: 1, approx: 0 },
    { lat: 33.5, lng: 118.5, chain: 21, radius: 5, kind: 0, approx: 0 },
    { lat: 33.6, lng: 118.6, chain: 300, radius: 5, kind: 2, approx: 1 },
  ];
  const d = decodePoints(pointFile(points), points.length);
  assert.equal(d.n, 5);
  points.forEach((p, i) => {
    assert.equal(d.lat[i], Math.round(p.lat * 1e5));
    assert.equal(d.lng[i], Math.round(p.lng * 1e5));
    assert.deepEqual([d.chain[i], d.radius[i] / 10, d.kind[i], d.approx[i]], [p.chain, p.radius, p.kind, p.approx]);
    const [ux, uy] = unit(d.lat[i] / 1e5, d.lng[i] / 1e5);
    assert.ok(Math.abs(d.wx[i] - ux * 256) < 1e-9 && Math.abs(d.wy[i] - uy * 256) < 1e-9, `point ${i} projected`);
  });
});

test("chains past twenty: each point's tip names its own chain; colours cycle through the palette", () => {
  const colors = ["#777777", ...Array.from({ length: 20 }, (_, k) => `#c${k + 1}`)];
  const chains = ["", ...Array.from({ length: 45 }, (_, k) => `chain ${k + 1}`)];
  const cfg = { chains, texts: { kinds: ["firm", "project", "park"], approx: "approx." } };
  for (const n of [1, 20, 21, 40, 45]) {
    assert.equal(pointTip(cfg, 0, n, false), `firm · chain ${n}`);
    assert.equal(chainColor(colors, n), colors[(n - 1) % 20 + 1]);
  }
  assert.equal(pointTip(cfg, 2, 21, true), "park · chain 21 · approx.");
  assert.equal(chainColor(colors, 0), "#777777");
});

test("clustering: points within the radius join the first seed, points apart stay alone", () => {
  const s = 2 ** 10; // zoom 10
  const near = RADIUS / 3 / s; // a third of the radius, in zoom-0 units
  const pts = { n: 4, wx: [100, 100 + near, 100, 150], wy: [80, 80, 80 + near, 80], chain: [1, 2, 1, 5] };
  const out = cluster(pts, s);
  assert.equal(out.length, 2);
  assert.deepEqual([out[0].n, out[0].first, out[0].chains], [3, 0, { 1: 2, 2: 1 }]);
  assert.deepEqual([out[1].n, out[1].first, out[1].chains], [1, 3, { 5: 1 }]);
  assert.ok(Math.abs(out[0].x - (300 + near) / 3) < 1e-9, "a cluster sits at its points' mean");
});

test("clustering: every point in exactly one cluster, within the radius of its seed, at every zoom", () => {
  const rnd = random(3);
  const n = 3000;
  const pts = { n, wx: new Float64Array(n), wy: new Float64Array(n), chain: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    pts.wx[i] = 209.9 + rnd() * 0.9; pts.wy[i] = 103.1 + rnd() * 0.7; pts.chain[i] = Math.floor(rnd() * 16);
  }
  for (const z of [6, 9, 12]) {
    const s = 2 ** z, out = cluster(pts, s);
    assert.equal(out.reduce((a, c) => a + c.n, 0), n, `zoom ${z}: all points`);
    for (const c of out) {
      assert.equal(Object.values(c.chains).reduce((a, b) => a + b, 0), c.n);
      assert.ok(c.x0 <= c.x && c.x <= c.x1 && c.y0 <= c.y && c.y <= c.y1, "centre inside the cluster's extent");
      const f = c.first;
      const reach = Math.max(pts.wx[f] - c.x0, c.x1 - pts.wx[f], pts.wy[f] - c.y0, c.y1 - pts.wy[f]) * s;
      assert.ok(reach <= RADIUS + 1e-9, "members within the radius of the seed");
    }
    assert.deepEqual(cluster(pts, s).map((c) => c.n), out.map((c) => c.n), "deterministic");
  }
  assert.ok(cluster(pts, 2 ** 6).length < cluster(pts, 2 ** 12).length, "fewer, larger clusters when zoomed out");
});

test("stacks: records at one position (the plan's, placed in their area) are fanned; a lone exact point is not", () => {
  const pts = decodePoints(pointFile([
    { lat: 33.9, lng: 118.3, chain: 1, radius: 5, kind: 0, approx: 1 },
    { lat: 33.9, lng: 118.3, chain: 2, radius: 6, kind: 2, approx: 1 },
    { lat: 34.1, lng: 118.7, chain: 3, radius: 5, kind: 0, approx: 0 },
    { lat: 34.2, lng: 118.1, chain: 3, radius: 6, kind: 2, approx: 1 },
    { lat: 33.9, lng: 118.3, chain: 4, radius: 5, kind: 0, approx: 1 },
  ]), 5);
  assert.deepEqual(stacks(pts), [[0, 1, 4], [3]]);
});

test("fan-out: n symbols a cell apart across or down (never touching), the first on the spot, in square rings", () => {
  for (const n of [1, 2, 3, 9, 10, 21, 25, 26]) {
    const offs = fanOut(n, 15);
    assert.equal(offs.length, n);
    assert.deepEqual(offs[0], [0, 0], "the first keeps its exact place");
    assert.equal(new Set(offs.map((o) => o.join())).size, n, "each on its own cell");
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const [a, b] = [offs[i], offs[j]];
        assert.ok(Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])) >= 15, `n=${n} ${i},${j}`);
      }
    }
  }
  assert.ok(Math.max(...fanOut(21, 15).map((o) => Math.max(Math.abs(o[0]), Math.abs(o[1])))) === 30, "21 in two rings");
});

test("clear of names: a group moves below every name it would cover, not at all when it covers none", () => {
  const names = [{ l: 80, t: 90, r: 140, b: 106 }, { l: 60, t: 108, r: 160, b: 124 }];
  assert.equal(clearOf({ l: 0, t: 0, r: 30, b: 30 }, names), 0);
  const box = { l: 100, t: 100, r: 130, b: 130 };
  const dy = clearOf(box, names);
  for (const q of names) {
    assert.ok(!(box.l < q.r && box.r > q.l && box.t + dy < q.b && box.b + dy > q.t), "covers no name");
  }
  assert.equal(dy, 124 + 3 - 100);
});
