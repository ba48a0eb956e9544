"""Starting the app as the README says makes no connection off the machine and listens on 127.0.0.1 only."""

from __future__ import annotations

import ipaddress
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.waiting import answers, wait_for

ROOT = Path(__file__).resolve().parents[2]


def _sockets(pid: int) -> list[tuple[str, str, str]]:
    """(state, local, peer) of every TCP/UDP socket the process holds, from `ss`."""
    out = subprocess.run(["ss", "-tunapH"], capture_output=True, text=True, timeout=10).stdout
    rows = []
    for line in out.splitlines():
        if f"pid={pid}," in line:
            parts = line.split()
            rows.append((parts[1], parts[4], parts[5]))
    return rows


def _host(addr: str) -> str:
    return addr.rsplit(":", 1)[0].strip("[]").split("%")[0]


def _loopback_or_wildcard_peer(addr: str) -> bool:
    host = _host(addr)
    return host == "*" or ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified


@pytest.mark.skipif(not shutil.which("ss"), reason="needs iproute2's ss")
def test_app_start_stays_on_this_machine(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "streamlit.log"
    env = {k: v for k, v in os.environ.items() if k != "TIANDITU_KEY"}
    with log.open("w") as f:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
            cwd=ROOT,
            env={**env, "PYTHONUNBUFFERED": "1"},
            stdout=f,
            stderr=subprocess.STDOUT,
        )
    seen: set[tuple[str, str, str]] = set()

    def started() -> bool:
        """Sample the app's sockets; true once it answers and has printed its address (the end of its start, after
        any address lookup Streamlit would make)."""
        seen.update(_sockets(proc.pid))
        return answers(f"http://127.0.0.1:{port}/_stcore/health") and "URL: http" in log.read_text()

    try:
        wait_for(started, timeout=90, what=f"the app to start (its log: {log})")
        seen.update(_sockets(proc.pid))
        with pytest.raises(OSError):  # not reachable on this machine's other addresses
            other = [a for a in socket.gethostbyname_ex(socket.gethostname())[2] if not a.startswith("127.")]
            if not other:
                raise OSError("no other address to try")
            socket.create_connection((other[0], port), timeout=2).close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    listening = {local for state, local, _ in seen if state == "LISTEN"}
    assert listening == {f"127.0.0.1:{port}"}, listening
    off_machine = [row for row in seen if not _loopback_or_wildcard_peer(row[2])]
    assert off_machine == [], off_machine
    text = log.read_text()
    assert "external IP" not in text and "Network URL" not in text
    assert f"http://127.0.0.1:{port}" in text


_DNS_HOOK = """
import os, socket
_log = os.environ["SQ_DNS_LOG"]
with open(_log, "a") as f:
    f.write("hook loaded\\n")
def _wrap(name):
    real = getattr(socket, name)
    def looked_up(host, *args, **kwargs):
        with open(_log, "a") as f:
            f.write(f"{name} {host}\\n")
        return real(host, *args, **kwargs)
    setattr(socket, name, looked_up)
for _name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getfqdn"):
    _wrap(_name)
"""


def _in_thread(make: Any) -> Any:
    """Run a coroutine to its end on a thread of its own (this process may hold Playwright's event loop)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, make()).result()


LOCAL_NAMES = {"127.0.0.1", "localhost", "::1", "0.0.0.0", "", "None"}


def test_websockets_from_a_foreign_origin_are_refused_without_any_lookup(tmp_path: Path) -> None:
    """Streamlit's own check of a foreign Origin looks up this machine's addresses (DNS, and a request off the
    machine) on every attempt; the app refuses such a WebSocket first."""

    import websockets
    from websockets.typing import Origin, Subprotocol

    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(_DNS_HOOK)
    dns_log = tmp_path / "dns.log"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": f"{hook}{os.pathsep}{ROOT}", "SQ_DNS_LOG": str(dns_log)}
    log = tmp_path / "streamlit.log"
    with log.open("w") as f:
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
                                cwd=ROOT, env=env, stdout=f, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        wait_for(lambda: answers(f"http://127.0.0.1:{port}/_stcore/health"), timeout=90, what="streamlit to answer")
        assert "hook loaded" in dns_log.read_text(), "the lookup hook did not load"
        started = dns_log.read_text().splitlines()
        stream, protocols = f"ws://127.0.0.1:{port}/_stcore/stream", [Subprotocol("streamlit")]

        async def attempts() -> list[str]:
            outcomes = []
            foreign = Origin("http://evil.example")
            for _ in range(13):
                try:
                    async with websockets.connect(
                        stream, origin=foreign, subprotocols=protocols, proxy=None, open_timeout=10
                    ):
                        outcomes.append("accepted")
                except websockets.exceptions.InvalidStatus as exc:
                    outcomes.append(str(exc.response.status_code))
            return outcomes

        assert set(_in_thread(attempts)) == {"403"}

        async def same_origin() -> str:
            own = Origin(f"http://127.0.0.1:{port}")
            async with websockets.connect(stream, origin=own, subprotocols=protocols, proxy=None) as ws:
                return str(ws.subprotocol)

        assert _in_thread(same_origin) == "streamlit"  # the app's own page still connects
        later = dns_log.read_text().splitlines()[len(started) :]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    looked_up = [line for line in later if line != "hook loaded" and line.split(" ", 1)[1] not in LOCAL_NAMES]
    assert looked_up == [], looked_up
