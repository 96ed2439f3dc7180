# -*- coding: latin-1 -*-
# A legacy DAG file saved in Latin-1: its description and a task id prefix carry a non-ASCII letter.
from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("café_report", schedule="@daily", description="résumé du jour"):
    EmptyOperator(task_id="extract") >> EmptyOperator(task_id="load")
