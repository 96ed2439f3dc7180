#!/usr/bin/env python
# vim: set fileencoding=cp1252 :
from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("euro_€", schedule=None):
    EmptyOperator(task_id="only")
