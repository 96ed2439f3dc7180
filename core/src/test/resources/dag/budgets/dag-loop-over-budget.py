# A DAG whose own loop exceeds its loop budget: the warning names the DAG and what may be missing.
from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("wide", schedule=None):
    for i in range(10050):
        EmptyOperator(task_id=f"t{i}")

with DAG("small", schedule=None):
    for i in range(3):
        EmptyOperator(task_id=f"s{i}")
