/* sq-layout's first paint, put into a page's HTML by the server (ui/first_paint.py) when the address opens the page's
 * opening view. Streamlit's frontend takes ≈ 1–1.5 s to load before the page's script has even run; meanwhile this
 * draws the page's opening map in a map frame of its own, where the page will put its map, from what the server's
 * last run of that view sent (the same mount and overlay). It does nothing a user can click: it is a picture of the
 * map until the live map has drawn the same areas under it, and then it is removed.
 */
(function () {
  "use strict";
  var TICK_MS = 50;
  var GIVE_UP_MS = 20000; // the live map should be there long before: never leave a picture over a page
  var NO_MAP_MS = 5000; // the page has drawn elements for this long and still no map: it is not showing one
  var api = { paintedAt: null, handedAt: null, handover: null };

  // Where the live map will be before it exists: the page's layout measured at this window's width (a fixed left and
  // top under the title, the map column's share of the width) and the frame's own height rule (ui/first_paint.py
  // states the figures; a browser test checks them against the live map). Null when the window is narrower than
  // that layout (Streamlit then stacks the columns and hides the sidebar).
  function estimate(layout, w, h) {
    if (w < layout.minWidth) { return null; }
    return {
      left: layout.left,
      top: layout.top,
      width: Math.floor(layout.widthK * w + layout.widthB),
      height: Math.max(320, Math.min(layout.height, Math.floor(h - layout.top - 16)))
    };
  }

  // Whether a map frame's body says it shows what `args` asks for: its areas drawn and, when the view has a point
  // set, that set drawn too (sqmap.js and sqpoints.js set these attributes).
  function showsAll(attrs, args) {
    if (attrs.ready !== "1") { return false; }
    var pts = args && args.overlay && args.overlay.points;
    return !pts || attrs.points === pts.url;
  }

  function attrsOf(doc) { // a live frame's (same origin) document
    var body = doc && doc.body;
    return body ? { ready: body.getAttribute("data-sq-ready"), points: body.getAttribute("data-sq-points") } : {};
  }

  // The picture's place and size, as a style sheet: the script runs in the page's <head> (before Streamlit's style
  // sheet, which would hold it back), and the frame's box comes right after <body>.
  function boxStyle(r) {
    if (!r) { return "#sq-first-paint{display:none}"; }
    return "#sq-first-paint{position:fixed;z-index:1000;pointer-events:none;overflow:hidden;left:" + r.left +
      "px;top:" + r.top + "px;width:" + r.width + "px;height:" + r.height + "px}#sq-first-paint iframe{border:0;" +
      "display:block;width:100%;height:" + r.height + "px}";
  }

  function start(cfg) {
    var rect = estimate(cfg.layout, window.innerWidth, window.innerHeight);
    api.estimated = rect; // where it was put before the live map existed (a browser test compares the two)
    var style = document.createElement("style");
    style.textContent = boxStyle(rect);
    document.head.appendChild(style);
    var path0 = window.location.pathname;
    var args = cfg.args;
    var t0 = window.performance.now();
    var timer = null;

    function frame() { return document.querySelector("#sq-first-paint iframe"); }

    function done(why) {
      if (api.handover) { return; }
      api.handover = why;
      api.handedAt = window.performance.now();
      if (timer !== null) { window.clearInterval(timer); }
      window.removeEventListener("message", onMessage, true);
      var box = document.getElementById("sq-first-paint");
      if (box) { box.remove(); }
      style.remove();
    }

    // The frame is sandboxed (its own origin, so Chromium runs it beside the page rather than behind Streamlit's
    // scripts on the page's thread). It speaks to the page as a Streamlit component does, and tells what it shows and
    // when that was painted; these messages are answered here and never reach Streamlit's frontend (this listener is
    // added before its scripts run). It may not fetch from the server: the page hands it the point file.
    var pts = args && args.overlay && args.overlay.points;
    var file = pts && pts.url ? window.fetch(pts.url, { cache: "force-cache", credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.arrayBuffer() : null; }).catch(function () { return null; }) : null;
    var handed = false;

    function onMessage(ev) {
      var f = frame();
      if (!f || ev.source !== f.contentWindow) { return; }
      ev.stopImmediatePropagation();
      var d = ev.data || {};
      if (d.type === "streamlit:componentReady") {
        f.contentWindow.postMessage({ type: "streamlit:render", args: args }, "*");
        if (file && !handed) {
          handed = true;
          file.then(function (buf) {
            if (buf) { f.contentWindow.postMessage({ type: "sq:file", url: pts.url, buf: buf }, "*", [buf]); }
          });
        }
      }
      if (d.type === "streamlit:setFrameHeight") { f.style.height = d.height + "px"; }
      if (d.type === "sq:shows" && api.paintedAt === null && showsAll(d, args)) {
        api.paintedAt = d.at - window.performance.timeOrigin;
      }
    }

    function tick() {
      var now = window.performance.now();
      if (window.location.pathname !== path0) { done("left"); return; }
      var box = document.getElementById("sq-first-paint");
      var live = document.querySelector(cfg.live);
      if (live) {
        var r = live.getBoundingClientRect();
        if (box && r.width > 0 && r.height > 0) {
          box.style.left = r.left + "px";
          box.style.top = r.top + "px";
          box.style.width = r.width + "px";
        }
        var liveDoc = null;
        try { liveDoc = live.contentDocument; } catch { liveDoc = null; }
        if (showsAll(attrsOf(liveDoc), args)) { done("live"); return; }
      } else if (document.querySelector(cfg.content)) {
        api.contentAt = api.contentAt || now;
        if (now - api.contentAt > NO_MAP_MS) { done("no map"); return; }
      }
      if (now - t0 > GIVE_UP_MS) { done("timeout"); }
    }

    if (!rect) { // nothing drawn at this width: the box goes as soon as it is there
      timer = window.setInterval(function () { if (document.getElementById("sq-first-paint")) { done("narrow"); } },
        TICK_MS);
      return;
    }
    window.addEventListener("message", onMessage, true);
    timer = window.setInterval(tick, TICK_MS);
  }

  api.start = start;
  window.sqFirstPaint = api;
  if (typeof module !== "undefined" && module.exports) { // loaded by Node's unit tests (tests/js); never in the browser
    module.exports = { estimate: estimate, showsAll: showsAll, boxStyle: boxStyle };
  }
})();
