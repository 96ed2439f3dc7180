# A two-task DAG: a Glue job then an SNS publish, hourly.
from datetime import datetime
from airflow import DAG
from airflow.providers.amazon.aws.operators.glue import GlueJobOperator
from airflow.providers.amazon.aws.operators.sns import SnsPublishOperator

with DAG("two_tasks", schedule="@hourly", start_date=datetime(2025, 1, 1), catchup=False) as dag:
    load = GlueJobOperator(task_id="load", job_name="load-job", retries=2)
    tell = SnsPublishOperator(task_id="tell", target_arn="arn:aws:sns:us-east-1:1:t", message="done")
    load >> tell
