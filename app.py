"""The WSGI app for gunicorn (`app:app`), and `python app.py` for a local run."""

from qa import create_app
from qa.config import SettingsError

try:
    app = create_app()
except SettingsError as error:  # one line, not a traceback
    raise SystemExit(str(error)) from None

if __name__ == "__main__":
    host, _, port = app.config["BIND"].rpartition(":")
    app.run(host=host or "127.0.0.1", port=int(port))
