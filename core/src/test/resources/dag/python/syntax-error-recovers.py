from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("broken", schedule="@daily", catchup=False):
    a = EmptyOperator(task_id="a")
    b = EmptyOperator(task_id= = "b")
    c = EmptyOperator(task_id="c")
    a >> c
