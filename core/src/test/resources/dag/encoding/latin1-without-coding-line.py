# no coding line, so UTF-8 is assumed; the next line holds a Latin-1 byte
# café
from airflow import DAG
