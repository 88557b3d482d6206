package io.aide.compiler.plan;

import io.aide.compiler.Dialect;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders an expression tree in one dialect: quoting, casts, safe casts, dates, concatenation. */
public final class SqlRenderer {
    private final Dialect d;

    public SqlRenderer(Dialect dialect) {
        this.d = dialect;
    }

    public Dialect dialect() {
        return d;
    }

    public String quote(String identifier) {
        return d.quote(identifier);
    }

    public String type(SqlType t) {
        return switch (t.kind()) {
            case INTEGER -> d == Dialect.BIGQUERY ? "INT64" : "INTEGER";
            case BIGINT -> d == Dialect.BIGQUERY ? "INT64" : "BIGINT";
            case DECIMAL -> (d == Dialect.BIGQUERY ? "NUMERIC" : "DECIMAL")
                    + "(" + Math.min(t.precision(), d == Dialect.BIGQUERY ? 29 : 38) + ", "
                    + Math.min(t.scale(), 9) + ")";
            case DOUBLE -> switch (d) {
                case BIGQUERY -> "FLOAT64";
                case POSTGRES, ANSI -> "DOUBLE PRECISION";
                case SNOWFLAKE -> "FLOAT";
                default -> "DOUBLE";
            };
            case VARCHAR, UNKNOWN -> switch (d) {
                case SPARK, BIGQUERY -> "STRING";
                case POSTGRES -> "TEXT";
                default -> "VARCHAR";
            };
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case BOOLEAN -> d == Dialect.BIGQUERY ? "BOOL" : "BOOLEAN";
        };
    }

