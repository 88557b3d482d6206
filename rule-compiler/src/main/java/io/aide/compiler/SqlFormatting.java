package io.aide.compiler;

import com.github.vertical_blank.sqlformatter.core.AbstractFormatter;
import com.github.vertical_blank.sqlformatter.core.FormatConfig;
import com.github.vertical_blank.sqlformatter.core.Tokenizer;
import com.github.vertical_blank.sqlformatter.languages.PostgreSqlFormatter;
import com.github.vertical_blank.sqlformatter.languages.SparkSqlFormatter;
import com.github.vertical_blank.sqlformatter.languages.StandardSqlFormatter;

/**
 * sql-formatter with its tokenizer built once per dialect: the library compiles its regular expressions on every
 * call, which alone would take seconds on a 1,000-row mapping. The tokenizer is immutable, so sharing it is safe.
 */
final class SqlFormatting {
    private static final FormatConfig CONFIG = FormatConfig.builder().indent("  ").uppercase(false).linesBetweenQueries(1).build();
    private static volatile Tokenizer postgres;
    private static volatile Tokenizer spark;
    private static volatile Tokenizer standard;

    private SqlFormatting() {
    }

    static String format(Dialect dialect, String sql) {
        AbstractFormatter f = switch (dialect) {
            case POSTGRES, DUCKDB -> new Postgres();
            case SPARK, BIGQUERY -> new Spark();
            default -> new Standard();
        };
        return f.format(sql);
    }

    private static final class Postgres extends PostgreSqlFormatter {
        Postgres() {
            super(CONFIG);
        }

        @Override
        public Tokenizer tokenizer() {
            Tokenizer t = postgres;
            if (t == null) {
                t = super.tokenizer();
                postgres = t;
            }
            return t;
        }
    }

    private static final class Spark extends SparkSqlFormatter {
        Spark() {
            super(CONFIG);
        }

        @Override
        public Tokenizer tokenizer() {
            Tokenizer t = spark;
            if (t == null) {
                t = super.tokenizer();
                spark = t;
            }
            return t;
        }
    }

    private static final class Standard extends StandardSqlFormatter {
        Standard() {
            super(CONFIG);
        }

        @Override
        public Tokenizer tokenizer() {
            Tokenizer t = standard;
            if (t == null) {
                t = super.tokenizer();
                standard = t;
            }
            return t;
        }
    }
}
