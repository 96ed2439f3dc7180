# A legacy SubDAG built by a factory function: the child DAG's id is "<parent>.<task_id>" and Airflow runs it only
# through the SubDagOperator task, never on its own schedule.
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator
from airflow.operators.subdag import SubDagOperator

PARENT = "nightly"


def region_loader(parent_id, child_id, args):
    child = DAG(dag_id="%s.%s" % (parent_id, child_id), default_args=args)
    for region in ["eu", "us"]:
        BashOperator(task_id=f"copy_{region}", bash_command=f"sync {region}", dag=child)
    return child


shared = {"start_date": datetime(2024, 3, 1), "retries": 1}

with DAG(PARENT, default_args=shared, schedule="@daily", catchup=False) as dag:
    begin = EmptyOperator(task_id="begin")
    regions = SubDagOperator(task_id="load_regions", subdag=region_loader(PARENT, "load_regions", shared))
    report = BashOperator(task_id="report", bash_command="make report")
    begin >> regions >> report
