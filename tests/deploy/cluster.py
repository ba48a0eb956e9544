"""A bureau deployment in miniature: two app processes on one PostgreSQL + PostGIS behind nginx, with TLS.

nginx runs the configuration shipped in deploy/nginx/sq-layout.conf, with only its marked lines changed: the listen
ports, the certificate (a self-signed one made here) and the app processes' addresses.
"""

from __future__ import annotations

import os
import re
import shutil
import ssl
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser.conftest import ARTIFACTS, ROOT, _free_port, launch_app
from tests.store.pgcluster import create_database
from tests.waiting import answers, wait_for

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SITE = ROOT / "deploy" / "nginx" / "sq-layout.conf"
COOKIE_SECRET = "a-test-secret-shared-by-both-processes-0123456789"


@dataclass
class Deployment:
    """The running parts: nginx's HTTPS URL, each app process by its own URL, the database URL."""

    url: str
    db: str
    folder: Path
    apps: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)

    def app_urls(self) -> list[str]:
        """The app processes' own URLs (bypassing nginx)."""
        return list(self.apps)

    def served_by(self) -> list[str]:
        """The app process (host:port) of each request nginx passed on, oldest first (a WebSocket is logged when it
        closes)."""
        log = self.folder / "access.log"
        lines = log.read_text().splitlines() if log.exists() else []
        return [ln.split(" up=")[1].split(",")[-1].strip() for ln in lines if " up=" in ln and "up=-" not in ln]

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """Run `python -m sq_layout …` against the deployment's database."""
        env = {**os.environ, **self.env}
        return subprocess.run(
            [sys.executable, "-m", "sq_layout", *args], cwd=ROOT, env=env, input=stdin, text=True,
            capture_output=True, timeout=120,
        )  # fmt: skip


def _certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


def render_site(app_ports: list[int], http_port: int, https_port: int, cert: Path, key: Path) -> str:
    """The shipped site file with its marked lines set for this machine (nothing else changed)."""
    text = SITE.read_text()
    servers = "".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;\n" for p in app_ports)
    text = re.sub(r"(    server 127\.0\.0\.1:\d+ [^\n]*\n)+", servers, text)
    text = text.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    text = text.replace("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;")
    text = text.replace("/etc/ssl/sq-layout/fullchain.pem", str(cert)).replace(
        "/etc/ssl/sq-layout/privkey.pem", str(key)
    )
    return text


def _nginx_conf(folder: Path, site: str) -> Path:
    (folder / "site.conf").write_text(site)
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = f"""{user}worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 512; }}
http {{
    log_format up '$remote_addr "$request" $status up=$upstream_addr';
    access_log {folder}/access.log up;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/site.conf;
}}
"""
    path = folder / "nginx.conf"
    path.write_text(conf)
    return path


def insecure() -> ssl.SSLContext:
    """A TLS context that accepts the test's self-signed certificate."""
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


@contextmanager
def deployment(pg_server: str, extra_env: dict[str, str] | None = None, processes: int = 2) -> Iterator[Deployment]:
    """App processes (two by default) on a fresh PostgreSQL workspace behind nginx; everything stopped at the end."""
    folder = Path(tempfile.mkdtemp(prefix="sq_deploy_"))
    db = create_database(pg_server)
    env = {"SQ_LAYOUT_DB": db, "STREAMLIT_SERVER_COOKIE_SECRET": COOKIE_SECRET, **(extra_env or {})}
    subprocess.run([sys.executable, "-m", "sq_layout", "workspace", "init"], cwd=ROOT, env={**os.environ, **env},
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    ports = [_free_port() for _ in range(processes)]
    http_port, https_port = _free_port(), _free_port()
    cert, key = _certificate(folder)
    conf = _nginx_conf(folder, render_site(ports, http_port, https_port, cert, key))
    dep = Deployment(f"https://127.0.0.1:{https_port}/", db, folder, env=env)
    nginx = None
    try:
        for i, port in enumerate(ports):
            proc, url = launch_app(env, f"deploy-app{i}.log", port=port)
            dep.apps[url] = proc
        checked = subprocess.run([NGINX, "-t", "-c", str(conf)], capture_output=True, text=True, timeout=30)
        assert checked.returncode == 0, checked.stderr
        nginx = subprocess.Popen([NGINX, "-c", str(conf), "-g", "daemon off;"], stderr=subprocess.PIPE)
        wait_for(lambda: answers(dep.url + "_stcore/health", insecure()), timeout=30, what="nginx to answer")
        yield dep
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=20)
        for proc in dep.apps.values():
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=20)
        ARTIFACTS.mkdir(exist_ok=True)
        for name in ("error.log", "access.log"):
            if (folder / name).exists():
                shutil.copy(folder / name, ARTIFACTS / f"deploy-nginx-{name}")
        shutil.rmtree(folder, ignore_errors=True)
