package io.aide.validation;

import java.util.List;
import java.util.Objects;

/** A check the validator will run; planned up front so a run can report index/total as it goes. */
public record PlannedCheck(String check, String target, String column, String dialect, List<String> mappingRefs) {
    public PlannedCheck {
        Objects.requireNonNull(check, "check");
        mappingRefs = mappingRefs == null ? List.of() : List.copyOf(mappingRefs);
    }
}
