# Shape of a classic Airflow 1-style DAG: dag = DAG(...), every task passes dag=dag, ids built by concatenation.
from datetime import timedelta

from airflow import DAG
from airflow.operators.bash_operator import BashOperator
from airflow.operators.dummy_operator import DummyOperator
from airflow.utils.dates import days_ago

args = {"owner": "ops", "retries": 1, "retry_delay": timedelta(minutes=2)}

dag = DAG(dag_id="shape_classic_dag_argument", default_args=args, schedule_interval="15 1 * * *",
          start_date=days_ago(2), dagrun_timeout=timedelta(minutes=60))

last = DummyOperator(task_id="last", dag=dag)
gather = BashOperator(task_id="gather", bash_command="echo gather", dag=dag)
gather >> last

for i in range(4):
    step = BashOperator(task_id="step_" + str(i), bash_command="echo {{ ds }}", dag=dag)
    step >> gather

side = BashOperator(task_id="side", bash_command="echo side", dag=dag)
side.set_downstream(last)
