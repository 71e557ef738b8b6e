package dev.samovar.web;

import dev.samovar.data.Csv;
import dev.samovar.data.ShuffleRandom;
import java.util.List;
import org.teavm.jso.JSExport;

/** tf.data's numbers and parsing for the page: shuffle randomness (seedrandom alea), CSV rows and values. */
public final class DataBridge {
    private DataBridge() {
    }

    @JSExport
    public static ShuffleRandom random(String seed) {
        return new ShuffleRandom(seed);
    }

    @JSExport
    public static String iterationSeed(ShuffleRandom r, boolean reshuffleEachIteration) {
        return r.iterationSeed(reshuffleEachIteration);
    }

    @JSExport
    public static int randomIndex(ShuffleRandom r, int n) {
        return r.index(n);
    }

    /** The fields of a CSV line joined by NUL (the JS side splits them). */
    @JSExport
    public static String parseRow(String line, String delimiter, boolean delimWhitespace) {
        List<String> fields = Csv.parseRow(line, delimiter.isEmpty() ? ',' : delimiter.charAt(0), delimWhitespace);
        return fields.size() + "\u0000" + String.join("\u0000", fields);
    }

    /** JavaScript's Number(text) as TF.js's CSV reader applies it (NaN: not a number). */
    @JSExport
    public static double toNumber(String text) {
        return Csv.toNumber(text);
    }

    @JSExport
    public static double floor(double v) {
        return Math.floor(v);
    }

    @JSExport
    public static int toBoolean(String text) {
        return Csv.toBoolean(text);
    }
}
