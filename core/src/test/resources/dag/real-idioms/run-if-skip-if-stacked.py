# @task.run_if / @task.skip_if (Airflow 2.10) stack on a task decorator and leave its kind as it is.
from pendulum import datetime

from airflow.decorators import dag, task


@dag(start_date=datetime(2024, 5, 1), schedule="@daily", catchup=False)
def run_if_skip_if_stacked():
    @task.run_if(lambda context: context["dag_run"].run_type == "scheduled")
    @task(retries=5)
    def nightly_only():
        return 1

    @task.skip_if(lambda context: context["params"].get("dry", False))
    @task.bash
    def shell_step():
        return "echo step"

    nightly_only() >> shell_step()


run_if_skip_if_stacked()
