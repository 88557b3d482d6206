package io.aide.compiler.rules;

import io.aide.compiler.plan.DatePatterns;
import io.aide.compiler.lang.Recognition;
import io.aide.compiler.lang.RuleLanguage;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.events.spec.MappingRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles one mapping row's transformation rule, as analysts write it, into an expression.
 * Every clause of the rule must be understood (or be plain commentary); otherwise the rule is flagged, never guessed.
 */
public final class RuleCompiler {

    /** The value the rule transforms (the row's source after sentinel handling); replaced at the end. */
    static final Expr.Col INPUT = new Expr.Col("\u0000input", "\u0000input");

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
    private static final String LIT = "(?:'[^']*'|\"[^\"]*\"|-?\\d+(?:\\.\\d+)?|null|true|false|[A-Za-z_][\\w-]*)";
    private static final Pattern COPY = Pattern.compile("(?i)^(?:(?:direct(?:ly)?|straight|1:1|one[- ]to[- ]one|simple)\\s*"
            + "(?:move|map(?:ping|ped)?|cop(?:y|ied)|pull|load|pass(?:[- ]?through)?|assign(?:ment|ed)?)?|cop(?:y|ied)(?: (?:unchanged|as[- ]is|directly|over|through|straight|from source|1:1))?"
            + "|(?:otherwise|else) (?:cop(?:y|ied)|keep|kept|unchanged|as[- ]is|pass(?:ed)? through)|as[- ]is|pass(?:ed)?[- ]?(?:through|thru)(?: (?:as[- ]is|unchanged|directly|from (?:the )?source))?|no (?:transformation|change)s?|unchanged|same as source|move|"
            + "(?:keep|kept|retain(?:ed)?|carr(?:y|ied)) (?:as[- ]is|unchanged|over)|rename(?:d)?\\b.*|1:1|n/?a|none|-|source value|map(?:ped)? directly|"
            + "load(?:ed)? as[- ]is|take(?:n)? (?:as[- ]is|directly)|"
            + "(?:populated?|sourced|mapped|loaded|taken|pulled|moved|copied|carried over|brought over)\\s+(?:directly\\s+|as[- ]is\\s+|straight\\s+)?from\\s+(?:the\\s+)?(?:source|[\\w.\" ]+?)(?:\\s+(?:column|field|table))?)$");
    private static final Pattern CAST = Pattern.compile("(?i)^(?:(?:numeric|text|string|date|integer) values? )?(?:safe(?:ly)? )?(?:cast|convert(?:ed)?|conver(?:sion)?|store(?:d)?|typed?)\\s*(?:directly|as is)?\\s*(?:to|as|into)?\\s*(?:an? )?([A-Za-z]+(?:\\s*\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*)?\\))?)?(.*)$");
    private static final Pattern AGG = Pattern.compile("(?i)^(?:the )?(sum|total|count|number|min(?:imum)?|max(?:imum)?|earliest|latest|most recent|oldest|newest|average|avg|mean|distinct count)\\b(.*)$");
    private static final Pattern AGG_HINT = Pattern.compile("(?i)\\((sum|count|min|max|avg)\\)");
    private static final Pattern WHERE = Pattern.compile("(?i)\\b(?:where|when|for which|for rows? where|filtered (?:on|to|by)|only (?:for|where))\\s+(.+)$");
    private static final Pattern TO_NULL = Pattern.compile("(?i)^(.*?)\\s*(?:->|=>|to|becomes?|mapped to|set to|as|are|is|should be)\\s*null\\b"
            + "(?:\\s*\\([^)]*\\))?(?:\\s*[,;]?\\s*(?:(?:otherwise|else|others?|rest)\\s+(?:cop(?:y|ied)|keep|kept|unchanged|as[- ]is|pass(?:ed)? through|retained)\\b.*))?\\s*$");
    private static final Pattern VALUE_MAP_LISTS = Pattern.compile("^\\s*((?:'[^']*'|\"[^\"]*\"|[\\w.-]+)(?:\\s*/\\s*(?:'[^']*'|\"[^\"]*\"|[\\w.-]+))+)\\s*(?:->|=>)\\s*((?:'[^']*'|\"[^\"]*\"|[\\w.-]+)(?:\\s*/\\s*(?:'[^']*'|\"[^\"]*\"|[\\w.-]+))+)\\s*$");
    private static final Pattern PAIR = Pattern.compile("^\\s*('[^']*'|\"[^\"]*\"|[\\w .-]+?)\\s*(?:=|->|=>|:)\\s*('[^']*'|\"[^\"]*\"|[\\w .-]+?)\\s*$");
    private static final Pattern LOOKUP = Pattern.compile("(?i)\\b(?:via|using|from|against|in|through|with|per|by)\\s+(?:the\\s+)?(?:lookup|map(?:ping)?|table|reference|dictionary|code ?list)?\\s*['\"]?([A-Za-z_][\\w]*(?:\\.[A-Za-z_][\\w]*)+|[A-Za-z_]\\w*(?:_map|_lookup|_mapping|_codes?|_ref))['\"]?");
    private static final Pattern CONSTANT = Pattern.compile("(?i)^(?:(?:constant|hard[- ]?cod(?:e|ed)|fixed|static|literal)(?: value)?|set (?:to|as)|always|populate(?:d)? with|value|assign(?:ed)?)\\s*(?:=|:|to|as|of)?\\s*(" + LIT + ")\\s*$");
    private static final Pattern DEFAULT = Pattern.compile("(?i)(?:default(?:s)?(?: value)?(?: to| is| =|:)?|if (?:null|blank|empty|missing|not (?:provided|available|found)|no match)[^,;]*?,?\\s*(?:then |use |set (?:to )?|default (?:to )?)?|(?:null|blank|missing|empty)s?\\s*(?:->|=>|→|becomes?|replaced (?:by|with)|to)|replace nulls? (?:with|by)|coalesce (?:with|to))\\s*('[^']*'|-?\\d+(?:\\.\\d+)?|zero)");
    private static final Pattern DEFAULT_WHEN = Pattern.compile("(?i)^\\s*('[^']*'|-?\\d+(?:\\.\\d+)?|zero)\\s+(?:when|if|for)\\b.*\\b(?:no|none|without|missing|null|blank|empty)\\b.*$");
    private static final Pattern ONE_OF = Pattern.compile("(?i)\\b(?:one of|allowed values?|valid values?|values?:|in \\()\\s*:?\\s*(.+)$");
    private static final Pattern CONCAT = Pattern.compile("(?i)^(?:concat(?:enat(?:e|ed|ion))?|combine(?:d)?|join(?:ed)?|merge(?:d)?)\\s+(?:of\\s+)?(.+?)(?:\\s+(?:with|separated by|using|delimited by|by)\\s+(?:an? |the )?(.+?)(?:\\s+(?:separator|delimiter|in between|between))?)?$");
    private static final Pattern PREFIX = Pattern.compile("(?i)^(?:add(?:ed)?\\s+|prepend(?:ed)?\\s+)?(?:prefix(?:ed)?|prepend(?:ed)?)\\s*(?:with|by)?\\s*('[^']*'|\"[^\"]*\")|^add(?:ed)?\\s+('[^']*'|\"[^\"]*\")\\s+(?:as (?:a )?)?prefix$");
    private static final Pattern SUFFIX = Pattern.compile("(?i)^(?:add(?:ed)?\\s+|append(?:ed)?\\s+)?(?:suffix(?:ed)?|append(?:ed)?)\\s*(?:with|by)?\\s*('[^']*'|\"[^\"]*\")|^add(?:ed)?\\s+('[^']*'|\"[^\"]*\")\\s+(?:as (?:a )?)?suffix$");
    private static final Pattern FIRST_N = Pattern.compile("(?i)^(?:take |keep |extract |use )?(?:the )?(first|last|leftmost|rightmost|left|right)\\s+(\\d+)\\s+(?:char(?:acter)?s?|digits?|letters?|positions?)(?:\\s+(?:of|from)\\s+(.+))?$");
    private static final Pattern CHARS_RANGE = Pattern.compile("(?i)^(?:substring|characters?|chars?|positions?)\\s*(?:of (\\S+)\\s*)?(?:from\\s*)?(\\d+)\\s*(?:to|-|through|\\.\\.)\\s*(\\d+)$");
    private static final Pattern IF_THEN = Pattern.compile("(?i)^(?:if|when|where)\\s+(.+?),?\\s+then\\s+(.+?)(?:[,;]?\\s+(?:else|otherwise),?\\s+(.+))?$");
    private static final Pattern ELSE_ONLY = Pattern.compile("(?i)^(?:else|otherwise),?\\s+(.+)$");
    private static final Pattern FIRST_NON_NULL = Pattern.compile("(?i)^(?:(?:the )?first (?:non[- ]?null|available|populated)(?: value)?|coalesce)\\s+(?:of\\s+|from\\s+|among\\s+)?\\(?(.+?)\\)?$");
    private static final Pattern FALLBACK_COLUMN = Pattern.compile("(?i)^(?:if|when)\\s+(?:it\\s+is\\s+|this\\s+is\\s+|(?:the\\s+)?value\\s+is\\s+|[A-Za-z_][\\w.]*\\s+is\\s+)?(?:null|missing)\\s*,?\\s*(?:then\\s+)?(?:use|take|fall\\s*back\\s+to|populate\\s+(?:it\\s+)?with)\\s+([A-Za-z_][\\w.]*)$");
    private static final Pattern USE_COLUMN = Pattern.compile("(?i)^(?:use|take|populate (?:it )?(?:with|from))\\s+([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)?)$");
    private static final Pattern ROUND_UP_DOWN = Pattern.compile("(?i)^round(?:ed)?\\s+(up|down)(?:\\s+to\\s+(?:the\\s+)?(?:nearest\\s+)?(?:integer|whole number|int))?$");
    private static final Pattern ROUND = Pattern.compile("(?i)^round(?:ed)?\\s*(?:to\\s*)?(\\d+)?\\s*(?:decimal(?:s| places?)?|dp|digits?)?$");
    private static final Pattern LOOKUP_SOURCE = Pattern.compile("(?i)^(?:look(?:ed)?[- ]?up|lookup|fetch(?:ed)?|retrieve(?:d)?|get|take|bring|pull(?:ed)?)\\b(?:(?!\\b(?:if|when|where|case|sum|count|concat\\w*|\\+|\\*|/)\\b).)*$");
    private static final Pattern MULTI_WHEN = Pattern.compile("(?i)^(?:when|if)\\b.+?\\bthen\\b.+?\\b(?:when|else if|elsif|if)\\b.+?\\bthen\\b");
    private static final Pattern OTHER_COLUMN_FLAG = Pattern.compile("(?i)^(?:and\\s+)?(?:flag(?:ged)?|mark(?:ed)?|set)\\s+(?:as\\s+)?([A-Za-z_]\\w*)\\s*=\\s*\\S+$");
    /** The analyst says the column stays empty; "N/A" and "none" are left out: they often mean "no transformation". */
    private static final Pattern LEFT_EMPTY = Pattern.compile("(?i)^(?:not (?:mapped|applicable|used|populated|required|in scope|available in (?:the )?source)|unused|out of scope|no (?:mapping|source)(?: available)?|leave (?:it |this )?(?:blank|empty|null)|left (?:blank|empty|null)|(?:always |set to |populate with )?(?:blank|empty)(?: value)?)\\s*[.!]?$");
    /** A constraint written where the rule goes ("Not null", "Mandatory", "PK"): no transformation is asked for. */
    private static final Pattern CONSTRAINT_ONLY = Pattern.compile("(?i)^(?:not[ -]null(?:able)?|(?:must|should|cannot|can ?not) (?:not )?be (?:null|blank|empty)|mandatory(?: field)?|required(?: field)?|non[- ]?null(?:able)?|primary key|pk|unique(?: key| identifier)?)\\s*[.!]?$");
    private static final Pattern NOOP = Pattern.compile("(?i)^(?:nulls? (?:kept|stays?|remains?|left) (?:as )?null|nulls? (?:are |is )?(?:kept|preserved|retained)|keep nulls?|blank(?:s)? (?:kept|stay blank)|(?:100% )?parseable in source|no nulls?)$");
    private static final Pattern ACTION = Pattern.compile("(?i)\\b(resolv\\w*|look\\w*|lookup|map(s|ped|ping)?|remap\\w*|convert\\w*|pars\\w*|split\\w*|deriv\\w*|calculat\\w*|comput\\w*|combin\\w*|concat\\w*|replac\\w*|flag\\w*|sum\\w*|count\\w*|aggregat\\w*|round\\w*|truncat\\w*|filter\\w*|exclud\\w*|join\\w*|assign\\w*|set|if|when|case|else|otherwise|shift\\w*|remov\\w*|strip\\w*|pad\\w*|format\\w*|normali[sz]\\w*|translat\\w*|decod\\w*|encod\\w*|multipl\\w*|divid\\w*|add|added|subtract\\w*|minus|plus|default\\w*|coalesce|null|blank|trim\\w*|upper\\w*|lower\\w*|cast\\w*|extract\\w*|substring|prefix\\w*|suffix\\w*|group\\w*|dedup\\w*|unique|latest|earliest|first|last|max\\w*|min\\w*|average|avg|total|hash\\w*|mask\\w*|generat\\w*|sequence|increment\\w*|rank\\w*|lag|lead|pivot\\w*|unpivot\\w*)\\b|->|=>|=");

