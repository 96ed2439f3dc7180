# The DAG's arguments come from a mapping loaded at parse time from a file flowcost cannot read: its schedule is
# unknown, not Airflow's default.
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator
from settings import load_settings

settings = load_settings("pipelines/crawler.yaml")
base_args = {**settings["default_args"], "start_date": datetime(2024, 1, 1), "retries": 2}

with DAG("crawler", **settings["dag"], default_args=base_args) as dag:
    crawl = BashOperator(task_id="crawl", bash_command="crawl.sh")
    index = BashOperator(task_id="index", bash_command="index.sh")
    crawl >> index
