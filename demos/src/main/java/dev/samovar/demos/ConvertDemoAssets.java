package dev.samovar.demos;

import dev.samovar.convert.SamovarConvert;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.LayersModel;
import dev.samovar.layers.io.ModelFiles;
import dev.samovar.ops.Creation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Build step of the convert-and-run demo ({@code demos/pom.xml}): converts
 * {@code demos/src/main/keras/cnn_batch_norm.h5} with converter-cli (as {@code bin/samovar-convert
 * --input_format keras} does) into {@code OUT/model/}, runs the converted model on the JVM on
 * {@code input.npy}, and writes {@code OUT/jvm-outputs.json}: the inputs, the JVM's outputs (values
 * and printed text) and Keras's own predictions ({@code predictions.npy}), which the page compares
 * with its own run.
 */
public final class ConvertDemoAssets {
    private ConvertDemoAssets() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ConvertDemoAssets KERAS_DIR OUT_DIR");
            System.exit(2);
        }
        Path keras = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path h5 = keras.resolve("cnn_batch_norm.h5");
        Path modelDir = out.resolve("model");
        deleteTree(modelDir);
        Files.createDirectories(out);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(log, true, StandardCharsets.UTF_8);
        int rc = SamovarConvert.run(new String[] {"--input_format", "keras", h5.toString(), modelDir.toString()}, ps, ps);
        if (rc != 0) {
            throw new IllegalStateException("samovar-convert failed on " + h5 + " (exit " + rc + "):\n" + log);
        }
        Npy input = Npy.read(keras.resolve("input.npy"));
        Npy keras1 = Npy.read(keras.resolve("predictions.npy"));
        LayersModel model = (LayersModel) ModelFiles.load(modelDir.resolve("model.json"));
        Tensor x = Creation.tensor(input.data, input.shape);
        Tensor y = model.predict(x);
        float[] values = y.dataSync().clone();
        StringBuilder json = new StringBuilder();
        json.append("{\"source\":").append(quote("cnn_batch_norm.h5 converted by samovar-convert, run on the JVM"))
                .append(",\"convertLog\":").append(quote(log.toString(StandardCharsets.UTF_8)))
                .append(",\"inputs\":[{\"dtype\":\"float32\",\"shape\":").append(shape(input.shape))
                .append(",\"data\":").append(array(input.data)).append("}]")
                .append(",\"outputs\":[{\"shape\":").append(shape(y.shape())).append(",\"data\":").append(array(values))
                .append(",\"text\":").append(quote(y.toString())).append("}]")
                .append(",\"keras\":{\"shape\":").append(shape(keras1.shape)).append(",\"data\":")
                .append(array(keras1.data)).append("}}\n");
        Files.writeString(out.resolve("jvm-outputs.json"), json.toString());
        x.dispose();
        y.dispose();
        System.out.println("convert demo: " + modelDir + " and jvm-outputs.json (" + values.length + " outputs; "
                + Engine.get().memory() + ")");
    }

    /** A NumPy .npy file of little-endian float32 or float64 in C order. */
    static final class Npy {
        final int[] shape;
        final float[] data;

        Npy(int[] shape, float[] data) {
            this.shape = shape;
            this.data = data;
        }

        static Npy read(Path file) throws IOException {
            byte[] b = Files.readAllBytes(file);
            if (b.length < 10 || (b[0] & 0xff) != 0x93 || b[1] != 'N') {
                throw new IllegalArgumentException(file + ": not a NumPy .npy file (magic \\x93NUMPY expected)");
            }
            int headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
            String header = new String(b, 10, headerLen, StandardCharsets.US_ASCII);
            Matcher d = Pattern.compile("'descr':\\s*'([<>|]?[a-z]\\d)'").matcher(header);
            Matcher s = Pattern.compile("'shape':\\s*\\(([^)]*)\\)").matcher(header);
            if (!d.find() || !s.find() || header.contains("'fortran_order': True")) {
                throw new IllegalArgumentException(file + ": header " + header.trim()
                        + ": expected descr '<f4' or '<f8', C order and a shape");
            }
            List<Integer> dims = new ArrayList<>();
            for (String part : s.group(1).split(",")) {
                if (!part.isBlank()) {
                    dims.add(Integer.parseInt(part.trim()));
                }
            }
            int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
            int size = 1;
            for (int v : shape) {
                size *= v;
            }
            ByteBuffer buf = ByteBuffer.wrap(b, 10 + headerLen, b.length - 10 - headerLen).order(ByteOrder.LITTLE_ENDIAN);
            float[] data = new float[size];
            switch (d.group(1)) {
                case "<f4":
                    for (int i = 0; i < size; i++) {
                        data[i] = buf.getFloat();
                    }
                    break;
                case "<f8":
                    for (int i = 0; i < size; i++) {
                        data[i] = (float) buf.getDouble();
                    }
                    break;
                default:
                    throw new IllegalArgumentException(file + ": descr '" + d.group(1) + "': expected '<f4' or '<f8'");
            }
            return new Npy(shape, data);
        }
    }

    private static String shape(int[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ",").append(shape[i]);
        }
        return sb.append(']').toString();
    }

    private static String array(float[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalStateException("non-finite value " + v[i] + " at " + i);
            }
            // Float.toString gives the shortest text that reads back as the same float32.
            sb.append(i == 0 ? "" : ",").append(Float.toString(v[i]));
        }
        return sb.append(']').toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(q);
            }
        }
    }
}
