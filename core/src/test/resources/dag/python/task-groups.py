from airflow import DAG
from airflow.decorators import task_group, task
from airflow.operators.empty import EmptyOperator
from airflow.utils.task_group import TaskGroup

with DAG(dag_id="groups", schedule="@daily", catchup=False):
    start = EmptyOperator(task_id="start")
    with TaskGroup("outer") as outer:
        one = EmptyOperator(task_id="one")
        with TaskGroup(group_id="inner") as inner:
            two = EmptyOperator(task_id="two")
            three = EmptyOperator(task_id="three")
            two >> three
        one >> inner
    with TaskGroup("flat", prefix_group_id=False) as flat:
        EmptyOperator(task_id="plain")

    @task_group
    def process(n):
        @task
        def step(x):
            return x

        @task
        def finish(x):
            return x

        finish(step(n))

    end = EmptyOperator(task_id="end")
    start >> outer >> flat >> process(1) >> end
