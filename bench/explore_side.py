"""The `.explore()` side of the first-view bench: geopandas' HTML of the 9 areas, served by a plain local HTTP server,
its CDN assets answered from local copies or empty (never the network)."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from bench.scale_setup import ROOT

LEAFLET = ROOT / "static" / "vendor" / "leaflet"
# .explore()'s CDN assets with a local copy; anything else off the machine is answered empty
LOCAL_COPIES = {
    "leaflet.js": LEAFLET / "leaflet.js",
    "leaflet.css": LEAFLET / "leaflet.css",
    "jquery-3.7.1.min.js": Path("/usr/share/javascript/jquery/jquery.min.js"),
}


def explore_html(where: Path) -> Path:
    """geopandas' .explore() of the bundled 9 areas (name, kind, counts in the tooltip, no tiles), as a file."""
    from sq_layout.plan.dataset import bundled
    from sq_layout.plan.join import areas_frame

    frame = areas_frame(bundled())[["name", "kind", "n_industries", "n_chains", "geometry"]]
    where.mkdir(parents=True, exist_ok=True)
    out = where / "explore.html"
    frame.explore(tiles=None).save(str(out))
    return out


def offline(route: Any) -> None:
    """Requests off the machine: a local copy where there is one, else an empty answer (never the network)."""
    url = route.request.url
    name = url.rsplit("/", 1)[-1]
    if name in LOCAL_COPIES and LOCAL_COPIES[name].exists():
        route.fulfill(path=str(LOCAL_COPIES[name]))
        return
    kind = "text/css" if name.endswith(".css") else "application/javascript" if name.endswith(".js") else "text/plain"
    route.fulfill(status=200, body="", content_type=kind)


def serve_folder(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    """A plain HTTP server for a folder, on a thread of this process."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass
