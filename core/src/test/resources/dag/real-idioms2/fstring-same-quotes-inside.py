# Python 3.12 (PEP 701) lets a replacement field reuse the f-string's own quote: f"{cfg["name"]}_load".
from datetime import datetime

from airflow.decorators import dag, task
from airflow.operators.bash import BashOperator

feeds = [
    {"name": "users", "path": "/in/users"},
    {"name": "orders", "path": "/in/orders"},
]


@dag(start_date=datetime(2024, 1, 1), schedule="@daily", catchup=False)
def feed_copies():
    @task
    def pull(path):
        return path

    @task
    def store(rows):
        pass

    for cfg in feeds:
        rows = pull.override(task_id=f"{cfg["name"]}_pull")(cfg["path"])
        stored = store.override(task_id=f"{cfg['name']}_store")(rows)
        stored >> BashOperator(task_id=f"{cfg["name"]}_mark", bash_command=f"touch {cfg["path"]}/{{{{ ds }}}}.done")


feed_copies()
