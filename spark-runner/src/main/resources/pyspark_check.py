# Runs one PySpark function body on sample tables and prints one AIDE_RESULT JSON line.
import json
import sys
import time


def emit(status, stage, message, row_count=None, columns=None, rows=None):
    print("AIDE_RESULT " + json.dumps({
        "status": status, "stage": stage, "message": message, "rowCount": row_count,
        "columns": columns or [], "sampleRows": rows or [], "durationMs": 0}, default=str))
    sys.stdout.flush()


def main():
    request = json.loads(sys.stdin.read())
    body = request["code"].splitlines() or ["pass"]
    source = "def _aide_layer(spark, tables):\n" + "\n".join("    " + line for line in body) + "\n"
    try:
        compiled = compile(source, "<pyspark>", "exec")
    except SyntaxError as e:
        line = (e.lineno or 1) - 1
        emit("fail", "parse", "line %d: %s" % (max(line, 1), e.msg))
        return

    from pyspark.sql import SparkSession
    from pyspark.errors import AnalysisException

    spark = (SparkSession.builder.master(request["master"]).appName("aide-pyspark-check")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
             .config("spark.sql.runSQLOnFiles", "false").getOrCreate())
    tables = {}
    for name, path in request["tables"].items():
        try:
            lower = path.lower()
            if lower.endswith(".csv") or lower.endswith(".csv.gz"):
                df = spark.read.option("header", "true").option("inferSchema", "true").csv(path)
            elif lower.endswith(".json") or lower.endswith(".jsonl"):
                df = spark.read.json(path)
            else:
                df = spark.read.parquet(path)
        except Exception as e:  # noqa: BLE001 - any reader failure is the sample's problem
            emit("error", "load", "Sample file for table '%s' could not be read: %s" % (name, str(e).splitlines()[0]))
            return
        tables[name] = df
        if "." not in name:
            df.createOrReplaceTempView(name)

    scope = {}
    exec(compiled, scope)
    try:
        result = scope["_aide_layer"](spark, tables)
    except AnalysisException as e:
        emit("fail", "analyze", str(e).splitlines()[0])
        return
    except Exception as e:  # noqa: BLE001 - the code's own errors are what the user must see
        emit("fail", "analyze", "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else ""))
        return
    if result is None or not hasattr(result, "schema"):
        emit("fail", "analyze", "The PySpark code must return a DataFrame.")
        return
    columns = [{"name": f.name, "type": f.dataType.simpleString(), "nullable": f.nullable} for f in result.schema.fields]
    try:
        count = result.count()
        rows = [list(r) for r in result.limit(int(request["sampleRows"])).collect()]
    except Exception as e:  # noqa: BLE001
        emit("fail", "execute", str(e).splitlines()[0] if str(e) else type(e).__name__, None, columns)
        return
    emit("pass", "execute", "Ran on the sample: %d rows." % count, count, columns, rows)
    spark.stop()


if __name__ == "__main__":
    main()
