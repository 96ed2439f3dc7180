# Shape of a catalog-style DAG: create/delete chains built with chain(*list) and chain(list, task, list).
from datetime import datetime

from airflow import models
from airflow.operators.bash import BashOperator
from airflow.utils.helpers import chain

with models.DAG("shape_chain_of_lists", start_date=datetime(2024, 5, 1), schedule_interval=None) as dag:
    make = [BashOperator(task_id=f"make_{n}", bash_command=f"echo make {n}") for n in ("zone", "table", "view")]
    drop = [BashOperator(task_id=f"drop_{n}", bash_command=f"echo drop {n}") for n in ("view", "table", "zone")]
    audit = BashOperator(task_id="audit", bash_command="echo audit")
    report = BashOperator(task_id="report", bash_command="echo report")

    chain(*make)
    chain(*drop)
    chain(make, audit, drop)
    make[0] >> report
    make[0] >> report
    audit >> report
