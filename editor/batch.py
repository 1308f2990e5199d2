"""Batch alignment (Qt-free): many text pairs, each imported, aligned and exported to DIR/NAME.EXT, run by a
swappable executor: this process, a local process pool, or a Dask cluster (`distributed`, imported only when
asked for).

A job is plain data (file names), so any executor can ship it; `run_job` does one job from start to end and
turns every input or output problem into a failed `JobResult` with the reason, so one bad file never stops a
batch. The engine's dictionary and model are process-wide (`editor.alignment.engine.resources`), so each
worker process loads them once, at its first job.
"""

from __future__ import annotations

import os
import time
import traceback
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from editor.collection.jobs_file import BatchJob, check_unique, read_jobs_file  # noqa: F401 (the batch API)
from editor.errors import EditorError, OutputFileError
from editor.processes import can_fork

DEFAULT_FORMAT = "tmx"
#: how long to try reaching a Dask scheduler before saying it cannot be reached
DASK_CONNECT_TIMEOUT = "20s"


@dataclass(frozen=True)
class BatchSettings:
    """What every job of a batch shares (plain data, so it travels to worker processes and Dask workers)."""

    out_dir: str
    fmt: str = DEFAULT_FORMAT
    mode: str = "best"
    presegmented: bool = False
    clean: bool = True              # the safe repairs, as editor.workflow.DEFAULT_CLEAN (the CLI passes its flag)
    punctuation: bool = False       # the "Chinese punctuation" clean-up (off by default, as in the editor)
    src_lang: str | None = None
    tgt_lang: str = "en-US"
    export: object = None           # editor.exporting.ExportOptions (None: the defaults)

    def output_path(self, job: BatchJob) -> Path:
        return Path(self.out_dir) / f"{job.name}.{self.fmt.lstrip('.')}"


@dataclass
class JobResult:
    """What became of one job."""

    name: str
    output: str
    ok: bool = True
    skipped: bool = False           # the output existed already (resume)
    error: str | None = None
    sentences: int = 0
    links: int = 0
    doubtful: int = 0
    unlinked: int = 0               # 1-0 / 0-1 sentence groups
    seconds: float = 0.0
    payload: bytes | None = None    # the exported file, when the caller writes it (a Dask client)
    warnings: list[str] = field(default_factory=list)
    worker_pid: int = 0             # the process that ran the job
    repaired: dict[str, int] = field(default_factory=dict)   # import artefacts repaired, by kind
    src_lang: str | None = None     # the document's languages (the collection index keeps them)
    tgt_lang: str | None = None


