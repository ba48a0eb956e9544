/* sq-layout map labels, served locally (no CDN); used by sqmap.js, which holds the map's state.
 * Up to SMALL_SET areas every label in view is shown, moved aside when it would cover another. Above that, labels
 * are placed once per zoom level for the whole set (cached until the next restyle) where they fit inside their
 * area's extent and collide with no label of higher priority; only the placed labels in view become elements.
 */
(function () {
  "use strict";
  var SMALL_SET = 60;
  // where a label may go, in steps of half its width (x) and its height (y), tried in this order
  var OFFSETS = [[0, 0], [0, -1], [0, 1], [1, 0], [-1, 0], [1, -1], [-1, -1], [1, 1], [-1, 1], [0, -2], [0, 2], [2, 0],
    [-2, 0]];
  var st = null; // the map's state (sqmap.js), set by place()
  var widths = {};

  function textWidth(text, zone) {
    var k = (zone ? "z" : "c") + text;
    if (widths[k] === undefined) {
      if (!st.ctx) { st.ctx = document.createElement("canvas").getContext("2d"); }
      st.ctx.font = (zone ? "italic 500 11px " : "600 12px ") + "'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
      widths[k] = st.ctx.measureText(text).width + 6;
    }
    return widths[k];
  }

  /* A name without its trailing bracketed note (“苏宿园区（示意）” → “苏宿园区”), for an area too small for the
   * whole name: the legend and the tooltip say what the note said. */
  function shortName(text) {
    return text.replace(/\s*[（(][^（()）]*[)）]$/, "") || text;
  }

  function candidate(layer, lang) {
    var p = layer.feature.properties, zone = p.kind === "zone", text = p.name[lang], short = shortName(text);
    var prio = (layer._sqEmph ? 0 : 1e6) + (zone ? 5e5 : 0) + p.rank;
    if (p.area_id === (st.spec && st.spec.sel)) { prio = -1; }
    return { layer: layer, p: p, w: textWidth(text, zone), h: zone ? 15 : 16, zone: zone, text: text, prio: prio,
      short: short, shortW: textWidth(short, zone) };
  }

  /* Labels (x, y: the area's point; w, h: the label's size; prio: lower first; optionally area: the area's box
   * {l, t, r, b} and short, shortW: a shorter name and its width) placed in a view of the given size: each at its
   * point or at the first of OFFSETS that stays inside the view and covers no label placed before it, inside its
   * area's box if it can (whole name, then the short one), else wherever it fits (the short name); a label with no
   * such place is left out. Returns { c, x, y, w, text, moved } in view pixels, in placing order. */
  function spread(cands, size) {
    cands.sort(function (a, b) { return a.prio - b.prio; });
    var placed = [], out = [];
    cands.forEach(function (c) {
      var whole = { text: c.text, w: c.w }, forms = [whole];
      if (c.short && c.short !== c.text) { forms.push({ text: c.short, w: c.shortW }); }
      var tries = forms.map(function (f) { return [f, !!c.area]; }).concat([[forms[forms.length - 1], false]]);
      for (var n = 0; n < tries.length; n++) {
        var f = tries[n][0], inside = tries[n][1];
        for (var k = 0; k < OFFSETS.length; k++) {
          var x = c.x + OFFSETS[k][0] * (f.w / 2 + 4), y = c.y + OFFSETS[k][1] * (c.h + 2);
          var r = { l: x - f.w / 2, r: x + f.w / 2, t: y - c.h / 2, b: y + c.h / 2 };
          if (r.l < 0 || r.t < 0 || r.r > size.x || r.b > size.y) { continue; }
          if (inside && !within(r, c.area)) { continue; }
          var hit = placed.some(function (q) { return r.l < q.r && r.r > q.l && r.t < q.b && r.b > q.t; });
          if (!hit) {
            placed.push(r);
            out.push({ c: c, x: x, y: y, w: f.w, text: f.text, moved: k > 0 });
            return;
          }
        }
      }
    });
    return out;
  }

  function within(r, a) { // 2 px of slack: an area's box is drawn with its outline
    return r.l >= a.l - 2 && r.r <= a.r + 2 && r.t >= a.t - 2 && r.b <= a.b + 2;
  }

  // Up to SMALL_SET areas: every label in view, moved aside when it would cover another.
  function placeSmall(m) {
    var size = m.getSize(), lang = st.cfg.lang, cands = [];
    for (var i = 0; i < st.layers.length; i++) {
      var pt = m.latLngToContainerPoint(st.layers[i].feature.properties.lp);
      if (pt.x < -50 || pt.y < -20 || pt.x > size.x + 50 || pt.y > size.y + 20) { continue; }
      var b = st.layers[i].getBounds(), nw = m.latLngToContainerPoint(b.getNorthWest());
      var se = m.latLngToContainerPoint(b.getSouthEast());
      cands.push(L.extend(candidate(st.layers[i], lang), { x: pt.x, y: pt.y, area: { l: nw.x, t: nw.y, r: se.x, b: se.y } }));
    }
    return spread(cands, size).map(function (o) {
      var lp = m.containerPointToLayerPoint([o.x, o.y]);
      return { c: o.c, x: lp.x, y: lp.y, moved: o.moved, text: o.text };
    });
  }

  /* More areas: one placement per zoom level for the whole set (cached until the next restyle), so a pan or a return
   * to a zoom level only shows what is cached. A label is placed only where it fits inside its area's extent and
   * collides with no label of higher priority (a grid of cells keeps the test cheap); the DOM holds only the placed
   * labels in view. */
  function placeWorld(z) {
    var s = 256 * Math.pow(2, z), lang = st.cfg.lang, cands = [];
    for (var i = 0; i < st.layers.length; i++) {
      var layer = st.layers[i], box = layer._sqBox, cand = candidate(layer, lang);
      if ((box[2] - box[0]) * s < cand.w * 0.8 || (box[3] - box[1]) * s < cand.h * 1.2) { continue; } // too small yet
      cand.x = layer._sqLp[0] * s; cand.y = layer._sqLp[1] * s;
      cands.push(cand);
    }
    return gridPlace(cands);
  }

  /* Labels (x, y, w, h, prio) placed by priority where they cover no label placed before (with a margin of 2 px
   * across, 1 px down); the others are left out. Returns { c, r: the label's box } in placing order. */
  function gridPlace(cands) {
    var CELL = 64, grid = {}, out = [];
    cands.sort(function (a, b) { return a.prio - b.prio; });
    cands.forEach(function (c) {
      var r = { l: c.x - c.w / 2 - 2, r: c.x + c.w / 2 + 2, t: c.y - c.h / 2 - 1, b: c.y + c.h / 2 + 1 }, keys = [];
      for (var gx = Math.floor(r.l / CELL); gx <= Math.floor(r.r / CELL); gx++) {
        for (var gy = Math.floor(r.t / CELL); gy <= Math.floor(r.b / CELL); gy++) {
          var k = gx + ":" + gy, cell = grid[k] || [];
          for (var j = 0; j < cell.length; j++) {
            var q = cell[j];
            if (r.l < q.r && r.r > q.l && r.t < q.b && r.b > q.t) { return; }
          }
          keys.push(k);
        }
      }
      keys.forEach(function (key) { (grid[key] = grid[key] || []).push(r); });
      out.push({ c: c, r: r });
    });
    return out;
  }

  function placeLarge(m) {
    var z = m.getZoom(), gen = st.restyles + "|" + (st.spec && st.spec.sel);
    if (!st.labelCache || st.labelCache.gen !== gen) { st.labelCache = { gen: gen, byZoom: {}, n: 0 }; }
    var cache = st.labelCache, world = cache.byZoom[z];
    if (!world) {
      if (cache.n > 40) { cache.byZoom = {}; cache.n = 0; }
      world = cache.byZoom[z] = placeWorld(z);
      cache.n++;
    }
    var pb = m.getPixelBounds(), o = m.getPixelOrigin(), out = [];
    world.forEach(function (w) {
      if (w.r.r > pb.min.x && w.r.l < pb.max.x && w.r.b > pb.min.y && w.r.t < pb.max.y) {
        out.push({ c: w.c, x: w.c.x - o.x, y: w.c.y - o.y, moved: false });
      }
    });
    return out;
  }

  // Show the placed labels, reusing the elements of labels still shown (by area).
  function render(out) {
    var shown = st.shown || {}, next = {};
    out.forEach(function (o) {
      var id = o.c.p.area_id, l = o.c.layer, div = shown[id];
      var cls = "sq-label" + (o.c.zone ? " sq-zone-label" : "") + (l._sqDark ? " sq-on-dark" : "") +
        (l._sqEmph ? " sq-emph" : "") + (o.moved ? " sq-moved" : "");
      if (!div) {
        div = L.DomUtil.create("div", cls, st.labelBox);
        div.setAttribute("data-area", id);
      } else if (div.className !== cls) {
        div.className = cls;
      }
      var text = o.text || o.c.text;
      if (div.textContent !== text) { div.textContent = text; }
      div.title = text === o.c.text ? "" : o.c.text;
      div.style.left = o.x + "px";
      div.style.top = o.y + "px";
      next[id] = div;
      delete shown[id];
    });
    for (var id in shown) { L.DomUtil.remove(shown[id]); }
    st.shown = next;
  }

  /* Place and show the labels for the map's current view; returns how many are shown. */
  function place(shared) {
    st = shared;
    var m = st.map, out = st.layers.length <= SMALL_SET ? placeSmall(m) : placeLarge(m);
    render(out);
    st.labelBox.style.display = "";
    return out.length;
  }

  window.sqLabels = { place: place };
  if (typeof module !== "undefined" && module.exports) { // loaded by Node's unit tests (tests/js); never in the browser
    module.exports = { spread: spread, gridPlace: gridPlace, shortName: shortName };
  }
})();

