/* sq-layout points runtime (investment map), served locally (no CDN).
 * A point set is one static binary file per filter (written once by layers/points.py, named by its content):
 * int32 latitude ×1e5, int32 longitude ×1e5, then one byte each for chain, radius ×10, kind and approximate.
 * Points are drawn on one Canvas; when dense they are clustered in the browser, per zoom, by a greedy radius pass
 * over a grid (each point joins the first cluster seed within RADIUS pixels). A rerun that names the same file does
 * nothing; a click on a point re-fires as a map click at the point's exact position, so the page shows its card.
 */
(function () {
  "use strict";
  var P = (window.sqPts = window.sqPts || {});
  var RADIUS = 48; // cluster radius in screen pixels
  var CLUSTER_MIN = 400; // fewer points: every point on its own at every zoom
  var FREE_ZOOM = 13; // from this zoom on, no clustering
  var PAD = 0.25; // canvas margin beyond the view on each side, so a short pan shows points already drawn
  // kinds (layers/invest.py KINDS): firm, project, carrier park. A firm is a filled circle with a dark outline, a
  // project a circle sized by its investment with a white outline, a park a square with a black outline.
  var KIND_LINE = ["#1a1a1a", "#ffffff", "#000000"];
  var KIND_WEIGHT = [1.5, 1.5, 2];
  var FAN_CELL = 15; // px between the symbols of records that share one position (the plan's, placed in their area)
  var st = { url: null, n: 0, levels: {}, hits: [], ready: false, ms: null, redraws: 0 };

  function notice(text) {
    if (!st.note) {
      var C = L.Control.extend({ onAdd: function () { return L.DomUtil.create("div", "sq-notice sq-notice-error"); } });
      st.note = new C({ position: "topleft" }).addTo(st.map);
    }
    st.note.getContainer().textContent = text;
    st.note.getContainer().style.display = text ? "" : "none";
  }

  function setup(map) {
    if (st.map === map) { return; }
    // a new map in this frame (the page re-rendered its base map, e.g. for another language): start afresh on it
    if (st.tip) { L.DomUtil.remove(st.tip); } // the old map's tooltip: map.remove() leaves it in the container
    st.map = map; st.url = null; st.levels = {}; st.hits = []; st.note = null; st.lat = null;
    var pane = map.getPane("sqpoints") || map.createPane("sqpoints");
    pane.style.zIndex = 440; // above the areas, below the area names (450), so a cluster never hides a name
    pane.style.pointerEvents = "none"; // areas keep their tooltips; hits are found from map events
    st.canvas = L.DomUtil.create("canvas", "sq-points", pane);
    st.tip = L.DomUtil.create("div", "sq-point-tip", map.getContainer());
    st.tip.style.cssText = "position:absolute;z-index:1000;pointer-events:none;display:none;background:#fff;" +
      "border:1px solid #888;border-radius:3px;padding:2px 6px;font:12px sans-serif;white-space:nowrap;" +
      "box-shadow:0 1px 3px rgba(0,0,0,.3)";
    map.on("zoomstart", function () { st.canvas.style.display = "none"; hideTip(); });
    map.on("moveend zoomend resize viewreset", redraw);
    map.on("mousemove", hover);
    map.on("mouseout", hideTip);
    map.on("click", click);
    map.on("sqlabels", function () { if (st.groups && st.groups.length && !clustered()) { redraw(); } });
  }

  /* Called by the page's per-rerun script: draw this point set (fetched once; the same URL again does nothing). */
  P.show = function (map, cfg) {
    setup(map);
    st.cfg = cfg;
    if (cfg.url === st.url) { return; }
    st.url = cfg.url;
    st.ready = false;
    st.fetches = (st.fetches || 0) + 1;
    var t0 = performance.now();
    // The file is named by its content hash, so a copy in the browser's cache is never stale: no revalidation. The
    // frame may have asked for it already, when the page first named it (window.sqPointFile).
    var early = window.sqPointFile ? window.sqPointFile(cfg.url) : null;
    (early || fetch(cfg.url, { cache: "force-cache" }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.arrayBuffer();
    })).then(function (buf) {
      if (st.url !== cfg.url) { return; } // a newer point set was asked for meanwhile
      decode(buf, cfg.n);
      st.fetched = buf.byteLength;
      redraw();
      requestAnimationFrame(function () {
        st.ms = performance.now() - t0;
        st.ready = true;
        notice("");
        document.body.setAttribute("data-sq-points", cfg.url);
      });
    }).catch(function (e) {
      notice(cfg.texts.failed);
      if (window.console) { console.error("sq-layout: points failed to load", e); }
    });
  };

  // A point set file's n points as columns, with their Web Mercator position at zoom 0 (256 px world, as Leaflet's
  // EPSG:3857 projects; scaled per zoom when drawn).
  function decodePoints(buf, n) {
    var lat = new Int32Array(buf, 0, n), lng = new Int32Array(buf, 4 * n, n);
    var pts = { n: n, lat: lat, lng: lng, chain: new Uint16Array(buf, 8 * n, n), radius: new Uint8Array(buf, 10 * n, n),
      kind: new Uint8Array(buf, 11 * n, n), approx: new Uint8Array(buf, 12 * n, n),
      wx: new Float64Array(n), wy: new Float64Array(n) };
    for (var i = 0; i < n; i++) {
      var la = lat[i] / 1e5 * Math.PI / 180, s = Math.sin(la);
      pts.wx[i] = (lng[i] / 1e5 + 180) / 360 * 256;
      pts.wy[i] = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 256;
    }
    return pts;
  }

  function decode(buf, n) {
    var pts = decodePoints(buf, n);
    for (var k in pts) { st[k] = pts[k]; }
    st.levels = {};
    st.groups = stacks(pts);
    st.dx = new Float32Array(n); st.dy = new Float32Array(n);
  }

  /* Records that share one position (the plan names firms and parks by area, so they sit at the area's point) or
   * are placed approximately: index lists, one per position, each drawn fanned out beside the area's name. */
  function stacks(pts) {
    var at = new Map(), out = [];
    for (var i = 0; i < pts.n; i++) {
      var key = pts.lat[i] + ":" + pts.lng[i], g = at.get(key);
      if (g) { g.push(i); } else { g = [i]; at.set(key, g); out.push(g); }
    }
    return out.filter(function (s) { return s.length > 1 || pts.approx[s[0]] === 1; });
  }

  /* Offsets of n symbols on a grid `cell` px apart: the first on the spot itself, the others on the square rings
   * around it (8k cells on ring k, from the top clockwise), so circles and squares never touch, a lone record keeps
   * its exact place and a stack's first record stays where a click on the spot finds it. */
  function fanOut(n, cell) {
    var out = [[0, 0]];
    for (var ring = 1; out.length < n; ring++) {
      var cells = [];
      for (var x = -ring; x <= ring; x++) { cells.push([x, -ring]); } // top, left to right
      for (var y = -ring + 1; y <= ring; y++) { cells.push([ring, y]); } // right, downwards
      for (x = ring - 1; x >= -ring; x--) { cells.push([x, ring]); } // bottom, right to left
      for (y = ring - 1; y > -ring; y--) { cells.push([-ring, y]); } // left, upwards
      for (var k = 0; k < cells.length && out.length < n; k++) { out.push([cells[k][0] * cell, cells[k][1] * cell]); }
    }
    return out;
  }

  /* How far down a box {l, t, r, b} must move to cover none of the rects (area names): below each one it meets. */
  function clearOf(box, rects) {
    var dy = 0;
    for (var pass = 0; pass <= rects.length; pass++) {
      var hit = null;
      for (var j = 0; j < rects.length; j++) {
        var q = rects[j];
        if (box.l < q.r && box.r > q.l && box.t + dy < q.b && box.b + dy > q.t) { hit = q; break; }
      }
      if (!hit) { return dy; }
      dy = hit.b + 3 - box.t;
    }
    return dy;
  }

  // The area names on the map, as container rects.
  function labelRects() {
    var c = st.map.getContainer(), cr = c.getBoundingClientRect(), out = [];
    c.querySelectorAll(".sq-label").forEach(function (el) {
      var r = el.getBoundingClientRect();
      out.push({ l: r.left - cr.left, t: r.top - cr.top, r: r.right - cr.left, b: r.bottom - cr.top });
    });
    return out;
  }

  // Fan out each stack around its spot, moved down clear of the area names and of the stacks fanned before it
  // (container offsets of every stacked point, in st.dx / st.dy).
  function fan(fx, fy, padX, padY) {
    var rects = labelRects(), half = FAN_CELL / 2;
    st.dx.fill(0); st.dy.fill(0);
    st.groups.forEach(function (g) {
      var x = fx(st.wx[g[0]]) - padX, y = fy(st.wy[g[0]]) - padY, offs = fanOut(g.length, FAN_CELL), ext = 0;
      offs.forEach(function (o) { ext = Math.max(ext, Math.abs(o[0]), Math.abs(o[1])); });
      var box = { l: x - ext - half, r: x + ext + half, t: y - ext - half, b: y + ext + half };
      var dy = clearOf(box, rects);
      rects.push({ l: box.l, r: box.r, t: box.t + dy, b: box.b + dy }); // the next stack keeps clear of this one too
      g.forEach(function (i, k) { st.dx[i] = offs[k][0]; st.dy[i] = offs[k][1] + dy; });
    });
  }


  function clustered() { return st.n >= CLUSTER_MIN && st.map.getZoom() < FREE_ZOOM; }

  function clusterAt(z) { // once per zoom and point set
    if (!st.levels[z]) { st.levels[z] = cluster(st, st.map.options.crs.scale(z) / 256); }
    return st.levels[z];
  }

  /* Greedy radius clustering of decoded points at scale s (pixels per zoom-0 unit), over a grid of RADIUS cells:
   * each point joins the first cluster seed within RADIUS pixels; deterministic (point order), O(n). */
  function cluster(pts, s) {
    var n = pts.n, X = pts.wx, Y = pts.wy, r2 = RADIUS * RADIUS;
    var grid = new Map(), cx = new Int32Array(n), cy = new Int32Array(n), i, j, k;
    for (i = 0; i < n; i++) {
      cx[i] = Math.floor(X[i] * s / RADIUS); cy[i] = Math.floor(Y[i] * s / RADIUS);
      k = cx[i] * 4194304 + cy[i];
      var cell = grid.get(k);
      if (cell) { cell.push(i); } else { grid.set(k, [i]); }
    }
    var owner = new Int32Array(n).fill(-1), out = [];
    for (i = 0; i < n; i++) {
      if (owner[i] >= 0) { continue; }
      var c = { x: 0, y: 0, n: 0, first: i, chains: {}, x0: X[i], y0: Y[i], x1: X[i], y1: Y[i] };
      var px = X[i] * s, py = Y[i] * s;
      for (var dx = -1; dx <= 1; dx++) {
        for (var dy = -1; dy <= 1; dy++) {
          var members = grid.get((cx[i] + dx) * 4194304 + cy[i] + dy);
          if (!members) { continue; }
          for (var m = 0; m < members.length; m++) {
            j = members[m];
            if (owner[j] >= 0) { continue; }
            var ex = X[j] * s - px, ey = Y[j] * s - py;
            if (ex * ex + ey * ey > r2) { continue; }
            owner[j] = out.length;
            c.n++; c.x += X[j]; c.y += Y[j];
            c.chains[pts.chain[j]] = (c.chains[pts.chain[j]] || 0) + 1;
            if (X[j] < c.x0) { c.x0 = X[j]; } if (X[j] > c.x1) { c.x1 = X[j]; }
            if (Y[j] < c.y0) { c.y0 = Y[j]; } if (Y[j] > c.y1) { c.y1 = Y[j]; }
          }
        }
      }
      c.x /= c.n; c.y /= c.n;
      out.push(c);
    }
    return out;
  }

  function origin() {
    var m = st.map, z = m.getZoom();
    return { z: z, s: m.options.crs.scale(z) / 256, o: m.project(m.containerPointToLatLng([0, 0]), z) };
  }

  function redraw() {
    if (!st.map || !st.lat) { return; }
    var m = st.map, size = m.getSize(), v = origin(), ratio = window.devicePixelRatio || 1;
    var padX = Math.round(size.x * PAD), padY = Math.round(size.y * PAD), w = size.x + 2 * padX, h = size.y + 2 * padY;
    var cv = st.canvas;
    cv.width = w * ratio; cv.height = h * ratio;
    cv.style.width = w + "px"; cv.style.height = h + "px";
    L.DomUtil.setPosition(cv, m.containerPointToLayerPoint([-padX, -padY]));
    cv.style.display = "";
    var ctx = cv.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    var hits = [], colors = st.cfg.colors, i;
    var fx = function (wx) { return wx * v.s - v.o.x + padX; }, fy = function (wy) { return wy * v.s - v.o.y + padY; };
    if (clustered()) {
      var cs = clusterAt(v.z), single = [];
      for (i = 0; i < cs.length; i++) {
        var c = cs[i], x = fx(c.x), y = fy(c.y);
        if (x < -40 || y < -40 || x > w + 40 || y > h + 40) { continue; }
        var stack = c.x0 === c.x1 && c.y0 === c.y1;
        if (c.n === 1 || stack) { single.push(c); continue; }
        var rad = Math.round(11 + 4 * Math.log(c.n) / Math.LN10);
        drawCluster(ctx, c, x, y, rad, colors);
        hits.push({ x: x - padX, y: y - padY, r: rad, c: c });
      }
      for (i = 0; i < single.length; i++) { drawPoint(ctx, single[i].first, fx, fy, colors, hits, padX, padY, single[i].n); }
    } else {
      if (st.groups.length) { fan(fx, fy, padX, padY); }
      for (i = 0; i < st.n; i++) {
        var px = fx(st.wx[i]), py = fy(st.wy[i]);
        if (px < -15 || py < -15 || px > w + 15 || py > h + 15) { continue; }
        drawPoint(ctx, i, fx, fy, colors, hits, padX, padY);
      }
    }
    st.hits = hits;
    st.redraws++;
  }

  /* A chain's colour: the palette after its first entry (no chain) cycled, so chain 21 takes chain 1's colour; its
     name is still its own (cfg.chains by chain number). */
  function chainColor(colors, chain) {
    return chain > 0 ? colors[(chain - 1) % (colors.length - 1) + 1] : colors[0];
  }

  /* A point's hover text: its kind, its chain's own name (by chain number, past twenty too) and the approximate mark. */
  function pointTip(cfg, kind, chain, approx) {
    return cfg.texts.kinds[kind] + " · " + (cfg.chains[chain] || "") + (approx ? " · " + cfg.texts.approx : "");
  }

  function drawPoint(ctx, i, fx, fy, colors, hits, padX, padY, count) {
    var fanned = !clustered();
    var x = fx(st.wx[i]) + (fanned ? st.dx[i] : 0), y = fy(st.wy[i]) + (fanned ? st.dy[i] : 0);
    var r = st.radius[i] / 10, approx = st.approx[i] === 1, k = st.kind[i];
    ctx.beginPath();
    if (k === 2) { ctx.rect(x - r, y - r, 2 * r, 2 * r); } else { ctx.arc(x, y, r, 0, 2 * Math.PI); }
    ctx.globalAlpha = 0.9; // placed approximately (in its area) is said by the dashed outline, not by fading
    ctx.fillStyle = chainColor(colors, st.chain[i]);
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.setLineDash(approx ? [3, 2] : []);
    ctx.lineWidth = KIND_WEIGHT[k];
    ctx.strokeStyle = KIND_LINE[k];
    ctx.stroke();
    hits.push({ x: x - padX, y: y - padY, r: r + KIND_WEIGHT[k] / 2, i: i, k: count });
  }

  function drawCluster(ctx, c, x, y, rad, colors) {
    var keys = Object.keys(c.chains), a = -Math.PI / 2;
    ctx.setLineDash([]);
    ctx.globalAlpha = 0.9;
    for (var q = 0; q < keys.length; q++) { // a ring: each chain's share of the cluster
      var b = a + 2 * Math.PI * c.chains[keys[q]] / c.n;
      ctx.beginPath(); ctx.moveTo(x, y); ctx.arc(x, y, rad, a, b); ctx.closePath();
      ctx.fillStyle = chainColor(colors, +keys[q]);
      ctx.fill();
      a = b;
    }
    ctx.globalAlpha = 1;
    ctx.beginPath(); ctx.arc(x, y, rad - 5, 0, 2 * Math.PI);
    ctx.fillStyle = "#ffffff"; ctx.fill();
    ctx.lineWidth = 1; ctx.strokeStyle = "#555555";
    ctx.beginPath(); ctx.arc(x, y, rad, 0, 2 * Math.PI); ctx.stroke();
    ctx.fillStyle = "#222222";
    ctx.font = "600 11px sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "middle";
    ctx.fillText(c.n >= 10000 ? Math.round(c.n / 1000) + "k" : String(c.n), x, y + 0.5);
  }

  /* The drawn point or cluster under a container position (the topmost, i.e. drawn last), or null. */
  function hitAt(p) {
    var best = null;
    for (var i = st.hits.length - 1; i >= 0; i--) {
      var hh = st.hits[i], dx = hh.x - p.x, dy = hh.y - p.y;
      if (dx * dx + dy * dy <= hh.r * hh.r) { best = hh; break; }
    }
    return best;
  }
  P.hitAt = function (x, y) { var h = hitAt({ x: x, y: y }); return h ? (h.c ? { cluster: h.c.n } : { point: h.i }) : null; };

  function latlngOf(i) { return L.latLng(st.lat[i] / 1e5, st.lng[i] / 1e5); }

  function hideTip() {
    if (st.tip) { st.tip.style.display = "none"; }
    if (st.map) { st.map.getContainer().style.cursor = ""; }
  }

  function hover(e) {
    var h = hitAt(e.containerPoint), tx = st.cfg.texts;
    if (!h) { hideTip(); return; }
    var text;
    if (h.c) {
      text = tx.cluster.replace("{n}", h.c.n);
    } else {
      var i = h.i, same = h.k || 0;
      for (var q = 0; !h.k && q < st.hits.length; q++) {
        var o = st.hits[q].i;
        if (o !== undefined && st.wx[o] === st.wx[i] && st.wy[o] === st.wy[i]) { same++; }
      }
      text = pointTip(st.cfg, st.kind[i], st.chain[i], st.approx[i] === 1);
      if (same > 1) { text += " · " + tx.stack.replace("{n}", same); }
    }
    st.tip.textContent = text;
    st.tip.style.display = "";
    st.tip.style.left = (h.x + h.r + 6) + "px";
    st.tip.style.top = (h.y - 10) + "px";
    st.map.getContainer().style.cursor = "pointer";
  }

  function click(e) {
    if (e.sqPoint) { return; }
    var h = hitAt(e.containerPoint), m = st.map;
    if (!h) { return; }
    hideTip();
    e.sqSkip = true; // the frame reports the point's own position (re-fired below), or nothing for a cluster
    if (h.c) { // open the cluster: zoom to its points; the click itself is not a pick
      var b = L.latLngBounds(m.unproject([h.c.x0, h.c.y0], 0), m.unproject([h.c.x1, h.c.y1], 0));
      m.fitBounds(b, { padding: [40, 40], maxZoom: FREE_ZOOM });
      return;
    }
    m.fire("click", { latlng: latlngOf(h.i), sqPoint: true, containerPoint: e.containerPoint });
  }

  /* For tests and the benchmark: what is drawn, without reading pixels. */
  P.info = function () {
    var pts = 0, cl = 0;
    st.hits.forEach(function (h) { if (h.c) { cl++; } else { pts++; } });
    return { url: st.url, n: st.n, ready: st.ready, ms: st.ms, bytes: st.fetched || 0, clustered: !!st.map && clustered(),
      drawnPoints: pts, drawnClusters: cl, redraws: st.redraws, fetches: st.fetches || 0, zoom: st.map ? st.map.getZoom() : null };
  };
  /* The drawn symbols (not clusters) in container pixels, with their kind and size (for tests). */
  P.symbols = function () {
    return st.hits.filter(function (h) { return !h.c; }).map(function (h) {
      return { x: h.x, y: h.y, r: h.r, kind: st.kind[h.i], approx: st.approx[h.i] === 1 };
    });
  };
  /* For the benchmark: milliseconds to cluster and draw after zooming by dz levels (no animation). */
  P.timeZoom = function (dz) {
    var t0 = performance.now();
    st.map.setZoom(st.map.getZoom() + dz, { animate: false }); // zoomend redraws, synchronously
    return performance.now() - t0;
  };
  /* The drawn clusters' container positions and counts, largest first (for tests). */
  P.clusters = function () {
    return st.hits.filter(function (h) { return h.c; }).map(function (h) { return { x: h.x, y: h.y, n: h.c.n }; })
      .sort(function (a, b) { return b.n - a.n; });
  };

  if (typeof module !== "undefined" && module.exports) { // loaded by Node's unit tests (tests/js); never in the browser
    module.exports = { decodePoints: decodePoints, chainColor: chainColor, pointTip: pointTip, cluster: cluster,
      RADIUS: RADIUS, stacks: stacks, fanOut: fanOut, clearOf: clearOf };
  }
})();
