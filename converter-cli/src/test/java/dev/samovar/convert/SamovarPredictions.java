package dev.samovar.convert;

import dev.samovar.convert.Fixtures.Tensor;
import dev.samovar.core.DType;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.engine.LayersModel;
import dev.samovar.layers.io.ModelFiles;
import dev.samovar.ops.Creation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Samovar's side of the corpus check: a converted model (samovar-convert's output folder) loaded by
 * Samovar's layers on the JVM (dev.samovar.layers.io.ModelFiles) and run on the inputs TF.js 4.22 was
 * given; the outputs are returned for comparison with TF.js's and the corpus references.
 */
final class SamovarPredictions {
    private SamovarPredictions() {
    }

    /** Thrown for a failure in Samovar (load or predict), with the step that failed. */
    static final class SamovarFailure extends RuntimeException {
        SamovarFailure(String step, Throwable cause) {
            super(step + ": " + cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage()), cause);
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "null";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Loads the model in outputDir and predicts on inputs; null inputs: load only, returns the weights by name. */
    static List<Tensor> predict(Path outputDir, List<Tensor> inputs) {
        LayersModel model;
        try {
            model = (LayersModel) ModelFiles.load(outputDir.resolve("model.json"));
        } catch (RuntimeException | Error e) {
            throw new SamovarFailure("load", e);
        }
        List<dev.samovar.core.Tensor> xs = new ArrayList<>();
        try {
            List<Tensor> out = new ArrayList<>();
            if (inputs == null) {
                for (LayerVariable w : model.weights()) {
                    out.add(new Tensor(w.shape(), doubles(w.read().dataSync())));
                }
                return out;
            }
            for (int i = 0; i < inputs.size(); i++) {
                Tensor t = inputs.get(i);
                if ("int32".equals(model.inputs().get(i).dtype())) {
                    int[] v = new int[t.data.length];
                    for (int j = 0; j < v.length; j++) {
                        v[j] = (int) t.data[j];
                    }
                    xs.add(Creation.tensor(v, t.shape, DType.INT32));
                } else {
                    float[] v = new float[t.data.length];
                    for (int j = 0; j < v.length; j++) {
                        v[j] = (float) t.data[j];
                    }
                    xs.add(Creation.tensor(v, t.shape));
                }
            }
            List<dev.samovar.core.Tensor> ys;
            try {
                ys = model.predict(xs, null);
            } catch (RuntimeException | Error e) {
                throw new SamovarFailure("predict", e);
            }
            for (dev.samovar.core.Tensor y : ys) {
                out.add(new Tensor(y.shape(), doubles(y.dataSync())));
                y.dispose();
            }
            return out;
        } finally {
            xs.forEach(dev.samovar.core.Tensor::dispose);
            model.dispose();
        }
    }

    static double[] doubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** TF.js's answer tensors ({shape, data} or {shape, b64}). */
    @SuppressWarnings("unchecked")
    static List<Tensor> tensors(Map<String, Object> answer, String key) {
        List<Tensor> out = new ArrayList<>();
        for (Object o : (List<Object>) answer.get(key)) {
            out.add(Tensor.of(o));
        }
        return out;
    }
}
