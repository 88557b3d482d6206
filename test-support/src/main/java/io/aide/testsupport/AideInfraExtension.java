package io.aide.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** JUnit 5 side of {@link WithAideInfra}. */
public class AideInfraExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        AideTestEnvironment.ensureRunning();
    }
}
