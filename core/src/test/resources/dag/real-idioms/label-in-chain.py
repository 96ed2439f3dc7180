# Labels only name edges: chain() and >> must skip them and connect their neighbours.
from datetime import datetime

from airflow import DAG
from airflow.models.baseoperator import chain
from airflow.operators.empty import EmptyOperator
from airflow.utils.edgemodifier import Label

with DAG("label_in_chain", start_date=datetime(2024, 5, 1), schedule=None, catchup=False) as dag:
    fetch = EmptyOperator(task_id="fetch")
    validate = EmptyOperator(task_id="validate")
    good = EmptyOperator(task_id="good")
    bad = EmptyOperator(task_id="bad")
    publish = EmptyOperator(task_id="publish")

    chain(fetch, Label("raw rows"), validate)
    chain(validate, [Label("passed"), Label("failed")], [good, bad], publish)
    fetch >> Label("audit") >> publish
