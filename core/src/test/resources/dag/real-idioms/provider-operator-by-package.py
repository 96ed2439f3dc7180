# An operator flowcost does not know by name is classified by the provider package it is imported from.
from datetime import datetime

from airflow import DAG
from airflow.providers.amazon.aws.operators.datasync import DataSyncOperator
from airflow.providers.tableau.operators.tableau import TableauOperator
from include.operators import HouseOperator

with DAG("provider_operator_by_package", start_date=datetime(2024, 5, 1), schedule="@daily", catchup=False):
    sync = DataSyncOperator(task_id="sync_share", task_arn="arn:aws:datasync:eu-west-1:1:task/task-1")
    refresh = TableauOperator(task_id="refresh_extract", resource="workbooks", method="refresh", find="sales")
    house = HouseOperator(task_id="house_rules")
    sync >> refresh >> house
