# A consumer DAG scheduled on the dataset orders_load produces: a data-aware link between the two DAGs.
from datetime import datetime

from airflow import DAG
from airflow.datasets import Dataset
from airflow.operators.python import PythonOperator

with DAG("orders_report", start_date=datetime(2024, 1, 1), schedule=[Dataset("s3://acme-lake/orders")],
         catchup=False) as dag:
    report = PythonOperator(task_id="report", python_callable=print)
