# A producer DAG: its publish task updates a dataset that another DAG is scheduled on.
from datetime import datetime

from airflow import DAG
from airflow.datasets import Dataset
from airflow.operators.python import PythonOperator

orders = Dataset("s3://acme-lake/orders")

with DAG("orders_load", start_date=datetime(2024, 1, 1), schedule="@hourly", catchup=False) as dag:
    publish = PythonOperator(task_id="publish", python_callable=print, outlets=[orders])
