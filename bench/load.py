"""A small, bounded HTTP load generator: N threads on loopback cycle through a fixed list
of paths for a fixed time and record each request's latency and status.

Each thread keeps one connection and reuses it when the server allows (uvicorn does;
gunicorn's sync workers close after every response, so those requests each connect anew, as
any client would). Threads start at different places in the list, so every query is in
flight at every moment. Client overhead is small next to the servers measured (tens to a
few hundred requests a second), but it shares the two cores with them, as wrk would.
"""

from __future__ import annotations

import http.client
import threading
import time
from dataclasses import dataclass, field

from .servers import HOST

MAX_REQUESTS_PER_THREAD = 200_000  # a second bound besides the duration


@dataclass
class Stats:
    concurrency: int
    seconds: float
    latencies: list[float] = field(default_factory=list)  # ms, successful requests
    errors: int = 0  # non-200 answers and failed connections
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)

    @property
    def requests(self) -> int:
        return len(self.latencies) + self.errors

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def pct(self, p: float) -> float:
        return percentile(self.latencies, p)

    def summary(self) -> dict:
        return {
            "concurrency": self.concurrency,
            "seconds": round(self.seconds, 1),
            "requests": self.requests,
            "errors": self.errors,
            "rps": round(self.rps, 2),
            "p50": round(self.pct(50), 1),
            "p95": round(self.pct(95), 1),
            "p99": round(self.pct(99), 1),
            "statuses": self.statuses,
            "p50_by_kind": {k: round(percentile(v, 50), 1) for k, v in self.by_kind.items()},
        }


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def run(port: int, paths: list[tuple[str, str]], *, concurrency: int, seconds: float, timeout: float = 60) -> Stats:
    """Load ``paths`` (``(kind, path)`` pairs) on 127.0.0.1:``port``."""
    stats = Stats(concurrency, seconds)
    lock = threading.Lock()
    start = time.monotonic()
    deadline = start + seconds

    def worker(offset: int):
        connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
        mine: list[tuple[str, float, int]] = []
        i = offset
        while time.monotonic() < deadline and len(mine) < MAX_REQUESTS_PER_THREAD:
            kind, path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Accept-Encoding": "identity"})
                response = connection.getresponse()
                response.read()
                status = response.status
                if response.will_close:
                    connection.close()
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
                status = 0
            mine.append((kind, (time.perf_counter() - t0) * 1000, status))
        connection.close()
        with lock:
            for kind, ms, status in mine:
                stats.statuses[str(status)] = stats.statuses.get(str(status), 0) + 1
                if status == 200:
                    stats.latencies.append(ms)
                    stats.by_kind.setdefault(kind, []).append(ms)
                else:
                    stats.errors += 1

    threads = [
        threading.Thread(target=worker, args=(n * len(paths) // concurrency,), daemon=True) for n in range(concurrency)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + timeout + 30)
    # Requests still in flight at the deadline finish after it; count the time they took.
    stats.seconds = max(seconds, time.monotonic() - start)
    return stats


def warm_up(port: int, paths: list[tuple[str, str]], *, concurrency: int = 8, seconds: float = 5) -> None:
    """Load every path from several threads for a few seconds, so each worker has opened its
    index and compiled its templates before anything is measured."""
    run(port, paths, concurrency=concurrency, seconds=seconds)


def median_summary(runs: list[Stats]) -> dict:
    """The run with the median req/s stands for the repeats (its latencies stay consistent)."""
    ordered = sorted(runs, key=lambda s: s.rps)
    chosen = ordered[len(ordered) // 2].summary()
    chosen["repeats"] = len(runs)
    chosen["rps_all"] = [round(s.rps, 2) for s in runs]
    return chosen
