"""The WSGI app for gunicorn (`app:app`), and `python app.py` for a local run."""

from qa import create_app

app = create_app()

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000)
