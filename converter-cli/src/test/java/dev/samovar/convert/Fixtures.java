package dev.samovar.convert;

import dev.samovar.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Paths, running the command in-process, running TF.js in Node, reading reference files. */
final class Fixtures {
    private Fixtures() {
    }

    static final Path ROOT = Path.of(System.getProperty("samovar.root", ".")).toAbsolutePath().normalize();

    /** The shared model corpus (read-only), or null when this checkout has none beside it. */
    static final Path MODELS = findModels();

    private static Path findModels() {
        String p = System.getProperty("samovar.models", System.getenv("SAMOVAR_MODELS"));
        List<Path> candidates = new ArrayList<>();
        if (p != null) {
            candidates.add(Path.of(p));
        }
        candidates.add(ROOT.resolve("shared/models"));
        candidates.add(ROOT.resolve("../shared/models"));
        candidates.add(ROOT.resolve("../../shared/models"));
        candidates.add(Path.of("/work/shared/models"));
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("CORPUS.md"))) {
                return c.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    static Path model(String relative) {
        return MODELS.resolve(relative);
    }

    /** The result of one run of samovar-convert. */
    static final class Run {
        final int code;
        final String out;
        final String err;

        Run(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    static Run convert(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = SamovarConvert.run(args, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs tfjs-predict.js once on all jobs; returns the answers by id. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> tfjs(List<Map<String, Object>> jobs, Path work) throws IOException,
            InterruptedException {
        Path jobsFile = work.resolve("jobs.json");
        Path answersFile = work.resolve("answers.json");
        Files.writeString(jobsFile, Json.stringify(jobs));
        Process p = new ProcessBuilder("node", ROOT.resolve("converter-cli/src/test/node/tfjs-predict.js").toString(),
                jobsFile.toString(), answersFile.toString()).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(log.lines().filter(l -> l.startsWith("tfjs-predict:")).collect(java.util.stream.Collectors.joining("\n")));
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("node tfjs-predict.js timed out");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("node tfjs-predict.js failed:\n" + log);
        }
        List<Object> answers = (List<Object>) Json.parse(Files.readString(answersFile));
        Map<String, Map<String, Object>> byId = new java.util.LinkedHashMap<>();
        for (Object a : answers) {
            Map<String, Object> m = (Map<String, Object>) a;
            byId.put((String) m.get("id"), m);
        }
        return byId;
    }

    /** A tensor from a JSON answer or reference: {shape, data}. */
    static final class Tensor {
        final int[] shape;
        final double[] data;

        Tensor(int[] shape, double[] data) {
            this.shape = shape;
            this.data = data;
        }

        @SuppressWarnings("unchecked")
        static Tensor of(Object json) {
            Map<String, Object> m = (Map<String, Object>) json;
            List<Object> s = (List<Object>) m.get("shape");
            int[] shape = new int[s.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = ((Number) s.get(i)).intValue();
            }
            if (m.get("b64") != null) {
                ByteBuffer b = ByteBuffer.wrap(java.util.Base64.getDecoder().decode((String) m.get("b64")))
                        .order(ByteOrder.LITTLE_ENDIAN);
                double[] data = new double[b.remaining() / 4];
                for (int i = 0; i < data.length; i++) {
                    data[i] = b.getFloat();
                }
                return new Tensor(shape, data);
            }
            List<Object> d = (List<Object>) m.get("data");
            double[] data = new double[d.size()];
            for (int i = 0; i < data.length; i++) {
                data[i] = ((Number) d.get(i)).doubleValue();
            }
            return new Tensor(shape, data);
        }

        Map<String, Object> toJson() {
            List<Object> s = new ArrayList<>();
            for (int x : shape) {
                s.add((double) x);
            }
            List<Object> d = new ArrayList<>();
            for (double x : data) {
                d.add(x);
            }
            return new java.util.LinkedHashMap<>(Map.of("shape", s, "data", d));
        }

        String shapeString() {
            return java.util.Arrays.toString(shape);
        }
    }

    /** A NumPy .npy file (float32 / float64, C order). */
    static Tensor npy(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        b.position(6);
        int major = b.get();
        b.get();
        int headerLen = major == 1 ? b.getShort() & 0xffff : b.getInt();
        byte[] h = new byte[headerLen];
        b.get(h);
        String header = new String(h, StandardCharsets.ISO_8859_1);
        String descr = header.replaceAll("(?s).*'descr':\\s*'([^']+)'.*", "$1");
        if (header.contains("'fortran_order': True")) {
            throw new IOException(file + ": Fortran order not supported");
        }
        String dims = header.replaceAll("(?s).*'shape':\\s*\\(([^)]*)\\).*", "$1");
        List<Integer> shape = new ArrayList<>();
        for (String d : dims.split(",")) {
            if (!d.trim().isEmpty()) {
                shape.add(Integer.parseInt(d.trim()));
            }
        }
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            switch (descr) {
                case "<f8":
                    data[i] = b.getDouble();
                    break;
                case "<f4":
                    data[i] = b.getFloat();
                    break;
                default:
                    throw new IOException(file + ": dtype " + descr + " not supported");
            }
        }
        return new Tensor(shape.stream().mapToInt(Integer::intValue).toArray(), data);
    }

    /** Max |a - b| (shapes must agree). */
    static double maxDiff(Tensor a, Tensor b) {
        if (!java.util.Arrays.equals(a.shape, b.shape)) {
            throw new AssertionError("shape " + a.shapeString() + " != " + b.shapeString());
        }
        double m = 0;
        for (int i = 0; i < a.data.length; i++) {
            m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
        }
        return m;
    }
}
