"""`kb serve --edit`: the live preview, the editor at /admin/ and its backend at /api/v1 on one
loopback address. Every request is checked before it reaches any of them:

- Host must name this server (a DNS-rebinding page reaches us under its own name);
- a request that carries an Origin must come from this server's own origin, and a call to
  /api/v1 must carry one (a browser always sends it with a POST) and be JSON, so no page of
  another site can post a form at it;
- the body is read up to a limit.
"""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from .. import bundled_dir
from .api import Backend
from .decap import decap_config

API = "/api/v1"
ADMIN = "/admin/"
MAX_BODY = 64 << 20  # bytes: photos travel base64-encoded inside JSON
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}

StartResponse = Callable[..., Any]
App = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def admin_dir() -> Path:
    return bundled_dir("site_templates") / "admin"


def local_config(content: Path) -> bytes:
    """config.yml for editing on this machine: the proxy backend at /api/v1, no workflow."""
    config = decap_config({"name": "proxy", "proxy_url": API, "branch": "main"}, media_root=content.name)
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False).encode("utf-8")


def allowed_hosts(host: str, port: int) -> set[str]:
    """The Host values a browser sends for this server (a loopback server by any loopback name)."""
    names = LOOPBACK if host in LOOPBACK else {host}
    return {f"[{name}]:{port}" if ":" in name and not name.startswith("[") else f"{name}:{port}" for name in names}


class EditServer:
    """WSGI middleware in front of MkDocs' live server."""

    def __init__(self, preview: App, content: Path, host: str, port: int) -> None:
        self.preview, self.backend = preview, Backend(content)
        self.hosts = allowed_hosts(host, port)
        self.origins = {f"http://{h}" for h in self.hosts}
        self.config = local_config(content)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        refusal = self.refusal(environ)
        if refusal:
            return reply(start_response, 403, {"error": refusal})
        path = environ.get("PATH_INFO", "")
        if path == API:
            return self.api(environ, start_response)
        if path == "/admin":
            return redirect(start_response, ADMIN)
        if path.startswith(ADMIN):
            return self.admin(path[len(ADMIN):], start_response)
        return self.preview(environ, start_response)

    def refusal(self, environ: dict[str, Any]) -> str | None:
        host = environ.get("HTTP_HOST", "")
        if host not in self.hosts:
            return f"ไม่รับคำขอที่ส่งถึงชื่อโฮสต์อื่น / Host '{host}' refused: this server answers only to {sorted(self.hosts)}"
        origin = environ.get("HTTP_ORIGIN")
        if origin is not None and origin not in self.origins:
            return f"ไม่รับคำขอจากเว็บไซต์อื่น / Origin '{origin}' refused"
        if environ.get("PATH_INFO") == API and origin is None:
            return "ไม่รับคำขอที่ไม่ระบุต้นทาง / a request to the editor's backend must carry an Origin"
        return None

    def api(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "POST":
            return reply(start_response, 405, {"error": "ใช้ POST / use POST"}, [("Allow", "POST")])
        if not environ.get("CONTENT_TYPE", "").startswith("application/json"):
            return reply(start_response, 415, {"error": "ต้องเป็น JSON / the body must be application/json"})
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if not 0 < length <= MAX_BODY:
            return reply(start_response, 413, {"error": f"ขนาดคำขอต้องไม่เกิน / a request is 1 to {MAX_BODY} bytes"})
        try:
            request = json.loads(environ["wsgi.input"].read(length))
        except (ValueError, UnicodeDecodeError):
            return reply(start_response, 400, {"error": "JSON ไม่ถูกต้อง / the body is not valid JSON"})
        status, body = self.backend.answer(request)
        return reply(start_response, status, body)

    def admin(self, name: str, start_response: StartResponse) -> Iterable[bytes]:
        if name == "config.yml":
            return send(start_response, 200, self.config, "text/yaml; charset=utf-8")
        root = admin_dir().resolve()
        file = (root / (name or "index.html")).resolve()
        if not file.is_relative_to(root) or not file.is_file():
            return reply(start_response, 404, {"error": "ไม่พบ / not found"})
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        return send(start_response, 200, file.read_bytes(), kind + ("; charset=utf-8" if kind.startswith("text") or
                                                                  kind.endswith("javascript") else ""))


STATUS = {200: "OK", 302: "Found", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
          405: "Method Not Allowed", 413: "Content Too Large", 415: "Unsupported Media Type",
          422: "Unprocessable Content", 500: "Internal Server Error"}


def send(start_response: StartResponse, status: int, body: bytes, kind: str,
         extra: list[tuple[str, str]] | None = None) -> list[bytes]:
    headers = [("Content-Type", kind), ("Content-Length", str(len(body))), ("Cache-Control", "no-store"),
               ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "same-origin"), *(extra or [])]
    start_response(f"{status} {STATUS.get(status, 'Error')}", headers)
    return [body]


def reply(start_response: StartResponse, status: int, body: Any,
          extra: list[tuple[str, str]] | None = None) -> list[bytes]:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    return send(start_response, status, data, "application/json; charset=utf-8", extra)


def redirect(start_response: StartResponse, to: str) -> list[bytes]:
    return send(start_response, 302, b"", "text/plain", [("Location", to)])
