from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator

TABLES = ["orders", "customers"]
REGIONS = {"eu": "eu-west-1", "us": "us-east-1"}

with DAG("loops", schedule="@daily", catchup=False) as dag:
    done = EmptyOperator(task_id="done")
    for table in TABLES:
        load = BashOperator(task_id=f"load_{table}", bash_command=f"load {table}")
        load >> done
    for i in range(3):
        BashOperator(task_id="part_%d" % i, bash_command="x") >> done
    for name, region in REGIONS.items():
        EmptyOperator(task_id="copy_{}_{}".format(name, region.replace("-", "_"))) >> done
    for thing in get_things():
        EmptyOperator(task_id=f"dyn_{thing}")
