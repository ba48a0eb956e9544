/* sq-layout map runtime, served locally (no CDN).
 * The areas are fetched once from a static GeoJSON file; every Streamlit rerun then only calls sqMap.restyle() with
 * a palette and one palette index per area (in file order). Labels are placed in one pane, greedily by priority,
 * only where they do not collide and (for large sets) where they fit inside their area.
 */
(function () {
  "use strict";
  var S = (window.sqMap = window.sqMap || {});
  var st = { loaded: false, layers: [], byId: {}, pending: null, spec: null, zoomed: null, widths: {} };
  var SMALL_SET = 60; // up to this many areas every label is shown, moved aside if needed

  function lum(hex) {
    var m = /^#?([0-9a-f]{6})$/i.exec(hex || "");
    if (!m) { return 1; }
    var n = parseInt(m[1], 16);
    var c = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  function control(position, className) {
    var C = L.Control.extend({
      onAdd: function () {
        var div = L.DomUtil.create("div", className);
        L.DomEvent.disableClickPropagation(div);
        return div;
      }
    });
    var c = new C({ position: position });
    c.addTo(st.map);
    return c;
  }

  // one notice per slot ("load", "tiles"), so clearing the loading message never hides a basemap warning
  function notice(text, kind, slot) {
    st.notices = st.notices || {};
    if (!st.notices[slot]) { st.notices[slot] = control("topleft", "sq-notice"); }
    var div = st.notices[slot].getContainer();
    div.textContent = text;
    div.className = "sq-notice leaflet-control sq-notice-" + kind;
    div.style.display = text ? "" : "none";
  }

  function baseStyle(p) {
    var s = L.extend({}, st.cfg.base[p.kind] || st.cfg.base.county);
    if (p.solid) { s.dashArray = null; }
    if (!st.cfg.canvas) {
      s.className = "sq-area sq-area-" + p.area_id + (p.kind === "zone" ? " sq-zone" : "");
    }
    return s;
  }

  /* Thousands of areas on one Canvas: each area's outline is converted to Web Mercator once (0..1 "world" units),
   * so a zoom step only scales and rounds (Leaflet would re-project every vertex with new objects), and areas far
   * outside the view are not projected until they come near it. */
  function unit(lat, lng) {
    var s = Math.sin(Math.max(Math.min(lat, 85.0511287798), -85.0511287798) * Math.PI / 180);
    return [0.5 + lng / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
  }

  function flatRings(latlngs, out) {
    if (latlngs[0] instanceof L.LatLng) {
      var r = new Float64Array(latlngs.length * 2);
      for (var i = 0; i < latlngs.length; i++) {
        var u = unit(latlngs[i].lat, latlngs[i].lng);
        r[2 * i] = u[0]; r[2 * i + 1] = u[1];
      }
      out.push(r);
    } else {
      for (var k = 0; k < latlngs.length; k++) { flatRings(latlngs[k], out); }
    }
    return out;
  }

  function prepare(layer, fast) {
    var b = layer.getBounds(), lp = layer.feature.properties.lp;
    var nw = unit(b.getNorth(), b.getWest()), se = unit(b.getSouth(), b.getEast());
    layer._sqBox = [nw[0], nw[1], se[0], se[1]];
    layer._sqLp = unit(lp[0], lp[1]);
    if (fast) {
      layer._sqRings = flatRings(layer.getLatLngs(), []);
      layer._project = fastProject;
    }
  }

  function viewBox(m, pad) {
    var pb = m.getPixelBounds(), s = 256 * Math.pow(2, m.getZoom());
    var dx = (pb.max.x - pb.min.x) * pad, dy = (pb.max.y - pb.min.y) * pad;
    return [(pb.min.x - dx) / s, (pb.min.y - dy) / s, (pb.max.x + dx) / s, (pb.max.y + dy) / s];
  }

  function near(layer, v) {
    var b = layer._sqBox;
    return b[2] >= v[0] && b[0] <= v[2] && b[3] >= v[1] && b[1] <= v[3];
  }

  function fastProject() {
    var m = this._map, z = m.getZoom(), s = 256 * Math.pow(2, z), o = m.getPixelOrigin();
    var key = z + "|" + o.x + "|" + o.y;
    if (this._sqKey === key) { return; }
    if (!near(this, viewBox(m, 0.5))) { // not drawn, not clickable; projected once it comes near the view
      this._rings = []; this._rawPxBounds = this._pxBounds = null; this._sqKey = null;
      return;
    }
    var rings = [], x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (var i = 0; i < this._sqRings.length; i++) {
      var r = this._sqRings[i], pts = new Array(r.length / 2);
      for (var j = 0; j < pts.length; j++) {
        var x = Math.round(r[2 * j] * s) - o.x, y = Math.round(r[2 * j + 1] * s) - o.y;
        pts[j] = new L.Point(x, y);
        if (x < x0) { x0 = x; } if (x > x1) { x1 = x; }
        if (y < y0) { y0 = y; } if (y > y1) { y1 = y; }
      }
      rings.push(pts);
    }
    this._rings = rings;
    this._rawPxBounds = new L.Bounds([x0, y0], [x1, y1]);
    this._updateBounds();
    this._sqKey = key;
  }

  function projectStale() {
    if (!st.loaded || !st.cfg.canvas) { return; }
    var m = st.map, o = m.getPixelOrigin(), key = m.getZoom() + "|" + o.x + "|" + o.y, v = viewBox(m, 0.5);
    for (var i = 0; i < st.layers.length; i++) {
      var layer = st.layers[i];
      if (layer._sqKey !== key && layer._project === fastProject && near(layer, v)) { layer._project(); }
    }
  }

  S.init = function (map, cfg) {
    st.map = map;
    st.cfg = cfg;
    var opts = { style: function (f) { return baseStyle(f.properties); } };
    if (cfg.canvas) { opts.renderer = L.canvas({ padding: 0.1, tolerance: 1 }); }
    var fast = cfg.canvas && map.options.crs === L.CRS.EPSG3857;
    opts.onEachFeature = function (f, layer) {
      st.layers.push(layer);
      st.byId[f.properties.area_id] = layer;
      prepare(layer, fast);
    };
    st.group = L.geoJSON(null, opts).addTo(map);
    st.group.bindTooltip(function (layer) { return layer.feature.properties.tip[cfg.lang]; },
      { sticky: true, className: "sq-tooltip" });
    // a click answers in the page: the tooltip must not cover the selection
    st.group.on("click", function () { st.group.closeTooltip(); });
    map.createPane("sqLabels");
    st.labelBox = L.DomUtil.create("div", "sq-labels", map.getPane("sqLabels"));
    map.on("zoomstart", function () { st.labelBox.style.display = "none"; });
    // registered before the Canvas renderer exists, so areas panned into view are projected before it redraws
    map.on("moveend", projectStale);
    map.on("zoomend moveend resize", schedule);
    notice(cfg.texts.loading, "info", "load");
    var t0 = performance.now();
    fetch(cfg.url).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    }).then(function (doc) {
      st.group.addData(doc);
      st.loaded = true;
      notice("", "info", "load");
      S.loadMs = performance.now() - t0;
      apply(st.pending);
      document.body.setAttribute("data-sq-ready", "1");
    }).catch(function (e) {
      notice(cfg.texts.failed, "error", "load");
      if (window.console) { console.error("sq-layout: area outlines failed to load", e); }
    });
    return st.group;
  };

  S.watchTiles = function (map, text) {
    map.eachLayer(function (layer) {
      if (layer instanceof L.TileLayer) {
        layer.on("tileerror", function () { st.tileError = true; notice(text, "warn", "tiles"); });
      }
    });
  };

  function classes(layer, extra) {
    if (!layer._path) { return; }
    var p = layer.feature.properties;
    var keep = (layer._path.getAttribute("class") || "").split(" ").filter(function (c) {
      return c && !/^sq-(host|dim|n\d+|selected|value|b\d+|theme|t\d+)(-|$)/.test(c);
    });
    layer._path.setAttribute("class", keep.concat(extra.replace(/\{id\}/g, p.area_id).split(" ")).join(" ").trim());
  }

  function apply(spec) {
    if (!spec) { return; }
    if (!st.loaded) { st.pending = spec; return; }
    st.pending = null;
    if (spec.key !== st.cfg.key) { return; } // style data for another area order
    st.spec = spec;
    S.restyles = (S.restyles || 0) + 1;
    var pal = spec.palette, idx = spec.idx, sel = spec.sel, selLayer = null;
    for (var i = 0; i < st.layers.length; i++) {
      var layer = st.layers[i], p = layer.feature.properties;
      var entry = pal[parseInt(idx.charAt(i), 36)] || null;
      var s = baseStyle(p), cls = "";
      if (entry) {
        s.fillColor = entry.f; s.fillOpacity = entry.o;
        if (entry.c) { s.color = entry.c; }
        if (entry.w) { s.weight = entry.w; }
        if (entry.d !== undefined) { s.dashArray = entry.d; }
        cls = entry.k || "";
      }
      if (p.area_id === sel) {
        s.color = spec.selStyle.color; s.weight = spec.selStyle.weight;
        cls += " sq-selected-{id}";
        selLayer = layer;
      }
      var sig = JSON.stringify(s) + cls;
      if (layer._sqSig !== sig) {
        delete s.className;
        layer.setStyle(s);
        classes(layer, cls);
        layer._sqSig = sig;
      }
      layer._sqDark = lum(s.fillColor) * s.fillOpacity + (1 - s.fillOpacity) < 0.4;
      layer._sqEmph = !!(entry && entry.e) || layer === selLayer;
    }
    if (selLayer) {
      selLayer.bringToFront();
      if (sel !== st.zoomed) { st.zoomed = sel; reveal(selLayer); }
    } else {
      st.zoomed = null;
    }
    legend(spec.legend);
    schedule();
  }
  S.restyle = apply;

  // Bring a selected area into view, zooming in when it is too small to see or click comfortably.
  function reveal(layer) {
    var m = st.map, b = layer.getBounds(), size = m.getSize();
    var nw = m.latLngToContainerPoint(b.getNorthWest()), se = m.latLngToContainerPoint(b.getSouthEast());
    var w = Math.abs(se.x - nw.x), h = Math.abs(se.y - nw.y);
    var inView = nw.x >= 0 && nw.y >= 0 && se.x <= size.x && se.y <= size.y;
    if (!inView || (w < size.x / 4 && h < size.y / 4)) {
      m.fitBounds(b, { padding: [40, 40], maxZoom: Math.max(m.getZoom(), 13) });
    }
  }

  function legend(spec) {
    if (!spec) { if (st.legend) { st.legend.getContainer().style.display = "none"; } return; }
    if (!st.legend) { st.legend = control("topright", "sq-map-legend"); }
    var div = st.legend.getContainer();
    div.style.display = "";
    div.textContent = "";
    var title = L.DomUtil.create("div", "sq-map-legend-title", div);
    title.textContent = spec.title;
    spec.items.forEach(function (it) {
      var row = L.DomUtil.create("div", "sq-map-legend-row", div);
      var sw = L.DomUtil.create("span", "sq-sw", row);
      sw.style.background = it[0];
      if (it[2]) { sw.style.border = "1.5px dashed #222"; }
      row.appendChild(document.createTextNode(it[1]));
    });
  }

  var queued = false;
  function schedule() {
    if (queued) { return; }
    queued = true;
    L.Util.requestAnimFrame(function () { queued = false; placeLabels(); });
  }

  function textWidth(text, zone) {
    var k = (zone ? "z" : "c") + text;
    if (st.widths[k] === undefined) {
      if (!st.ctx) { st.ctx = document.createElement("canvas").getContext("2d"); }
      st.ctx.font = (zone ? "italic 500 11px " : "600 12px ") + "'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
      st.widths[k] = st.ctx.measureText(text).width + 6;
    }
    return st.widths[k];
  }

  function candidate(layer, lang) {
    var p = layer.feature.properties, zone = p.kind === "zone", text = p.name[lang];
    var prio = (layer._sqEmph ? 0 : 1e6) + (zone ? 5e5 : 0) + p.rank;
    if (p.area_id === (st.spec && st.spec.sel)) { prio = -1; }
    return { layer: layer, p: p, w: textWidth(text, zone), h: zone ? 15 : 16, zone: zone, text: text, prio: prio };
  }

  // Up to SMALL_SET areas: every label in view, moved aside when it would cover another.
  function placeSmall(m) {
    var size = m.getSize(), lang = st.cfg.lang, cands = [];
    for (var i = 0; i < st.layers.length; i++) {
      var pt = m.latLngToContainerPoint(st.layers[i].feature.properties.lp);
      if (pt.x < -50 || pt.y < -20 || pt.x > size.x + 50 || pt.y > size.y + 20) { continue; }
      cands.push(L.extend(candidate(st.layers[i], lang), { x: pt.x, y: pt.y }));
    }
    cands.sort(function (a, b) { return a.prio - b.prio; });
    var placed = [], out = [];
    cands.forEach(function (c) {
      var offsets = [[0, 0], [0, -1], [0, 1], [1, 0], [-1, 0], [1, -1], [-1, -1], [1, 1], [-1, 1],
        [0, -2], [0, 2], [2, 0], [-2, 0]];
      for (var k = 0; k < offsets.length; k++) {
        var x = c.x + offsets[k][0] * (c.w / 2 + 4), y = c.y + offsets[k][1] * (c.h + 2);
        var r = { l: x - c.w / 2, r: x + c.w / 2, t: y - c.h / 2, b: y + c.h / 2 };
        if (r.l < 0 || r.t < 0 || r.r > size.x || r.b > size.y) { continue; }
        var hit = placed.some(function (q) { return r.l < q.r && r.r > q.l && r.t < q.b && r.b > q.t; });
        if (!hit) {
          placed.push(r);
          var lp = m.containerPointToLayerPoint([x, y]);
          out.push({ c: c, x: lp.x, y: lp.y, moved: k > 0 });
          return;
        }
      }
    });
    return out;
  }

  /* More areas: one placement per zoom level for the whole set (cached until the next restyle), so a pan or a return
   * to a zoom level only shows what is cached. A label is placed only where it fits inside its area's extent and
   * collides with no label of higher priority (a grid of cells keeps the test cheap); the DOM holds only the placed
   * labels in view. */
  function placeWorld(z) {
    var s = 256 * Math.pow(2, z), lang = st.cfg.lang, cands = [], CELL = 64, grid = {}, out = [];
    for (var i = 0; i < st.layers.length; i++) {
      var layer = st.layers[i], b = layer._sqBox, c = candidate(layer, lang);
      if ((b[2] - b[0]) * s < c.w * 0.8 || (b[3] - b[1]) * s < c.h * 1.2) { continue; } // does not fit yet
      c.x = layer._sqLp[0] * s; c.y = layer._sqLp[1] * s;
      cands.push(c);
    }
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
      keys.forEach(function (k) { (grid[k] = grid[k] || []).push(r); });
      out.push({ c: c, r: r });
    });
    return out;
  }

  function placeLarge(m) {
    var z = m.getZoom(), gen = (S.restyles || 0) + "|" + (st.spec && st.spec.sel);
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
      if (div.textContent !== o.c.text) { div.textContent = o.c.text; }
      div.style.left = o.x + "px";
      div.style.top = o.y + "px";
      next[id] = div;
      delete shown[id];
    });
    for (var id in shown) { L.DomUtil.remove(shown[id]); }
    st.shown = next;
  }

  function placeLabels() {
    if (!st.loaded) { return; }
    var m = st.map, out = st.layers.length <= SMALL_SET ? placeSmall(m) : placeLarge(m);
    render(out);
    st.labelBox.style.display = "";
    S.placed = out.length;
  }
  S.placeLabels = placeLabels;

  /* For tests and the benchmark: what is drawn, without reading pixels. */
  S.info = function () {
    var counts = {};
    st.layers.forEach(function (l) {
      var s = l.options.fillColor + "|" + l.options.fillOpacity;
      counts[s] = (counts[s] || 0) + 1;
    });
    return {
      loaded: st.loaded, areas: st.layers.length, canvas: !!st.cfg.canvas, selected: st.spec ? st.spec.sel : null,
      fills: counts, labels: S.placed || 0, restyles: S.restyles || 0, tileError: !!st.tileError, loadMs: S.loadMs || null
    };
  };
  S.style = function (areaId) {
    var l = st.byId[areaId];
    return l ? { fillColor: l.options.fillColor, fillOpacity: l.options.fillOpacity, color: l.options.color,
      weight: l.options.weight, dark: !!l._sqDark } : null;
  };
  S.center = function (areaId) {
    var l = st.byId[areaId];
    return l ? l.feature.properties.lp : null;
  };
})();
