# A @task_group function that returns a task hands back that task: dependencies bind to it, not to the group.
from datetime import datetime

from airflow.decorators import task, task_group
from airflow.models.dag import DAG
from airflow.operators.empty import EmptyOperator


@task_group
def enrich(batch):
    @task
    def clean(b):
        return b

    @task
    def score(b):
        return b

    return score(clean(batch))


@task_group
def fan(name):
    @task
    def fetch(n):
        return n

    fetch(name)


with DAG("task_group_returns_task", start_date=datetime(2024, 5, 1), schedule=None, catchup=False):
    start = EmptyOperator(task_id="start")
    end = EmptyOperator(task_id="end")
    start >> enrich("b1") >> end
    start >> fan("f1") >> end

    @task
    def total(values):
        return sum(values)

    total(enrich.expand(batch=["m1", "m2"]))
