# qa: `make run` to try it, `make test` to test it, `make serve` to run it for real. Everything
# installs itself into .venv.
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app app
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run serve test install browser bench lint audit clean

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

install: $(VENV)/.installed

# Debian's Chromium for the browser tests (Playwright's own browser download cannot work here), and
# Debian's nginx, which tests/test_behind_nginx.py starts (unprivileged, on loopback) in front of qa.
browser:
	@{ command -v chromium && [ -x /usr/sbin/nginx ]; } >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium nginx >/dev/null; }

# gunicorn's settings are in deploy/gunicorn.conf.py: they bound what a slow client can hold (a
# deadline on each request's headers, 2 workers x 16 threads), and the access log leaves out
# addresses (nothing should tie a survey answer to a device). Both targets read the settings file
# (instance/qa.toml or QA_SETTINGS) and listen on QA_BIND (default 127.0.0.1:5000). Files they make
# are this account's only (umask 077).
#
# run: to try qa. The demo partnership is loaded when the database has no people yet (whatever
# database the settings name), and its sign-ins printed.
run: install
	@umask 077; $(FLASK) init
	@umask 077; $(FLASK) demo --if-empty
	@echo
	@echo "qa is running at http://$$($(FLASK) settings --get QA_BIND)  (Ctrl-C to stop)"
	@umask 077; exec $(VENV)/bin/gunicorn --config deploy/gunicorn.conf.py app:app

# serve: for real (see README, "Run it for real"). No demo; init applies any new migrations first.
serve: install
	@umask 077; $(FLASK) init
	@echo "qa is serving at http://$$($(FLASK) settings --get QA_BIND)  (Ctrl-C to stop)"
	@umask 077; exec $(VENV)/bin/gunicorn --config deploy/gunicorn.conf.py app:app

test: install browser
	$(PY) -m pytest -n 2 --dist worksteal -q

bench: install
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

lint: install
	$(VENV)/bin/ruff check qa tests benchmarks app.py
	$(VENV)/bin/bandit -q -r qa -lll

# Known vulnerabilities in the pinned requirements. Needs internet access (run it where there is some):
# pip-audit, pinned in requirements-audit.txt, is installed into its own .venv-audit and checks
# requirements.txt against the PyPI/OSV advisory database; it exits non-zero when one is found.
audit:
	python3 -m venv .venv-audit
	.venv-audit/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-audit.txt
	.venv-audit/bin/pip-audit --strict --requirement requirements.txt

clean:
	rm -rf $(VENV) .venv-audit test-artifacts
