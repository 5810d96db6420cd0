"""Servers started by the benchmark: on a free loopback port, in their own process group,
and always stopped (TERM, then KILL) when the ``with`` block ends, whatever happened in it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

HOST = "127.0.0.1"  # loopback only: the load never leaves this machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, name: str, process: subprocess.Popen, port: int, log: Path):
        self.name, self.process, self.port, self.log = name, process, port, log

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def get(self, path: str, timeout: float = 120) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def pids(self) -> list[int]:
        """The server's processes: the master and its workers (gunicorn), or just the one."""
        root = self.process.pid
        children = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                # The parent pid is the second field after the parenthesised command name.
                if int(stat.rsplit(")", 1)[1].split()[1]) == root:
                    children.append(int(entry))
        return children or [root]

    def cpu_seconds(self) -> float:
        """CPU time used so far by the server's processes (master and workers)."""
        return sum(_process_cpu(pid) for pid in {self.process.pid, *self.pids()})

    def rss_mib(self) -> list[float]:
        """Resident memory of each worker (each process when there are no workers), MiB."""
        sizes = []
        for pid in self.pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes.append(int(line.split()[1]) / 1024)
            except OSError:
                pass
        return sizes


TICKS = os.sysconf("SC_CLK_TCK")


def _process_cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def machine_busy_seconds() -> float:
    """CPU time all processes have used since boot (every core), from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / TICKS


@contextmanager
def serve(
    name: str,
    command: list[str],
    *,
    port: int,
    ready_path: str,
    log: Path,
    cwd: Path | None = None,
    env: dict | None = None,
    start_timeout: float = 120,
):
    """Start ``command`` (which must listen on ``port``), wait until ``ready_path`` answers
    200, yield a :class:`Server`, and stop it at the end."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as out:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = Server(name, process, port, log)
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with {process.returncode} on start; see {log}")
            try:
                status, _ = server.get(ready_path, timeout=10)
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not answer {ready_path} within {start_timeout:.0f} s; see {log}")
            time.sleep(0.25)
        yield server
    finally:
        stop(process)


def stop(process: subprocess.Popen, grace: float = 30) -> None:
    """TERM the process group, KILL it if it is still there after ``grace`` seconds."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)  # any straggler left in the group
    except ProcessLookupError:
        pass
    process.wait()
