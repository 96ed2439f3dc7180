from datetime import datetime
from airflow import DAG
from airflow.operators.python import PythonOperator

with DAG(dag_id="etl", schedule="@daily", start_date=datetime(2026, 1, 1), catchup=False) as dag:
    extract = PythonOperator(task_id="extract", python_callable=print, retries=3)
    load = PythonOperator.partial(task_id="load", python_callable=print).expand(op_args=[[1], [2], [3]])
    extract >> load
