package io.aide.document.service;

import java.nio.file.Path;

/** One file part of a multipart upload: the name the user gave it and where the HTTP layer spooled it. */
public record UploadedFile(String fileName, Path path) {
}
