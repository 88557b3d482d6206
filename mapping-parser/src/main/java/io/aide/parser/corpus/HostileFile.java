package io.aide.parser.corpus;

import java.nio.file.Path;

/**
 * One generated file of the hostile corpus.
 *
 * @param expectedCode   the {@code MappingFileException.code()} the parser must answer, or null when the file must parse
 * @param expectedStatus the HTTP status for that code, or 200 when the file must parse
 * @param description    what is hostile about it
 */
public record HostileFile(String name, Path path, String expectedCode, int expectedStatus, String description) {

    public boolean mustParse() {
        return expectedCode == null;
    }
}
