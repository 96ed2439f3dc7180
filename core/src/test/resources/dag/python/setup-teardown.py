from airflow import DAG
from airflow.decorators import setup, teardown, task
from airflow.operators.bash import BashOperator

with DAG("setup_teardown", schedule=None, catchup=False):
    create = BashOperator(task_id="create_cluster", bash_command="create").as_setup()
    work = BashOperator(task_id="work", bash_command="work")
    delete = BashOperator(task_id="delete_cluster", bash_command="delete").as_teardown(setups=create)
    create >> work >> delete

    @setup
    def make_bucket():
        pass

    @teardown
    def drop_bucket():
        pass

    make_bucket() >> drop_bucket()
