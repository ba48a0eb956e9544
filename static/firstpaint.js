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
  var HOLD_MS = 500; // Streamlit's scripts wait for the picture's areas at most this long
  var api = { paintedAt: null, handedAt: null, handover: null, released: false };

  // Streamlit's scripts, held back by the server (its entry script typed text/sq-held, its module preloads
  // rel=sq-held-modulepreload) so that the picture is drawn before the frontend's ≈ 2.9 MB of scripts are fetched,
  // compiled and run on the page's thread: released as soon as the picture's areas are painted (or HOLD_MS has
  // passed, or anything goes wrong). The same scripts, unchanged: only their start moves.
  function release() {
    if (api.released) { return; }
    api.released = true;
    // each held element replaced by a new one of the kind it was, with the same address
    var put = function (selector, tag, set, attr) {
      var held = document.querySelectorAll(selector);
      for (var i = 0; i < held.length; i += 1) {
        var el = document.createElement(tag);
        set(el);
        el.setAttribute("crossorigin", "");
        el.setAttribute(attr, held[i].getAttribute(attr));
        held[i].parentNode.replaceChild(el, held[i]);
      }
    };
    var boot = function () {
      put('link[rel="sq-held-modulepreload"]', "link", function (el) { el.rel = "modulepreload"; }, "href");
      put("script[data-sq-held]", "script", function (el) { el.type = "module"; }, "src");
    };
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", boot); } else { boot(); }
  }
  if (window.setTimeout) { window.setTimeout(release, HOLD_MS); } // (Node's unit tests have no timers on `window`)

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

  // The picture's place and size, as a style sheet (the script runs in the page's <head>, before Streamlit's style
  // sheet, which would hold it back).
  function boxStyle(r) {
    if (!r) { return "#sq-first-paint{display:none}"; }
    return "#sq-first-paint{position:fixed;z-index:1000;pointer-events:none;overflow:hidden;left:" + r.left +
      "px;top:" + r.top + "px;width:" + r.width + "px;height:" + r.height + "px}#sq-first-paint iframe{border:0;" +
      "display:block;width:100%;height:" + r.height + "px}";
  }

  function start(cfg) {
    var rect = estimate(cfg.layout, window.innerWidth, window.innerHeight);
    api.estimated = rect; // where it was put before the live map existed (a browser test compares the two)
    if (!rect) { api.handover = "narrow"; release(); return; } // nothing drawn at this width
    var style = document.createElement("style");
    style.textContent = boxStyle(rect);
    document.head.appendChild(style);
    // The frame is made here, in <head>, so that it starts loading at once rather than when the parser reaches
    // <body> after Streamlit's ≈ 90 script links; the box is the <html> element's child, beside <body>.
    var box = document.createElement("div");
    box.id = "sq-first-paint";
    box.setAttribute("aria-hidden", "true");
    var iframe = document.createElement("iframe");
    iframe.tabIndex = -1;
    iframe.title = "";
    iframe.src = cfg.frameUrl;
    box.appendChild(iframe);
    document.documentElement.appendChild(box);
    var path0 = window.location.pathname;
    var args = cfg.args;
    var t0 = window.performance.now();
    var timer = null;

    function done(why) {
      if (api.handover) { return; }
      api.handover = why;
      api.handedAt = window.performance.now();
      if (timer !== null) { window.clearInterval(timer); }
      window.removeEventListener("message", onMessage, true);
      box.remove();
      style.remove();
      release();
    }

    // The frame draws from what was packed into it and speaks to the page as a Streamlit component does; it also
    // tells what it shows and when that was painted. Its messages are taken here and never reach Streamlit's
    // frontend (this listener is added before its scripts run). The page fetches the point file for it as soon as it
    // starts (which also fills the cache the live map reads it from) and hands it over once the frame is ready.
    var pts = args && args.overlay && args.overlay.points;
    var file = pts && pts.url ? window.fetch(pts.url, { cache: "force-cache", credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.arrayBuffer() : null; }).catch(function () { return null; }) : null;
    var handed = false;

    function onMessage(ev) {
      if (ev.source !== iframe.contentWindow) { return; }
      ev.stopImmediatePropagation();
      var d = ev.data || {};
      if (d.type === "streamlit:componentReady" && file && !handed) {
        handed = true;
        file.then(function (buf) {
          if (buf) { iframe.contentWindow.postMessage({ type: "sq:file", url: pts.url, buf: buf }, "*", [buf]); }
        });
      }
      if (d.type === "streamlit:setFrameHeight") { iframe.style.height = d.height + "px"; }
      if (d.type === "sq:shows" && d.ready === "1") {
        release(); // the areas are drawn: a point set's file and drawing need not hold Streamlit's scripts back
        if (api.paintedAt === null && showsAll(d, args)) { api.paintedAt = d.at - window.performance.timeOrigin; }
      }
    }

    function tick() {
      var now = window.performance.now();
      if (window.location.pathname !== path0) { done("left"); return; }
      var live = document.querySelector(cfg.live);
      if (live) {
        var r = live.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) {
          box.style.left = r.left + "px";
          box.style.top = r.top + "px";
          box.style.width = r.width + "px";
        }
        if (showsAll(attrsOf(live.contentDocument), args)) { done("live"); return; } // same origin: readable
      } else if (document.querySelector(cfg.content)) {
        api.contentAt = api.contentAt || now;
        if (now - api.contentAt > NO_MAP_MS) { done("no map"); return; }
      }
      if (now - t0 > GIVE_UP_MS) { done("timeout"); }
    }

    window.addEventListener("message", onMessage, true);
    timer = window.setInterval(tick, TICK_MS);
  }

  api.start = function (cfg) {
    try { start(cfg); } catch (e) { release(); throw e; }
  };
  window.sqFirstPaint = api;
  if (typeof module !== "undefined" && module.exports) { // loaded by Node's unit tests (tests/js); never in the browser
    module.exports = { estimate: estimate, showsAll: showsAll, boxStyle: boxStyle };
  }
})();
