# Waiting on another DAG is still a sensor: its mode, poke interval and timeout decide the worker slot it holds.
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.sensors.external_task import ExternalTaskSensor
from astronomer.providers.core.sensors.external_task import ExternalTaskSensorAsync

with DAG("downstream_marts", start_date=datetime(2024, 2, 1), schedule="@daily", catchup=False) as dag:
    wait_orders = ExternalTaskSensor(
        task_id="wait_orders",
        external_dag_id="orders_load",
        external_task_id="publish",
        execution_delta=timedelta(hours=1),
        mode="reschedule",
        poke_interval=300,
        timeout=3600,
    )
    wait_refunds = ExternalTaskSensorAsync(task_id="wait_refunds", external_dag_id="refunds_load")
    build = EmptyOperator(task_id="build")
    [wait_orders, wait_refunds] >> build
