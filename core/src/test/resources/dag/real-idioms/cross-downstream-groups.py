# cross_downstream connects every pair by design; task groups stand for their leaves and roots.
from datetime import datetime

from airflow import DAG
from airflow.models.baseoperator import cross_downstream
from airflow.operators.empty import EmptyOperator
from airflow.utils.task_group import TaskGroup

with DAG("cross_downstream_groups", start_date=datetime(2024, 5, 1), schedule=None, catchup=False) as dag:
    with TaskGroup("ingest") as ingest:
        left = EmptyOperator(task_id="left")
        right = EmptyOperator(task_id="right")
    solo = EmptyOperator(task_id="solo")
    sink_a = EmptyOperator(task_id="sink_a")
    sink_b = EmptyOperator(task_id="sink_b")

cross_downstream(from_tasks=[ingest, solo], to_tasks=[sink_a, sink_b])
