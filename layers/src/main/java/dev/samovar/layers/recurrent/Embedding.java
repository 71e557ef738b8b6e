package dev.samovar.layers.recurrent;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.constraints.Constraint;
import dev.samovar.layers.constraints.Constraints;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.initializers.Initializer;
import dev.samovar.layers.initializers.Initializers;
import dev.samovar.layers.regularizers.Regularizer;
import dev.samovar.layers.regularizers.Regularizers;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Checks;
import dev.samovar.layers.serialization.Dims;
import dev.samovar.layers.serialization.Undefined;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Logic;
import dev.samovar.ops.Transform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's Embedding: integer indices {@code [batch, ...]} to rows of an {@code [inputDim,
 * outputDim]} table. With {@code maskZero} the mask {@code index != 0} goes to the next layers.
 */
public class Embedding extends Layer {
    private final Object inputDim;
    private final Object outputDim;
    private final Initializer embeddingsInitializer;
    private final Regularizer embeddingsRegularizer;
    private final Constraint embeddingsConstraint;
    private final Object maskZero;
    private final Object inputLength;
    private LayerVariable embeddings;

    public Embedding(Args args) {
        super(args);
        if (!args.has("batchInputShape") && !args.has("inputShape")) {
            int batchSize = args.has("batchSize") ? args.getInt("batchSize", Dims.UNKNOWN) : Dims.UNKNOWN;
            if (!args.has("inputLength")) {
                this.batchInputShape = new int[] {batchSize, Dims.UNKNOWN};
            } else {
                List<Object> lens = toList(args.get("inputLength"));
                int[] bis = new int[lens.size() + 1];
                bis[0] = batchSize;
                for (int i = 0; i < lens.size(); i++) {
                    Object l = lens.get(i);
                    bis[i + 1] = l == null ? Dims.UNKNOWN : ((Number) l).intValue();
                }
                this.batchInputShape = bis;
            }
        }
        this.inputDim = args.raw("inputDim");
        Checks.positiveInteger(inputDim, "inputDim");
        this.outputDim = args.raw("outputDim");
        Checks.positiveInteger(outputDim, "outputDim");
        this.embeddingsInitializer = Initializers.get(BasicCell.orDefault(args.get("embeddingsInitializer"),
                "randomUniform"));
        this.embeddingsRegularizer = Regularizers.get(args.get("embeddingsRegularizer"));
        this.activityRegularizer = Regularizers.get(args.get("activityRegularizer"));
        this.embeddingsConstraint = Constraints.get(args.get("embeddingsConstraint"));
        this.maskZero = args.raw("maskZero");
        this.supportsMasking = truthy(maskZero);
        this.inputLength = args.raw("inputLength");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> toList(Object v) {
        if (v instanceof List) {
            return new ArrayList<>((List<Object>) v);
        }
        if (v instanceof int[]) {
            List<Object> out = new ArrayList<>();
            for (int d : (int[]) v) {
                out.add(d < 0 ? null : d);
            }
            return out;
        }
        List<Object> out = new ArrayList<>();
        out.add(v);
        return out;
    }

    private static boolean truthy(Object v) {
        if (Undefined.isAbsent(v) || Boolean.FALSE.equals(v)) {
            return false;
        }
        return !(v instanceof Number && ((Number) v).doubleValue() == 0);
    }

    @Override
    public String getClassName() {
        return "Embedding";
    }

    public LayerVariable embeddings() {
        return embeddings;
    }

    @Override
    public void build(List<int[]> inputShapes) {
        embeddings = addWeight("embeddings", new int[] {num(inputDim), num(outputDim)},
                dtype == null ? null : DType.of(dtype), embeddingsInitializer, embeddingsRegularizer, true,
                embeddingsConstraint);
        built = true;
    }

    private static int num(Object v) {
        return ((Number) v).intValue();
    }

    /** TF.js's Embedding does not warn about input shapes. */
    @Override
    protected void warnOnIncompatibleInputShape(int[] inputShape) {
    }

    @Override
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        return Engine.get().tidy(() -> {
            if (!truthy(maskZero)) {
                return null;
            }
            Tensor x = oneTensor(inputs);
            return one(Logic.notEqual(x, Creation.zerosLike(x)));
        });
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        int[] inputShape = oneShape(inputShapes);
        if (Undefined.isAbsent(inputLength)) {
            int[] out = java.util.Arrays.copyOf(inputShape, inputShape.length + 1);
            out[inputShape.length] = num(outputDim);
            return one(out);
        }
        List<Object> inLens = toList(inputLength);
        String msg = "\"inputLength\" is " + jsString(inputLength) + ", but received input shape has shape "
                + jsString(Dims.toList(inputShape));
        if (inLens.size() != inputShape.length - 1) {
            throw new IllegalArgumentException(msg);
        }
        int i = 0;
        for (int k = 0; k < inLens.size(); ++k) {
            Object s1 = inLens.get(k);
            int s2 = inputShape[k + 1];
            if (s1 != null && s2 != Dims.UNKNOWN && num(s1) != s2) {
                throw new IllegalArgumentException(msg);
            } else if (s1 == null) {
                inLens.set(i, s2 == Dims.UNKNOWN ? null : (Object) s2);
            }
            i++;
        }
        int[] out = new int[inLens.size() + 2];
        out[0] = inputShape[0];
        for (int k = 0; k < inLens.size(); k++) {
            Object v = inLens.get(k);
            out[k + 1] = v == null ? Dims.UNKNOWN : num(v);
        }
        out[out.length - 1] = num(outputDim);
        return one(out);
    }

    /** JS's String(v) for a number or an array of numbers / nulls. */
    private static String jsString(Object v) {
        if (v instanceof List) {
            StringBuilder sb = new StringBuilder();
            List<?> l = (List<?>) v;
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(l.get(i) == null ? "" : jsString(l.get(i)));
            }
            return sb.toString();
        }
        return dev.samovar.layers.serialization.Js.str(v);
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            Tensor input = oneTensor(inputs);
            if (input.dtype() != DType.INT32) {
                input = Transform.cast(input, DType.INT32);
            }
            Tensor output = Transform.gather(embeddings.read(), Transform.reshape(input, input.size()));
            return one(Transform.reshape(output, computeOutputShape(one(input.shape())).get(0)));
        });
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("inputDim", inputDim);
        config.put("outputDim", outputDim);
        config.put("embeddingsInitializer", Initializers.serialize(embeddingsInitializer));
        config.put("embeddingsRegularizer", Regularizers.serialize(embeddingsRegularizer));
        config.put("activityRegularizer", Regularizers.serialize(activityRegularizer));
        config.put("embeddingsConstraint", Constraints.serialize(embeddingsConstraint));
        config.put("maskZero", maskZero);
        config.put("inputLength", inputLength);
        config.putAll(super.getConfig());
        return config;
    }
}
