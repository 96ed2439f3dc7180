# Built-in timetables carry their rate: the cron or delta inside them is the schedule.
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.timetables.assets import AssetOrTimeSchedule
from airflow.timetables.interval import CronDataIntervalTimetable
from airflow.timetables.trigger import CronTriggerTimetable, DeltaTriggerTimetable
from airflow.datasets import Dataset

landing = Dataset("s3://landing/orders/")

with DAG("tt_cron_trigger", start_date=datetime(2024, 1, 1), catchup=False,
         schedule=CronTriggerTimetable("30 4 * * 1-5", timezone="Europe/Paris")):
    EmptyOperator(task_id="weekday_job")

with DAG("tt_cron_interval", start_date=datetime(2024, 1, 1), catchup=False,
         timetable=CronDataIntervalTimetable(cron="0 */6 * * *", timezone="UTC")):
    EmptyOperator(task_id="six_hourly_job")

with DAG("tt_delta", start_date=datetime(2024, 1, 1), catchup=False,
         schedule=DeltaTriggerTimetable(timedelta(hours=2))):
    EmptyOperator(task_id="two_hourly_job")

with DAG("tt_asset_or_time", start_date=datetime(2024, 1, 1), catchup=False,
         schedule=AssetOrTimeSchedule(timetable=CronTriggerTimetable("0 1 * * *", timezone="UTC"),
                                      assets=[landing])):
    EmptyOperator(task_id="nightly_or_on_landing")
