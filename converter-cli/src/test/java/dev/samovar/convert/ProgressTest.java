package dev.samovar.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
    static List<String> lines(long total, long step) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(b, true, StandardCharsets.UTF_8);
        Progress p = new Progress(err, false, total, "weights");
        for (long done = 0; done < total; done += step) {
            p.advance(Math.min(step, total - done));
        }
        String s = b.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    @Test
    void modelsOverFourMibReportEveryTenthOnStderr() {
        List<String> l = lines(10L << 20, 1L << 20);
        assertEquals(10, l.size(), String.join("\n", l));
        assertEquals("samovar-convert: weights 10% (1.0 MiB of 10.0 MiB)", l.get(0));
        assertEquals("samovar-convert: weights 100% (10.0 MiB of 10.0 MiB)", l.get(9));
    }

    @Test
    void smallModelsConvertSilently() {
        assertEquals(List.of(), lines(3L << 20, 1L << 18));
    }
}
