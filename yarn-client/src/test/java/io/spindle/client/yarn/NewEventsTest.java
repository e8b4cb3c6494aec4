package io.spindle.client.yarn;

import com.fasterxml.jackson.jr.ob.JSON;
import io.spindle.protocol.status.StatusDocument;
import io.spindle.client.rest.TestingStatusDocuments;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NewEventsTest {

    private final NewEvents events = new NewEvents(ZoneOffset.UTC);

    /** A document of AM attempt {@code attempt} holding events with these seq numbers, one second apart. */
    private static StatusDocument document(int attempt, long... seqs) throws IOException {
        Map<String, Object> document = TestingStatusDocuments.running(attempt);
        List<Map<String, Object>> events = new ArrayList<>();
        for (long seq : seqs) {
            events.add(Map.of("seq", seq, "time_ms", 1_700_000_000_000L + 1000 * seq, "kind", "deployed",
                    "message", attempt + "." + seq));
        }
        document.put("events", events);
        return StatusDocument.parse(JSON.std.asString(document));
    }

    @Test
    void formatsEachEventAsTimeAndMessage() throws IOException {
        assertThat(events.lines(document(1, 1, 2))).containsExactly("22:13:21 1.1", "22:13:22 1.2");
    }

    @Test
    void anEventPolledAgainIsNotRepeated() throws IOException {
        events.lines(document(1, 1, 2));

        assertThat(events.lines(document(1, 1, 2))).isEmpty();
        assertThat(events.lines(document(1, 1, 2, 3))).containsExactly("22:13:23 1.3");
    }

    @Test
    void eventsThatLeftABoundedListAreNotMissedOrRepeated() throws IOException {
        events.lines(document(1, 1, 2, 3));

        assertThat(events.lines(document(1, 3, 4, 5))).containsExactly("22:13:24 1.4", "22:13:25 1.5");
    }

    @Test
    void aNewAttemptStartsItsOwnNumbering() throws IOException {
        events.lines(document(1, 1, 2, 3));

        assertThat(events.lines(document(2, 1))).containsExactly("22:13:21 2.1");
        assertThat(events.lines(document(2, 1, 2))).containsExactly("22:13:22 2.2");
    }

    @Test
    void aDocumentOfAnEarlierAttemptPrintsOnlyWhatWasNotSeen() throws IOException {
        events.lines(document(1, 1));
        events.lines(document(2, 1, 2));

        assertThat(events.lines(document(1, 1, 2))).containsExactly("22:13:22 1.2");
    }
}
