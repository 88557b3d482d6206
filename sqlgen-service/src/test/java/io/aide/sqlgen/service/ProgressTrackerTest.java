package io.aide.sqlgen.service;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTrackerTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void shouldEstimateCompletionFromTheMeasuredRate() {
        // Given: 100 rows, 25 compiled in the first second
        ManualClock clock = new ManualClock();
        ProgressTracker tracker = new ProgressTracker(clock, 100, 0, 2, 0, Duration.ofMillis(250), Duration.ZERO);
        tracker.startTarget("orders");

        // When
        clock.now = clock.now.plusSeconds(1);
        tracker.update(25, 1);

        // Then: 75 rows left at 25 rows/s
        assertThat(tracker.estimatedCompletion()).isEqualTo(clock.now.plusSeconds(3));
        assertThat(tracker.percentage()).isEqualTo(25);
        assertThat(tracker.stats()).containsEntry("rows_compiled", 25).containsEntry("total_rows", 100)
                .containsEntry("columns_flagged", 1).containsEntry("target", "orders");
    }

    @Test
    void shouldCountRowsOfTargetsCompiledBeforeAResumeWithoutCreditingTheirTime() {
        // Given: half the rows were compiled by an earlier run
        ManualClock clock = new ManualClock();
        ProgressTracker tracker = new ProgressTracker(clock, 100, 50, 2, 1, Duration.ofMillis(250), Duration.ZERO);
        tracker.startTarget("customers");

        // When
        clock.now = clock.now.plusSeconds(2);
        tracker.update(10, 0);

        // Then: 10 rows in 2 s, 40 left
        assertThat(tracker.rowsCompiled()).isEqualTo(60);
        assertThat(tracker.estimatedCompletion()).isEqualTo(clock.now.plusSeconds(8));
        assertThat(tracker.stats()).containsEntry("targets_completed", 1);
    }

    @Test
    void shouldAddTheStagesAfterCompilingToTheEstimate() {
        // Given: 100 rows, and the validation after them expected to take 6 s
        ManualClock clock = new ManualClock();
        ProgressTracker tracker = new ProgressTracker(clock, 100, 0, 2, 0, Duration.ofMillis(250),
                Duration.ofSeconds(6));
        tracker.startTarget("orders");

        // When: half the rows in 2 s
        clock.now = clock.now.plusSeconds(2);
        tracker.update(50, 0);

        // Then: 2 s of compiling left, then the validation
        assertThat(tracker.estimatedCompletion()).isEqualTo(clock.now.plusSeconds(8));
    }

    @Test
    void shouldExpectAValidationToTakeItsTimePerTargetButNeverLongerThanItsTimeout() {
        // Given / When
        Duration few = CompletionEstimates.bounded(Duration.ofMillis(1500), 4, Duration.ofSeconds(60));
        Duration many = CompletionEstimates.bounded(Duration.ofSeconds(2), 100, Duration.ofSeconds(60));
        Duration none = CompletionEstimates.bounded(Duration.ofSeconds(2), 0, Duration.ofSeconds(60));

        // Then
        assertThat(few).isEqualTo(Duration.ofSeconds(6));
        assertThat(many).isEqualTo(Duration.ofSeconds(60));
        assertThat(none).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldThrottleProgressEventsToOnePerInterval() {
        // Given
        ManualClock clock = new ManualClock();
        ProgressTracker tracker = new ProgressTracker(clock, 10, 0, 1, 0, Duration.ofMillis(250), Duration.ZERO);

        // When
        boolean first = tracker.due();
        clock.now = clock.now.plusMillis(100);
        boolean tooSoon = tracker.due();
        clock.now = clock.now.plusMillis(200);
        boolean later = tracker.due();

        // Then
        assertThat(first).isTrue();
        assertThat(tooSoon).isFalse();
        assertThat(later).isTrue();
    }
}
