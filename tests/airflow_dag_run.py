"""Run by tests/test_airflow.py with the Airflow venv's Python (Airflow is not installed beside lemur-data).

    python tests/airflow_dag_run.py DAGS_FOLDER LOGICAL_DATE MANIFEST OUTPUT_ROOT RUNS

Parses DAGS_FOLDER with DagBag, then runs the `lemur_data` DAG once per entry of RUNS (comma-separated `force` or
`plain`: the `force` param of that run; empty: parse only) with `dag.test()`, all for the same logical date (so the
same data interval), and prints one JSON document: import errors, the task graph, and per run the run's state,
data interval, and each task instance's state, try number and XCom `return_value`.
The environment (AIRFLOW_HOME with a migrated SQLite database, the Spark connection, LEMUR_*) is set by the test.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime


def main(dags_folder: str, logical_date: str, manifest: str, output_root: str, runs: list[str]) -> dict:
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=dags_folder)
    report: dict = {"import_errors": {str(k): str(v) for k, v in bag.import_errors.items()},
                    "dag_ids": sorted(bag.dag_ids), "runs": []}
    dag = bag.get_dag("lemur_data")
    if dag is None:
        return report
    report["tasks"] = [{"task_id": t.task_id, "upstream": sorted(t.upstream_task_ids), "retries": t.retries,
                        "operator": [c.__name__ for c in type(t).__mro__],
                        "application": t.application, "application_args": list(t.application_args)}
                       for t in dag.topological_sort()]
    for mode in runs:
        dr = dag.test(logical_date=datetime.fromisoformat(logical_date),
                      run_conf={"manifest": manifest, "output_root": output_root, "force": mode == "force"})
        tis = []
        for ti in sorted(dr.get_task_instances(), key=lambda t: t.task_id):
            tis.append({"task_id": ti.task_id, "state": str(ti.state), "try_number": ti.try_number,
                        "xcom": ti.xcom_pull(task_ids=ti.task_id, key="return_value")})
        report["runs"].append({"state": str(dr.state), "run_id": dr.run_id,
                               "data_interval_start": dr.data_interval_start.isoformat(),
                               "data_interval_end": dr.data_interval_end.isoformat(), "task_instances": tis})
    return report


if __name__ == "__main__":
    folder, date, manifest_path, root, modes = sys.argv[1:6]
    result = main(folder, date, manifest_path, root, [m for m in modes.split(",") if m])
    print("AIRFLOW-DAG-RUN " + json.dumps(result, default=str))
