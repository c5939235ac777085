"""The one Spark session factory.

Local mode is the embedded default: all cores, driver memory sized from the machine, Arrow on, a local scratch
directory, the venv's Python for workers. Under `spark-submit` the submitted master and settings win: we only add
what the pipeline itself needs (Arrow batches, UTC), never a master or memory size; on a local master with no
shuffle partition count given, the local default (2 per core) replaces Spark's cluster-sized 200.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time

from pyspark.sql import SparkSession

from lemur_data import python_workers
from lemur_data.config import SparkConfig

log = logging.getLogger(__name__)

# NOTE: documents can be up to max_file_bytes each; small Arrow batches keep a Python worker's memory bounded.
ARROW_BATCH_ROWS = 256

_SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions"
_ADAPTIVE = "spark.sql.adaptive.enabled"

_PIPELINE_CONF = {
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.sql.execution.arrow.maxRecordsPerBatch": str(ARROW_BATCH_ROWS),
    "spark.sql.session.timeZone": "UTC",
    "spark.python.worker.reuse": "true",
}


def launched_by_spark_submit() -> bool:
    """spark-submit starts the JVM first and hands Python its gateway port."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


def local_master(cores: int | None = None) -> str:
    return f"local[{cores or os.cpu_count() or 1}]"


def driver_memory() -> str:
    """40% of physical memory (local mode: the driver JVM hosts the executors; Python workers need the rest)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):
        return "4g"
    return f"{max(1, int(total * 0.4) >> 30)}g"


def get_session(spark_cfg: SparkConfig | None = None, *, master: str | None = None,
                conf: dict[str, str] | None = None, app_name: str = "lemur-data") -> SparkSession:
    """The active session if there is one, else a new one configured as described above."""
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    spark_cfg = spark_cfg or SparkConfig()
    builder = SparkSession.builder.appName(app_name)
    settings = dict(_PIPELINE_CONF)
    if not launched_by_spark_submit():
        # NOTE: workers must run the interpreter that has lemur_data installed, not whatever python3 is on PATH.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        settings.update(_local_defaults())
        settings["spark.master"] = master or os.environ.get("LEMUR_SPARK_MASTER") or spark_cfg.master or local_master()
    settings.update(spark_cfg.conf)
    settings.update(conf or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    _tune_local_sql(spark)
    spark.sparkContext.setLogLevel(os.environ.get("LEMUR_SPARK_LOG_LEVEL") or _jvm_log_level().upper())
    log.info("spark %s master=%s app=%s", spark.version, spark.sparkContext.master, spark.sparkContext.applicationId)
    return spark


def _tune_local_sql(spark: SparkSession) -> None:
    """On a local master, SQL settings sized for one machine, unless the user set them (--conf, manifest `spark`).

    - shuffle partitions: 2 per core. Spark's own default (200) is sized for clusters; on one machine every shuffle
      would run 200 small tasks (the demo dedup takes twice as long on local[1]).
    - adaptive query execution off. Its gains (coalescing many small shuffle partitions, re-planning joins) do not
      arise with 2 partitions per core, and its re-planning between the stages of every job costs the driver:
      local[2], same session A/B (issue 10): the demo dedup 15.1 -> 12.1 s (median of 5 warm runs), the whole demo
      pipeline's first run 59 -> 44 s, the 1 GB dedup 56.0 / 49.6 -> 46.8 / 42.0 s with 8% fewer shuffle bytes.
    Outputs do not depend on either (they are bucketed and ordered by id, not by partitioning).
    """
    sc = spark.sparkContext
    if not sc.master.startswith("local"):
        return
    for key, value in ((_SHUFFLE_PARTITIONS, str(max(2, 2 * sc.defaultParallelism))), (_ADAPTIVE, "false")):
        if not sc.getConf().contains(key):
            spark.conf.set(key, value)


CODE_CACHE = "240m"  # the driver JVM's -XX:ReservedCodeCacheSize (see _local_defaults)
_LOG4J = os.path.join(os.path.dirname(os.path.abspath(__file__)), "log4j2.properties")


def _jvm_log_level() -> str:
    return "error" if logging.getLogger("lemur_data").getEffectiveLevel() >= logging.WARNING else "warn"


def _local_defaults() -> dict[str, str]:
    # NOTE: a single machine talks to itself over loopback; this also silences Spark's hostname warning.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    scratch = os.environ.get("LEMUR_SCRATCH") or os.path.join(tempfile.gettempdir(), f"lemur-spark-{os.getuid()}")
    os.makedirs(scratch, exist_ok=True)
    return {
        "spark.driver.memory": os.environ.get("LEMUR_DRIVER_MEMORY", driver_memory()),
        "spark.local.dir": scratch,
        "spark.ui.enabled": "false" if os.environ.get("LEMUR_SPARK_UI", "1") == "0" else "true",
        "spark.ui.showConsoleProgress": "true" if sys.stderr.isatty() else "false",
        # NOTE: -XX:TieredStopAtLevel=1 (C1 JIT only): in local mode most driver-JVM CPU of a stage is compiling
        # Spark's own code for a few dozen short jobs; C2 rarely pays back. Dedup at 0.5 GB after a warm-up:
        # 65 -> 50 CPU s of driver JVM + workers; a warm repeat of the same run unchanged (issue 10).
        # Without tiered compilation the JVM reserves only 48 MB for compiled code, which a long session fills
        # (the gigabyte benchmark did after 270 s: "CodeCache is full. Compiler has been disabled", the rest of
        # the run interpreted), hence the tiered default's 240 MB, reserved address space committed as used.
        "spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile={_LOG4J} -Dlemur.log.level={_jvm_log_level()} "
                                         f"-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize={CODE_CACHE}",
    }


def shuffle_bytes_written(spark: SparkSession | None) -> int:
    """Shuffle bytes written so far by this application's executors (0 without a session).

    Read from Spark's status store (always kept for a live application, with or without the UI), executors that
    are gone included, so a lost executor's writes still count.
    """
    if spark is None:
        return 0
    return _executor_sum(spark, "totalShuffleWrite")


def settle_tasks(spark: SparkSession | None, timeout_s: float = 60.0) -> None:
    """Cancel this application's jobs and wait (bounded) until no task of it is running, in the JVM or in Python.

    NOTE: a failed job returns to the driver while its other tasks are still being killed, and a killed Python
    task counts as ended before its worker process is gone (lemur_data/python_workers.py): that process can still
    publish a file. A stage that cleans up after a failure calls this first, or a late task can write into the
    folder just removed. Workers on other machines (a cluster) are beyond reach: there the JVM's count is the bound.
    """
    if spark is None:
        return
    spark.sparkContext.cancelAllJobs()
    jvm_pid = local_jvm_pid(spark)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if _running_tasks(spark):
            time.sleep(0.05)
            continue
        orphans = python_workers.orphans(jvm_pid) if jvm_pid else []
        if not orphans:
            return
        log.debug("killing %d Python worker(s) of ended tasks: %s", len(orphans), orphans)
        python_workers.kill(orphans)
        time.sleep(0.02)
    log.warning("tasks of a cancelled job still running after %.0f s", timeout_s)


def _running_tasks(spark: SparkSession) -> int:
    """Tasks launched and not yet reported ended, from the task scheduler itself.

    NOTE: not from the status store: it writes an executor's active task count at most every
    spark.ui.liveUpdate.period, so a task that just started may not be counted there yet.
    """
    counts = spark.sparkContext._jsc.sc().taskScheduler().runningTasksByExecutors().values().iterator()
    total = 0
    while counts.hasNext():
        total += counts.next()
    return int(total)


def local_jvm_pid(spark: SparkSession) -> int | None:
    """The driver JVM's pid when its executors live in it (a local master), else None."""
    if not spark.sparkContext.master.startswith("local"):
        return None
    proc = getattr(spark.sparkContext._gateway, "proc", None)
    # NOTE: under spark-submit the JVM starts first and launches this Python driver: it is our parent.
    return proc.pid if proc is not None else os.getppid()


def _executor_sum(spark: SparkSession, metric: str) -> int:
    """One figure of Spark's status store (an ExecutorSummary getter) summed over all executors, gone ones too,
    after the listener bus has delivered the finished tasks' events."""
    _drain_listener_bus(spark)
    executors = spark.sparkContext._jsc.sc().statusStore().executorList(False)
    total, it = 0, executors.iterator()
    while it.hasNext():
        total += getattr(it.next(), metric)()
    return int(total)


def _drain_listener_bus(spark: SparkSession) -> None:
    """The status store is fed asynchronously by the listener bus: wait (bounded) for finished tasks' metrics."""
    try:
        spark.sparkContext._jsc.sc().listenerBus().waitUntilEmpty(10_000)
    except Exception as exc:  # noqa: BLE001 - an internal API: a figure a moment late beats a failed stage
        log.debug("listener bus not drained: %s", exc)
