"""Background jobs for large ingest requests: one worker, progress kept in memory.

One worker thread because the index has one writer; jobs queue behind each other. Job records
live as long as the server process (the newest ``keep`` are kept) and are not persisted: a
restarted server has no jobs, and clients re-send what did not finish.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ..errors import NewslineageError

__all__ = ["Job", "JobRunner"]

log = logging.getLogger("newslineage.web")


@dataclass
class Job:
    """One background ingest.

    Attributes:
        id: Opaque id (random hex).
        total: Articles to ingest.
        done: Articles handled so far.
        status: ``queued``, ``running``, ``done`` or ``failed``.
        counts: The ingest report so far (summed over chunks).
        error: ``{"error", "detail"}`` when it failed.
    """

    id: str
    total: int
    done: int = 0
    status: str = "queued"
    counts: dict[str, Any] = field(default_factory=dict)
    error: dict[str, str] | None = None
    created: float = field(default_factory=time.time)
    finished: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The job as JSON (``GET /api/jobs/{id}``)."""
        return {
            "id": self.id,
            "status": self.status,
            "total": self.total,
            "done": self.done,
            "progress": round(self.done / self.total, 4) if self.total else 1.0,
            "counts": dict(self.counts),
            "error": self.error,
        }


class JobRunner:
    """Runs jobs on one worker thread and remembers the newest ``keep`` of them."""

    def __init__(self, keep: int = 200) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._keep = keep
        self._executor: ThreadPoolExecutor | None = None

    def submit(self, total: int, work: Callable[[Callable[[int, dict[str, Any]], None]], dict[str, Any]]) -> Job:
        """Queue ``work(progress)``; it calls ``progress(done, counts)`` as it goes."""
        job = Job(id=uuid.uuid4().hex, total=total)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > self._keep:
                self._jobs.pop(next(iter(self._jobs)))
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslineage-job")
        self._executor.submit(self._run, job, work)
        return job

    def _run(self, job: Job, work: Callable[..., dict[str, Any]]) -> None:
        def progress(done: int, counts: dict[str, Any]) -> None:
            with self._lock:
                job.done, job.counts = done, dict(counts)

        with self._lock:
            job.status = "running"
        try:
            counts = work(progress)
        except NewslineageError as exc:
            from .errors import error_code

            self._finish(job, "failed", error={"error": error_code(exc), "detail": exc.message})
        except Exception:
            log.exception("ingest job %s failed", job.id)
            self._finish(job, "failed", error={"error": "internal", "detail": "unexpected error; the details are in the server log"})
        else:
            self._finish(job, "done", counts=counts)

    def _finish(self, job: Job, status: str, counts: dict[str, Any] | None = None, error: dict[str, str] | None = None) -> None:
        with self._lock:
            job.status = status
            job.finished = time.time()
            if counts is not None:
                job.counts = dict(counts)
                job.done = job.total
            job.error = error

    def get(self, job_id: str) -> dict[str, Any] | None:
        """A job's state as JSON, or None when unknown."""
        with self._lock:
            job = self._jobs.get(job_id)
            return job.to_dict() if job else None

    def shutdown(self) -> None:
        """Wait for running jobs and stop the worker (server shutdown)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)
