"""gunicorn settings for the archive (`make run`).

Sync workers: a search is CPU-bound Python, so threads would only queue behind the GIL; two
cores want two or three processes. Each worker keeps its own Whoosh searcher open and
refreshes it when the index changes; writes go through one lock (archive/search_backend.py),
so any number of workers can save at once.
"""

import multiprocessing
import os
from pathlib import Path

workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = "sync"
timeout = 60
graceful_timeout = 30
# Recycle workers now and then so memory stays bounded over weeks of uptime.
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's control socket (`gunicornc`) defaults to one path under the home directory, shared
# by every instance on the host: each data directory gets its own, beside its database, so two
# sites (or a test server beside `make run`) never answer for each other. A path too long for a
# Unix socket (107 bytes) turns it off instead.
_control = Path(os.environ.get("ARCHIVE_DATA_DIR", Path(__file__).resolve().parent / "var")).resolve() / "gunicorn.ctl"
if len(os.fsencode(_control)) < 107:
    control_socket = str(_control)
else:
    control_socket_disable = True
