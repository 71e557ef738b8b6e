package dev.samovar.convert.graph;

import dev.samovar.convert.Request;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.graph.GraphModel;
import dev.samovar.io.ShardSource;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/** Shared helpers of the graph converter tests: the corpus folder, running a written graph model. */
final class GraphTesting {
    private GraphTesting() {
    }

    /** shared/models: -Dsamovar.models, else found above the working directory; null when absent. */
    static Path models() {
        String prop = System.getProperty("samovar.models");
        if (prop != null) {
            return Paths.get(prop);
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/models/saved_model"))) {
                return p.resolve("shared/models");
            }
        }
        return null;
    }

    static ShardSource folder(Path dir) {
        return new ShardSource() {
            @Override
            public long length(String path) {
                try {
                    return Files.isRegularFile(dir.resolve(path)) ? Files.size(dir.resolve(path)) : -1;
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public void read(String path, long position, byte[] dst, int offset, int length) {
                try (RandomAccessFile f = new RandomAccessFile(dir.resolve(path).toFile(), "r")) {
                    f.seek(position);
                    f.readFully(dst, offset, length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    static GraphModel load(Path dir) throws IOException {
        return GraphModel.load(Files.readString(dir.resolve("model.json")), folder(dir), dir.resolve("model.json").toString());
    }

    /** Writes {@code g} as a graph model in a temp folder and loads it. */
    static GraphModel roundTrip(TfGraph g) throws IOException {
        Path dir = Files.createTempDirectory("graph-pass");
        GraphModelWriter.write(g, dir, 4 << 20, null, null, "test");
        return load(dir);
    }

    static Request request(Path input, String format) {
        Request r = new Request();
        r.input = input;
        r.inputName = input.toString();
        r.outputName = "out";
        r.inputFormat = format;
        r.outputFormat = "tfjs_graph_model";
        return r;
    }

    /** A tensor from the corpus JSON form {dtype, shape, data}. */
    @SuppressWarnings("unchecked")
    static Tensor tensor(Map<String, Object> j) {
        List<Object> shapeL = (List<Object>) j.get("shape");
        int[] shape = new int[shapeL.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = ((Number) shapeL.get(i)).intValue();
        }
        List<Object> data = (List<Object>) j.get("data");
        String dt = (String) j.get("dtype");
        if (dt.startsWith("float")) {
            float[] v = new float[data.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = ((Number) data.get(i)).floatValue();
            }
            return Engine.get().makeTensor(v, shape, DType.FLOAT32);
        }
        int[] v = new int[data.size()];
        for (int i = 0; i < v.length; i++) {
            Object o = data.get(i);
            v[i] = o instanceof Boolean ? ((Boolean) o ? 1 : 0) : ((Number) o).intValue();
        }
        return Engine.get().makeTensor(v, shape, dt.equals("bool") ? DType.BOOL : DType.INT32);
    }

    /** Largest |a - b| / max(1, |b|) over the values; lengths must match. */
    static double relDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double scale = 1;
        for (float x : b) {
            scale = Math.max(scale, Math.abs(x));
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            if (Double.isNaN(d)) {
                if (!(Float.isNaN(a[i]) && Float.isNaN(b[i]))) {
                    return Double.POSITIVE_INFINITY;
                }
                continue;
            }
            m = Math.max(m, d / scale);
        }
        return m;
    }
}
