package io.aide.sqlgen;

import io.aide.compiler.CompilationResult;
import io.aide.compiler.CompileListener;
import io.aide.compiler.SchemaCatalog;
import io.aide.events.spec.MappingSpec;
import io.aide.sqlgen.service.RuleCompilerAdapter;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The real compiler, except that it holds one target until the test lets it go, as a long target would take time. */
final class PausingOn extends RuleCompilerAdapter {
    private final String target;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    PausingOn(String target) {
        this.target = target;
    }

    @Override
    public CompilationResult compile(MappingSpec spec, List<String> sqlDialects, List<String> targets,
                                     SchemaCatalog catalog, CompileListener listener) {
        if (targets.contains(target) && released.getCount() > 0) {
            reached.countDown();
            try {
                if (!released.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released " + target);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return super.compile(spec, sqlDialects, targets, catalog, listener);
    }

    /** Waits until the run is compiling the held target. */
    void awaitReached() throws InterruptedException {
        if (!reached.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the run never reached " + target);
        }
    }

    void release() {
        released.countDown();
    }
}
