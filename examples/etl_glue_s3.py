"""Nightly ETL: wait for the day's export in S3, run two Glue jobs, crawl, notify.

A typical small DAG that keeps an MWAA environment alive: exercises S3KeySensor (poke mode),
GlueJobOperator, GlueCrawlerOperator and SnsPublishOperator with default_args retries.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.amazon.aws.operators.glue import GlueJobOperator
from airflow.providers.amazon.aws.operators.glue_crawler import GlueCrawlerOperator
from airflow.providers.amazon.aws.operators.sns import SnsPublishOperator
from airflow.providers.amazon.aws.sensors.s3 import S3KeySensor

default_args = {
    "owner": "data-platform",
    "retries": 2,
    "retry_delay": timedelta(minutes=5),
}

with DAG(
    dag_id="etl_glue_s3",
    schedule="0 2 * * *",
    start_date=datetime(2025, 1, 1),
    catchup=False,
    default_args=default_args,
    tags=["etl", "glue"],
) as dag:
    wait_for_export = S3KeySensor(
        task_id="wait_for_export",
        bucket_name="acme-exports",
        bucket_key="daily/{{ ds }}/orders.parquet",
        poke_interval=60,
        timeout=6 * 60 * 60,
        mode="poke",
    )
    clean_orders = GlueJobOperator(task_id="clean_orders", job_name="clean-orders", script_location="s3://acme-glue/clean_orders.py")
    build_facts = GlueJobOperator(task_id="build_facts", job_name="build-facts", script_location="s3://acme-glue/build_facts.py")
    crawl = GlueCrawlerOperator(task_id="crawl_facts", config={"Name": "facts-crawler"})
    notify = SnsPublishOperator(task_id="notify", target_arn="arn:aws:sns:us-east-1:123456789012:etl", message="facts ready")

    wait_for_export >> clean_orders >> build_facts >> crawl >> notify