@dataclass
class BatchSummary:
    """The totals of a batch."""

    results: list[JobResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[JobResult]:
        return [r for r in self.results if not r.ok]

    @property
    def done(self) -> list[JobResult]:
        return [r for r in self.results if r.ok and not r.skipped]

    @property
    def skipped(self) -> list[JobResult]:
        return [r for r in self.results if r.skipped]

    def total(self, key: str) -> int:
        return sum(getattr(r, key) for r in self.done)


# ----- building the job list -----
def jobs_from_folders(zh_dir: Path | str, en_dir: Path | str) -> list[BatchJob]:
    """Pair the files of two folders by name (the same stem, language tags taken off: `ch01.txt` with
    `ch01.docx`, `report_cn.docx` with `report_en.docx`; editor.collection.pairing). A file without a partner
    becomes a failed job saying so. Raises InputFileError when a folder cannot be read, holds no file, or
    holds two files that pair to one name."""
    from editor.collection.pairing import document_name, pair_folders, split_tag

    pairing = pair_folders(zh_dir, en_dir)
    jobs = [BatchJob(p.name, str(p.zh), str(p.en) if p.en is not None else None) for p in pairing.pairs]
    zh_folder = Path(zh_dir).absolute()
    for path in pairing.unpaired:
        base, name = split_tag(path)[0], document_name(path)     # the file's name, not a fragment of it
        if path.absolute().parent == zh_folder:
            jobs.append(BatchJob(name, str(path), None, problem=f"no English file named {base}.* in {en_dir}"))
        else:
            jobs.append(BatchJob(name, str(path), None, problem=f"no Chinese file named {base}.* in {zh_dir}"))
    jobs.sort(key=lambda job: job.name)
    taken: set[str] = set()
    for k, job in enumerate(jobs):          # an unpaired name may repeat a pair's: outputs need their own
        if job.name in taken:
            from editor.collection.pairing import unique_name
            jobs[k] = replace(job, name=unique_name(job.name, taken))
        taken.add(jobs[k].name)
    return jobs


# ----- outputs that must never be written -----
def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def output_clashes(jobs: Sequence[BatchJob], settings: BatchSettings,
                   protected: Iterable[Path | str] = ()) -> dict[str, str]:
    """Return {job name: why} for every job whose output would overwrite an input of any job of the batch
    or a `protected` file (the JOBS file). `--force` never overrides this: those files are the user's data."""
    sources = [Path(p) for p in protected] + [Path(name) for job in jobs for name in job.inputs]
    clashes = {}
    for job in jobs:
        if job.problem:
            continue
        output = settings.output_path(job)
        if not os.path.lexists(output):
            # a file that does not exist is no input yet; names still compared (case-folding file systems)
            names = {os.path.normcase(os.path.abspath(s)) for s in sources}
            if os.path.normcase(os.path.abspath(output)) not in names:
                continue
        for source in sources:
            if _same_file(output, source):
                kind = "the JOBS file" if any(_same_file(source, Path(p)) for p in protected) else "an input file"
                clashes[job.name] = f"{output}: the output would replace {kind}; choose another output folder " \
                                    "or NAME"
                break
    return clashes


def check_outputs(jobs: Sequence[BatchJob], settings: BatchSettings, protected: Iterable[Path | str] = ()) -> None:
    """Raise OutputFileError (naming the output) when any job would overwrite an input or the JOBS file."""
    clashes = output_clashes(jobs, settings, protected)
    if clashes:
        name, why = next(iter(clashes.items()))
        more = f" (and {len(clashes) - 1} more jobs)" if len(clashes) > 1 else ""
        raise OutputFileError(f"job {name!r}: {why}{more}")


# ----- one job -----
def run_job(job: BatchJob, settings: BatchSettings, write: bool = True) -> JobResult:
    """Import, align and export one job; never raises for a problem of the job's own (it is in the result).

    With `write` the output file is written here (atomically); otherwise its bytes come back in `payload`
    for the caller to write."""
    output = settings.output_path(job)
    result = JobResult(job.name, str(output), worker_pid=os.getpid())
    started = time.perf_counter()
    if job.problem:
        result.ok, result.error = False, job.problem
        return result
    try:
        import io

        from editor.bitext.review import ReviewPolicy, review_counts
        from editor.exporting import ExportOptions, exporter_for
        from editor.workflow import ImportOptions, align_document, import_document

        options = ImportOptions(presegmented=settings.presegmented, src_lang=settings.src_lang,
                                tgt_lang=settings.tgt_lang, clean=settings.clean, punctuation=settings.punctuation)
        doc = import_document(job.inputs, options)
        for fix in doc.meta.cleanup_applied or ():
            result.repaired[fix["kind"]] = result.repaired.get(fix["kind"], 0) + 1
        from editor.importing.script import kana_verdict

        kana = kana_verdict("".join(s.text for s in doc.src[:20000]))      # some kana: said, not refused
        doc.apply(align_document(doc, mode=settings.mode))
        doc.meta.alignment_mode = settings.mode
        export = settings.export or ExportOptions()
        export = replace(export, presegmented_ids=settings.presegmented)
        buffer = io.BytesIO()
        report = exporter_for(output)(doc, buffer, export)
        payload = buffer.getvalue()
        if write:
            write_output(output, payload)
        else:
            result.payload = payload
        counts = review_counts(doc, ReviewPolicy.for_document(doc))   # doubtful as the editor's review says
        result.sentences = len(doc.src) + len(doc.tgt)
        result.links = counts.links
        result.doubtful = counts.doubtful
        result.unlinked = counts.unlinked
        result.warnings = ([kana[1]] if kana is not None else []) + list(report.warnings)
        result.src_lang, result.tgt_lang = doc.meta.src_lang, doc.meta.tgt_lang
    except EditorError as exc:
        result.ok, result.error = False, str(exc)
    except OSError as exc:
        result.ok, result.error = False, f"{exc.filename or output}: {exc.strerror or exc}"
    except MemoryError:
        result.ok, result.error = False, "out of memory"
    except Exception as exc:     # a bug: say which job, keep the batch going
        result.ok = False
        result.error = f"internal error {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=6)}"
    result.seconds = time.perf_counter() - started
    return result


def write_output(path: Path | str, payload: bytes) -> None:
    """Write one output atomically (a killed batch leaves whole files only, so it can resume)."""
    from editor.bitext.project import atomic_write_bytes

    atomic_write_bytes(Path(path).absolute(), payload)


# ----- executors -----
class InProcessExecutor:
    """Runs the jobs one after the other in this process (`--jobs 1`)."""

    writes_outputs = True

    def run(self, jobs: Sequence[BatchJob], settings: BatchSettings) -> Iterator[JobResult]:
        for job in jobs:
            yield run_job(job, settings)

    def close(self) -> None:
        pass


class ProcessPoolExecutor:
    """Runs the jobs on N local worker processes; each loads the engine's data once, at its first job."""

    writes_outputs = True

    def __init__(self, workers: int) -> None:
        import concurrent.futures
        import multiprocessing

        # fork starts the workers in milliseconds with this process's modules already imported (the CLI has
        # loaded no model and started no thread by then); elsewhere spawn
        self._fork = can_fork()
        self._pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=max(1, workers), mp_context=multiprocessing.get_context("fork" if self._fork else "spawn"),
            initializer=_worker_blas_on_one_thread)

    def run(self, jobs: Sequence[BatchJob], settings: BatchSettings) -> Iterator[JobResult]:
        import concurrent.futures

        if self._fork and jobs:
            # open the dictionary and model here, before the first submit forks the workers: they start with
            # them (memory-mapped pages shared), and a missing cache is built once, not by every worker
            from editor.alignment import preload

            preload(settings.mode)
        futures: dict[Future, BatchJob] = {self._pool.submit(run_job, job, settings): job for job in jobs}
        for future in concurrent.futures.as_completed(futures):
            yield _result_of(future, futures[future], settings)

    def worker_pids(self) -> list[int]:
        """The pool's worker processes (started at the first job)."""
        return sorted((self._pool._processes or {}).keys())

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor:
    """Submits the jobs to a running `dask.distributed` scheduler. Dask schedules, retries and survives lost
    workers; the workers need Duiqi installed, and load the engine's data once each (a process-wide cache).

    Results stream back as they finish and this process writes them; with `shared` the workers write the
    outputs themselves into the output folder, which they must see at the same path."""

    def __init__(self, address: str, shared: bool = False) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise EditorError("--dask needs the cluster extra: pip install 'duiqi[cluster]'") from None
        try:
            self._client = Client(address, timeout=DASK_CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise EditorError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self.writes_outputs = shared

    def run(self, jobs: Sequence[BatchJob], settings: BatchSettings) -> Iterator[JobResult]:
        from distributed import as_completed

        futures = {}
        for job in jobs:
            future = self._client.submit(run_job, job, settings, self.writes_outputs, pure=False, retries=1)
            futures[future] = job
        with self._client.as_current():
            finished = as_completed(futures)
        for future in finished:
            yield _result_of(future, futures[future], settings)

    def close(self) -> None:
        self._client.close()


_WORKER_BLAS_LIMIT = None


def _worker_blas_on_one_thread() -> None:
    """A batch worker runs BLAS on one thread for its whole life: the workers already use every core, and two
    BLAS threads per worker on two cores made the batch 16 % slower (numpy outside the engine's own limit)."""
    global _WORKER_BLAS_LIMIT
    try:
        from threadpoolctl import ThreadpoolController

        _WORKER_BLAS_LIMIT = ThreadpoolController().limit(limits=1, user_api="blas")
    except Exception:       # no threadpoolctl or an unknown BLAS: leave the threads alone
        pass


def _result_of(future, job: BatchJob, settings: BatchSettings) -> JobResult:
    try:
        return future.result()
    except Exception as exc:     # the worker died, or the job could not be shipped
        return JobResult(job.name, str(settings.output_path(job)), ok=False,
                         error=f"the worker failed: {type(exc).__name__}: {exc}")


def make_executor(jobs: int = 0, dask: str | None = None, dask_shared: bool = False):
    """The executor the options ask for: Dask at `dask`, else `jobs` local processes (0: one per CPU)."""
    if dask:
        return DaskExecutor(dask, shared=dask_shared)
    workers = jobs or os.cpu_count() or 1
    return InProcessExecutor() if workers == 1 else ProcessPoolExecutor(workers)


# ----- the batch -----
def run_batch(jobs: Sequence[BatchJob], settings: BatchSettings, executor, *, force: bool = False,
              on_result: Callable[[JobResult], None] | None = None,
              protected: Iterable[Path | str] = ()) -> BatchSummary:
    """Run every job whose output does not exist yet (all of them with `force`) and return the summary.

    A job whose output is an input of the batch or a `protected` file (the JOBS file) fails without running,
    with or without `force`. `on_result` is called in this process as each job finishes (skipped ones first)."""
    started = time.perf_counter()
    summary = BatchSummary()
    todo: list[BatchJob] = []
    clashes = output_clashes(jobs, settings, protected)
    jobs = [replace(job, problem=clashes[job.name]) if job.name in clashes else job for job in jobs]
    for job in jobs:
        if not force and not job.problem and settings.output_path(job).exists():
            result = JobResult(job.name, str(settings.output_path(job)), skipped=True)
            summary.results.append(result)
            if on_result is not None:
                on_result(result)
        else:
            todo.append(job)
    todo.sort(key=_job_size, reverse=True)     # largest first: the workers finish close together
    for result in executor.run(todo, settings):
        if result.ok and result.payload is not None:
            try:
                write_output(result.output, result.payload)
            except OSError as exc:
                result.ok, result.error = False, f"{result.output}: {exc.strerror or exc}"
            result.payload = None
        summary.results.append(result)
        if on_result is not None:
            on_result(result)
    summary.seconds = time.perf_counter() - started
    return summary


def _job_size(job: BatchJob) -> int:
    total = 0
    for name in job.inputs:
        try:
            total += os.stat(name).st_size
        except OSError:
            pass
    return total


def total_input_bytes(jobs: Iterable[BatchJob]) -> int:
    return sum(_job_size(j) for j in jobs)


# ----- the output folder as a collection -----
#: batch output formats that open again as documents of a collection (`duiqi DIR`)
COLLECTION_FORMATS = ("duiqi", "tmx", "xlf", "xliff", "tsv", "xlsx", "json")


class BatchCollection:
    """Keeps DIR/duiqi-collection.json up to date while a batch writes DIR, so the output folder opens as a
    collection (`duiqi DIR`, `duiqi convert DIR merged.tmx`): one entry per job with its sources, its output
    and the counts the document list shows; the index is rewritten (atomically) after each job, so a stopped
    batch leaves an index of what it finished. A resumed batch keeps the entries it finds."""

    def __init__(self, jobs: Sequence[BatchJob], settings: BatchSettings) -> None:
        from editor.collection.store import Collection, CollectionSettings, is_collection

        folder = Path(settings.out_dir)
        shared = CollectionSettings(settings.mode, settings.src_lang, settings.tgt_lang, settings.presegmented,
                                    settings.clean)
        self.lock = None
        if is_collection(folder):
            self.collection = Collection.open(folder)
            # an editor window that has the collection open would save over what the batch writes (and the
            # other way round): refused, naming the folder; held until this process ends
            self.lock = self.collection.lock()
            self.collection.settings = shared
        else:
            self.collection = Collection(folder, shared)
        known = {e.name: e for e in self.collection.entries}
        for job in jobs:
            entry = known.get(job.name)
            if entry is None:
                from editor.collection.store import DocumentEntry

                entry = DocumentEntry(job.name)
                self.collection.entries.append(entry)
                known[job.name] = entry
            entry.zh, entry.en = self._relative(job.zh), self._relative(job.en) if job.en else None
            entry.error = job.problem
            output = settings.output_path(job)
            if output.exists() and not job.problem:
                entry.file = output.name
        self.collection.write_index()

    def close(self) -> None:
        """Let editors open the collection again (the batch is over)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _relative(self, path: str) -> str:
        from editor.collection.store import _relative

        return _relative(path, self.collection.folder)

    def __call__(self, result: JobResult) -> None:
        """Record one finished (or skipped, or failed) job in the index."""
        from editor.collection.store import DocumentStats, _stamp

        try:
            entry = self.collection.entry(result.name)
        except KeyError:
            return
        if not result.ok:
            entry.error = result.error.splitlines()[0] if result.error else "failed"
        else:
            entry.error = None
            entry.file = Path(result.output).name
            if not result.skipped:
                stamp = _stamp(Path(result.output))
                entry.stats = DocumentStats(result.links, result.doubtful, 0, time.strftime(
                    "%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()), result.src_lang, result.tgt_lang, stamp,
                    result.unlinked)
        try:
            self.collection.write_index()
        except EditorError:
            pass          # the outputs are there; `duiqi DIR` says the index is missing
