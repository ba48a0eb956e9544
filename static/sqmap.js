/* sq-layout map runtime, served locally (no CDN), run in the map frame (static/mapframe/index.html).
 * The areas are fetched once from a static GeoJSON file; every Streamlit rerun then only calls sqMap.restyle() with
 * a palette and one palette index per area (in file order). Labels are placed in one pane, greedily by priority,
 * only where they do not collide and (for large sets) where they fit inside their area.
 */
(function () {
  "use strict";
  var S = (window.sqMap = window.sqMap || {});
  var st = fresh();

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
    layer._sqLevel = layer._sqCoarse = { latlngs: layer._latlngs, rings: layer._sqRings };
  }

  /* A finer level of the outlines (large sets only), fetched once per region when zoomed in; each area draws the
   * level that suits the zoom (switched on zoomend, before the renderer projects). */
  function wantFine() { // levels in from the zoom that shows the whole set in the map's current size
    return !!st.cfg.detail && st.map.getZoom() >= st.map.getBoundsZoom(st.extent) + st.cfg.detail.zoomIn;
  }

  function level(layer, fine) {
    var d = fine && layer._sqFine ? layer._sqFine : layer._sqCoarse;
    if (layer._sqLevel === d) { return false; }
    layer._latlngs = d.latlngs;
    layer._sqRings = d.rings;
    layer._sqLevel = d;
    layer._sqKey = null;
    return true;
  }

  function swapLevels() {
    if (!st.loaded || !st.cfg.detail) { return; }
    var fine = wantFine();
    st.fineLayers.forEach(function (layer) { level(layer, fine); });
  }

  function openRings(latlngs) { // as Leaflet keeps polygon rings: without the closing point
    if (latlngs[0] instanceof L.LatLng) {
      if (latlngs.length > 1 && latlngs[0].equals(latlngs[latlngs.length - 1])) { latlngs.pop(); }
    } else {
      latlngs.forEach(openRings);
    }
    return latlngs;
  }

  function fetchDetail() {
    if (!st.loaded || !wantFine()) { return; }
    var view = st.map.getBounds().pad(0.25), mine = st;
    st.cfg.detail.regions.forEach(function (r, k) {
      if (st.regions[k] || !view.intersects([[r.bbox[1], r.bbox[0]], [r.bbox[3], r.bbox[2]]])) { return; }
      st.regions[k] = "loading";
      fetch(r.url).then(function (resp) {
        if (!resp.ok) { throw new Error(resp.status); }
        return resp.json();
      }).then(function (doc) {
        if (st !== mine) { return; } // the map was rebuilt (another language, basemap or version) meanwhile
        var fine = wantFine();
        doc.idx.forEach(function (i, j) {
          var layer = st.layers[i], g = doc.geometries[j];
          var latlngs = openRings(L.GeoJSON.coordsToLatLngs(g.coordinates, g.type === "Polygon" ? 1 : 2));
          layer._sqFine = { latlngs: latlngs, rings: layer._project === fastProject ? flatRings(latlngs, []) : null };
          st.fineLayers.push(layer);
          if (level(layer, fine)) { layer.redraw(); }
        });
        st.regions[k] = "done";
        S.detailRegions = (S.detailRegions || 0) + 1;
      }).catch(function (e) {
        mine.regions[k] = "failed"; // the coarser outlines stay; no retry loop
        if (window.console) { console.warn("sq-layout: finer outlines failed to load", e); }
      });
    });
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

  function fresh() {
    return { loaded: false, layers: [], byId: {}, pending: null, spec: null, zoomed: null };
  }

  /* A new base map in the same frame (another language, basemap or version): forget the old one's areas. */
  S.reset = function () { st = fresh(); };

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
      { sticky: true, className: "sq-tooltip", direction: "center" });
    // a click answers in the page: the tooltip must not cover the selection (closed on a click, never shown over the
    // selected area, and placed beside the cursor away from the selection and inside the map)
    st.group.on("click", function () { st.group.closeTooltip(); });
    st.group.on("mouseover mousemove", steerTip);
    map.createPane("sqLabels");
    st.labelBox = L.DomUtil.create("div", "sq-labels", map.getPane("sqLabels"));
    map.on("zoomstart", function () { st.labelBox.style.display = "none"; });
    // registered before the Canvas renderer exists, so levels switch and areas panned into view are projected
    // before it projects and redraws
    st.regions = {};
    st.fineLayers = [];
    map.on("zoomend", swapLevels);
    map.on("moveend", projectStale);
    map.on("moveend", fetchDetail);
    map.on("zoomend moveend resize", schedule);
    notice(cfg.texts.loading, "info", "load");
    var t0 = performance.now(), mine = st;
    var packed = window.sqFile ? window.sqFile(cfg.url) : null; // packed into the frame's page by a first paint
    (packed || fetch(cfg.url).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    })).then(function (doc) {
      if (st !== mine) { return; } // this map was replaced while its areas were on the way
      st.group.addData(doc);
      st.extent = st.group.getBounds();
      st.loaded = true;
      notice("", "info", "load");
      S.loadMs = performance.now() - t0;
      apply(st.pending);
      document.body.setAttribute("data-sq-ready", "1");
    }).catch(function (e) {
      if (st !== mine) { return; }
      notice(cfg.texts.failed, "error", "load");
      if (window.console) { console.error("sq-layout: area outlines failed to load", e); }
    });
    return st.group;
  };

  /* Where a tooltip of size tip {w, h} goes beside the cursor (container point {x, y}) in a map of size {x, y}:
   * right, left, below or above it, moved inside the map, the first that covers neither the cursor nor the box
   * `avoid` {l, t, r, b} (the selected area), else the one covering the least of it. Returns the offset of the
   * tooltip's centre from the cursor. */
  function tipOffset(cursor, size, tip, avoid) {
    var gap = 14, w = tip.w, h = tip.h, cx = cursor.x, cy = cursor.y, best = null;
    var boxes = [[cx + gap, cy - h / 2], [cx - gap - w, cy - h / 2], [cx - w / 2, cy + gap + 4],
      [cx - w / 2, cy - gap - 4 - h], [cx + gap, cy + gap], [cx - gap - w, cy + gap], [cx + gap, cy - gap - h],
      [cx - gap - w, cy - gap - h]];
    for (var i = 0; i < boxes.length; i++) {
      var l = Math.max(2, Math.min(boxes[i][0], size.x - w - 2)), t = Math.max(2, Math.min(boxes[i][1], size.y - h - 2));
      var score = (cx >= l && cx <= l + w && cy >= t && cy <= t + h) ? 1e9 : 0;
      if (avoid) {
        var ox = Math.min(l + w, avoid.r) - Math.max(l, avoid.l), oy = Math.min(t + h, avoid.b) - Math.max(t, avoid.t);
        if (ox > 0 && oy > 0) { score += ox * oy; }
      }
      if (!best || score < best.score) { best = { score: score, l: l, t: t }; }
      if (score === 0) { break; }
    }
    return { x: best.l + w / 2 - cx, y: best.t + h / 2 - cy };
  }

  function containerBox(layer) {
    var b = layer.getBounds(), nw = st.map.latLngToContainerPoint(b.getNorthWest());
    var se = st.map.latLngToContainerPoint(b.getSouthEast());
    return { l: Math.min(nw.x, se.x), t: Math.min(nw.y, se.y), r: Math.max(nw.x, se.x), b: Math.max(nw.y, se.y) };
  }

  function steerTip(e) {
    var tip = st.group.getTooltip();
    if (!tip || !tip.isOpen() || !e.containerPoint) { return; }
    var sel = st.spec && st.spec.sel ? st.byId[st.spec.sel] : null;
    if (sel && (e.layer === sel || e.propagatedFrom === sel)) { st.group.closeTooltip(); return; } // the page says it
    var el = tip.getElement();
    var off = tipOffset(e.containerPoint, st.map.getSize(), { w: el.offsetWidth, h: el.offsetHeight },
      sel ? containerBox(sel) : null);
    tip.options.offset = L.point(Math.round(off.x), Math.round(off.y));
    tip.setLatLng(st.map.containerPointToLatLng(e.containerPoint));
  }

  /* Whether a click (time t in ms, container x, y) is the second half of a double-click on the same spot after prev
   * (Leaflet zooms in on a double-click; its second click must not undo the first one's pick). */
  function isDoubleClick(prev, cur) {
    return !!prev && cur.t - prev.t < 400 && Math.abs(cur.x - prev.x) <= 4 && Math.abs(cur.y - prev.y) <= 4;
  }
  S.isDoubleClick = isDoubleClick;

  /* Whether going from URL `from` to URL `to` (path and query, relative to the page) changes only the parameters in
   * `quiet` (the reader's settings, e.g. language and basemap): not a view to come back to with Back. */
  function quietChange(from, to, quiet) {
    var a = new URL(from, "http://x/"), b = new URL(to, "http://x/");
    if (a.pathname !== b.pathname) { return false; }
    var keys = {};
    a.searchParams.forEach(function (v, k) { keys[k] = 1; });
    b.searchParams.forEach(function (v, k) { keys[k] = 1; });
    for (var k in keys) {
      if (quiet.indexOf(k) < 0 && a.searchParams.getAll(k).join("\u0000") !== b.searchParams.getAll(k).join("\u0000")) {
        return false;
      }
    }
    return true;
  }

  /* Replace the page's history.pushState by one that replaces the current entry when only the `quiet` parameters
   * change (see quietChange, handed in as its source). */
  function installGuard(win, quiet, quiet_change) {
    var h = win.history, push = h.pushState;
    h.pushState = function (state, title, url) {
      var here = win.location.pathname + win.location.search;
      if (url !== undefined && url !== null && quiet_change(here, "" + url, quiet)) {
        return h.replaceState(state, title, url);
      }
      return push.call(h, state, title, url);
    };
    h.sqGuarded = true;
  }

  /* The page writes its view into the URL, one history entry per write. Keep one entry per view a reader would go
   * back to: a write that changes only the reader's settings replaces the current entry instead. Installed once on
   * the page that holds the map frame (same origin; a page of another origin is left alone), as a script of that
   * page: this frame goes when the page shows another view, and its functions lose their globals with it. */
  S.guardHistory = function (win, quiet) {
    try {
      if (win.history.sqGuarded) { return; }
      var el = win.document.createElement("script");
      el.textContent = "(" + installGuard + ")(window, " + JSON.stringify(quiet) + ", " + quietChange + ");";
      win.document.head.appendChild(el);
      el.remove();
    } catch {
      // not ours to change
    }
  };

  S.watchTiles = function (map, text) {
    map.eachLayer(function (layer) {
      if (layer instanceof L.TileLayer) {
        layer.on("tileerror", function () { st.tileError = true; notice(text, "warn", "tiles"); });
      }
    });
  };

  // An area's classes after a restyle: its own (sq-area, sq-zone, ...) kept, the previous restyle's replaced by extra.
  function restyledClasses(current, extra, areaId) {
    var keep = (current || "").split(" ").filter(function (c) {
      return c && !/^sq-(host|dim|n\d+|selected|value|b\d+|theme|t\d+)(-|$)/.test(c);
    });
    return keep.concat(extra.replace(/\{id\}/g, areaId).split(" ")).join(" ").trim();
  }

  function classes(layer, extra) {
    if (!layer._path) { return; }
    var cls = restyledClasses(layer._path.getAttribute("class"), extra, layer.feature.properties.area_id);
    layer._path.setAttribute("class", cls);
  }

  // The restyle entry of the i-th area (file order): spec.idx holds one base-36 palette index per area.
  function paletteEntry(spec, i) {
    return spec.palette[parseInt(spec.idx.charAt(i), 36)] || null;
  }

  // An entry's fill, outline and dash applied to a base style s; returns the entry's classes.
  function decodeStyle(s, entry) {
    if (!entry) { return ""; }
    s.fillColor = entry.f; s.fillOpacity = entry.o;
    if (entry.c) { s.color = entry.c; }
    if (entry.w) { s.weight = entry.w; }
    if (entry.d !== undefined) { s.dashArray = entry.d; }
    return entry.k || "";
  }

  // Whether a label on this fill (blended with the white page by its opacity) needs light text.
  function isDark(s) {
    return lum(s.fillColor) * s.fillOpacity + (1 - s.fillOpacity) < 0.4;
  }

  function apply(spec) {
    if (!spec) { return; }
    if (!st.loaded) { st.pending = spec; return; }
    st.pending = null;
    if (spec.key !== st.cfg.key) { return; } // style data for another area order
    st.spec = spec;
    S.restyles = (S.restyles || 0) + 1;
    var sel = spec.sel, selLayer = null;
    for (var i = 0; i < st.layers.length; i++) {
      var layer = st.layers[i], p = layer.feature.properties;
      var entry = paletteEntry(spec, i);
      var s = baseStyle(p), cls = decodeStyle(s, entry);
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
      layer._sqDark = isDark(s);
      layer._sqEmph = !!(entry && entry.e) || layer === selLayer;
    }
    if (selLayer) {
      selLayer.bringToFront();
      if (sel !== st.zoomed) { st.zoomed = sel; reveal(selLayer); }
    } else {
      st.zoomed = null;
    }
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

  var queued = false;
  function schedule() {
    if (queued) { return; }
    queued = true;
    L.Util.requestAnimFrame(function () { queued = false; placeLabels(); });
  }

  function placeLabels() {
    if (!st.loaded) { return; }
    st.restyles = S.restyles || 0;
    S.placed = window.sqLabels.place(st);
    st.map.fire("sqlabels"); // the point runtime keeps its symbols clear of the names just placed
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
      fills: counts, labels: S.placed || 0, restyles: S.restyles || 0, tileError: !!st.tileError, loadMs: S.loadMs || null,
      detailRegions: S.detailRegions || 0, reported: S.reported || 0, fineLevel: st.fineLayers ? st.fineLayers.filter(function (l) {
        return l._sqLevel === l._sqFine; }).length : 0
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

  if (typeof module !== "undefined" && module.exports) { // loaded by Node's unit tests (tests/js); never in the browser
    module.exports = { unit: unit, lum: lum, paletteEntry: paletteEntry, decodeStyle: decodeStyle, isDark: isDark,
      restyledClasses: restyledClasses, tipOffset: tipOffset, isDoubleClick: isDoubleClick,
      quietChange: quietChange };
  }
})();
