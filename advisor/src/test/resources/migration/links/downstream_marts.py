# A consumer DAG that waits on another DAG's task with ExternalTaskSensor: a link between the two DAGs.
from datetime import datetime

from airflow import DAG
from airflow.operators.python import PythonOperator
from airflow.sensors.external_task import ExternalTaskSensor

with DAG("downstream_marts", start_date=datetime(2024, 1, 1), schedule="@hourly", catchup=False) as dag:
    wait = ExternalTaskSensor(task_id="wait_orders", external_dag_id="orders_load", external_task_id="publish",
                              mode="reschedule")
    build = PythonOperator(task_id="build", python_callable=print)
    wait >> build
