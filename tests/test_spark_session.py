"""The local session's driver JVM: the JIT settings lemur_data.spark asks for are the ones it runs with."""

from __future__ import annotations


def _vm_option(spark, name: str) -> str:
    jvm = spark.sparkContext._jvm
    bean = jvm.java.lang.management.ManagementFactory.getPlatformMXBean(
        jvm.java.lang.Class.forName("com.sun.management.HotSpotDiagnosticMXBean"))
    return bean.getVMOption(name).getValue()


def test_the_driver_jvm_compiles_with_c1_only_and_keeps_room_for_a_long_session(spark):
    # NOTE: C1 alone makes the JVM reserve 48 MB for compiled code: a long run filled it and the JIT switched off.
    assert _vm_option(spark, "TieredStopAtLevel") == "1"
    assert int(_vm_option(spark, "ReservedCodeCacheSize")) >= 240 * 1024 * 1024


def test_local_sql_settings_are_sized_for_one_machine_unless_the_user_set_them(spark):
    from lemur_data.spark import _tune_local_sql

    assert spark.conf.get("spark.sql.adaptive.enabled") == "false", "no adaptive re-planning in local mode"
    assert int(spark.conf.get("spark.sql.shuffle.partitions")) == 2 * spark.sparkContext.defaultParallelism
    # one place sizes it, from the master's cores (local[1] on a 2-core machine: 2), not from the machine's cores
    assert not spark.sparkContext.getConf().contains("spark.sql.shuffle.partitions")
    # a value the user gave when the session started (--conf, the manifest's `spark` section) is kept
    conf = spark.sparkContext._conf
    conf.set("spark.sql.adaptive.enabled", "true")
    try:
        spark.conf.set("spark.sql.adaptive.enabled", "true")
        _tune_local_sql(spark)
        assert spark.conf.get("spark.sql.adaptive.enabled") == "true"
    finally:
        conf._jconf.remove("spark.sql.adaptive.enabled")
        _tune_local_sql(spark)
    assert spark.conf.get("spark.sql.adaptive.enabled") == "false"