    /** A handler's answer when the clause is not of its kind (null = compiled, other text = flagged). */
    private static final String NOT_MINE = "\u0000not mine";
    private static final String NAME = "([A-Za-z_][\\w]*(?:\\.[A-Za-z_]\\w*)?)";
    private static final Pattern TIME_UNIT_COUNT = Pattern.compile("(?i)^(?:the )?(?:number|count|total|no\\.?)\\s+of\\s+(?:calendar\\s+|business\\s+|working\\s+|elapsed\\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|weekdays?)\\b.*$");
    private static final Pattern DAYS_BETWEEN = Pattern.compile("(?i)^(?:the\\s+)?(?:(?:number|count|no\\.?|total)\\s+of\\s+)?(calendar\\s+|business\\s+|working\\s+|elapsed\\s+)?(days?|weeks?|months?|years?|hours?|minutes?|seconds?|weekdays?)\\s+(?:elapsed\\s+|difference\\s+)?(?:(?:between|from)\\s+" + NAME + "\\s+(?:and|to|until|till)\\s+" + NAME + "|since\\s+" + NAME + ")$");
    private static final Pattern MINUS_IN_DAYS = Pattern.compile("(?i)^\\(?\\s*" + NAME + "\\s*-\\s*" + NAME + "\\s*\\)?\\s*(?:,\\s*)?(?:in|as a number of|as number of|as)\\s+(days?|weeks?|months?|years?)$");
    private static final Pattern EPOCH = Pattern.compile("(?i)\\b(?:epoch|unix|posix)\\b");
    private static final java.util.Set<String> EPOCH_WORDS = java.util.Set.of("convert", "converted", "conversion", "cast", "parse",
            "parsed", "transform", "transformed", "from", "the", "a", "an", "unix", "posix", "epoch", "time", "timestamp", "datetime",
            "date", "seconds", "second", "secs", "sec", "s", "milliseconds", "millisecond", "millis", "ms", "to", "into", "as", "in",
            "since", "value", "utc", "number", "of", "integer", "int", "bigint");
    private static final Pattern DATE_PATTERN = Pattern.compile("(?i)(?<![\\w%])(%[A-Za-z](?:[-/.: T,]*%[A-Za-z])*|(?:yyyy|yy|mmmm|mmm|mon|mm|m|dd|d|hh24|hh|h|nn|mi|ss)(?:(?:[-/.: ]|(?-i:T))?(?:yyyy|yy|mmmm|mmm|mon|mm|m|dd|d|hh24|hh|h|nn|mi|ss))+)(?![\\w%])");
    private static final java.util.Set<String> DATE_WORDS = java.util.Set.of("parse", "parsed", "parses", "parsing", "convert",
            "converted", "conversion", "cast", "format", "formatted", "formatting", "reformat", "reformatted", "read", "display",
            "displayed", "output", "render", "rendered", "write", "written", "show", "shown", "as", "to", "into", "from", "using",
            "with", "in", "the", "a", "an", "date", "dates", "timestamp", "datetime", "time", "pattern", "mask", "string", "text", "char",
            "varchar", "character", "value", "values", "source", "is", "of", "field", "column", "stored", "given", "it", "this",
            "style", "type", "input", "incoming", "received", "expected", "like", "e", "g");
    private static final Pattern FORMAT_WORDS = Pattern.compile("(?i)\\b(?:format(?:ted)?\\s+(?:it\\s+|the\\s+date\\s+|date\\s+)?(?:as|to|in|into|using|with|like)|reformat\\w*|display(?:ed)?|output|render(?:ed)?|writ(?:e|ten)|show(?:n)?)\\b");
    private static final Pattern PARSE_WORDS = Pattern.compile("(?i)\\b(?:pars\\w*|read|input|incoming|received)\\b");
    private static final String VALUE = "'[^']*'|\"[^\"]*\"|-?\\d+(?:\\.\\d+)?";
    private static final Pattern VALUE_IF = Pattern.compile("(?i)^(?:derived\\s*:\\s*)?(?:((?:set|populate[ds]?|populated|fill(?:ed)?|assign(?:ed)?|use|return|output|default)\\s+(?:it\\s+|the value\\s+)?(?:to|with|as)?)\\s*|(?:value|result)\\s*(?:=|is|:)\\s*)?(" + VALUE + "|[A-Za-z][\\w-]*)\\s+(?:if|when|where|whenever)\\s+(.+?)(?:\\s*[,;]?\\s+(?:else|otherwise)\\s*,?\\s*(" + VALUE + "|[A-Za-z][\\w -]*)|\\s*[,;]\\s*(" + VALUE + "|[A-Za-z][\\w-]*)\\s+(?:otherwise|else|in all other cases))?$");
    private static final Pattern CONDITION_IF = Pattern.compile("(?i).*\\b(?:if|when|where|unless|whenever|in case)\\b.*");
    private static final Pattern TRANSFORM_WORDS = Pattern.compile("(?i)\\b(?:first|last|left|right|char\\w*|digits?|letters?|substring|year|month|day|days|week|quarter|hour|minute|length|upper\\w*|lower\\w*|trim\\w*|hash\\w*|md5|sha\\w*|round\\w*|sum|total|count|average|avg|min\\w*|max\\w*|number|difference|between|plus|minus|times|multipl\\w*|divid\\w*|percent\\w*|format\\w*|pars\\w*|convert\\w*|cast\\w*|replac\\w*|remov\\w*|pad\\w*|concat\\w*|split\\w*|extract\\w*|part|portion|prefix\\w*|suffix\\w*|mask\\w*|abs\\w*|distinct|unique|latest|earliest|most|least|if|when|else|otherwise|epoch|unix)\\b|\\d|'[^']*'|\"[^\"]*\"");
    private static final Pattern CAST_TYPE_WORD = Pattern.compile("(?i)numeric|number|decimal|money|currency|int|integer|bigint|whole|text|string|varchar|char|date|timestamp|datetime|boolean|bool|float|double|real|target");
    private static final Pattern CAST_TAIL = Pattern.compile("(?i)^(?:(?:data )?type|values?|safely|directly|if possible|where possible|when possible|when valid|number|(?:with )?nulls? (?:on|for|if|when) (?:failure|errors?|invalid|bad)(?: values?)?)?$");
    private static final Pattern CURRENCY_CODE = Pattern.compile("^[A-Z]{3}$");
    private static final Pattern CENTS = Pattern.compile("(?i)^(?:convert(?:ed)?\\s+)?(?:(?:the\\s+)?(?:amount|value)\\s+)?(?:from\\s+)?(cents?|pence|pennies|minor units?|dollars?|euros?|pounds?|major units?)\\s+(?:to|into|->|=>)\\s+(cents?|pence|pennies|minor units?|dollars?|euros?|pounds?|major units?)$");
    private static final Pattern SCALE = Pattern.compile("(?i)^(multipl(?:y|ied)|divided?)\\s+(?:it\\s+|the value\\s+|" + NAME + "\\s+)?by\\s+(-?\\d+(?:\\.\\d+)?)$");
    private static final Pattern CURRENT = Pattern.compile("(?i)^(?:(?:[A-Za-z_][\\w ]{0,40}?)\\s*(?:=|:|->|is)\\s*)?(?:(?:set|populate[ds]?|populated|fill(?:ed)?|assign(?:ed)?|use|default)\\s+(?:to|with|as)?\\s*)?(?:the\\s+)?"
            + "(current[_ ]date|today(?:'s date)?|system date|sys ?date|current system date|date of (?:the )?(?:load|run|processing|execution)"
            + "|current[_ ]timestamp|current date ?(?:and|&) time|current datetime|now(?:\\(\\))?|system (?:timestamp|date ?time|time)|systimestamp|getdate\\(\\)|timestamp of (?:the )?(?:load|run|processing|execution))"
            + "(?:\\s+(?:at|of|on|during)\\s+(?:the\\s+)?(?:load|loading|run|execution|processing|insert(?:ion)?|etl|batch)(?:\\s+time)?|\\s+when\\s+(?:the\\s+)?(?:row is\\s+)?loaded)?$");
    private static final Pattern LEFT_PAD = Pattern.compile("(?i)^(left|right|l|r)?[- ]?pad(?:ded)?(?:\\s+(left|right))?\\s+(?:with\\s+)?(?:(zeros?|zeroes|0s|'[^']+'|spaces?|blanks?)\\s+)?(?:to|up to|to a length of|to length)\\s+(\\d+)(?:\\s+(?:char(?:acter)?s?|digits?|positions?|places?))?(?:\\s+with\\s+(zeros?|zeroes|0s|'[^']+'|spaces?|blanks?))?$");
    private static final Pattern TRUNCATE = Pattern.compile("(?i)^(?:truncat(?:e|ed)|cut|limit(?:ed)?|shorten(?:ed)?)\\s+(?:it\\s+|the value\\s+)?(?:to|at)\\s+(?:the\\s+first\\s+|a\\s+maximum\\s+of\\s+|max(?:imum)?\\s+)?(\\d+)(?:\\s+(?:char(?:acter)?s?|letters?|positions?))?$");
    private static final Pattern ZERO_PAD = Pattern.compile("(?i)^(?:zero|0)[- ]?pad(?:ded)?(?:\\s+(?:on the\\s+)?left)?\\s+(?:to|up to)\\s+(\\d+)(?:\\s+(?:char(?:acter)?s?|digits?|positions?|places?))?$");
    private static final Pattern STRIP_EDGE = Pattern.compile("(?i)^(?:trim|remove|strip|drop)\\s+(?:all\\s+|any\\s+|the\\s+)?(leading|trailing)\\s+(zeros?|zeroes|0s|spaces|blanks|whitespace|'[^']+')$");
    private static final Pattern REPLACE = Pattern.compile("(?i)^replace\\s+(?:all\\s+(?:occurrences\\s+of\\s+)?|every\\s+|each\\s+)?('[^']*'|\"[^\"]*\")\\s+(?:with|by)\\s+('[^']*'|\"[^\"]*\"|nothing|an empty string|empty string|blank)$");
    private static final Pattern REMOVE_ALL = Pattern.compile("(?i)^(?:remove|strip|delete|drop)\\s+(?:all\\s+|any\\s+|every\\s+)(?:the\\s+)?(spaces|blanks|hyphens|dashes|dots|periods|commas|slashes|underscores|'[^']+'|\"[^\"]+\")(?:\\s+characters)?$|^(?:remove|strip|delete|drop)\\s+(hyphens|dashes|dots|periods|commas|slashes|underscores|'[^']+'|\"[^\"]+\")$");
    private static final Pattern EXTRACT = Pattern.compile("(?i)^(?:extract|get|take|derive|pull)?\\s*(?:the\\s+)?(year|month|day)(?:\\s+(?:part|portion|number|component))?(?:\\s+(?:from|of)\\s+(?:the\\s+)?" + NAME + ")?$");
    private static final Pattern UNARY = Pattern.compile("(?i)^(?:the\\s+)?(absolute value|abs|length|string length|character count|char count|number of characters|count of characters|md5(?: hash)?|md5 hash(?:ed)? value|hash(?:ed)? (?:with|using) md5)(?:\\s+(?:of|in|for)\\s+(?:the\\s+)?" + NAME + ")?$|^(md5)(?:\\s+hash)?\\s+" + NAME + "$");
    private static final Pattern DATE_SHIFT = Pattern.compile("(?i)^" + NAME + "\\s*(\\+|-|plus|minus)\\s*(\\d+)\\s*(days?|weeks?|months?|years?)$|^(add|subtract)\\s+(\\d+)\\s+(days?|weeks?|months?|years?)(?:\\s+(?:to|from)\\s+" + NAME + ")?$|^(\\d+)\\s+(days?|weeks?|months?|years?)\\s+(after|before)\\s+" + NAME + "$");
    private static final Pattern MONTH_END = Pattern.compile("(?i)^(?:the\\s+)?(?:last day|end)\\s+of\\s+(?:the\\s+)?month(?:\\s+(?:of|for)\\s+(?:the\\s+)?" + NAME + ")?$|^(?:month[- ]end(?: date)?)(?:\\s+(?:of|for)\\s+" + NAME + ")?$");

