"""The seed's reflection case: a 15-task hourly DAG (24 runs a day).

One EmptyOperator, eleven tasks that run code on the Airflow worker (10 PythonOperator, 1 BashOperator),
two Glue jobs and one SNS publish, in a single chain so the converted machine has exactly 15 states.
"""
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator
from airflow.operators.python import PythonOperator
from airflow.providers.amazon.aws.operators.glue import GlueJobOperator
from airflow.providers.amazon.aws.operators.sns import SnsPublishOperator


def work():
    return None


with DAG(
    dag_id="reflection_report",
    schedule="@hourly",
    start_date=datetime(2025, 1, 1),
    catchup=False,
) as dag:
    start = EmptyOperator(task_id="start")
    extract_orders = PythonOperator(task_id="extract_orders", python_callable=work)
    extract_customers = PythonOperator(task_id="extract_customers", python_callable=work)
    extract_products = PythonOperator(task_id="extract_products", python_callable=work)
    validate_orders = PythonOperator(task_id="validate_orders", python_callable=work)
    validate_customers = PythonOperator(task_id="validate_customers", python_callable=work)
    join_sales = PythonOperator(task_id="join_sales", python_callable=work)
    enrich_sales = PythonOperator(task_id="enrich_sales", python_callable=work)
    score_sales = PythonOperator(task_id="score_sales", python_callable=work)
    summarize = PythonOperator(task_id="summarize", python_callable=work)
    render_report = PythonOperator(task_id="render_report", python_callable=work)
    compact = GlueJobOperator(task_id="compact", job_name="compact-sales")
    publish_mart = GlueJobOperator(task_id="publish_mart", job_name="publish-mart")
    archive = BashOperator(task_id="archive", bash_command="echo archived")
    notify = SnsPublishOperator(task_id="notify", target_arn="arn:aws:sns:us-east-1:123456789012:reports", message="done")

    start >> extract_orders >> extract_customers >> extract_products >> validate_orders >> validate_customers
    validate_customers >> join_sales >> enrich_sales >> score_sales >> summarize >> render_report
    render_report >> compact >> publish_mart >> archive >> notify
