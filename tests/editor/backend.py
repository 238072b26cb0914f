"""The edit server over real HTTP on loopback, in front of a stand-in preview, on a copy of the
demo content; requests are sent with http.client so that Host and Origin are ours to set."""

from __future__ import annotations

import http.client
import json
import shutil
import threading
import wsgiref.simple_server
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.editor.server import EditServer

from ..conftest import CONTENT


class Quiet(wsgiref.simple_server.WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


def preview(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"preview"]


@dataclass
class Editor:
    project: Path
    port: int

    @property
    def content(self) -> Path:
        return self.project / "content"

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def post(self, action: str, params: dict[str, Any], origin: str | None = "", host: str | None = None,
             kind: str = "application/json") -> tuple[int, Any]:
        body = json.dumps({"action": action, "params": params}).encode()
        headers = {"Content-Type": kind, "Host": host or f"127.0.0.1:{self.port}"}
        if origin is not None:
            headers["Origin"] = origin or self.origin
        return self.request("POST", "/api/v1", body, headers)

    def request(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> tuple[int, Any]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        kind = response.getheader("Content-Type", "")
        return response.status, json.loads(data) if kind.startswith("application/json") else data


@contextmanager
def editor(tmp_path: Path) -> Iterator[Editor]:
    """An edit server on a copy of the demo content in tmp_path/project/content."""
    project = tmp_path / "project"
    shutil.copytree(CONTENT, project / "content")
    server = wsgiref.simple_server.make_server("127.0.0.1", 0, preview, handler_class=Quiet)
    port = server.server_address[1]
    server.set_app(EditServer(preview, project / "content", "127.0.0.1", port))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Editor(project, port)
    finally:
        server.shutdown()
        server.server_close()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder (links not followed), by relative path: what 'nothing written'
    compares. The validator's own cache (.cache/kb: files already checked) is not content."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink() and ".cache" not in p.relative_to(folder).parts}
