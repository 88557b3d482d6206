package io.aide.aihub.session;

import java.time.Instant;

/** One message of a modeler conversation; role is {@code user} or {@code assistant}. */
public record SessionMessage(String role, String content, Instant timestamp) {
}
