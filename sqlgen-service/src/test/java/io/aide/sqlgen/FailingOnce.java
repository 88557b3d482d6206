package io.aide.sqlgen;

import io.aide.compiler.CompilationResult;
import io.aide.compiler.CompileListener;
import io.aide.compiler.SchemaCatalog;
import io.aide.events.spec.MappingSpec;
import io.aide.sqlgen.service.RuleCompilerAdapter;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The real compiler, except that compiling one target throws the first time, as a crash mid-generation would. */
final class FailingOnce extends RuleCompilerAdapter {
    private final String failingTarget;
    private final AtomicBoolean failed = new AtomicBoolean();

    FailingOnce(String failingTarget) {
        this.failingTarget = failingTarget;
    }

    @Override
    public CompilationResult compile(MappingSpec spec, List<String> sqlDialects, List<String> targets,
                                     SchemaCatalog catalog, CompileListener listener) {
        if (targets.contains(failingTarget) && failed.compareAndSet(false, true)) {
            throw new IllegalStateException("simulated failure in " + failingTarget);
        }
        return super.compile(spec, sqlDialects, targets, catalog, listener);
    }
}
