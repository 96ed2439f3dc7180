from datetime import timedelta
from airflow import DAG
from airflow.datasets import Dataset
from airflow.operators.empty import EmptyOperator


def create_dag(name, schedule):
    with DAG(f"factory_{name}", schedule=schedule, catchup=False) as dag:
        EmptyOperator(task_id="a") >> EmptyOperator(task_id="b")
    return dag


for name, sched in [("hourly", timedelta(hours=1)), ("cron", "*/5 * * * *"), ("never", None),
                    ("data", [Dataset("s3://bucket/orders")])]:
    globals()[f"dag_{name}"] = create_dag(name, sched)

with DAG("factory_timetable", timetable=CronTriggerTimetable("0 1 * * *", timezone="UTC"), catchup=False):
    EmptyOperator(task_id="t")
