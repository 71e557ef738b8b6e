package dev.samovar.layers.preprocessing;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Js;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's CategoryEncoding (layers/preprocessing/category_encoding.js): integer inputs of rank 0
 * to 2 in {@code [0, numTokens)} encoded as {@code multiHot} (default), {@code oneHot} or
 * {@code count} vectors of {@code numTokens} (float32), with {@code countWeights} in apply's
 * kwargs for {@code count}. The bin counts are TF.js's denseBincount as its cpu backend computes
 * it: a rank-1 input is counted (TF.js's rank-1 kernel ignores binaryOutput), a rank-2 input per
 * row (0/1 for multiHot and oneHot).
 */
public class CategoryEncoding extends Layer {
    private final Object numTokens;
    private final String outputMode;

    public CategoryEncoding(Args args) {
        super(args);
        this.numTokens = args.raw("numTokens");
        Object m = args.get("outputMode");
        this.outputMode = m == null || "".equals(m) || Boolean.FALSE.equals(m) ? "multiHot" : String.valueOf(m);
    }

    @Override
    public String getClassName() {
        return "CategoryEncoding";
    }

    private int depth() {
        return ((Number) numTokens).intValue();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("numTokens", numTokens);
        c.put("outputMode", outputMode);
        return merge(c, super.getConfig());
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        int[] in = oneShape(inputShapes);
        int n = depth();
        if ("oneHot".equals(outputMode) && in[in.length - 1] != 1) {
            int[] out = java.util.Arrays.copyOf(in, in.length + 1);
            out[in.length] = n;
            return one(out);
        }
        int[] out = in.clone();
        out[out.length - 1] = n;
        return one(out);
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            Tensor input = oneTensor(inputs);
            if (input.dtype() != DType.INT32) {
                input = Transform.cast(input, DType.INT32);
            }
            Tensor countWeights = null;
            if (kwargs != null && kwargs.containsKey("countWeights")
                    && kwargs.get("countWeights") != dev.samovar.layers.serialization.Undefined.INSTANCE) {
                Object cw = kwargs.get("countWeights");
                if (!"count".equals(outputMode)) {
                    throw new IllegalArgumentException("countWeights is not used when outputMode !== count.\n"
                            + "              Received countWeights=" + Js.str(cw));
                }
                if (cw instanceof List) {
                    List<?> l = (List<?>) cw;
                    if (l.size() != 1) {
                        throw new IllegalArgumentException("Expected Tensor length to be 1; got " + l.size());
                    }
                    cw = l.get(0);
                }
                countWeights = (Tensor) cw;
            }
            int n = depth();
            double maxValue = Reduction.max(input).dataSync()[0];
            double minValue = Reduction.min(input).dataSync()[0];
            if (!(n > maxValue && minValue >= 0)) {
                throw new IllegalArgumentException("Input values must be between 0 < values <= numTokens with "
                        + "numTokens=" + Js.str(numTokens));
            }
            return one(encodeCategoricalInputs(input, outputMode, n, countWeights));
        });
    }

    /** TF.js's preprocessing_utils.encodeCategoricalInputs. */
    static Tensor encodeCategoricalInputs(Tensor inputs, String outputMode, int depth, Tensor weights) {
        Tensor input = inputs.dtype() == DType.INT32 ? inputs : Transform.cast(inputs, DType.INT32);
        if ("int".equals(outputMode)) {
            return input;
        }
        int[] originalShape = input.shape();
        if (input.rank() == 0) {
            input = Transform.expandDims(input, -1);
        }
        if ("oneHot".equals(outputMode) && input.shapeRef()[input.rank() - 1] != 1) {
            input = Transform.expandDims(input, -1);
        }
        if (input.rank() > 2) {
            throw new IllegalArgumentException("When outputMode is not int, maximum output rank is 2 Received "
                    + "outputMode " + outputMode + " and input shape " + join(originalShape)
                    + " which would result in output rank " + input.rank() + ".");
        }
        boolean binaryOutput = "multiHot".equals(outputMode) || "oneHot".equals(outputMode);
        Tensor binCounts = denseBincount(input, weights != null && "count".equals(outputMode) ? weights : null,
                depth, binaryOutput);
        if (!"tfIdf".equals(outputMode)) {
            return binCounts;
        }
        if (weights != null) {
            return dev.samovar.ops.Arithmetic.mul(binCounts, weights);
        }
        throw new IllegalArgumentException("When outputMode is 'tfIdf', weights must be provided.");
    }

    private static String join(int[] s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : ",").append(s[i]);
        }
        return sb.toString();
    }

    /**
     * TF.js's denseBincount on its cpu backend: weights null is TF.js's {@code []} (float32 counts).
     * Values at or above {@code size} are skipped; a negative value fails.
     */
    static Tensor denseBincount(Tensor x, Tensor weights, int size, boolean binaryOutput) {
        int[] xv = x.dataSyncInt();
        float[] wv = weights == null ? new float[0] : weights.dataSync();
        DType dtype = weights == null ? DType.FLOAT32 : weights.dtype();
        float[] out;
        int[] shape;
        if (x.rank() == 1) {
            out = new float[size];
            shape = new int[] {size};
            for (int i = 0; i < xv.length; i++) {
                int v = xv[i];
                if (v < 0) {
                    throw new IllegalArgumentException("Input x must be non-negative!");
                }
                if (v >= size) {
                    continue;
                }
                out[v] = wv.length > 0 ? out[v] + wv[i] : out[v] + 1;
            }
        } else {
            int rows = x.shapeRef()[0];
            int cols = x.shapeRef()[1];
            out = new float[rows * size];
            shape = new int[] {rows, size};
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int v = xv[i * cols + j];
                    if (v < 0) {
                        throw new IllegalArgumentException("Input x must be non-negative!");
                    }
                    if (v >= size) {
                        continue;
                    }
                    int k = i * size + v;
                    if (binaryOutput) {
                        out[k] = 1;
                    } else {
                        out[k] = wv.length > 0 ? out[k] + wv[i * cols + j] : out[k] + 1;
                    }
                }
            }
        }
        Tensor t = Creation.tensor(out, shape);
        if (dtype != DType.FLOAT32) {
            return Transform.cast(t, dtype);
        }
        return t;
    }
}
