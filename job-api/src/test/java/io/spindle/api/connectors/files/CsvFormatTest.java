package io.spindle.api.connectors.files;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFormatTest {

    private static String written(BulkFormat<List<?>> format, List<?>... records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BulkWriter<List<?>> writer = format.create(out);
        for (List<?> record : records) {
            writer.write(record);
        }
        writer.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainFieldsAreWrittenAsTheyAre() throws IOException {
        assertThat(written(RowFormat.csv(r -> r), List.of("a", 1, 2.5), List.of("b c", -3, true)))
                .isEqualTo("a,1,2.5\nb c,-3,true\n");
    }

    @Test
    void aFieldWithASeparatorQuoteOrLineBreakIsQuotedWithItsQuotesDoubled() throws IOException {
        assertThat(written(RowFormat.csv(r -> r), List.of("a,b", "say \"hi\"", "two\nlines", "cr\r")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\n");
    }

    @Test
    void nullIsAnEmptyField() throws IOException {
        assertThat(written(RowFormat.csv(r -> r), Arrays.asList(null, "x", null))).isEqualTo(",x,\n");
    }

    @Test
    void theHeaderStartsEveryPartEvenAnEmptyOne() throws IOException {
        CsvFormat<List<?>> format = RowFormat.<List<?>>csv(r -> r).withHeader("name", "note, quoted");

        assertThat(written(format, List.of("a", "b"))).isEqualTo("name,\"note, quoted\"\na,b\n");
        assertThat(written(format)).isEqualTo("name,\"note, quoted\"\n");
    }
}
