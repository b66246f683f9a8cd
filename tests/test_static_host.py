"""The tests' static host (dom_site.static_host): a reader who leaves mid-load is no error."""
from __future__ import annotations

import socket
import struct
import time
from pathlib import Path

import pytest

from dom_site.static_host import serve


def test_a_client_that_hangs_up_mid_load_leaves_no_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "groot.json").write_bytes(b"x" * 4_000_000)
    with serve(tmp_path) as url:
        host, port = url.split("//")[1].rstrip("/").split(":")
        for _ in range(3):
            client = socket.create_connection((host, int(port)))
            client.sendall(b"GET /groot.json HTTP/1.1\r\nHost: x\r\n\r\n")
            client.recv(10)
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset, not close
            client.close()
        time.sleep(0.5)
    assert "Traceback" not in capsys.readouterr().err
