from airflow import DAG
from airflow.operators.empty import EmptyOperator

late = EmptyOperator(task_id="late")

with DAG("outside", schedule="@daily", catchup=False) as dag:
    inside = EmptyOperator(task_id="inside")

inside >> late
