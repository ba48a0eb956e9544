"""A user named by the intranet's single-sign-on reverse proxy, honoured only when configured and only from it."""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from sq_layout.errors import ConfigError

HEADER_ENV = "SQ_LAYOUT_PROXY_HEADER"
ADDRS_ENV = "SQ_LAYOUT_PROXY_ADDRS"
_HEADER_NAME = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+")  # an RFC 9110 token


def _network(text: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        raise ConfigError(ADDRS_ENV, text, "cfg_addresses") from None


@dataclass(frozen=True)
class ProxyConfig:
    """Which header names the user and which client addresses may set it."""

    header: str | None = None
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ProxyConfig:
        """Read SQ_LAYOUT_PROXY_HEADER and SQ_LAYOUT_PROXY_ADDRS (comma-separated addresses or networks).

        A value that is not a header name or an address raises ConfigError naming the variable and the value."""
        env = os.environ if env is None else env
        header = env.get(HEADER_ENV, "").strip() or None
        if header is not None and not _HEADER_NAME.fullmatch(header):
            raise ConfigError(HEADER_ENV, header, "cfg_header")
        nets = tuple(_network(a.strip()) for a in env.get(ADDRS_ENV, "").split(",") if a.strip())
        return cls(header, nets)

    @property
    def enabled(self) -> bool:
        """Proxy sign-in is on only when both a header and at least one proxy address are configured."""
        return bool(self.header and self.networks)

    def trusts(self, peer: str | None) -> bool:
        """Whether a TCP peer address is one of the configured proxies (never decided from a request header)."""
        if not peer or not self.networks:
            return False
        try:
            addr = ipaddress.ip_address(peer.strip("[]"))
        except ValueError:
            return False
        return any(addr in net for net in self.networks)


def client_address(peer: str | None, forwarded_for: str | None, config: ProxyConfig) -> str | None:
    """The client's address: from X-Forwarded-For only when the TCP peer is a configured proxy, else the peer.

    Behind a trusted proxy it is the right-most listed address that is not itself a configured proxy (what the
    proxy saw; anything left of it was written by the client and proves nothing)."""
    if not config.trusts(peer) or not forwarded_for:
        return peer
    hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
    for hop in reversed(hops):
        if not config.trusts(hop):
            try:
                return str(ipaddress.ip_address(hop.strip("[]")))
            except ValueError:
                return peer  # a malformed hop: fall back to the proxy itself
    return hops[0] if hops else peer


def proxy_user(headers: Mapping[str, str], remote_addr: str | None, config: ProxyConfig) -> str | None:
    """The user the proxy names, or None when not configured, not from the proxy, or the header is absent.

    `remote_addr` must be the TCP peer (the connection's other end), never an address taken from a header."""
    if not config.enabled or config.header is None or not config.trusts(remote_addr):
        return None
    wanted = config.header.lower()
    value = next((v for k, v in headers.items() if k.lower() == wanted), "")
    value = value.strip()
    return value or None
