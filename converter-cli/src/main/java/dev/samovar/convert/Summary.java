package dev.samovar.convert;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a conversion did, printed at the end (to stdout): layers, parameters, bytes, shards, quantization, notes. */
public final class Summary {
    public String input;
    public String output;
    /** "Keras HDF5", "Keras 3 .keras archive", "TF.js layers model", ... */
    public String inputKind;
    /** "TF.js layers model", "Keras HDF5", ... */
    public String outputKind;
    public int layers = -1;
    public long parameters = -1;
    public int weights;
    /** Weight bytes as float32 / int32 before quantization. */
    public long sourceBytes;
    /** Bytes of the weight files written (shards, or the .h5). */
    public long writtenBytes;
    public final List<String> files = new ArrayList<>();
    /** Quantization dtype -> number of weights stored with it. */
    public final Map<String, Integer> quantized = new LinkedHashMap<>();
    /** Quantization dtype -> largest dequantization error bound (scale / 2) over its weights. */
    public final Map<String, Double> maxError = new LinkedHashMap<>();
    public final List<String> notes = new ArrayList<>();
    public double seconds;

    public static String mb(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    public void print(PrintStream out) {
        out.println("samovar-convert: " + input + " (" + inputKind + ") -> " + output + " (" + outputKind + ")");
        StringBuilder sb = new StringBuilder("  ");
        if (layers >= 0) {
            sb.append(layers).append(" layers, ");
        }
        if (parameters >= 0) {
            sb.append(String.format(Locale.ROOT, "%,d", parameters)).append(" parameters, ");
        }
        sb.append(weights).append(" weights, ").append(mb(sourceBytes)).append(" of weights -> ").append(mb(writtenBytes))
                .append(" written in ").append(files.size()).append(files.size() == 1 ? " file" : " files");
        out.println(sb);
        if (!files.isEmpty()) {
            out.println("  files: " + (files.size() <= 6 ? String.join(", ", files)
                    : String.join(", ", files.subList(0, 3)) + ", ..., " + files.get(files.size() - 1)));
        }
        if (quantized.isEmpty()) {
            out.println("  quantization: none");
        } else {
            List<String> q = new ArrayList<>();
            for (Map.Entry<String, Integer> e : quantized.entrySet()) {
                Double err = maxError.get(e.getKey());
                q.add(e.getValue() + (e.getValue() == 1 ? " weight " : " weights ") + e.getKey()
                        + (err == null ? "" : String.format(Locale.ROOT, " (max error %.3g)", err)));
            }
            out.println("  quantization: " + String.join(", ", q));
        }
        for (String n : notes) {
            out.println("  note: " + n);
        }
        out.println(String.format(Locale.ROOT, "  done in %.2f s", seconds));
    }
}
