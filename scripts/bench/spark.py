"""Runs Kinerja's Q1–Q5 in Apache Spark (local mode) and compares every row
with DuckDB's.

Usage: spark.py DIR   (DIR as `kinerja export spark --out DIR` wrote it)

Every table under DIR/parquet becomes a temporary view; each DIR/spark/<q>.sql
runs in the order of `ORDER` and is registered as a view <q> (later queries
read earlier results); its rows are compared, as a multiset, with
DIR/duckdb/<q>.parquet. Values compare exactly: decimals as decimals (1.50 =
1.5), integers as decimals, text and booleans as they are. A floating-point
column in Spark's result is itself a failure (the formulas must stay exact).
Exit status 1 on any difference. Prints rows, seconds per query and the
differences found (at most five rows each way).
"""

import collections
import decimal
import os
import sys
import time

import pyarrow.parquet as pq
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import DoubleType, FloatType

ORDER = ["q1_ikm", "q2_capaian", "q3_peringkat", "q4_tren", "q5_anggaran_program", "q5_efisiensi"]
PARTITIONS = ("kode_kabupaten", "tahun")


def session():
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("kinerja-spark")
        .config("spark.sql.ansi.enabled", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", os.environ.get("SPARK_PARTITIONS", "8"))
        .config("spark.driver.memory", os.environ.get("SPARK_DRIVER_MEMORY", "4g"))
        # Partition values stay text (kode_kabupaten "12.10" is not the
        # number 12.1); tahun is cast back to an integer below.
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def register(spark, root):
    for table in sorted(os.listdir(root)):
        df = spark.read.parquet(os.path.join(root, table))
        if "tahun" in df.columns and dict(df.dtypes)["tahun"] == "string":
            df = df.withColumn("tahun", F.col("tahun").cast("int"))
        df.createOrReplaceTempView(table)


def norm(v):
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, (int, decimal.Decimal)):
        return decimal.Decimal(v).normalize()
    raise TypeError(f"unexpected value {v!r} ({type(v).__name__})")


def shown(columns, row):
    return ", ".join(f"{c}={format(v, 'f') if isinstance(v, decimal.Decimal) else v}" for c, v in zip(columns, row))


def rows_of(records):
    return collections.Counter(tuple(norm(v) for v in r) for r in records)


def compare(spark_df, duck_path):
    floats = [f.name for f in spark_df.schema.fields if isinstance(f.dataType, (DoubleType, FloatType))]
    table = pq.read_table(duck_path)
    problems = []
    if floats:
        problems.append(f"floating-point columns in Spark's result: {', '.join(floats)}")
    if spark_df.columns != table.column_names:
        problems.append(f"columns differ: Spark {spark_df.columns}, DuckDB {table.column_names}")
        return 0, problems, 0.0
    started = time.perf_counter()
    ours = rows_of(tuple(r) for r in spark_df.collect())
    seconds = time.perf_counter() - started
    theirs = rows_of(zip(*(c.to_pylist() for c in table.columns)) if table.num_columns else [])
    for label, a, b in (("only in Spark", ours, theirs), ("only in DuckDB", theirs, ours)):
        extra = a - b
        if extra:
            problems.append(f"{sum(extra.values())} row(s) {label}, e.g.:")
            problems.extend(f"    {shown(table.column_names, r)}" for r in list(extra)[:5])
    return sum(ours.values()), problems, seconds


def main(out):
    started = time.perf_counter()
    spark = session()
    print(f"Spark {spark.version} local[2], started in {time.perf_counter() - started:.1f} s")
    register(spark, os.path.join(out, "parquet"))
    failed = False
    for name in ORDER:
        with open(os.path.join(out, "spark", f"{name}.sql")) as f:
            sql = f.read().strip().rstrip(";")
        df = spark.sql(sql)
        df.createOrReplaceTempView(name)
        rows, problems, seconds = compare(df, os.path.join(out, "duckdb", f"{name}.parquet"))
        status = "identical" if not problems else "DIFFERENT"
        print(f"{name:22} {rows:>10,} rows  {seconds:7.2f} s  {status}")
        for p in problems:
            print(f"  {p}")
        failed = failed or bool(problems)
    spark.stop()
    print("every row identical to DuckDB's" if not failed else "Spark and DuckDB differ")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
