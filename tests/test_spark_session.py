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
