# Cosmos renders a dbt project into tasks at parse time, from files flowcost cannot see: the group stands as one
# placeholder task, and the tasks around it still connect through it.
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from cosmos import DbtDag, DbtTaskGroup, ProfileConfig, ProjectConfig

profile = ProfileConfig(profile_name="shop", target_name="prod", profiles_yml_filepath="/dbt/profiles.yml")

with DAG("shop_transform", start_date=datetime(2024, 5, 1), schedule="0 4 * * *", catchup=False):
    extract = EmptyOperator(task_id="extract")
    models = DbtTaskGroup(group_id="shop_models", project_config=ProjectConfig("/dbt/shop"), profile_config=profile)
    publish = EmptyOperator(task_id="publish")
    extract >> models >> publish

marts = DbtDag(
    dag_id="shop_marts",
    project_config=ProjectConfig("/dbt/marts"),
    profile_config=profile,
    schedule="@daily",
    start_date=datetime(2024, 5, 1),
    catchup=False,
)
