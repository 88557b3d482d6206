package io.aide.parser;

/**
 * A file the parser refuses. {@link #code()} is stable (clients and problem+json responses match on it),
 * the message names the file (and sheet/row where relevant) and says what to do.
 */
public class MappingFileException extends Exception {

    public static final String ENCRYPTED = "bad_mapping_file:encrypted";
    public static final String ZIP_BOMB = "bad_mapping_file:zip_bomb";
    public static final String UNSAFE_XML = "bad_mapping_file:unsafe_xml";
    public static final String CORRUPT = "bad_mapping_file:corrupt";
    public static final String WRONG_EXTENSION = "bad_mapping_file:wrong_extension";
    public static final String EMPTY = "bad_mapping_file:empty";
    public static final String TOO_LARGE = "bad_mapping_file:too_large";
    public static final String TOO_MANY_ROWS = "bad_mapping_file:too_many_rows";
    public static final String TOO_MANY_COLUMNS = "bad_mapping_file:too_many_columns";
    public static final String NOT_A_MAPPING = "bad_mapping_file:not_a_mapping";
    public static final String UNSUPPORTED_FORMAT = "bad_mapping_file:unsupported_format";

    private final String code;
    private final int httpStatus;
    private final String fileName;

    public MappingFileException(String code, String fileName, String message) {
        this(code, fileName, message, null);
    }

    public MappingFileException(String code, String fileName, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.fileName = fileName;
        this.httpStatus = statusOf(code);
    }

    /** Stable machine-readable code, e.g. {@code bad_mapping_file:encrypted}. */
    public String code() {
        return code;
    }

    /** The HTTP status a service answers with: 400, 413, 415 or 422. */
    public int httpStatus() {
        return httpStatus;
    }

    public String fileName() {
        return fileName;
    }

    /** Short human title for problem+json. */
    public String title() {
        return switch (code) {
            case ENCRYPTED -> "Encrypted workbook";
            case ZIP_BOMB -> "Workbook expands too much";
            case UNSAFE_XML -> "Workbook contains XML entity declarations";
            case CORRUPT -> "Corrupt or truncated file";
            case WRONG_EXTENSION -> "File content does not match its extension";
            case EMPTY -> "Empty file";
            case TOO_LARGE -> "File too large";
            case TOO_MANY_ROWS -> "Too many rows";
            case TOO_MANY_COLUMNS -> "Too many columns";
            case NOT_A_MAPPING -> "No mapping found";
            case UNSUPPORTED_FORMAT -> "Unsupported file format";
            default -> "Bad mapping file";
        };
    }

    public static int statusOf(String code) {
        return switch (code) {
            case ZIP_BOMB, TOO_LARGE, TOO_MANY_ROWS, TOO_MANY_COLUMNS -> 413;
            case WRONG_EXTENSION, UNSUPPORTED_FORMAT -> 415;
            case ENCRYPTED, NOT_A_MAPPING -> 422;
            default -> 400;
        };
    }
}
