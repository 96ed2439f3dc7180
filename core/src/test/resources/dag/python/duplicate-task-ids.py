from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("dupes", schedule="@daily", catchup=False):
    EmptyOperator(task_id="same")
    EmptyOperator(task_id="same")
    EmptyOperator(task_id=make_id())
