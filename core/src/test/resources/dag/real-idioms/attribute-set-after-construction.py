# Settings assigned to a task after it is made count just like constructor arguments.
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.sensors.filesystem import FileSensor
from airflow.utils.trigger_rule import TriggerRule

with DAG("attribute_set_after_construction", start_date=datetime(2024, 5, 1), schedule="@daily",
         catchup=False) as dag:
    wait = FileSensor(task_id="wait_for_drop", filepath="/data/in/ready.flag")
    wait.mode = "reschedule"
    wait.poke_interval = 120
    wait.timeout = 1800

    crunch = BashOperator(task_id="crunch", bash_command="make crunch")
    crunch.retries = 4

    summary = BashOperator(task_id="summary", bash_command="make summary")
    summary.trigger_rule = TriggerRule.ALL_DONE

    wait >> crunch >> summary
    dag.catchup = False
