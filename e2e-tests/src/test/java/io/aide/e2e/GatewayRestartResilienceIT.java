package io.aide.e2e;

import io.aide.e2e.EventsTopic.Streamed;
import io.aide.e2e.Stack.SseEvent;
import io.aide.e2e.Stack.SseStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway crashes (SIGKILL) right after accepting a generation and comes back: the events the services produced
 * while it was away reach its replay buffer from the consumer group's committed offsets, and a browser resuming with
 * Last-Event-ID gets every event of the generation exactly once, then {@code done}.
 */
class GatewayRestartResilienceIT {
    private static String alice;

    @BeforeAll
    static void login() {
        alice = Stack.token("alice", "alice");
    }

    @AfterAll
    static void gatewayBack() {
        Components.start("gateway");
    }

    @Test
    void shouldDeliverEveryEventExactlyOnceToAClientResumingAfterAGatewayCrash() throws Exception {
        // Given: a parsed mapping and a stream opened before the generation, as the portal does
        Resilience.Running running = Resilience.generationWithOpenStream(alice);
        String generationId = running.generationId();
        SseStream first = running.stream();
        CompletableFuture<List<SseEvent>> firstRead = running.untilDone();
        HttpResponse<String> started = running.started();

        // When: the gateway is killed once the stream has its first events, the generation finishes without it, and
        // the gateway starts again
        Components.kill("gateway");
        List<SseEvent> beforeCrash = firstRead.handle((events, failure) -> first.snapshot()).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Resilience.terminal(EventsTopic.streamedEvents(generationId)));
        Components.start("gateway");
        String lastEventId = Resilience.lastId(beforeCrash);
        SseStream resumed = Stack.events(alice, generationId, lastEventId);
        List<SseEvent> afterRestart = CompletableFuture.supplyAsync(() -> resumed.readUntil("done"))
                .get(120, TimeUnit.SECONDS);

        // Then: what the browser saw before and after the crash is the topic's record list, each once, then done
        List<Streamed> produced = EventsTopic.streamedEvents(generationId);
        List<SseEvent> seen = new ArrayList<>(beforeCrash);
        seen.addAll(afterRestart);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(resumed.status).isEqualTo(200);
        assertThat(produced).extracting(Streamed::event).contains("hashmap_sync", "block_update", "generation_complete");
        assertThat(beforeCrash).isNotEmpty();
        assertThat(Resilience.withIds(seen)).as("events seen across the crash (the first stream saw %d)",
                beforeCrash.size()).containsExactlyElementsOf(Resilience.asSeen(produced));
        assertThat(afterRestart.get(afterRestart.size() - 1).event()).isEqualTo("done");
    }
}
