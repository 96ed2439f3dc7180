# An Airflow 3 file (it imports airflow.sdk): no schedule means None and no catchup means False.
from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.sdk import DAG, dag, task
import pendulum

with DAG(dag_id="sdk_manual_only", start_date=pendulum.datetime(2025, 1, 1, tz="UTC")) as manual:
    EmptyOperator(task_id="poke")


@dag(start_date=pendulum.datetime(2025, 1, 1, tz="UTC"), schedule="@hourly")
def sdk_hourly():
    @task
    def tick():
        pass

    tick()


sdk_hourly()