    public String render(Expr e) {
        if (e instanceof Expr.Col c) {
            return c.relation() == null ? quote(c.column()) : quote(c.relation()) + "." + quote(c.column());
        } else if (e instanceof Expr.Lit l) {
            return literal(l.value());
        } else if (e instanceof Expr.TypedNull t) {
            return "CAST(NULL AS " + type(t.type()) + ")";
        } else if (e instanceof Expr.Cast c) {
            return cast(render(c.expr()), c.type(), c.safe());
        } else if (e instanceof Expr.Fn f) {
            return fn(f);
        } else if (e instanceof Expr.Bin b) {
            return binary(b);
        } else if (e instanceof Expr.Not n) {
            return "NOT (" + render(n.expr()) + ")";
        } else if (e instanceof Expr.Neg n) {
            return "-(" + render(n.expr()) + ")";
        } else if (e instanceof Expr.Case c) {
            StringBuilder sb = new StringBuilder("CASE");
            for (Expr.When w : c.whens()) {
                sb.append(" WHEN ").append(render(w.condition())).append(" THEN ").append(render(w.result()));
            }
            if (c.otherwise() != null) {
                sb.append(" ELSE ").append(render(c.otherwise()));
            }
            return sb.append(" END").toString();
        } else if (e instanceof Expr.InList i) {
            return render(i.expr()) + (i.negated() ? " NOT IN (" : " IN (")
                    + i.items().stream().map(this::render).collect(Collectors.joining(", ")) + ")";
        } else if (e instanceof Expr.IsNull i) {
            return operand(i.expr()) + (i.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (e instanceof Expr.Agg a) {
            if (a.arg() == null) {
                return a.fn() + "(*)";
            }
            return a.fn() + "(" + (a.distinct() ? "DISTINCT " : "") + render(a.arg()) + ")";
        } else if (e instanceof Expr.Concat c) {
            return concat(c.parts());
        } else if (e instanceof Expr.Substr s) {
            String name = d == Dialect.BIGQUERY || d == Dialect.SNOWFLAKE ? "SUBSTR" : "SUBSTRING";
            return name + "(" + render(s.expr()) + ", " + render(s.start())
                    + (s.length() == null ? "" : ", " + render(s.length())) + ")";
        } else if (e instanceof Expr.ParseDate p) {
            return parseDate(render(p.expr()), p.strftime(), p.timestamp());
        } else if (e instanceof Expr.DateAdd a) {
            return dateAdd(render(a.expr()), a.amount(), a.unit());
        } else if (e instanceof Expr.DateDiff dd) {
            return dateDiff(render(dd.start()), render(dd.end()));
        } else if (e instanceof Expr.Extract x) {
            return "EXTRACT(" + x.part() + " FROM " + render(x.expr()) + ")";
        } else if (e instanceof Expr.IsNumeric n) {
            return isNumeric(render(n.expr()));
        } else if (e instanceof Expr.CurrentDate) {
            return "CURRENT_DATE";
        } else if (e instanceof Expr.CurrentTimestamp) {
            return switch (d) {
                case DUCKDB, POSTGRES -> "LOCALTIMESTAMP";
                case SPARK, BIGQUERY -> "CURRENT_TIMESTAMP()";
                default -> "CURRENT_TIMESTAMP";
            };
        } else if (e instanceof Expr.FormatDate f) {
            return formatDate(render(f.expr()), f.strftime());
        } else if (e instanceof Expr.EpochSeconds s) {
            return epochSeconds(render(s.expr()));
        } else if (e instanceof Expr.Window w) {
            return window(w);
        } else if (e instanceof Expr.Lookup l) {
            return lookup(l);
        } else if (e instanceof Expr.LastDay l) {
            String x = render(l.expr());
            return switch (d) {
                case POSTGRES -> "CAST(DATE_TRUNC('month', " + x + ") + INTERVAL '1 month' - INTERVAL '1 day' AS DATE)";
                default -> "LAST_DAY(" + x + ")";
            };
        }
        throw new IllegalArgumentException("cannot render " + e);
    }

    private String operand(Expr e) {
        String s = render(e);
        return e instanceof Expr.Bin || e instanceof Expr.Neg ? "(" + s + ")" : s;
    }

    public String literal(Object v) {
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof Number n) {
            return n instanceof BigDecimal bd ? bd.toPlainString() : n.toString();
        }
        String s = v.toString();
        if (d == Dialect.SPARK || d == Dialect.BIGQUERY) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return "'" + s.replace("'", "''") + "'";
    }

    public String cast(String expr, SqlType t, boolean safe) {
        String type = type(t);
        if (!safe) {
            return "CAST(" + expr + " AS " + type + ")";
        }
        return switch (d) {
            case DUCKDB, SPARK, SNOWFLAKE -> "TRY_CAST(" + expr + " AS " + type + ")";
            case BIGQUERY -> "SAFE_CAST(" + expr + " AS " + type + ")";
            case POSTGRES -> postgresSafeCast(expr, t, type);
            case ANSI -> "CAST(" + expr + " AS " + type + ")";
        };
    }

    // PostgreSQL has no TRY_CAST: guard text casts with a pattern so bad values become NULL instead of failing.
    private String postgresSafeCast(String expr, SqlType t, String type) {
        String pattern = switch (t.kind()) {
            case INTEGER, BIGINT -> "^\\s*[-+]?[0-9]+(\\.0*)?\\s*$";
            case DECIMAL, DOUBLE -> "^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$";
            case DATE, TIMESTAMP -> "^\\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}";
            case BOOLEAN -> "^\\s*(?i)(true|false|t|f|yes|no|y|n|1|0)\\s*$";
            default -> null;
        };
        if (pattern == null) {
            return "CAST(" + expr + " AS " + type + ")";
        }
        String castFrom = (t.kind() == SqlType.Kind.INTEGER || t.kind() == SqlType.Kind.BIGINT)
                ? "CAST(CAST(" + expr + " AS TEXT) AS NUMERIC)" : "CAST(" + expr + " AS TEXT)";
        return "CASE WHEN CAST(" + expr + " AS TEXT) ~ '" + pattern.replace("(?i)", "") + "'"
                + (t.kind() == SqlType.Kind.BOOLEAN ? "" : "")
                + " THEN CAST(" + castFrom + " AS " + type + ") END";
    }

    private String window(Expr.Window w) {
        StringBuilder over = new StringBuilder();
        if (!w.partitionBy().isEmpty()) {
            over.append("PARTITION BY ").append(w.partitionBy().stream().map(this::render).collect(Collectors.joining(", ")));
        }
        if (!w.orderBy().isEmpty()) {
            over.append(over.isEmpty() ? "" : " ").append("ORDER BY ").append(w.orderBy().stream()
                    .map(o -> render(o.expr()) + (o.descending() ? " DESC" : "")).collect(Collectors.joining(", ")));
        }
        return w.fn() + "(" + w.args().stream().map(this::render).collect(Collectors.joining(", ")) + ") OVER ("
                + over + ")";
    }

    // A scalar subquery: more than one matching row is an error on the engine, never a silent pick.
    private String lookup(Expr.Lookup l) {
        String alias = quote("lk");
        StringBuilder sb = new StringBuilder("(SELECT ").append(alias).append('.').append(quote(l.column()))
                .append(" FROM ").append(tableName(l.table())).append(" AS ").append(alias);
        String sep = " WHERE ";
        for (Expr.Match m : l.matches()) {
            sb.append(sep).append(alias).append('.').append(quote(m.column()));
            sb.append(m.values().size() == 1 ? " = " + render(m.values().get(0))
                    : " IN (" + m.values().stream().map(this::render).collect(Collectors.joining(", ")) + ")");
            sep = " AND ";
        }
        return sb.append(')').toString();
    }

    private String tableName(String table) {
        return java.util.Arrays.stream(table.split("\\.")).map(this::quote).collect(Collectors.joining("."));
    }

    private String fn(Expr.Fn f) {
        String name = f.name().toUpperCase(Locale.ROOT);
        List<String> args = f.args().stream().map(this::render).toList();
        if (name.equals("LENGTH") && d == Dialect.ANSI) {
            name = "CHAR_LENGTH";
        }
        if (name.equals("NVL") || name.equals("IFNULL")) {
            name = "COALESCE";
        }
        if ((name.equals("LTRIM") || name.equals("RTRIM")) && args.size() == 2 && (d == Dialect.SPARK || d == Dialect.ANSI)) {
            // Spark's two-argument ltrim/rtrim historically took the characters first; the standard form is unambiguous
            return "TRIM(" + (name.equals("LTRIM") ? "LEADING " : "TRAILING ") + args.get(1) + " FROM " + args.get(0) + ")";
        }
        if (name.equals("MD5") && d == Dialect.BIGQUERY) {
            return "TO_HEX(MD5(" + args.get(0) + "))";
        }
        return name + "(" + String.join(", ", args) + ")";
    }

    private String binary(Expr.Bin b) {
        String op = b.op().toUpperCase(Locale.ROOT);
        String l = operand(b.left());
        String r = operand(b.right());
        if (op.equals("%")) {
            return d == Dialect.BIGQUERY || d == Dialect.SNOWFLAKE ? "MOD(" + l + ", " + r + ")" : l + " % " + r;
        }
        return l + " " + op + " " + r;
    }

    private String concat(List<Expr> parts) {
        List<String> rendered = parts.stream().map(this::operand).toList();
        if (rendered.size() == 1) {
            return rendered.get(0);
        }
        return switch (d) {
            case SPARK, BIGQUERY -> "CONCAT(" + String.join(", ", rendered) + ")";
            default -> String.join(" || ", rendered);
        };
    }

    private String parseDate(String expr, String strftime, boolean timestamp) {
        String target = timestamp ? "TIMESTAMP" : "DATE";
        return switch (d) {
            case DUCKDB -> "CAST(TRY_STRPTIME(" + expr + ", " + literal(strftime) + ") AS " + target + ")";
            // TO_DATE raises on text that does not fit; the pattern guard makes it NULL like the other dialects
            case POSTGRES -> "CASE WHEN " + expr + " ~ " + literal(DatePatterns.toRegex(strftime)) + " THEN "
                    + (timestamp ? "TO_TIMESTAMP(" : "TO_DATE(") + expr + ", " + literal(DatePatterns.toPostgres(strftime)) + ") END";
            // fields written without separators (%Y%m%d) need fixed widths to be told apart
            case SPARK -> (timestamp ? "TO_TIMESTAMP(" : "TO_DATE(") + expr + ", " + literal(strftime.matches(".*%[A-Za-z]%.*")
                    ? DatePatterns.toJavaFormat(strftime) : DatePatterns.toJava(strftime)) + ")";
            case SNOWFLAKE -> (timestamp ? "TRY_TO_TIMESTAMP(" : "TRY_TO_DATE(") + expr + ", " + literal(DatePatterns.toSnowflake(strftime)) + ")";
            case BIGQUERY -> (timestamp ? "SAFE.PARSE_TIMESTAMP(" : "SAFE.PARSE_DATE(") + literal(strftime) + ", " + expr + ")";
            case ANSI -> "CAST(" + expr + " AS " + target + ")";
        };
    }

    private String formatDate(String expr, String strftime) {
        return switch (d) {
            case DUCKDB -> "STRFTIME(" + expr + ", " + literal(strftime) + ")";
            case SPARK -> "DATE_FORMAT(" + expr + ", " + literal(DatePatterns.toJavaFormat(strftime)) + ")";
            case BIGQUERY -> (strftime.matches(".*%[HMS].*") ? "FORMAT_TIMESTAMP(" : "FORMAT_DATE(") + literal(strftime) + ", " + expr + ")";
            case SNOWFLAKE -> "TO_CHAR(" + expr + ", " + literal(DatePatterns.toSnowflake(strftime)) + ")";
            // to_char is not in the standard; PostgreSQL's form is the most widely understood
            case POSTGRES, ANSI -> "TO_CHAR(" + expr + ", " + literal(DatePatterns.toPostgres(strftime)) + ")";
        };
    }

    private String epochSeconds(String expr) {
        return switch (d) {
            // make_timestamp reads microseconds as UTC; to_timestamp gives a TIMESTAMPTZ whose cast depends on the session zone
            case DUCKDB -> "MAKE_TIMESTAMP(CAST(" + expr + " * 1000000 AS BIGINT))";
            case POSTGRES -> "(TO_TIMESTAMP(" + expr + ") AT TIME ZONE 'UTC')";
            case SPARK -> "TIMESTAMP_SECONDS(" + expr + ")";
            case SNOWFLAKE -> "TO_TIMESTAMP(" + expr + ")";
            case BIGQUERY -> "TIMESTAMP_SECONDS(CAST(" + expr + " AS INT64))";
            case ANSI -> "(TIMESTAMP '1970-01-01 00:00:00' + " + expr + " * INTERVAL '1' SECOND)";
        };
    }

    private String dateAdd(String expr, Expr amount, String unit) {
        String u = unit.toUpperCase(Locale.ROOT);
        String n = render(amount);
        boolean literalAmount = amount instanceof Expr.Lit;
        return switch (d) {
            case DUCKDB -> "CAST(" + expr + " + " + (literalAmount ? "INTERVAL " + n + " " + u : "TO_" + plural(u) + "(CAST(" + n + " AS INTEGER))") + " AS DATE)";
            case POSTGRES -> "CAST(" + expr + " + " + (literalAmount ? "INTERVAL '" + n + " " + plural(u).toLowerCase(Locale.ROOT) + "'"
                    : "MAKE_INTERVAL(" + plural(u).toLowerCase(Locale.ROOT) + " => CAST(" + n + " AS INTEGER))") + " AS DATE)";
            case SPARK -> switch (u) {
                case "YEAR" -> "ADD_MONTHS(" + expr + ", 12 * " + n + ")";
                case "MONTH" -> "ADD_MONTHS(" + expr + ", " + n + ")";
                default -> "DATE_ADD(" + expr + ", " + n + ")";
            };
            case SNOWFLAKE -> "DATEADD(" + u.toLowerCase(Locale.ROOT) + ", " + n + ", " + expr + ")";
            case BIGQUERY -> "DATE_ADD(" + expr + ", INTERVAL " + n + " " + u + ")";
            case ANSI -> expr + " + INTERVAL '" + n + "' " + u;
        };
    }

    private static String plural(String unit) {
        return unit + "S";
    }

    private String dateDiff(String start, String end) {
        return switch (d) {
            case DUCKDB -> "DATE_DIFF('day', " + start + ", " + end + ")";
            case POSTGRES -> "(CAST(" + end + " AS DATE) - CAST(" + start + " AS DATE))";
            case SPARK -> "DATEDIFF(" + end + ", " + start + ")";
            case SNOWFLAKE -> "DATEDIFF(day, " + start + ", " + end + ")";
            case BIGQUERY -> "DATE_DIFF(" + end + ", " + start + ", DAY)";
            case ANSI -> "(" + end + " - " + start + ")";
        };
    }

    private String isNumeric(String expr) {
        return switch (d) {
            case DUCKDB, SPARK -> "TRY_CAST(" + expr + " AS DOUBLE) IS NOT NULL";
            case SNOWFLAKE -> "TRY_TO_DOUBLE(" + expr + ") IS NOT NULL";
            case BIGQUERY -> "SAFE_CAST(" + expr + " AS FLOAT64) IS NOT NULL";
            case POSTGRES -> "CAST(" + expr + " AS TEXT) ~ '^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$'";
            case ANSI -> expr + " SIMILAR TO '[-+]?[0-9]+(.[0-9]+)?'";
        };
    }
}
