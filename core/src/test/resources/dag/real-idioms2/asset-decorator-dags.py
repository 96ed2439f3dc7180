# Airflow 3: each @asset function is its own DAG (named for the asset) with one task named for the function;
# a later asset or DAG scheduled on it runs when it materializes.
from airflow.sdk import Asset, asset, dag, task


@asset(schedule="@hourly")
def raw_clicks():
    pass


@asset(schedule=raw_clicks, name="sessionized_clicks")
def sessionize():
    pass


@dag(schedule=[Asset("sessionized_clicks")])
def click_report():
    @task
    def render():
        pass

    render()


click_report()
