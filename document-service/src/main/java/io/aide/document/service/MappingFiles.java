package io.aide.document.service;

import io.aide.document.config.DocumentConfig;
import io.aide.events.spec.MappingSpec;
import io.aide.parser.FileInspection;
import io.aide.parser.MappingFileException;
import io.aide.parser.MappingParser;
import io.aide.parser.ParseOptions;
import io.aide.parser.ParserLimits;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;

/** The mapping-parser library with this service's limits. */
@ApplicationScoped
public class MappingFiles {
    private final MappingParser parser;

    public MappingFiles(DocumentConfig config) {
        this.parser = new MappingParser(ParserLimits.defaults().withMaxBytes(config.upload().maxBytes()));
    }

    /** Container-level check before anything is stored; throws for a file the parser would refuse. */
    public FileInspection inspect(Path file, String fileName) throws MappingFileException {
        return parser.inspect(file, fileName);
    }

    public MappingSpec parse(Path file, String fileName, ParseOptions options) throws MappingFileException {
        return parser.parse(file, fileName, options);
    }
}
