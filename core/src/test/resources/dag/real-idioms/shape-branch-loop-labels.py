# Shape of a branching TaskFlow DAG: a branch task fans out in a loop through labels to a join.
import random
from datetime import datetime

from airflow.decorators import task
from airflow.models.dag import DAG
from airflow.operators.empty import EmptyOperator
from airflow.utils.edgemodifier import Label
from airflow.utils.trigger_rule import TriggerRule

with DAG(dag_id="shape_branch_loop_labels", start_date=datetime(2024, 5, 1), schedule="@daily", catchup=False):
    kickoff = EmptyOperator(task_id="kickoff")
    regions = ["north", "south", "west"]

    @task.branch()
    def pick_region(options):
        return f"process_{random.choice(options)}"

    picked = pick_region(regions)
    kickoff >> picked
    merge = EmptyOperator(task_id="merge", trigger_rule=TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS)

    for region in regions:
        @task(task_id=f"process_{region}")
        def process():
            return 1

        done = EmptyOperator(task_id=f"done_{region}")
        picked >> Label(region) >> process() >> done >> merge

    @task
    def publish(x):
        return x

    publish.override(task_id="publish_final")(merge.output)