    private static final RuleLanguage LANGUAGE = new RuleLanguage();

    public RuleOutcome compile(RuleContext ctx) {
        return new Run(ctx).run();
    }

    /** One compilation: state of the pipeline while the clauses of the rule are applied. */
    private static final class Run {
        final RuleContext ctx;
        final MappingRow row;
        final List<UnaryOperator<Expr>> inputSteps = new ArrayList<>();
        final List<UnaryOperator<Expr>> steps = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<String> accepted = new ArrayList<>();
        Expr main;
        Expr defaultValue;
        String lookupTable;
        boolean instructed;
        boolean aggregate;
        boolean leftJoinHint;
        boolean conditional;
        SqlType castTo;

        Run(RuleContext ctx) {
            this.ctx = ctx;
            this.row = ctx.row();
        }

        RuleOutcome run() {
            String rule = normalize(valueMapLines(row.transformation()));
            Map<String, String> attrs = attributes(row);
            String algorithm = attrs.entrySet().stream()
                    .filter(e -> e.getKey().contains("algorithm") && !e.getKey().contains("sub") || e.getKey().equals("rule_type"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (algorithm == null && rule.transform(Rx.m("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|NOTSUBMITTED|ASSIGN|HARDCODE|OTHER"))
                    && !rule.transform(Rx.m("CURRENT_(?:DATE|TIMESTAMP)"))) {
                algorithm = rule;
                rule = "";
            }
            String sub = attr(attrs, "sub_algorithm", "entity_sub_algorithm");
            try {
                readNotes();
                if (algorithm == null && conditionFromAttributes(attrs) == null) {
                    Recognition r = LANGUAGE.read(ctx);
                    if (r instanceof Recognition.Recognized ok) {
                        if (accepted.isEmpty()) {
                            accepted.addAll(ok.accepted());
                        }
                        notes.add(ok.note());
                        return new RuleOutcome(ok.expr(), defaultValue, null, accepted, ok.lookupTable(), leftJoinHint, notes);
                    }
                    if (r instanceof Recognition.Flagged f) {
                        return RuleOutcome.flagged(f.reason());
                    }
                }
                if (algorithm != null && handleAlgorithm(algorithm.toUpperCase(Locale.ROOT), sub == null ? "" : sub.toUpperCase(Locale.ROOT), attrs, rule)) {
                    return finish();
                }
                if (CONSTRAINT_ONLY.matcher(rule.trim()).matches()) {
                    notes.add("\"" + rule.trim() + "\" is a constraint, not a transformation");
                    rule = "";
                }
                if (rule.isEmpty()) {
                    if (ctx.sources().size() == 1) {
                        main = INPUT;
                        notes.add("no rule written: direct move of " + ctx.sources().get(0).column());
                        return finish();
                    }
                    return RuleOutcome.flagged(ctx.sources().isEmpty()
                            ? "no transformation rule and no source column" : "no rule says how "
                            + ctx.sources().size() + " source columns combine");
                }
                if (LEFT_EMPTY.matcher(rule.trim()).matches()) {
                    notes.add("left empty on purpose: \"" + rule.trim() + "\"");
                    rule = "null";
                }
                for (String clause : clauses(rule).stream()
                        .flatMap(c -> java.util.Arrays.stream(c.split("(?i)\\s+and\\s+(?=(?:flag|mark)\\w*\\s)"))).toList()) {
                    String problem = apply(clause);
                    if (problem != null) {
                        return RuleOutcome.flagged(problem + ": \"" + clause + "\"");
                    }
                }
                Expr conditionFromAttributes = conditionFromAttributes(attrs);
                if (conditionFromAttributes != null && !conditional) {
                    Expr value = main == null ? INPUT : main;
                    main = new Expr.Case(List.of(new Expr.When(conditionFromAttributes, value)), null);
                    conditional = true;
                    instructed = true;
                }
                if (!instructed && main == null) {
                    if (steps.isEmpty() && inputSteps.isEmpty()) {
                        return RuleOutcome.flagged("the rule describes the column but does not say how to compute it: \""
                                + rule + "\"");
                    }
                }
                return finish();
            } catch (Flag f) {
                return RuleOutcome.flagged(f.getMessage());
            }
        }

        RuleOutcome finish() {
            Expr input = baseInput();
            if (main == null && input == null && defaultValue != null) {
                main = defaultValue;
                defaultValue = null;
            }
            if (main == null) {
                main = INPUT;
            }
            if (Expr.columns(main).contains(INPUT) && input == null) {
                throw new IllegalStateException("no source");
            }
            Expr value = main;
            for (UnaryOperator<Expr> s : steps) {
                value = s.apply(value);
            }
            Expr in = input;
            for (UnaryOperator<Expr> s : inputSteps) {
                in = s.apply(in);
            }
            Expr finalIn = in;
            value = Expr.mapColumns(value, c -> c.equals(INPUT) ? finalIn : c);
            if (castTo != null && castTo.known()) {
                value = new Expr.Cast(value, castTo, true);
            }
            return new RuleOutcome(value, defaultValue, null, accepted, lookupTable, leftJoinHint, notes);
        }

        Expr baseInput() {
            List<Expr.Col> src = ctx.sources();
            if (src.isEmpty()) {
                return null;
            }
            return src.get(0);
        }

        void requireSingleSource(String what) {
            if (ctx.sources().isEmpty()) {
                throw new Flag(what + " needs a source column and the row names none");
            }
            if (ctx.sources().size() > 1) {
                throw new Flag(what + " on " + ctx.sources().size() + " source columns: the rule does not say which");
            }
        }

        // ---- notes: default values, accepted values, join hints

        void readNotes() {
            List<String> texts = new ArrayList<>();
            if (row.defaultValue() != null && !row.defaultValue().isBlank()) {
                String dv = row.defaultValue().trim();
                Expr lit = literal(dv);
                if (lit != null) {
                    defaultValue = lit;
                }
            }
            if (row.nullHandling() != null) {
                texts.add(row.nullHandling());
            }
            for (String t : texts) {
                String n = normalize(t);
                Matcher m = DEFAULT_WHEN.matcher(n);
                Matcher d = DEFAULT.matcher(n);
                if (m.matches()) {
                    defaultValue = literal(m.group(1));
                } else if (d.find()) {
                    defaultValue = literal(d.group(1));
                }
                Matcher one = ONE_OF.matcher(n);
                if (one.find()) {
                    for (String v : one.group(1).split("\\s*(?:,|\\bor\\b|/|;)\\s*")) {
                        String s = unquote(v.trim().replaceAll("[.)]$", ""));
                        if (!s.isBlank()) {
                            accepted.add(s);
                        }
                    }
                }
                if (n.toLowerCase(Locale.ROOT).transform(Rx.m(".*\\b(left join|without (a )?match|including [^.]*without|keep all|even if|all [^.]* including)\\b.*"))) {
                    leftJoinHint = true;
                }
            }
        }

        // ---- algorithm codes (SDTM-style specifications: ASSIGN, HARDCODE, IF_THEN_ELSE, ...)

        boolean handleAlgorithm(String algorithm, String sub, Map<String, String> attrs, String rule) {
            Expr condition = conditionFromAttributes(attrs);
            String hard = attr(attrs, "hardcoded_value", "hardcode_value");
            String term = attr(attrs, "term_value");
            boolean hardcode = algorithm.startsWith("HARDCODE") || sub.startsWith("HARDCODE");
            if (algorithm.startsWith("NOTSUBMITTED") || algorithm.startsWith("NOT_SUBMITTED")) {
                throw new Flag("marked not submitted");
            }
            if (hardcode && (hard != null || term != null)) {
                Expr value = new Expr.Lit(hard != null ? hard : term);
                main = condition == null ? value : new Expr.Case(List.of(new Expr.When(condition, value)), null);
                conditional = condition != null;
                instructed = true;
                accepted.add(hard != null ? hard : term);
                return true;
            }
            if (algorithm.equals("ASSIGN_CT") || sub.equals("ASSIGN_CT")) {
                String codelist = attr(attrs, "codelist_code", "codelist");
                if (codelist == null) {
                    throw new Flag("assign with controlled terminology but no codelist given");
                }
                List<String> tables = ctx.references().tablesMentioning(codelist);
                if (tables.size() != 1) {
                    throw new Flag("controlled terminology for codelist " + codelist
                            + (tables.isEmpty() ? " is not among the reference tables" : " is defined in " + tables.size()
                            + " reference tables (" + String.join(", ", tables) + "): which one applies is not said"));
                }
                throw new Flag("controlled-terminology lookup for codelist " + codelist + " in " + tables.get(0)
                        + ": the column that holds collected values is not named");
            }
            boolean assign = algorithm.startsWith("ASSIGN_NO_CT") || algorithm.equals("ASSIGN") || sub.startsWith("ASSIGN_NO_CT")
                    || algorithm.transform(Rx.m("DIRECT(_MOVE|_MAP)?|COPY|MOVE|ONE_TO_ONE|STRAIGHT_MOVE"));
            if (assign) {
                if (ctx.sources().size() != 1) {
                    throw new Flag(algorithm + " needs exactly one source column, the row names " + ctx.sources().size());
                }
                String r = rule.replaceAll("(?i)\\s+in\\s+supp\\w*$", "");
                if (r.isEmpty() || selfReference(r)) {
                    main = condition == null ? INPUT : new Expr.Case(List.of(new Expr.When(condition, INPUT)), null);
                    conditional = condition != null;
                    instructed = true;
                    return true;
                }
                return false;
            }
            if (algorithm.equals("DATASET_LEVEL")) {
                throw new Flag("dataset-level instruction (" + sub + ") is not a column rule");
            }
            if (rule.isEmpty()) {
                throw new Flag("algorithm " + algorithm + (sub.isEmpty() ? "" : "/" + sub)
                        + " without a rule text the compiler can apply");
            }
            return false;
        }

        boolean selfReference(String text) {
            String t = unquote(text.trim().replaceAll("^\\[|\\]$", ""));
            String col = row.targetColumn();
            return t.equalsIgnoreCase(col) || t.equalsIgnoreCase(row.targetTable() + "." + col)
                    || t.toUpperCase(Locale.ROOT).endsWith("." + col.toUpperCase(Locale.ROOT));
        }

        Expr conditionFromAttributes(Map<String, String> attrs) {
            String op = attr(attrs, "condition_operator", "operator");
            if (op == null) {
                return null;
            }
            String leftName = attr(attrs, "condition_left_raw_variable", "condition_left_variable", "condition_left");
            Expr left = leftName == null ? baseInput() : resolveOrFlag(null, leftName);
            if (left == null) {
                throw new Flag("condition operator " + op + " without a left-hand column");
            }
            String rightText = attr(attrs, "condition_right_text_value", "condition_right_value");
            String rightVar = attr(attrs, "condition_right_raw_variable", "condition_right_sdtm_variable", "condition_right_variable");
            Expr right = rightText != null ? new Expr.Lit(rightText) : rightVar != null ? resolveOrFlag(null, rightVar) : null;
            return condition(op.replace('_', ' '), left, right);
        }

        Expr condition(String op, Expr left, Expr right) {
            String o = op.toLowerCase(Locale.ROOT).trim();
            switch (o) {
                case "checked", "is checked", "ticked", "selected", "is selected":
                    return checked(left);
                case "not checked", "unchecked", "is not checked", "not selected":
                    return new Expr.Bin("OR", new Expr.IsNull(left, false), new Expr.Not(checked(left)));
                case "is numeric", "numeric":
                    return new Expr.IsNumeric(left);
                case "is character", "character", "not numeric", "is not numeric":
                    return new Expr.Bin("AND", new Expr.IsNull(left, true), new Expr.Not(new Expr.IsNumeric(left)));
                case "is null", "is missing", "missing", "is blank", "blank", "empty", "is empty":
                    return new Expr.IsNull(new Expr.Fn("NULLIF", List.of(new Expr.Fn("TRIM", List.of(left)), new Expr.Lit(""))), false);
                case "is not null", "not null", "not missing", "not blank", "is present", "present", "populated", "is populated":
                    return new Expr.IsNull(new Expr.Fn("NULLIF", List.of(new Expr.Fn("TRIM", List.of(left)), new Expr.Lit(""))), true);
                default:
                    break;
            }
            if (right == null) {
                throw new Flag("condition '" + op + "' is not understood");
            }
            String sqlOp = switch (o) {
                case "=", "==", "equal to", "equals", "eq", "is", "equal" -> "=";
                case "<>", "!=", "not equal to", "different to", "different from", "ne", "not equal", "is not" -> "<>";
                case ">", "gt", "greater than" -> ">";
                case "<", "lt", "less than" -> "<";
                case ">=", "ge" -> ">=";
                case "<=", "le" -> "<=";
                default -> null;
            };
            if (sqlOp == null) {
                throw new Flag("condition operator '" + op + "' is not understood");
            }
            return new Expr.Bin(sqlOp, left, right);
        }

        Expr checked(Expr left) {
            return new Expr.InList(new Expr.Fn("UPPER", List.of(new Expr.Fn("TRIM", List.of(left)))),
                    List.of(new Expr.Lit("1"), new Expr.Lit("Y"), new Expr.Lit("YES"), new Expr.Lit("TRUE"),
                            new Expr.Lit("X"), new Expr.Lit("CHECKED")), false);
        }

        // ---- clauses

        /** Applies one clause; returns why it cannot be compiled, or null. */
        String apply(String clauseText) {
            String clause = clauseText.trim().replaceAll("[.!]+$", "").trim();
            if (clause.isEmpty()) {
                return null;
            }
            String bare = stripCommentParens(clause);
            if (bare.isEmpty() || NOOP.matcher(bare).matches()) {
                return null;
            }
            Matcher other = OTHER_COLUMN_FLAG.matcher(bare);
            if (other.matches() && !other.group(1).equalsIgnoreCase(row.targetColumn())) {
                notes.add("sets another column: " + bare);
                return null;
            }
            Matcher fallback = FALLBACK_COLUMN.matcher(bare);
            Matcher use = USE_COLUMN.matcher(bare);
            if (use.matches() && use.group(1).contains("_")) {
                String[] qn = use.group(1).split("\\.", 2);
                Expr column = qn.length == 2 ? ctx.resolve(qn[0], qn[1]) : ctx.resolve(null, qn[0]);
                if (column != null) {
                    main = column;
                    instructed = true;
                    return null;
                }
            }
            if (fallback.matches() && !fallback.group(1).matches("(?i)zero|null|blank|empty|nothing")) {
                if (main == null && ctx.sources().size() != 1) {
                    return "which column comes first is not said";
                }
                defaultValue = resolveOrFlag(null, fallback.group(1));
                instructed = true;
                return null;
            }
            Matcher firstNonNull = FIRST_NON_NULL.matcher(bare);
            if (firstNonNull.matches()) {
                List<Expr> candidates = new ArrayList<>();
                for (String part : firstNonNull.group(1).split("\\s*(?:,|;|\\bthen\\b|\\bor\\b|\\band\\b|\\belse\\b)\\s*")) {
                    if (!part.isBlank()) {
                        Expr lit = literal(part);
                        candidates.add(lit != null && (part.trim().startsWith("'") || part.trim().matches("-?\\d+(?:\\.\\d+)?"))
                                ? lit : resolveOrFlag(null, part));
                    }
                }
                if (candidates.size() < 2) {
                    return "the first non-null of what? name two or more columns";
                }
                main = new Expr.Fn("COALESCE", candidates);
                instructed = true;
                return null;
            }
            if (COPY.matcher(bare).matches() && !bare.toLowerCase(Locale.ROOT).transform(Rx.m(".*\\b(and|then|plus|minus|times|divided|multiplied|where|if|when|except|but|"
                    + "trim\\w*|upper\\w*|lower\\w*|cast\\w*|convert\\w*|round\\w*|pad\\w*|replac\\w*|format\\w*|concat\\w*|substr\\w*|first|last|means?|becomes?|days?|months?|years?)\\b.*"))) {
                requireSingleSource("a direct move");
                instructed = true;
                if (main == null) {
                    main = INPUT;
                }
                return null;
            }
            String special = special(bare);
            if (special == null || !special.equals(NOT_MINE)) {
                return special;
            }
            if (LOOKUP_SOURCE.matcher(bare).matches() && ctx.sources().size() == 1
                    && !TRANSFORM_WORDS.matcher(bare.replaceFirst("^\\S+", "")).find()
                    && (LOOKUP.matcher(clause).find() ? ctx.references().map(lookupName(clause)).isEmpty() : true)) {
                // the row's source column lives in another table; the planner joins it (LEFT: a lookup keeps rows)
                requireSingleSource("a lookup");
                main = main == null ? INPUT : main;
                leftJoinHint = true;
                instructed = true;
                return null;
            }
            if (selfReference(bare) && ctx.sources().size() == 1) {
                instructed = true;
                main = main == null ? INPUT : main;
                return null;
            }
            if (MULTI_WHEN.matcher(bare).find()) {
                // several "when ... then ..." branches read as one SQL CASE
                String sqlCase = "CASE " + bare.replaceAll("(?i)\\b(?:if|else if|elsif)\\b", "WHEN")
                        .replaceAll("(?i)\\botherwise\\b", "ELSE").replaceAll("[,;]\\s*(?=(?i:when|else)\\b)", " ") + " END";
                Expr e = tryExpression(sqlCase);
                if (e == null) {
                    return "conditions not understood";
                }
                main = e;
                conditional = true;
                instructed = true;
                return null;
            }
            Matcher ifThen = IF_THEN.matcher(bare);
            if (ifThen.matches()) {
                return ifThenElse(ifThen.group(1), ifThen.group(2), ifThen.group(3));
            }
            Matcher elseOnly = ELSE_ONLY.matcher(bare);
            if (elseOnly.matches() && Expr.columns(main == null ? new Expr.Lit(0L) : main).isEmpty() && !conditional) {
                Expr v = value(elseOnly.group(1));
                if (v == null) {
                    return "cannot read the value after else";
                }
                if (main == null && conditionFromAttributes(attributes(row)) != null) {
                    main = v;
                    instructed = true;
                    return null;
                }
                return "an else branch without its condition";
            }
            Matcher agg = AGG.matcher(clause);
            if (agg.matches() && TIME_UNIT_COUNT.matcher(bare).matches()) {
                return "a number of days, weeks, months or years is a date difference, not a count of rows; this one is not understood";
            }
            if (agg.matches() && agg.group(2).transform(Rx.m("(?s)^\\s*=\\s*\\S.*"))) {
                // "Total = qty * price": the word names the value, it does not sum rows
                return apply(agg.group(2).replaceFirst("^\\s*=\\s*", ""));
            }
            boolean aggregation = agg.matches() && (agg.group(2).transform(Rx.m("(?is)^\\s+of\\b.*"))
                    || AGG_HINT.matcher(clause).find() || agg.group(1).equalsIgnoreCase("distinct count")
                    || agg.group(1).equalsIgnoreCase("count") && agg.group(2).transform(Rx.m("(?is)^\\s+(?:of\\s+)?distinct\\b.*")));
            if (aggregation && agg.group(1).toLowerCase(Locale.ROOT).transform(Rx.m("min(imum)?|max(imum)?"))
                    && agg.group(2).transform(Rx.m("(?is)^\\s+of\\s+(?:the\\s+)?[\\w.]+\\s*(?:,|and|or)\\s*[\\w.'-]+\\s*$"))) {
                return "the larger or smaller of two values is not an aggregation, and GREATEST/LEAST treat NULL differently per dialect";
            }
            if (aggregation && !bare.toLowerCase(Locale.ROOT).startsWith("number of characters")) {
                return aggregate(agg.group(1), clause, agg.group(2));
            }
            Matcher hint = AGG_HINT.matcher(clause);
            if (hint.find()) {
                return aggregate(hint.group(1), clause, clause);
            }
            if (bare.transform(Rx.m("(?i)^(?:trim(?:med)?|strip(?:ped)?)(?: (?:whitespace|spaces|leading and trailing (?:spaces|whitespace|blanks)))?$"))
                    || bare.transform(Rx.m("(?i)^remove (?:leading and trailing )?(?:whitespace|spaces|blanks)$"))) {
                steps.add(v -> new Expr.Fn("TRIM", List.of(v)));
                instructed = true;
                return null;
            }
            if (bare.transform(Rx.m("(?i)^(?:convert(?:ed)? to |make |to |in )?(?:upper ?case|uppercase|upper|all caps|capitals)(?:d)?$|^upper(?:case)?(?:d)?$"))) {
                steps.add(v -> new Expr.Fn("UPPER", List.of(v)));
                instructed = true;
                return null;
            }
            if (bare.transform(Rx.m("(?i)^(?:convert(?:ed)? to |make |to |in )?(?:lower ?case|lowercase|lower)(?:d)?$"))) {
                steps.add(v -> new Expr.Fn("LOWER", List.of(v)));
                instructed = true;
                return null;
            }
            if (bare.transform(Rx.m("(?i)^(?:trim(?:med)? and upper ?case(?:d)?|upper ?case(?:d)? and trim(?:med)?)$"))) {
                steps.add(v -> new Expr.Fn("UPPER", List.of(new Expr.Fn("TRIM", List.of(v)))));
                instructed = true;
                return null;
            }
            if (bare.transform(Rx.m("(?i)^(?:blanks?|empty(?: strings?)?|empty values?|whitespace(?:-only)?(?: values?)?)\\s*(?:->|=>|to|as|become|becomes|are|mapped to)\\s*null$"))
                    || bare.transform(Rx.m("(?i)^(?:null if (?:blank|empty)|treat blanks? as null|blank (?:means|is) null)$"))) {
                inputSteps.add(v -> new Expr.Fn("NULLIF", List.of(new Expr.Fn("TRIM", List.of(v)), new Expr.Lit(""))));
                instructed = true;
                return null;
            }
            Matcher toNull = TO_NULL.matcher(bare);
            if (toNull.matches() && !CONDITION_IF.matcher(toNull.group(1)).matches()) {
                return sentinels(toNull.group(1));
            }
            bare = bare.replaceFirst("(?i)^(?:map(?:ped|ping)?|decode(?:d)?|translate(?:d)?|recode(?:d)?|convert(?:ed)?)(?:\\s+values?)?\\s*:?\\s+(?=\\S+\\s*(?:->|=>|=|:))", "");
            Matcher vm = VALUE_MAP_LISTS.matcher(bare);
            if (vm.matches()) {
                return valueMap(split(vm.group(1), "/"), split(vm.group(2), "/"));
            }
            if (bare.contains("=") || bare.contains("->") || bare.contains("=>")) {
                String pairs = valueMapPairs(bare);
                if (pairs == null) {
                    return null;
                }
            }
            Matcher cast = CAST.matcher(bare);
            if (cast.matches() && castIsWhole(cast)
                    && !bare.toLowerCase(Locale.ROOT).transform(Rx.m(".*\\b(cents?|dollars?|currency|units?|kg|pounds?|timezone|utc)\\b.*\\bto\\b.*"))) {
                SqlType t = cast.group(1) == null ? SqlType.UNKNOWN : castType(cast.group(1));
                if (!t.known()) {
                    t = ctx.targetType();
                }
                if (!t.known()) {
                    return "cast to a type the document does not give";
                }
                if (main == null && ctx.sources().size() != 1) {
                    requireSingleSource("a cast");
                }
                SqlType target = t;
                steps.add(v -> new Expr.Cast(v, target, true));
                instructed = true;
                return null;
            }
            Matcher lookup = LOOKUP.matcher(clause);
            if (lookup.find() && ctx.references().map(lookup.group(1)).isPresent()) {
                return lookup(ctx.references().map(lookup.group(1)).get(), clause);
            }
            Matcher constant = CONSTANT.matcher(bare);
            if (constant.matches()) {
                String word = constant.group(1);
                if (word.transform(Rx.m("[A-Za-z_][\\w-]*")) && !word.equalsIgnoreCase("null") && !word.equalsIgnoreCase("true")
                        && !word.equalsIgnoreCase("false")) {
                    // "Set to status" names a column; "Set to Active" a code
                    Expr col = operand(word);
                    String name = col == INPUT ? ctx.sources().get(0).column() : col instanceof Expr.Col c ? c.column() : word;
                    if (col != null && !name.equals(word)) {
                        return "'" + word + "' may be the column " + name + " or a code; quote a code";
                    }
                    if (col != null && (!(col instanceof Expr.Col c) || ctx.known(c))) {
                        main = col;
                        instructed = true;
                        return null;
                    }
                    if (col != null || word.contains("_")) {
                        return "'" + word + "' may be a column or a code; quote a code";
                    }
                }
                Expr lit = literal(constant.group(1));
                if (lit == null) {
                    return "constant not understood";
                }
                main = lit;
                instructed = true;
                return null;
            }
            if (bare.transform(Rx.m("^'[^']*'$")) || bare.transform(Rx.m("^-?\\d+(\\.\\d+)?$"))) {
                main = literal(bare);
                instructed = true;
                return null;
            }
            Matcher prefix = PREFIX.matcher(bare);
            if (prefix.matches()) {
                String p = unquote(prefix.group(1) != null ? prefix.group(1) : prefix.group(2));
                steps.add(v -> new Expr.Concat(List.of(new Expr.Lit(p), v)));
                instructed = true;
                return null;
            }
            Matcher suffix = SUFFIX.matcher(bare);
            if (suffix.matches()) {
                String s = unquote(suffix.group(1) != null ? suffix.group(1) : suffix.group(2));
                steps.add(v -> new Expr.Concat(List.of(v, new Expr.Lit(s))));
                instructed = true;
                return null;
            }
            Matcher firstN = FIRST_N.matcher(bare);
            if (firstN.matches()) {
                ofColumn(firstN.group(3));
                long n = Long.parseLong(firstN.group(2));
                boolean left = firstN.group(1).toLowerCase(Locale.ROOT).transform(Rx.m("first|leftmost|left"));
                steps.add(v -> left ? new Expr.Substr(v, new Expr.Lit(1L), new Expr.Lit(n))
                        : new Expr.Substr(v, new Expr.Bin("+", new Expr.Bin("-", new Expr.Fn("LENGTH", List.of(v)),
                        new Expr.Lit(n)), new Expr.Lit(1L)), new Expr.Lit(n)));
                instructed = true;
                return null;
            }
            Matcher range = CHARS_RANGE.matcher(bare);
            if (range.matches()) {
                ofColumn(range.group(1));
                long a = Long.parseLong(range.group(2));
                long b = Long.parseLong(range.group(3));
                steps.add(v -> new Expr.Substr(v, new Expr.Lit(a), new Expr.Lit(b - a + 1)));
                instructed = true;
                return null;
            }
            Matcher upDown = ROUND_UP_DOWN.matcher(bare);
            if (upDown.matches()) {
                String fn = upDown.group(1).equalsIgnoreCase("up") ? "CEIL" : "FLOOR";
                steps.add(v -> new Expr.Fn(fn, List.of(numeric(v))));
                instructed = true;
                return null;
            }
            Matcher round = ROUND.matcher(bare);
            if (round.matches()) {
                long places = round.group(1) == null ? 0 : Long.parseLong(round.group(1));
                steps.add(v -> new Expr.Fn("ROUND", List.of(numeric(v), new Expr.Lit(places))));
                instructed = true;
                return null;
            }
            Matcher concat = CONCAT.matcher(bare);
            if (concat.matches()) {
                return concat(concat.group(1), concat.group(2));
            }
            Matcher d = DEFAULT.matcher(bare);
            if (d.find() && d.start() == 0 && bare.substring(d.end()).transform(Rx.m("(?i)^\\s*(?:[,;]?\\s*(?:if|when|where|for)\\s+(?:the\\s+)?(?:value\\s+|source\\s+|it\\s+)?(?:is\\s+|are\\s+)?"
                    + "(?:null|blank|empty|missing|absent|not (?:provided|available|found|given)|no match|no value)(?:\\s*(?:or|/|,)\\s*(?:null|blank|empty|missing))*)?\\s*$"))) {
                defaultValue = literal(d.group(1));
                instructed = true;
                return null;
            }
            String expr = expressionPart(clause);
            if (expr != null) {
                Expr e = tryExpression(expr);
                if (e != null) {
                    main = e;
                    instructed = true;
                    return null;
                }
            }
            if (!ACTION.matcher(bare).find() || isDescriptive(bare)) {
                notes.add(bare);
                return null;
            }
            return "rule not understood";
        }

        /** Rules with a fixed shape the general clauses would misread; NOT_MINE when the clause is none of them. */
        String special(String bare) {
            String r = dateDifference(bare);
            if (!NOT_MINE.equals(r)) {
                return r;
            }
            for (java.util.function.Function<String, String> h : List.<java.util.function.Function<String, String>>of(
                    this::epoch, this::datePattern, this::unreadDatePattern, this::valueIf, this::currentTime, this::scalar, this::dateShift)) {
                r = h.apply(bare);
                if (r == null || !r.equals(NOT_MINE)) {
                    return r;
                }
            }
            return NOT_MINE;
        }

        /** A column named in the text: the row's source (the rule's input), another column, or null. */
        Expr operand(String text) {
            if (text == null) {
                if (ctx.sources().size() != 1) {
                    throw new Flag("the rule does not name the column it applies to and the row has "
                            + ctx.sources().size() + " source columns");
                }
                return INPUT;
            }
            String t = unquote(text.trim()).replaceFirst("(?i)^the\\s+", "");
            if (t.transform(Rx.m("(?i)it|this|value|source|source value|source column|source field|field|field value|column|input|input value|string|text"))) {
                return ctx.sources().size() == 1 ? INPUT : null;
            }
            if (!t.transform(Rx.m("[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)?"))) {
                return null;
            }
            if (ctx.sources().size() == 1 && ctx.sources().get(0).column().equalsIgnoreCase(t)) {
                return INPUT;
            }
            String q = t.contains(".") ? t.substring(0, t.lastIndexOf('.')) : null;
            String n = t.contains(".") ? t.substring(t.lastIndexOf('.') + 1) : t;
            Expr e = ctx.resolve(q, n);
            // without a schema any word resolves; only identifier-like names are taken as columns
            if (e instanceof Expr.Col c && !ctx.known(c) && !n.contains("_")) {
                return null;
            }
            return e;
        }

        /** "... of last_name": the clause works on that column, which must be the source or become the value. */
        void ofColumn(String text) {
            if (text == null) {
                return;
            }
            Expr e = operandOrFlag(text.trim());
            if (e == INPUT) {
                return;
            }
            if (main != null) {
                throw new Flag("the rule works on " + text.trim() + " after computing another value");
            }
            main = e;
        }

        Expr operandOrFlag(String text) {
            Expr e = operand(text);
            if (e == null) {
                throw new Flag("unknown column " + text);
            }
            return e;
        }

        String dateDifference(String bare) {
            Matcher m = DAYS_BETWEEN.matcher(bare);
            Matcher minus = MINUS_IN_DAYS.matcher(bare);
            String unit;
            String qualifier = "";
            Expr start;
            Expr end;
            if (m.matches()) {
                qualifier = m.group(1) == null ? "" : m.group(1).trim().toLowerCase(Locale.ROOT);
                unit = m.group(2).toLowerCase(Locale.ROOT);
                if (m.group(5) != null) {
                    start = operandOrFlag(m.group(5));
                    end = new Expr.CurrentDate();
                } else {
                    start = operandOrFlag(m.group(3));
                    end = operandOrFlag(m.group(4));
                }
            } else if (minus.matches()) {
                unit = minus.group(3).toLowerCase(Locale.ROOT);
                end = operandOrFlag(minus.group(1));
                start = operandOrFlag(minus.group(2));
            } else {
                return NOT_MINE;
            }
            if (!unit.startsWith("day") || qualifier.equals("business") || qualifier.equals("working")) {
                return "only differences in calendar days are compiled; " + (qualifier.isEmpty() ? "" : qualifier + " ") + unit
                        + " need a rule for partial periods";
            }
            main = new Expr.DateDiff(start, end);
            instructed = true;
            return null;
        }

        /** A date pattern the date handler could not place must not be read as arithmetic (MM/DD/YYYY as divisions). */
        String unreadDatePattern(String bare) {
            Matcher m = DATE_PATTERN.matcher(bare);
            while (m.find()) {
                if (m.group(1).contains("%") || (m.group(1).toLowerCase(Locale.ROOT).contains("yy") && DatePatterns.fromExcel(m.group(1)) != null)) {
                    return "a date pattern in a rule that is not understood";
                }
            }
            return NOT_MINE;
        }

        String epoch(String bare) {
            if (!EPOCH.matcher(bare).find()) {
                return NOT_MINE;
            }
            String l = bare.toLowerCase(Locale.ROOT);
            for (String w : l.replaceAll("[^a-z0-9_]+", " ").trim().split(" ")) {
                boolean source = ctx.sources().stream().anyMatch(c -> c.column().equalsIgnoreCase(w));
                if (!EPOCH_WORDS.contains(w) && !source) {
                    return NOT_MINE;
                }
            }
            boolean millis = l.transform(Rx.m(".*\\b(milliseconds?|millis|ms)\\b.*"));
            boolean seconds = l.transform(Rx.m(".*\\b(seconds?|secs?|s)\\b.*"));
            if (millis == seconds) {
                return "the epoch's unit (seconds or milliseconds) is not said";
            }
            requireSingleSource("an epoch conversion");
            steps.add(v -> new Expr.EpochSeconds(millis ? new Expr.Bin("/", v, new Expr.Lit(1000L)) : v));
            instructed = true;
            return null;
        }

        /** A date pattern in the text: parse text with it, or write a date as text with it; the text and the target type say which. */
        String datePattern(String bare) {
            Matcher m = DATE_PATTERN.matcher(bare);
            List<String> patterns = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            StringBuilder rest = new StringBuilder();
            int last = 0;
            while (m.find()) {
                String fmt = DatePatterns.fromExcel(m.group(1));
                if (fmt == null || (!m.group(1).contains("%") && !m.group(1).toLowerCase(Locale.ROOT).contains("yy"))) {
                    continue;
                }
                patterns.add(fmt);
                starts.add(m.start());
                rest.append(bare, last, m.start()).append(' ');
                last = m.end();
            }
            if (patterns.isEmpty()) {
                return NOT_MINE;
            }
            rest.append(bare.substring(last));
            String words = rest.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", " ").trim();
            for (String w : words.isEmpty() ? new String[0] : words.split(" ")) {
                boolean column = ctx.sources().stream().anyMatch(c -> c.column().equalsIgnoreCase(w))
                        || w.equalsIgnoreCase(row.targetColumn());
                if (!DATE_WORDS.contains(w) && !column) {
                    return NOT_MINE;
                }
            }
            if (patterns.size() > 2) {
                return "more than two date patterns";
            }
            requireSingleSource("a date pattern");
            int input = 0;
            if (patterns.size() == 2 && bare.substring(0, starts.get(1)).toLowerCase(Locale.ROOT)
                    .transform(Rx.m("(?s).*\\bfrom\\s*['\"]?$"))) {
                input = 1;
            }
            SqlType.Kind target = ctx.targetType().kind();
            boolean textTarget = target == SqlType.Kind.VARCHAR;
            boolean temporalTarget = target == SqlType.Kind.DATE || target == SqlType.Kind.TIMESTAMP;
            if (!textTarget && !temporalTarget && target != SqlType.Kind.UNKNOWN) {
                return "a date pattern for a " + ctx.targetType().kind().name().toLowerCase(Locale.ROOT) + " target";
            }
            boolean ts = target == SqlType.Kind.TIMESTAMP;
            if (patterns.size() == 2) {
                String in = patterns.get(input);
                String out = patterns.get(1 - input);
                boolean inTs = ts || in.contains("%H");
                steps.add(v -> new Expr.ParseDate(v, in, inTs));
                if (!temporalTarget) {
                    steps.add(v -> new Expr.FormatDate(v, out));
                }
                instructed = true;
                return null;
            }
            String fmt = patterns.get(0);
            String before = bare.substring(0, starts.get(0)).toLowerCase(Locale.ROOT);
            boolean fromPattern = before.transform(Rx.m("(?s).*\\bfrom\\s*(?:the\\s+)?(?:format\\s+|pattern\\s+)?['\"]?$"));
            boolean toPattern = before.transform(Rx.m("(?s).*\\b(?:to|into|as)\\s*(?:the\\s+)?(?:format\\s+|pattern\\s+)?['\"]?$"));
            boolean formatWords = FORMAT_WORDS.matcher(bare).find();
            boolean parseWords = PARSE_WORDS.matcher(bare).find() || fromPattern;
            if (temporalTarget || (target == SqlType.Kind.UNKNOWN && !(formatWords && !parseWords))) {
                boolean t = ts || fmt.contains("%H");
                steps.add(v -> new Expr.ParseDate(v, fmt, t));
                instructed = true;
                return null;
            }
            boolean format = (formatWords || toPattern) && !parseWords;
            if (!format) {
                return parseWords ? "the text is parsed as a date but the target is text and no output format is given"
                        : "whether the pattern is the source's format or the output's is not said";
            }
            steps.add(v -> new Expr.FormatDate(v, fmt));
            instructed = true;
            return null;
        }

        /** "'Y' if amount > 1000 else 'N'", "Populate with 'N/A' if status is null", "'High' when x >= 100, 'Low' otherwise". */
        String valueIf(String bare) {
            Matcher m = VALUE_IF.matcher(bare);
            if (!m.matches()) {
                return NOT_MINE;
            }
            boolean verb = m.group(1) != null;
            String then = m.group(2);
            String otherwise = m.group(4) != null ? m.group(4) : m.group(5);
            if ((!verb && !then.transform(Rx.m("(?s)['\"].*|-?\\d.*"))) || aggregate || main != null) {
                return NOT_MINE;
            }
            Expr cond = otherwise == null ? conditionText(m.group(3)) : null;
            Expr lit = literal(valueWord(then));
            if (cond instanceof Expr.IsNull n && !n.negated() && lit != null && !(lit instanceof Expr.TypedNull)
                    && Expr.columns(n.expr()).equals(List.of(INPUT))) {
                // a value for missing source values is a default: COALESCE after blanks became NULL
                if (n.expr() instanceof Expr.Fn f && f.name().equals("NULLIF")) {
                    inputSteps.add(v -> new Expr.Fn("NULLIF", List.of(new Expr.Fn("TRIM", List.of(v)), new Expr.Lit(""))));
                }
                defaultValue = lit;
                instructed = true;
                return null;
            }
            if (m.group(1) != null && m.group(1).toLowerCase(Locale.ROOT).startsWith("default")) {
                return NOT_MINE;
            }
            String problem = ifThenElse(m.group(3), valueWord(then), otherwise == null ? null : valueWord(otherwise.trim()));
            if (problem == null && otherwise == null && main instanceof Expr.Case c && c.otherwise() == null
                    && c.whens().get(0).result() instanceof Expr.TypedNull && ctx.sources().size() == 1) {
                // "set to null if ..." blanks some values; the others are kept, not all blanked
                main = new Expr.Case(c.whens(), INPUT);
            }
            return problem;
        }

        /** A bare word as a value: a known column, a keep-the-source word, else a literal code (Y, N, Unknown). */
        String valueWord(String text) {
            String t = text.trim();
            if (t.startsWith("'") || t.startsWith("\"") || t.transform(Rx.m("-?\\d+(?:\\.\\d+)?"))
                    || t.transform(Rx.m("(?i)null|blank|empty|nothing|keep|kept|unchanged|as[- ]is|cop(?:y|ied)|(?:the )?(?:source|original) value"))) {
                return t;
            }
            if (t.contains(" ") || !Character.isUpperCase(t.charAt(0)) || ACTION.matcher(t).find()) {
                return t;
            }
            Expr e = operand(t);
            if (e != null && !(e instanceof Expr.Col c && !ctx.known(c))) {
                return t;
            }
            return "'" + t.replace("'", "''") + "'";
        }

        String currentTime(String bare) {
            Matcher m = CURRENT.matcher(bare);
            if (!m.matches()) {
                return NOT_MINE;
            }
            String w = m.group(1).toLowerCase(Locale.ROOT);
            boolean timestamp = w.transform(Rx.m("(?s).*(timestamp|time|now|datetime|getdate).*"));
            main = timestamp ? new Expr.CurrentTimestamp() : new Expr.CurrentDate();
            instructed = true;
            return null;
        }

        /** One-argument string, number and date functions written in words. */
        String scalar(String text) {
            String bare = text.replaceFirst("(?i)^pad(?:ded)?\\s+with\\s+leading\\s+", "left pad with ")
                    .replaceFirst("(?i)^pad(?:ded)?\\s+with\\s+trailing\\s+", "right pad with ");
            Matcher m;
            if ((m = TRUNCATE.matcher(bare)).matches()) {
                long n = Long.parseLong(m.group(1));
                steps.add(v -> new Expr.Substr(v, new Expr.Lit(1L), new Expr.Lit(n)));
            } else if ((m = LEFT_PAD.matcher(bare)).matches()) {
                String side = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : "left";
                String fill = m.group(3) != null ? m.group(3) : m.group(5);
                if (fill == null) {
                    return "the padding character is not said";
                }
                String f = fill.toLowerCase(Locale.ROOT);
                String c = f.startsWith("zero") || f.startsWith("0") ? "0" : f.startsWith("space") || f.startsWith("blank") ? " " : unquote(fill);
                if (c.length() != 1) {
                    return "padding with more than one character";
                }
                long n = Long.parseLong(m.group(4));
                String fn = side.toLowerCase(Locale.ROOT).startsWith("r") ? "RPAD" : "LPAD";
                steps.add(v -> new Expr.Fn(fn, List.of(v, new Expr.Lit(n), new Expr.Lit(c))));
            } else if ((m = ZERO_PAD.matcher(bare)).matches()) {
                long n = Long.parseLong(m.group(1));
                steps.add(v -> new Expr.Fn("LPAD", List.of(v, new Expr.Lit(n), new Expr.Lit("0"))));
            } else if ((m = STRIP_EDGE.matcher(bare)).matches()) {
                String fn = m.group(1).toLowerCase(Locale.ROOT).equals("leading") ? "LTRIM" : "RTRIM";
                String what = m.group(2).toLowerCase(Locale.ROOT);
                if (what.startsWith("whitespace")) {
                    return "whitespace other than spaces needs a regular expression";
                }
                String chars = what.startsWith("zero") || what.startsWith("0") ? "0" : what.startsWith("space") || what.startsWith("blank") ? null : unquote(m.group(2));
                steps.add(v -> chars == null ? new Expr.Fn(fn, List.of(v)) : new Expr.Fn(fn, List.of(v, new Expr.Lit(chars))));
            } else if ((m = REPLACE.matcher(bare)).matches()) {
                String from = unquote(m.group(1));
                String to = m.group(2).startsWith("'") || m.group(2).startsWith("\"") ? unquote(m.group(2)) : "";
                if (from.isEmpty()) {
                    return "replacing an empty string";
                }
                steps.add(v -> new Expr.Fn("REPLACE", List.of(v, new Expr.Lit(from), new Expr.Lit(to))));
            } else if ((m = REMOVE_ALL.matcher(bare)).matches()) {
                String what = m.group(1) != null ? m.group(1) : m.group(2);
                String w = what.toLowerCase(Locale.ROOT);
                String ch = w.startsWith("space") || w.startsWith("blank") ? " " : w.startsWith("hyphen") || w.startsWith("dash") ? "-"
                        : w.startsWith("dot") || w.startsWith("period") ? "." : w.startsWith("comma") ? "," : w.startsWith("slash") ? "/"
                        : w.startsWith("underscore") ? "_" : unquote(what);
                steps.add(v -> new Expr.Fn("REPLACE", List.of(v, new Expr.Lit(ch), new Expr.Lit(""))));
            } else if ((m = EXTRACT.matcher(bare)).matches() && (m.group(2) != null || bare.toLowerCase(Locale.ROOT)
                    .transform(Rx.m("^(?:extract|get|take|derive|pull)\\b.*")))) {
                String part = m.group(1).toUpperCase(Locale.ROOT);
                Expr of = operandOrFlag(m.group(2));
                main = new Expr.Extract(part, of);
            } else if ((m = UNARY.matcher(bare)).matches() && !(m.group(1) != null && m.group(2) == null
                    && !m.group(1).toLowerCase(Locale.ROOT).transform(Rx.m(".*(md5|abs).*")))) {
                String what = (m.group(1) != null ? m.group(1) : m.group(3)).toLowerCase(Locale.ROOT);
                Expr of = operandOrFlag(m.group(2) != null ? m.group(2) : m.group(4));
                String fn = what.contains("md5") ? "MD5" : what.startsWith("abs") ? "ABS" : "LENGTH";
                main = new Expr.Fn(fn, List.of(of));
            } else if ((m = MONTH_END.matcher(bare)).matches()) {
                main = new Expr.LastDay(operandOrFlag(m.group(1) != null ? m.group(1) : m.group(2)));
            } else if ((m = SCALE.matcher(bare)).matches()) {
                Expr of = operandOrFlag(m.group(2));
                Expr factor = literal(m.group(3));
                if (factor instanceof Expr.Lit l && l.value() instanceof Number num && num.doubleValue() == 0) {
                    return "a factor of zero";
                }
                main = new Expr.Bin(m.group(1).toLowerCase(Locale.ROOT).startsWith("multipl") ? "*" : "/", of, factor);
            } else if ((m = CENTS.matcher(bare)).matches()) {
                boolean fromMinor = m.group(1).toLowerCase(Locale.ROOT).transform(Rx.m("cents?|pence|pennies|minor units?"));
                boolean toMinor = m.group(2).toLowerCase(Locale.ROOT).transform(Rx.m("cents?|pence|pennies|minor units?"));
                if (fromMinor == toMinor) {
                    return "a conversion between two major or two minor currency units";
                }
                requireSingleSource("a unit conversion");
                steps.add(v -> new Expr.Bin(fromMinor ? "/" : "*", v, new Expr.Lit(100L)));
            } else {
                return NOT_MINE;
            }
            instructed = true;
            return null;
        }

        /** "order_date + 30 days", "Add 2 months to start_date", "7 days before due_date". */
        String dateShift(String bare) {
            Matcher m = DATE_SHIFT.matcher(bare);
            if (!m.matches()) {
                return NOT_MINE;
            }
            Expr base;
            boolean minus;
            long n;
            String unit;
            if (m.group(1) != null) {
                base = operandOrFlag(m.group(1));
                minus = m.group(2).equals("-") || m.group(2).equalsIgnoreCase("minus");
                n = Long.parseLong(m.group(3));
                unit = m.group(4);
            } else if (m.group(5) != null) {
                base = operandOrFlag(m.group(8));
                minus = m.group(5).equalsIgnoreCase("subtract");
                n = Long.parseLong(m.group(6));
                unit = m.group(7);
            } else {
                base = operandOrFlag(m.group(12));
                minus = m.group(11).equalsIgnoreCase("before");
                n = Long.parseLong(m.group(9));
                unit = m.group(10);
            }
            String u = unit.toUpperCase(Locale.ROOT).replaceAll("S$", "");
            if (u.equals("WEEK")) {
                u = "DAY";
                n = n * 7;
            }
            Expr amount = new Expr.Lit(n);
            main = new Expr.DateAdd(base, minus ? new Expr.Neg(amount) : amount, u);
            instructed = true;
            return null;
        }

        boolean castIsWhole(Matcher cast) {
            String type = cast.group(1);
            String tail = cast.group(2) == null ? "" : cast.group(2).trim().replaceFirst("^[,;:-]\\s*", "");
            if (type != null && !CAST_TYPE_WORD.matcher(type.replaceAll("\\s*\\(.*$", "")).matches() && !SqlType.parse(type).known()) {
                // "convert miles to km": a conversion that is not a change of type
                return false;
            }
            return CAST_TAIL.matcher(tail).matches() || CURRENCY_CODE.matcher(tail).matches();
        }

        String valueMapPairs(String bare) {
            List<String> parts = new ArrayList<>(split(bare, ",|;"));
            if (parts.size() < 1) {
                return "";
            }
            String elseText = null;
            Matcher otherwise = Rx.p("(?i)^(?:and\\s+)?(?:else|otherwise|all others|all other values|any other values?|anything else|everything else)\\s*(?:->|=>|=|:)?\\s*(.+)$")
                    .matcher(parts.get(parts.size() - 1));
            if (otherwise.matches()) {
                elseText = otherwise.group(1).trim();
                parts.remove(parts.size() - 1);
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (String p : parts) {
                Matcher m = PAIR.matcher(p);
                if (!m.matches()) {
                    return "";
                }
                map.put(unquote(m.group(1).trim()), unquote(m.group(2).trim()));
            }
            if (map.size() < (elseText == null ? 2 : 1)) {
                return "";
            }
            String r = valueMap(new ArrayList<>(map.keySet()), new ArrayList<>(map.values()));
            if (r == null && elseText != null) {
                Expr other = value(valueWord(elseText));
                if (other == null) {
                    throw new Flag("value after else not understood: \"" + elseText + "\"");
                }
                Expr.Case c = (Expr.Case) main;
                main = new Expr.Case(c.whens(), other);
                if (other instanceof Expr.Lit l) {
                    accepted.add(String.valueOf(l.value()));
                }
            }
            return r == null ? null : "";
        }

        boolean isDescriptive(String bare) {
            String l = bare.toLowerCase(Locale.ROOT);
            return l.transform(Rx.m("^(becomes?|serves?|used|retained|kept|real|primary|stored|identifies|unique|the |a |an |this |one row|represents|describes|see |note|e\\.g\\.).*"))
                    && !l.transform(Rx.m(".*\\b(resolv\\w*|look(?:ed|ing)? ?up|lookup|map(?:ped)? to|convert\\w*|pars\\w*|split\\w*|deriv\\w*|calculat\\w*|comput\\w*)\\b.*"));
        }

        String ifThenElse(String condText, String thenText, String elseText) {
            Expr cond = conditionText(condText);
            if (cond == null) {
                return "condition not understood";
            }
            Expr then = value(thenText);
            if (then == null) {
                return "value after then not understood";
            }
            Expr otherwise = elseText == null ? null : value(elseText);
            if (elseText != null && otherwise == null) {
                return "value after else not understood";
            }
            if (otherwise == null && cond instanceof Expr.IsNull n && !n.negated() && baseInput() != null
                    && (Expr.columns(n.expr()).equals(List.of(baseInput())) || Expr.columns(n.expr()).equals(List.of(INPUT)))) {
                // "if X is null then V" with no else replaces only the missing values
                otherwise = INPUT;
            }
            main = new Expr.Case(List.of(new Expr.When(cond, then)), otherwise);
            conditional = true;
            instructed = true;
            return null;
        }

        Expr conditionText(String text) {
            String t = text.trim();
            Expr left = baseInput();
            String l = t.toLowerCase(Locale.ROOT);
            String[] opWords = {"checked", "ticked", "selected", "not checked", "unchecked", "numeric", "is numeric",
                    "character", "is character", "null", "is null", "blank", "is blank", "empty", "is empty",
                    "missing", "not null", "is not null", "not blank", "populated", "present"};
            for (String w : opWords) {
                if (l.equals(w) || l.equals("it is " + w) || l.equals("value is " + w) || l.equals("source is " + w)) {
                    if (left == null) {
                        return null;
                    }
                    return condition(w.startsWith("is ") ? w : (w.equals("null") || w.equals("blank") || w.equals("empty")) ? "is " + w : w, left, null);
                }
            }
            Matcher nul = Rx.p("(?i)^(?:the\\s+)?([\\w.]+)\\s+(?:is|are)\\s+(not\\s+)?(null|empty|blank|missing)((?:\\s*(?:,|or|/)\\s*(?:null|empty|blank|missing|spaces|whitespace))*)$").matcher(t);
            if (nul.matches()) {
                Expr x = operand(nul.group(1));
                if (x == null) {
                    return null;
                }
                boolean blank = (nul.group(3) + nul.group(4)).toLowerCase(Locale.ROOT).transform(Rx.m("(?s).*(empty|blank|spaces|whitespace).*"));
                Expr tested = blank ? new Expr.Fn("NULLIF", List.of(new Expr.Fn("TRIM", List.of(x)), new Expr.Lit(""))) : x;
                return new Expr.IsNull(tested, nul.group(2) != null);
            }
            Matcher diff = Rx.p("(?i)^(?:it is |value is |)?(different (?:to|from)|not equal to|equal to|equals|same as)\\s+(.+)$").matcher(t);
            if (diff.matches() && left != null) {
                Expr right = value(diff.group(2));
                if (right == null) {
                    return null;
                }
                String op = diff.group(1).toLowerCase(Locale.ROOT);
                return new Expr.Bin(op.startsWith("different") || op.startsWith("not") ? "<>" : "=", left, right);
            }
            return tryExpression(t.replaceAll("(?i)\\bis not\\b(?!\\s+null)", "<>").replaceAll("(?i)\\bequals\\b", "=")
                    .replaceAll("(?i)\\bis\\b(?!\\s+(not\\s+)?null)", "="));
        }

        /** A value in prose: a literal, NULL, a column, "target = 'v'", or an expression. */
        Expr value(String text) {
            String t = text.trim().replaceAll("[.]+$", "").trim();
            if (t.transform(Rx.m("(?i)null|blank|empty|not submitted|leave (?:blank|empty|null)|missing|nothing"))) {
                return new Expr.TypedNull(ctx.targetType().known() ? ctx.targetType() : SqlType.VARCHAR);
            }
            Matcher assign = Rx.p("^([\\w.\\[\\]]+)\\s*=\\s*(.+)$").matcher(t);
            if (assign.matches() && selfReference(assign.group(1))) {
                return value(assign.group(2));
            }
            if ((selfReference(t) || t.transform(Rx.m("(?i)(?:keep|kept|retain|unchanged|as[- ]is|cop(?:y|ied)|(?:keep|retain|use) (?:the )?(?:source|original|existing)(?: value)?|(?:the )?(?:source|original) value)")))
                    && ctx.sources().size() == 1) {
                return INPUT;
            }
            Expr lit = literal(t);
            if (lit != null && (t.startsWith("'") || t.startsWith("\"") || t.transform(Rx.m("(?i)-?\\d+(\\.\\d+)?|true|false")))) {
                return lit;
            }
            return tryExpression(t);
        }

        String aggregate(String word, String clause, String rest) {
            String w = word.toLowerCase(Locale.ROOT);
            String fn;
            boolean distinct = false;
            if (w.startsWith("sum") || w.startsWith("total")) {
                fn = "SUM";
            } else if (w.startsWith("count") || w.equals("number")) {
                fn = "COUNT";
            } else if (w.equals("distinct count")) {
                fn = "COUNT";
                distinct = true;
            } else if (w.startsWith("min") || w.equals("earliest") || w.equals("oldest")) {
                fn = "MIN";
            } else if (w.startsWith("max") || w.equals("latest") || w.equals("most recent") || w.equals("newest")) {
                fn = "MAX";
            } else {
                fn = "AVG";
            }
            if (w.equals("number") && !clause.toLowerCase(Locale.ROOT).transform(Rx.m("^(the )?number of\\b.*"))) {
                return "rule not understood";
            }
            if (rest.toLowerCase(Locale.ROOT).transform(Rx.m(".*\\bdistinct\\b.*"))) {
                distinct = true;
            }
            Expr filter = null;
            String body = rest;
            Matcher where = WHERE.matcher(rest);
            if (where.find()) {
                filter = tryExpression(stripCommentParens(where.group(1)));
                if (filter == null) {
                    return "aggregation filter not understood";
                }
                body = rest.substring(0, where.start());
            }
            Expr arg = null;
            Matcher paren = Rx.p("\\(([^()]+)\\)").matcher(body);
            while (paren.find()) {
                String inner = paren.group(1).trim();
                if (inner.transform(Rx.m("(?i)sum|count|min|max|avg|left join|inner join|.*\\bjoin\\b.*"))) {
                    continue;
                }
                Expr e = tryExpression(inner);
                if (e != null && !Expr.columns(e).isEmpty()) {
                    arg = e;
                    break;
                }
            }
            if (arg == null) {
                Matcher colon = Rx.p(":\\s*(.+)$").matcher(body);
                if (colon.find()) {
                    arg = tryExpression(colon.group(1));
                }
            }
            if (arg == null) {
                // one column named in words: every other column or operator in the cell would be left out, so a
                // cell naming several ("sum of a + b + c") is not this shape and is flagged rather than half-read
                java.util.Set<Expr> named = new java.util.LinkedHashSet<>();
                for (String token : body.split("[^\\w.]+")) {
                    if (token.contains("_") || token.contains(".")) {
                        Expr e = tryExpression(token);
                        if (e instanceof Expr.Col) {
                            named.add(e);
                        }
                    }
                }
                if (named.size() > 1 || !named.isEmpty() && body.transform(Rx.m("(?s).*(?:[+*/]|\\s-\\s).*"))) {
                    return "an aggregate of several columns or of an expression written in words is not understood; "
                            + "write it as SQL, e.g. SUM(a + b)";
                }
                arg = named.isEmpty() ? null : named.iterator().next();
            }
            if (arg == null) {
                if (ctx.sources().size() == 1) {
                    arg = INPUT;
                } else if (fn.equals("COUNT") && ctx.sources().isEmpty()) {
                    arg = null;
                } else {
                    return "cannot tell which column to aggregate";
                }
            }
            if (fn.equals("SUM") || fn.equals("AVG")) {
                arg = numeric(arg);
            }
            Expr value = filter == null ? arg : new Expr.Case(List.of(new Expr.When(filter, arg == null ? new Expr.Lit(1L) : arg)), null);
            main = new Expr.Agg(fn, value, distinct);
            aggregate = true;
            instructed = true;
            return null;
        }

        String sentinels(String listText) {
            List<String> values = new ArrayList<>();
            Matcher q = QUOTED.matcher(listText);
            while (q.find()) {
                values.add(q.group(1) != null ? q.group(1) : q.group(2));
            }
            String l = listText.toLowerCase(Locale.ROOT);
            if (values.isEmpty()) {
                if (l.transform(Rx.m(".*\\b(blanks?|empty|whitespace)\\b.*"))) {
                    inputSteps.add(v -> new Expr.Fn("NULLIF", List.of(new Expr.Fn("TRIM", List.of(v)), new Expr.Lit(""))));
                    instructed = true;
                    return null;
                }
                if (l.transform(Rx.m(".*\\b(remaining|other|invalid|unparseable|non-numeric)\\b.*")) && (castTo != null || !steps.isEmpty())) {
                    instructed = true;
                    return null;
                }
                return "which values become NULL is not said";
            }
            if (ctx.sources().isEmpty()) {
                return "sentinel values but no source column";
            }
            List<Expr> items = values.stream().<Expr>map(Expr.Lit::new).toList();
            inputSteps.add(v -> new Expr.Case(List.of(new Expr.When(new Expr.InList(v, items, false),
                    new Expr.TypedNull(SqlType.VARCHAR))), v));
            if (l.transform(Rx.m(".*\\b(blanks?|empty)\\b.*"))) {
                inputSteps.add(v -> new Expr.Fn("NULLIF", List.of(new Expr.Fn("TRIM", List.of(v)), new Expr.Lit(""))));
            }
            instructed = true;
            return null;
        }

        String valueMap(List<String> from, List<String> to) {
            if (from.size() != to.size() || from.isEmpty()) {
                return "value map with " + from.size() + " inputs and " + to.size() + " outputs";
            }
            if (ctx.sources().size() != 1) {
                return "value map needs exactly one source column";
            }
            boolean bool = ctx.targetType().kind() == SqlType.Kind.BOOLEAN;
            List<Expr.When> whens = new ArrayList<>();
            for (int i = 0; i < from.size(); i++) {
                Expr out = mapOutput(unquote(to.get(i)), bool);
                if (out == null) {
                    return "value map output " + to.get(i) + " not understood";
                }
                whens.add(new Expr.When(new Expr.Bin("=", INPUT, new Expr.Lit(unquote(from.get(i)))), out));
                accepted.add(unquote(to.get(i)));
            }
            main = new Expr.Case(whens, null);
            instructed = true;
            return null;
        }

        Expr mapOutput(String v, boolean bool) {
            if (bool) {
                String l = v.toLowerCase(Locale.ROOT);
                if (l.transform(Rx.m("1|true|yes|y|t"))) {
                    return new Expr.Lit(Boolean.TRUE);
                }
                if (l.transform(Rx.m("0|false|no|n|f"))) {
                    return new Expr.Lit(Boolean.FALSE);
                }
            }
            if (v.equalsIgnoreCase("null")) {
                return new Expr.TypedNull(SqlType.VARCHAR);
            }
            if (v.transform(Rx.m("-?\\d+")) && ctx.targetType().numeric()) {
                return new Expr.Lit(Long.parseLong(v));
            }
            if (v.transform(Rx.m("-?\\d+\\.\\d+")) && ctx.targetType().numeric()) {
                return new Expr.Lit(new BigDecimal(v));
            }
            return new Expr.Lit(v);
        }

        String lookup(ReferenceData.LookupMap map, String clause) {
            List<Expr> keys = new ArrayList<>(ctx.sources());
            if (keys.isEmpty()) {
                return "lookup without a source column for its key";
            }
            String sep = null;
            if (keys.size() > 1) {
                sep = separatorOf(map, keys.size());
                if (sep == null) {
                    return "lookup keyed on " + keys.size() + " columns, but the keys of " + map.name()
                            + " do not show how they combine";
                }
            }
            main = ctx.lookup(map, keys, sep);
            lookupTable = map.name();
            map.entries().values().stream().distinct().forEach(accepted::add);
            instructed = true;
            return null;
        }

        String concat(String what, String sepText) {
            Expr whole = sepText == null ? tryExpression(what.trim()) : null;
            if (whole instanceof Expr.Concat) {
                main = whole;
                instructed = true;
                return null;
            }
            List<Expr> parts = new ArrayList<>();
            for (String p : what.split("\\s*(?:,|\\band\\b|\\+|&)\\s*")) {
                if (p.isBlank()) {
                    continue;
                }
                Expr e = p.trim().startsWith("'") ? literal(p.trim()) : tryExpression(p.trim());
                if (e == null) {
                    return "cannot resolve '" + p.trim() + "' in the concatenation";
                }
                parts.add(e);
            }
            if (parts.isEmpty() && ctx.sources().size() > 1) {
                parts.addAll(ctx.sources());
            }
            if (parts.size() < 2) {
                return "a concatenation needs at least two parts";
            }
            String sep = "";
            if (sepText != null) {
                String s = sepText.trim().toLowerCase(Locale.ROOT);
                Matcher q = QUOTED.matcher(sepText);
                if (q.find()) {
                    sep = q.group(1) != null ? q.group(1) : q.group(2);
                } else if (s.startsWith("space")) {
                    sep = " ";
                } else if (s.startsWith("comma")) {
                    sep = ", ";
                } else if (s.startsWith("hyphen") || s.startsWith("dash")) {
                    sep = "-";
                } else if (s.startsWith("underscore")) {
                    sep = "_";
                } else if (s.startsWith("pipe")) {
                    sep = "|";
                } else if (s.startsWith("slash")) {
                    sep = "/";
                } else if (s.startsWith("no separator") || s.startsWith("nothing")) {
                    sep = "";
                } else {
                    return "separator '" + sepText + "' not understood";
                }
            }
            List<Expr> out = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0 && !sep.isEmpty()) {
                    out.add(new Expr.Lit(sep));
                }
                out.add(parts.get(i));
            }
            main = new Expr.Concat(out);
            instructed = true;
            return null;
        }

        /** The part of a clause that may be an expression: after a colon, or the clause without commentary. */
        String expressionPart(String clause) {
            String c = clause.trim();
            int colon = c.indexOf(':');
            if (colon > 0 && colon < c.length() - 1 && !c.substring(0, colon).contains("'")) {
                String after = c.substring(colon + 1).trim();
                if (tryExpression(stripCommentParens(after)) != null) {
                    return stripCommentParens(after);
                }
            }
            if (c.transform(Rx.m(".*[-+*/]\\s*\\(.*\\).*|.*\\(.*\\)\\s*[-+*/].*")) && tryExpression(c) != null) {
                // parentheses that group arithmetic are part of the formula, not a comment
                return c;
            }
            String bare = stripCommentParens(c);
            return bare.isEmpty() ? null : bare;
        }

        Expr tryExpression(String text) {
            String t = text.trim().replaceAll("[.]+$", "").replace("×", "*").replace("÷", "/");
            if (t.isEmpty()) {
                return null;
            }
            if (t.transform(Rx.m("(?i)^(sql|expression|formula|calculated as|computed as|calculate|compute|derive(?:d)?(?: as)?)\\s*:?\\s+.+"))) {
                t = t.replaceFirst("(?i)^(sql|expression|formula|calculated as|computed as|calculate|compute|derive(?:d)?(?: as)?)\\s*:?\\s+", "");
            }
            List<String> unresolved = new ArrayList<>();
            SqlExpressionParser parser = new SqlExpressionParser((q, n) -> {
                Expr r = ctx.resolve(q, n);
                if (r == null) {
                    unresolved.add(q == null ? n : q + "." + n);
                }
                return r;
            });
            try {
                Expr e = parser.parse(t);
                if (e instanceof Expr.Col c && !ctx.known(c)) {
                    return null;
                }
                return e;
            } catch (SqlExpressionParser.NotCompilable ex) {
                return null;
            }
        }

        Expr resolveOrFlag(String qualifier, String name) {
            String n = name.trim();
            String q = qualifier;
            if (q == null && n.contains(".")) {
                q = n.substring(0, n.lastIndexOf('.'));
                n = n.substring(n.lastIndexOf('.') + 1);
            }
            Expr e = ctx.resolve(q, n);
            if (e == null) {
                throw new Flag("unknown column " + name);
            }
            return e;
        }

        SqlType castType(String word) {
            String w = word.trim().toLowerCase(Locale.ROOT);
            if (w.transform(Rx.m("numeric|number|decimal|money|currency")) && ctx.targetType().numeric()) {
                return ctx.targetType();
            }
            if (w.transform(Rx.m("int|integer|whole number|bigint")) && ctx.targetType().numeric()) {
                return ctx.targetType().kind() == SqlType.Kind.BIGINT ? SqlType.BIGINT : SqlType.INTEGER;
            }
            if (w.transform(Rx.m("text|string|varchar|char")) && ctx.targetType().kind() == SqlType.Kind.VARCHAR) {
                return ctx.targetType();
            }
            SqlType t = SqlType.parse(word);
            return t.known() ? t : ctx.targetType();
        }
    }

