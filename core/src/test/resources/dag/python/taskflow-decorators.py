import pendulum
from airflow.decorators import dag, task


@dag(schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False, tags=["taskflow"])
def taskflow_etl():
    @task(retries=3)
    def extract():
        return {"a": 1}

    @task(task_id="transform_it")
    def transform(data):
        return data

    @task.branch
    def choose(x):
        return "load"

    @task
    def load(x):
        pass

    @task.sensor(poke_interval=30, timeout=600, mode="reschedule")
    def wait_for_file():
        return True

    data = extract()
    t = transform(data)
    load(choose(t))
    load(t)
    load(wait_for_file())


taskflow_etl()
