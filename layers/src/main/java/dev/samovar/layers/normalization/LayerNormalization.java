package dev.samovar.layers.normalization;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.initializers.Initializer;
import dev.samovar.layers.initializers.Initializers;
import dev.samovar.layers.regularizers.Regularizer;
import dev.samovar.layers.regularizers.Regularizers;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Js;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TF.js's LayerNormalization: moments over {@code axis} (default -1), tiled, then batchNorm. */
public class LayerNormalization extends Layer {
    private Object axis;
    private int[] axes;
    private final Object epsilon;
    private final boolean center;
    private final boolean scale;
    private final Initializer betaInitializer;
    private final Initializer gammaInitializer;
    private final Regularizer betaRegularizer;
    private final Regularizer gammaRegularizer;
    private LayerVariable gamma;
    private LayerVariable beta;

    public LayerNormalization(Args args) {
        super(args == null ? new Args() : args);
        Args a = args == null ? new Args() : args;
        axis = a.has("axis") ? a.get("axis") : -1.0;
        if (axis instanceof Number) {
            double d = ((Number) axis).doubleValue();
            if (d != Math.floor(d)) {
                throw new IllegalArgumentException("Expected axis to be an integer, but received " + Js.str(axis));
            }
        } else if (axis instanceof List) {
            for (Object o : (List<?>) axis) {
                if (!(o instanceof Number) || ((Number) o).doubleValue() != Math.floor(((Number) o).doubleValue())) {
                    throw new IllegalArgumentException("Expected axis to be an array of integers, but received "
                            + Js.json(axis));
                }
            }
        } else {
            throw new IllegalArgumentException("Expected axis to be an integer or an array of integers, but received "
                    + Js.json(axis));
        }
        epsilon = a.has("epsilon") ? a.get("epsilon") : 1e-3;
        center = a.getBoolean("center", true);
        scale = a.getBoolean("scale", true);
        betaInitializer = Initializers.get(BatchNormalization.or(a.get("betaInitializer"), "zeros"));
        gammaInitializer = Initializers.get(BatchNormalization.or(a.get("gammaInitializer"), "ones"));
        betaRegularizer = Regularizers.get(a.get("betaRegularizer"));
        gammaRegularizer = Regularizers.get(a.get("gammaRegularizer"));
        supportsMasking = true;
    }

    @Override
    public String getClassName() {
        return "LayerNormalization";
    }

    @Override
    public void build(List<int[]> inputShapes) {
        int[] s = oneShape(inputShapes);
        int n = s.length;
        List<Object> list = axis instanceof List ? new ArrayList<>((List<?>) axis) : new ArrayList<>(List.of(axis));
        axes = new int[list.size()];
        List<Object> normalized = new ArrayList<>();
        for (int i = 0; i < axes.length; i++) {
            int ax = ((Number) list.get(i)).intValue();
            if (ax < 0) {
                ax += n;
            }
            axes[i] = ax;
            normalized.add(ax);
        }
        for (int ax : axes) {
            if (ax < 0 || ax >= n) {
                throw new IllegalArgumentException("Invalid axis: " + ax);
            }
        }
        if (Arrays.stream(axes).distinct().count() != axes.length) {
            throw new IllegalArgumentException("Found duplicate axes in: " + Js.str(normalized));
        }
        axis = normalized;
        int[] param = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            param[i] = s[axes[i]];
        }
        gamma = scale ? addWeight("gamma", param, DType.FLOAT32, gammaInitializer, gammaRegularizer, true, null) : null;
        beta = center ? addWeight("beta", param, DType.FLOAT32, betaInitializer, betaRegularizer, true, null) : null;
        built = true;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        Tensor input = oneTensor(inputs);
        int[] s = input.shapeRef();
        int n = s.length;
        return Engine.get().tidy(() -> {
            Reduction.Moments mv = Reduction.moments(input, axes, true);
            Tensor mean = mv.mean();
            Tensor variance = mv.variance();
            int[] broadcastShape = new int[n];
            Arrays.fill(broadcastShape, 1);
            for (int d : axes) {
                broadcastShape[d] = s[d];
            }
            Tensor sc = scale ? broadcast(gamma.read(), broadcastShape, n) : null;
            Tensor off = center ? broadcast(beta.read(), broadcastShape, n) : null;
            int[] momentsTiling = new int[n];
            int[] scaleOffsetTiling = new int[n];
            for (int i = 0; i < n; i++) {
                boolean in = false;
                for (int d : axes) {
                    in |= d == i;
                }
                momentsTiling[i] = in ? s[i] : 1;
                scaleOffsetTiling[i] = in ? 1 : s[i];
            }
            mean = Transform.tile(mean, momentsTiling);
            variance = Transform.tile(variance, momentsTiling);
            if (sc != null) {
                sc = Transform.tile(sc, scaleOffsetTiling);
            }
            if (off != null) {
                off = Transform.tile(off, scaleOffsetTiling);
            }
            return one(BatchNormalization.batchNormalization(input, mean, variance, off, sc,
                    ((Number) epsilon).doubleValue()));
        });
    }

    private static Tensor broadcast(Tensor v, int[] shape, int n) {
        return v.rank() != n ? Transform.reshape(v, shape) : v;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("axis", axis);
        c.put("epsilon", epsilon);
        c.put("center", center);
        c.put("scale", scale);
        c.put("betaInitializer", Initializers.serialize(betaInitializer));
        c.put("gammaInitializer", Initializers.serialize(gammaInitializer));
        c.put("betaRegularizer", Regularizers.serialize(betaRegularizer));
        c.put("gammaRegularizer", Regularizers.serialize(gammaRegularizer));
        return merge(c, super.getConfig());
    }
}
