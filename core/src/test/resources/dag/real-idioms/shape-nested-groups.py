# Shape of a nested TaskGroup DAG: group to group edges expand to leaves and roots, inner groups included.
from datetime import datetime

from airflow.models.dag import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator
from airflow.utils.task_group import TaskGroup

with DAG("shape_nested_groups", start_date=datetime(2024, 5, 1), schedule="0 2 * * *", catchup=False):
    begin = EmptyOperator(task_id="begin")
    with TaskGroup("load") as load:
        head = EmptyOperator(task_id="head")
        [BashOperator(task_id="left", bash_command="true"), EmptyOperator(task_id="right")] << head
    with TaskGroup("check") as check:
        solo = EmptyOperator(task_id="solo")
        with TaskGroup("deep") as deep:
            x = BashOperator(task_id="x", bash_command="true")
            y = EmptyOperator(task_id="y")
            z = EmptyOperator(task_id="z")
            [x, y] >> z
    finish = EmptyOperator(task_id="finish")
    begin >> load >> check >> finish
