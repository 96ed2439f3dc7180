import os
from airflow import DAG
from airflow.operators.empty import EmptyOperator

DAG_ID = os.path.basename(__file__).replace(".py", "")

with DAG(DAG_ID, schedule="@daily", catchup=False):
    EmptyOperator(task_id="only")

with DAG(dag_id=some_config["name"], schedule="@daily", catchup=False):
    EmptyOperator(task_id="other")
