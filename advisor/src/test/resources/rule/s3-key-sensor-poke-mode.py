"""A DAG that waits for an S3 object with a poke-mode sensor, then loads it.

The sensor pokes every 120 s (poke_interval) and keeps its worker slot for the whole wait: the case
sensor-to-event-trigger prices.
"""
from datetime import datetime

from airflow import DAG
from airflow.operators.python import PythonOperator
from airflow.providers.amazon.aws.sensors.s3 import S3KeySensor


def load():
    return None


with DAG(
    dag_id="s3_landing",
    schedule="@daily",
    start_date=datetime(2025, 1, 1),
    catchup=False,
) as dag:
    wait = S3KeySensor(
        task_id="wait_for_file",
        bucket_name="landing",
        bucket_key="incoming/{{ ds }}/orders.csv",
        mode="poke",
        poke_interval=120,
    )
    load_file = PythonOperator(task_id="load_file", python_callable=load)
    wait >> load_file