    // ---- helpers

    static Expr numeric(Expr e) {
        return e;
    }

    private static final class Flag extends RuntimeException {
        Flag(String message) {
            super(message);
        }
    }

    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\u2192", "->").replace("\u21d2", "->").replace("-->", "->")
                .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replace('\u2013', '-').replace('\u2014', '-').replace('\u00a0', ' ')
                .replaceAll("\\s+", " ").trim();
    }

    /** Splits into sentences and ;-clauses, outside quotes and parentheses. */
    private static final Pattern MAP_LINE = Pattern.compile("^\\s*(?:[-*\u2022]\\s+)?('[^']*'|\"[^\"]*\"|[\\w .-]{1,40}?)\\s*(?:=|->|=>|\u2192)\\s*('[^']*'|\"[^\"]*\"|[\\w .-]+?)\\s*$");
    private static final Pattern ELSE_LINE = Pattern.compile("(?i)^\\s*(?:[-*\u2022]\\s+)?(?:else|otherwise|all others?|any other(?: value)?)\\b.*$");

    /**
     * A value map written one pair per line or per ';' ("M = Male; F = Female; else Unknown") as the comma list the
     * value-map rule reads; anything else is returned unchanged.
     */
    static String valueMapLines(String raw) {
        if (raw == null || !raw.matches("(?s).*[;\\n].*")) {
            return raw;
        }
        List<String> parts = java.util.Arrays.stream(raw.split("\\s*(?:;|\\r?\\n)\\s*")).filter(p -> !p.isBlank()).toList();
        long pairs = parts.stream().filter(p -> MAP_LINE.matcher(p).matches()).count();
        boolean onlyMap = parts.stream().allMatch(p -> MAP_LINE.matcher(p).matches() || ELSE_LINE.matcher(p).matches());
        if (pairs < 2 || !onlyMap) {
            return raw;
        }
        return String.join(", ", parts.stream().map(p -> p.trim().replaceFirst("^[-*\u2022]\\s+", "")).toList());
    }

