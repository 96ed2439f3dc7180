# -*- coding: klingon-7 -*-
from airflow import DAG
