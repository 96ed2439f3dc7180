# dag.tasks lists the tasks made so far: code picks some of them to wire a final step.
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator

with DAG("dag_tasks_so_far", start_date=datetime(2024, 5, 1), schedule="@daily", catchup=False) as dag:
    for name in ["alpha", "beta"]:
        BashOperator(task_id=f"load_{name}", bash_command=f"load {name}")
    EmptyOperator(task_id="marker")
    loads = [t for t in dag.tasks if t.task_id.startswith("load_")]
    loads >> EmptyOperator(task_id="all_loaded")
    assert "marker" in dag.task_ids