    static List<String> clauses(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' && (i == 0 || !Character.isLetter(text.charAt(i - 1)) || (i + 1 < text.length() && !Character.isLetter(text.charAt(i + 1))))) {
                if (text.indexOf('\'', i + 1) > 0) {
                    quote = c;
                }
                cur.append(c);
                continue;
            }
            if (c == '"') {
                quote = c;
                cur.append(c);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
            boolean sentenceEnd = c == '.' && depth == 0 && (i + 1 == text.length() || text.charAt(i + 1) == ' ')
                    && !endsWithAbbreviation(cur);
            if ((c == ';' && depth == 0) || sentenceEnd) {
                out.add(cur.toString().trim());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().trim());
        }
        out.removeIf(String::isBlank);
        return out;
    }

    private static boolean endsWithAbbreviation(StringBuilder cur) {
        String s = cur.toString().toLowerCase(Locale.ROOT);
        return s.endsWith("e.g") || s.endsWith("i.e") || s.endsWith("etc") || s.endsWith("vs") || s.transform(Rx.m(".*\\d$"));
    }

    /** Removes parenthesised remarks that are prose (keeps those that are part of an expression). */
    static String stripCommentParens(String s) {
        String out = s;
        for (int guard = 0; guard < 5; guard++) {
            Matcher m = Rx.p("\\s*\\(([^()]*)\\)\\s*$").matcher(out);
            if (!m.find()) {
                break;
            }
            String before = out.substring(0, m.start());
            int open = out.lastIndexOf('(');
            boolean call = open > 0 && (Character.isLetterOrDigit(out.charAt(open - 1)) || out.charAt(open - 1) == '_');
            if (before.isBlank() || call) {
                break;
            }
            out = before.trim();
        }
        return out.trim();
    }

    static Expr literal(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.matches("'(?:[^']|'')*'")) {
            return new Expr.Lit(t.substring(1, t.length() - 1).replace("''", "'"));
        }
        if (t.matches("\"[^\"]*\"")) {
            return new Expr.Lit(t.substring(1, t.length() - 1));
        }
        if (t.startsWith("'") || t.startsWith("\"")) {
            return null;
        }
        if (t.equalsIgnoreCase("zero")) {
            return new Expr.Lit(0L);
        }
        if (t.transform(Rx.m("-?\\d+"))) {
            try {
                return new Expr.Lit(Long.parseLong(t));
            } catch (NumberFormatException e) {
                return new Expr.Lit(new BigDecimal(t));
            }
        }
        if (t.transform(Rx.m("-?\\d+\\.\\d+"))) {
            return new Expr.Lit(new BigDecimal(t));
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return new Expr.Lit(Boolean.parseBoolean(t));
        }
        if (t.equalsIgnoreCase("null")) {
            return new Expr.TypedNull(SqlType.VARCHAR);
        }
        if (t.transform(Rx.m("[A-Za-z_][\\w-]*"))) {
            return new Expr.Lit(t);
        }
        return null;
    }

    static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && ((t.startsWith("'") && t.endsWith("'")) || (t.startsWith("\"") && t.endsWith("\"")))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    static List<String> split(String text, String sepRegex) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        Pattern sep = Rx.p(sepRegex);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                cur.append(c);
                continue;
            }
            if (sep.matcher(String.valueOf(c)).matches()) {
                out.add(cur.toString().trim());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        out.add(cur.toString().trim());
        out.removeIf(String::isBlank);
        return out;
    }

    static String separatorOf(ReferenceData.LookupMap map, int parts) {
        for (String sep : List.of("|", "::", ":", "/", ";", ",", "-", "_", " ")) {
            boolean all = !map.entries().isEmpty() && map.entries().keySet().stream()
                    .allMatch(k -> k.split(Pattern.quote(sep), -1).length == parts);
            if (all) {
                return sep;
            }
        }
        return null;
    }

    static Map<String, String> attributes(MappingRow row) {
        Map<String, String> out = new LinkedHashMap<>();
        row.attributes().forEach((k, v) -> {
            if (k != null && v != null && !v.isBlank() && !v.equalsIgnoreCase("NA")) {
                out.put(k.replace("\ufeff", "").trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"), v.trim());
            }
        });
        return out;
    }

    /** First attribute whose normalised key ends with one of the names. */
    static String attr(Map<String, String> attrs, String... names) {
        for (String n : names) {
            for (Map.Entry<String, String> e : attrs.entrySet()) {
                if (e.getKey().equals(n) || e.getKey().endsWith("_" + n)) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    static String lookupName(String clause) {
        Matcher m = LOOKUP.matcher(clause);
        return m.find() ? m.group(1) : "";
    }

    static Optional<String> firstQuoted(String text) {
        Matcher q = QUOTED.matcher(text);
        return q.find() ? Optional.of(q.group(1) != null ? q.group(1) : q.group(2)) : Optional.empty();
    }
}
