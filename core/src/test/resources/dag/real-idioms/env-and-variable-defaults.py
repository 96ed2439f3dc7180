# Values from the environment or Airflow Variables are unknown when reading the file: their defaults are used.
import os
from datetime import datetime

from airflow import DAG
from airflow.models import Variable
from airflow.operators.bash import BashOperator

STAGE = os.getenv("PIPELINE_STAGE", "qa")
REGION = os.environ.get("AWS_REGION", default="eu-west-1")
BUCKET = Variable.get("landing_bucket", default_var="landing-qa")

with DAG(f"{STAGE}_exports", start_date=datetime(2024, 5, 1), catchup=False,
         schedule=None if STAGE == "qa" else "@hourly") as dag:
    for table in ["users", "orders"]:
        BashOperator(task_id=f"export_{table}_{REGION.replace('-', '_')}",
                     bash_command=f"aws s3 cp /tmp/{table}.csv s3://{BUCKET}/{table}/")
