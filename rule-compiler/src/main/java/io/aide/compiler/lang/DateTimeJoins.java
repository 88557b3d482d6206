package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A timestamp made of a date and a time of day kept in two columns: "Combine DEP_DT (YYYYMMDD) and DEP_TIME (HHMM, 24h)
 * into one timestamp", "Visit date combined with the arrival time. arrive_hhmm is 4-digit 24-hour HHMM text", with the
 * sentences such rules carry: the time left-padded to N digits ("DEP_TIME sometimes loses its leading zero (645 = 06:45),
 * so left-pad it with zeros to 4 digits first"), a time for a missing one ("No time recorded -> midnight (00:00)", "If
 * DOORS_TIME is blank or null, use 19:00"), "seconds = 00".
 * <pre>
 * rule     := join-sentence {SEP (format | pad | missing-time | seconds)}
 * join     := [COMBINE] date-words [bracket] (AND | WITH | COMBINED WITH) time-words [bracket] [INTO [one] TIMESTAMP]
 * format   := time-column IS [text] [N-digit] [24-hour] TIME-FORMAT [text] [example] [ON [a] 24-hour clock]
 * </pre>
 * The row's two source columns are the date (named dt/date) and the time (named tm/time/hhmm); the date is read in the
 * pattern written beside it, or as the target's column that parses it, or as a date column of the schema. The value is
 * the two texts joined with a space and parsed with the two patterns (NULL where either does not parse).
 */
final class DateTimeJoins implements Recognizer {
    private static final Set<String> JOINING = Set.of("combine", "combined", "combining", "join", "joined", "merge", "merged",
            "concatenate", "concatenated");
    /** Words that say nothing beyond the join and its result. */
    private static final Set<String> PLAIN = Set.of("the", "a", "an", "one", "single", "into", "to", "as", "and", "with", "plus",
            "timestamp", "datetime", "date", "time", "text", "in", "format", "of", "its", "on", "24h", "hour", "hours", "clock",
            "digit", "digits", "local", "value", "is", "are", "field", "column", "together", "h", "then", "parse", "parsed",
            "form", "both", "string", "written", "held", "stored", "kept", "24hr", "hh24");
    private static final Pattern DATE_NAMED = Pattern.compile("(?i)(?:^|_)(?:dt|date|day)(?:$|_)");
    private static final Pattern TIME_NAMED = Pattern.compile("(?i)(?:^|_)(?:tm|time|hhmm|hhmmss|hr)(?:$|_)");
    private static final Pattern COMPACT_TIME = Pattern.compile("(?i)^(?:hh(?:24)?mi(?:ss)?|hhmm(?:ss)?)$");
    private static final Set<String> MISSING = Set.of("no", "blank", "missing", "null", "empty", "absent");

    @Override
    public Recognition recognize(Parser p) {
        if (p.ctx().targetType().kind() != SqlType.Kind.TIMESTAMP || p.ctx().sources().size() != 2) {
            return Recognition.NOT_MINE;
        }
        Expr.Col date = null;
        Expr.Col time = null;
        for (Expr.Col c : p.ctx().sources()) {
            boolean d = DATE_NAMED.matcher(c.column()).find();
            boolean t = TIME_NAMED.matcher(c.column()).find();
            if (d && !t && date == null) {
                date = c;
            } else if (t && !d && time == null) {
                time = c;
            }
        }
        List<List<Token>> sentences = sentences(p.tokens());
        if (date == null || time == null || sentences.isEmpty() || !joins(sentences.get(0))) {
            return Recognition.NOT_MINE;
        }
        Reading r = new Reading(date, time);
        for (int i = 0; i < sentences.size(); i++) {
            List<Token> s = sentences.get(i);
            if (!(i == 0 ? r.joinSentence(s) : r.pad(s) || r.missingTime(s) || r.seconds(s) || r.format(s))) {
                return Recognition.NOT_MINE;
            }
        }
        return r.value(p);
    }

    /** The first sentence joins a date and a time: a joining verb, or "with" between the words date and time. */
    private static boolean joins(List<Token> s) {
        boolean verb = s.stream().anyMatch(t -> t.kind() == Token.Kind.WORD && JOINING.contains(t.norm()));
        boolean dateWord = s.stream().anyMatch(t -> t.is(Token.Kind.WORD, "date"));
        boolean timeWord = s.stream().anyMatch(t -> t.is(Token.Kind.WORD, "time"));
        return verb || dateWord && timeWord && s.stream().anyMatch(t -> t.is(Token.Kind.WORD, "with"));
    }

    private static List<List<Token>> sentences(List<Token> tokens) {
        List<List<Token>> out = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token t : tokens) {
            depth += t.op("(") ? 1 : t.op(")") ? -1 : 0;
            if (t.kind() == Token.Kind.SEP && depth == 0 && !t.text().equals("...")) {
                if (!current.isEmpty()) {
                    out.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** What the sentences say, gathered as they are read. */
    private static final class Reading {
        private final Expr.Col date;
        private final Expr.Col time;
        private String dateFormat;
        private String timeFormat;
        private Integer pad;
        private String missingTime;

        Reading(Expr.Col date, Expr.Col time) {
            this.date = date;
            this.time = time;
        }

        /** Every word of the join sentence is placed: plain, a column's name, words naming a date or a time, a format. */
        boolean joinSentence(List<Token> s) {
            for (int i = 0; i < s.size(); i++) {
                Token t = s.get(i);
                if (t.op("(")) {
                    int close = Brackets.closing(s, i);
                    if (close < 0 || !bracket(s.subList(i + 1, close), i > 0 ? s.get(i - 1) : null)) {
                        return false;
                    }
                    i = close;
                } else if (seconds(s.subList(i, s.size()))) {
                    // "..., seconds = 00": the rest of the sentence
                    return true;
                } else if (!placed(s, i)) {
                    return false;
                }
            }
            return true;
        }

        /** The token at i is a plain word, a joining verb, one of the two columns, a describing word, a format. */
        private boolean placed(List<Token> s, int i) {
            Token t = s.get(i);
            if (t.op(",") || t.op("-") || t.op("+") || t.op("&")) {
                return true;
            }
            if (format(t)) {
                return true;
            }
            if (t.kind() == Token.Kind.NUMBER && i + 2 < s.size() && s.get(i + 1).op("-")
                    && (s.get(i + 2).is(Token.Kind.WORD, "hour") || s.get(i + 2).is(Token.Kind.WORD, "digit"))) {
                // "24-hour", "4-digit"
                return true;
            }
            if (t.kind() == Token.Kind.NUMBER && i > 0 && s.get(i - 1).op("-")) {
                return false;
            }
            if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.NAME && t.kind() != Token.Kind.IDENT) {
                return false;
            }
            String name = t.kind() == Token.Kind.NAME ? t.text().substring(t.text().lastIndexOf('.') + 1) : t.text();
            if (PLAIN.contains(t.norm()) || JOINING.contains(t.norm()) || name.equalsIgnoreCase(date.column())
                    || name.equalsIgnoreCase(time.column())) {
                return true;
            }
            // "appointment date", "the doors-open time", "arrival time": up to three words naming what the date or time is
            for (int j = i + 1; j < Math.min(s.size(), i + 4); j++) {
                Token n = s.get(j);
                if (n.is(Token.Kind.WORD, "date") || n.is(Token.Kind.WORD, "time")) {
                    return true;
                }
                if (n.kind() != Token.Kind.WORD || PLAIN.contains(n.norm()) && !n.is(Token.Kind.WORD, "of")) {
                    break;
                }
            }
            return false;
        }

        /** A format token: a date pattern, a time pattern, HHMM-like words; recorded for the date or the time. */
        private boolean format(Token t) {
            String f = null;
            if (t.kind() == Token.Kind.DATE_PATTERN) {
                f = t.text();
            } else if (t.kind() == Token.Kind.WORD && COMPACT_TIME.matcher(t.text()).matches()) {
                f = t.norm().endsWith("ss") ? "%H%M%S" : "%H%M";
            } else if (t.kind() == Token.Kind.STRING && t.text().replace("'", "").matches("(?i)hh(?:24)?:mi(?::ss)?|hh:mm(?::ss)?")) {
                f = t.text().toLowerCase(Locale.ROOT).contains("ss") ? "%H:%M:%S" : "%H:%M";
            }
            if (f == null) {
                return false;
            }
            boolean isTime = f.contains("%H") && !f.contains("%Y") && !f.contains("%y");
            boolean isDate = !f.contains("%H") && (f.contains("%Y") || f.contains("%y"));
            if (isTime && (timeFormat == null || timeFormat.equals(f))) {
                timeFormat = f;
                return true;
            }
            if (isDate && (dateFormat == null || dateFormat.equals(f))) {
                dateFormat = f;
                return true;
            }
            return false;
        }

        /** "(YYYYMMDD)", "(HHMM, 24h)", "(24h HH:MM text)", "(645 = 06:45)": formats and remarks, or examples. */
        private boolean bracket(List<Token> inner, Token before) {
            if (example(inner)) {
                return true;
            }
            for (int i = 0; i < inner.size(); i++) {
                if (!placed(inner, i)) {
                    return false;
                }
            }
            return true;
        }

        /** Numbers, texts and times beside "=" or an arrow: "(645 = 06:45)", "('930' -> 09:30)", "(0830 = 08:30)". */
        private boolean example(List<Token> inner) {
            boolean arrow = false;
            for (Token t : inner) {
                if (t.op("=") || t.op("->") || t.op("→") || t.op(">")) {
                    arrow = true;
                } else if (!(t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.TIME
                        || t.op(",") || t.op("-") || t.is(Token.Kind.WORD, "e.g") || t.is(Token.Kind.WORD, "eg"))) {
                    return false;
                }
            }
            return arrow;
        }

        /** "left-pad it with zeros to 4 digits first", whatever says why: the time's width. */
        boolean pad(List<Token> s) {
            boolean padWord = s.stream().anyMatch(t -> t.kind() == Token.Kind.WORD && (t.norm().equals("pad") || t.norm().equals("lpad")
                    || t.norm().equals("padded") || t.norm().equals("left-pad")));
            boolean zeros = s.stream().anyMatch(t -> t.kind() == Token.Kind.WORD && t.norm().startsWith("zero"));
            Integer width = null;
            for (int i = 0; i + 1 < s.size(); i++) {
                Token n = s.get(i + 1);
                if (s.get(i).kind() == Token.Kind.NUMBER && n.kind() == Token.Kind.WORD
                        && Set.of("digits", "digit", "characters", "chars", "places").contains(n.norm())) {
                    width = Integer.valueOf(s.get(i).text());
                }
            }
            if (!padWord || !zeros || width == null || width < 3 || width > 6 || pad != null) {
                return false;
            }
            pad = width;
            return true;
        }

        /** "No time recorded -> midnight (00:00)", "If DOORS_TIME is blank or null, use 19:00": the time for a missing one. */
        boolean missingTime(List<Token> s) {
            boolean missing = s.stream().anyMatch(t -> t.kind() == Token.Kind.WORD && MISSING.contains(t.norm()));
            if (!missing || missingTime != null) {
                return false;
            }
            if (s.stream().anyMatch(t -> t.is(Token.Kind.WORD, "midnight"))) {
                missingTime = "00:00";
                return true;
            }
            List<Token> times = s.stream().filter(t -> t.kind() == Token.Kind.TIME).toList();
            boolean use = s.stream().anyMatch(t -> t.kind() == Token.Kind.WORD && Set.of("use", "default", "set", "assume").contains(t.norm()));
            boolean aboutTime = s.stream().anyMatch(t -> t.text().equalsIgnoreCase(time.column()) || t.is(Token.Kind.WORD, "time"));
            if (times.size() == 1 && use && aboutTime && s.stream().allMatch(t -> t.kind() != Token.Kind.WORD
                    || Set.of("if", "when", "is", "are", "or", "use", "default", "set", "assume", "to", "the", "time", "then")
                    .contains(t.norm()) || MISSING.contains(t.norm()) || t.text().equalsIgnoreCase(time.column()))) {
                missingTime = times.get(0).text();
                return true;
            }
            return false;
        }

        /** "seconds = 00", "Seconds always 00", "no seconds", "seconds are 00". */
        boolean seconds(List<Token> s) {
            List<Token> words = s.stream().filter(t -> !(t.op(",") || t.op("=") || t.op(":"))).toList();
            if (words.isEmpty()) {
                return false;
            }
            boolean secondsWord = words.stream().anyMatch(t -> t.is(Token.Kind.WORD, "seconds"));
            return secondsWord && words.size() <= 4 && words.stream().allMatch(t -> t.is(Token.Kind.WORD, "seconds")
                    || t.kind() == Token.Kind.NUMBER && Long.parseLong(t.text().replaceAll("\\D", "0")) == 0
                    || t.kind() == Token.Kind.WORD && Set.of("are", "is", "always", "no", "zero", "set", "to", "with", "at")
                    .contains(t.norm()));
        }

        /** "arrive_hhmm is 4-digit 24-hour HHMM text (0830 = 08:30)", "DOORS_TIME is text HH:MM on a 24-hour clock". */
        boolean format(List<Token> s) {
            if (s.isEmpty() || !s.get(0).text().equalsIgnoreCase(time.column()) && !s.get(0).text().equalsIgnoreCase(date.column())) {
                return false;
            }
            String before = timeFormat;
            String beforeDate = dateFormat;
            if (!joinSentence(s.subList(1, s.size()))) {
                timeFormat = before;
                dateFormat = beforeDate;
                return false;
            }
            return true;
        }

        /** The timestamp, or flagged when no pattern is known for the time or the date. */
        Recognition value(Parser p) {
            String timeFmt = timeFormat;
            if (timeFmt == null) {
                return p.notUnderstood();
            }
            Expr dateText;
            String dateFmt;
            if (dateFormat != null) {
                dateText = new Expr.Fn("TRIM", List.of(date));
                dateFmt = dateFormat;
            } else {
                Expr parsed = parsedDate(p);
                if (parsed == null) {
                    p.problem("the text pattern of " + date.column() + " is not said: write it beside the column ("
                            + date.column() + " (YYYYMMDD))");
                    return p.notUnderstood();
                }
                dateText = new Expr.FormatDate(parsed, "%Y-%m-%d");
                dateFmt = "%Y-%m-%d";
            }
            Expr timeText = new Expr.Fn("TRIM", List.of(time));
            if (missingTime != null) {
                String t = missingTime.length() == 4 ? "0" + missingTime : missingTime;
                String written = timeFmt.contains(":") ? t.substring(0, timeFmt.contains("%S") ? Math.min(8, t.length()) : 5)
                        : t.replace(":", "").substring(0, timeFmt.contains("%S") ? Math.min(6, t.replace(":", "").length()) : 4);
                timeText = new Expr.Fn("COALESCE", List.of(new Expr.Fn("NULLIF", List.of(timeText, new Expr.Lit(""))),
                        new Expr.Lit(written)));
            }
            if (pad != null) {
                timeText = new Expr.Fn("LPAD", List.of(timeText, new Expr.Lit((long) pad), new Expr.Lit("0")));
            }
            Expr joined = new Expr.Concat(List.of(dateText, new Expr.Lit(" "), timeText));
            p.reset(p.tokens().size());
            return new Recognition.Recognized(new Expr.ParseDate(joined, dateFmt + " " + timeFmt, true), null, List.of(),
                    "a date and a time of day joined into a timestamp", false);
        }

        /** The target's column that parses the date column into a date, or the date column where the schema types it so. */
        private Expr parsedDate(Parser p) {
            String target = p.ctx().row().targetTable();
            if (target != null) {
                String table = date.relation();
                for (String column : p.ctx().targetColumnsFrom(table == null ? "" : table)) {
                    Expr value = p.ctx().resolve(target, column);
                    if (value != null && Expr.columns(value).contains(date) && Expr.columns(value).size() == 1
                            && parsesToDate(value)) {
                        return value;
                    }
                }
            }
            SqlType type = p.ctx().typeOf(date);
            return type.kind() == SqlType.Kind.DATE || type.kind() == SqlType.Kind.TIMESTAMP ? date : null;
        }

        private static boolean parsesToDate(Expr value) {
            Expr v = value;
            while (v instanceof Expr.Cast c && c.type().kind() == SqlType.Kind.DATE) {
                v = c.expr();
            }
            return value instanceof Expr.Cast c && c.type().kind() == SqlType.Kind.DATE || v instanceof Expr.ParseDate pd && !pd.timestamp();
        }
    }
}
