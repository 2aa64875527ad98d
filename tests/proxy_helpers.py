"""Debian's nginx with deploy/nginx-qa.conf on loopback ports, in front of a qa served by
gunicorn with deploy/gunicorn.conf.py, and a small HTTPS client that keeps cookies and can speak
from any 127.0.0.x address (shared by tests/test_behind_nginx.py and tests/test_production_path.py).
"""

import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
HOST = "qa.example.gov.uk"  # the name in deploy/nginx-qa.conf; clients send it as Host
NGINX = shutil.which("nginx") or next(
    (path for path in ("/usr/sbin/nginx", "/sbin/nginx") if os.access(path, os.X_OK)), None
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, what, seconds=60):
    for _ in range(seconds * 10):
        if process.poll() is not None:
            raise AssertionError(f"{what} stopped (exit {process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{what} did not start listening on {port}")


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start_gunicorn(env):
    """gunicorn as `make serve` starts it (QA_BIND in env says where)."""
    port = int(env["QA_BIND"].rsplit(":", 1)[1])
    process = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "--config", "deploy/gunicorn.conf.py", "app:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for_port(port, process, "gunicorn")
    return process


def certificate(folder):
    """A self-signed certificate for HOST, as Let's Encrypt would lay one out."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-keyout", str(folder / "privkey.pem"), "-out", str(folder / "fullchain.pem")]
        + ["-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST}"],
        check=True,
        capture_output=True,
    )
    return folder / "fullchain.pem"


def start_nginx(app_port):
    """nginx, unprivileged, running deploy/nginx-qa.conf with loopback ports: returns (process,
    https port, http port, folder). As root it runs as `nobody` (setpriv)."""
    folder = Path(tempfile.mkdtemp(prefix="qa-nginx-"))
    folder.chmod(0o755)
    cert = certificate(folder)
    https_port, http_port = free_port(), free_port()
    site = (ROOT / "deploy" / "nginx-qa.conf").read_text()
    site = re.sub(r"^\s*listen \[::\].*\n", "", site, flags=re.M)
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    site = site.replace("listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl")
    site = site.replace(f"/etc/letsencrypt/live/{HOST}/fullchain.pem", str(cert))
    site = site.replace(f"/etc/letsencrypt/live/{HOST}/privkey.pem", str(folder / "privkey.pem"))
    site = site.replace("server 127.0.0.1:5000;", f"server 127.0.0.1:{app_port};")
    (folder / "site.conf").write_text(site)
    temp_paths = "".join(
        f"    {kind}_temp_path {folder}/{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        f"worker_processes 1;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log warn;\n"
        "events { worker_connections 128; }\n"
        f"http {{\n    access_log off;\n{temp_paths}    include {folder}/site.conf;\n}}\n"
    )
    command = [NGINX, "-p", str(folder), "-e", str(folder / "error.log")]
    command += ["-c", str(folder / "nginx.conf"), "-g", "daemon off;"]
    if os.geteuid() == 0:
        shutil.chown(folder, "nobody")
        for path in folder.iterdir():
            shutil.chown(path, "nobody")
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] + command
    checked = subprocess.run(command[:-2] + ["-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr  # nginx accepts the site as shipped
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    wait_for_port(https_port, process, "nginx")
    return process, https_port, http_port, folder


class Browser:
    """Cookies, the form token of the last page, and the address it speaks from."""

    def __init__(self, port, source="127.0.0.1", https=True):
        self.port, self.source, self.https = port, source, https
        self.cookies, self.set_cookies, self.token, self.page = {}, [], None, "/"

    def request(self, method, path, form=None, headers=None):
        if self.https:
            context = ssl.create_default_context()
            context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # self-signed
            connection = http.client.HTTPSConnection(
                "127.0.0.1",
                self.port,
                timeout=30,
                context=context,
                source_address=(self.source, 0),
            )
        else:
            connection = http.client.HTTPConnection(
                "127.0.0.1", self.port, timeout=30, source_address=(self.source, 0)
            )
        sent = {"Host": HOST, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:  # as a browser posts a page's form: flask-wtf checks the Referer
            sent.setdefault("Referer", f"https://{HOST}{self.page}")
            body = urlencode({"csrf_token": self.token, **form})
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        self.page = path if method == "GET" else self.page
        self.set_cookies = response.headers.get_all("Set-Cookie") or []
        for header in self.set_cookies:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        text = data.decode("utf-8", "replace")
        found = re.search(r'name="csrf_token" value="([^"]+)"', text)
        self.token = found.group(1) if found else self.token
        return response.status, response.headers, text, data

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, form, **kwargs):
        return self.request("POST", path, form=form, **kwargs)

    def sign_in(self, email, password):
        self.get("/sign-in")
        return self.post("/sign-in", {"email": email, "password": password})
