package dev.samovar.layers.pooling;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.convolutional.ConvUtils;
import dev.samovar.layers.engine.InputSpec;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Js;
import dev.samovar.ops.Pool;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's pooling layers (layers/pooling.js): MaxPooling1D/2D, AveragePooling1D/2D,
 * GlobalAveragePooling1D/2D, GlobalMaxPooling1D/2D.
 */
public final class Pooling {
    private Pooling() {
    }

    /** TF.js's pool2d helper (NHWC inside; channelsFirst transposed in and out). */
    static Tensor pool2d(Tensor x, int[] poolSize, int[] strides, String padding, String dataFormat, String poolMode) {
        return Engine.get().tidy(() -> {
            LayerOps.checkDataFormat(dataFormat);
            ConvUtils.checkPoolMode(poolMode);
            ConvUtils.checkPaddingMode(padding);
            boolean first = "channelsFirst".equals(dataFormat);
            Tensor y = first ? Transform.transpose(x, 0, 2, 3, 1) : x;
            String pad = "same".equals(padding) ? "same" : "valid";
            y = "avg".equals(poolMode) ? Pool.avgPool(y, poolSize, strides, pad, null)
                    : Pool.maxPool(y, poolSize, strides, pad, null);
            return first ? Transform.transpose(y, 0, 3, 1, 2) : y;
        });
    }

    static void assertPositive(int[] v, String name) {
        for (int x : v) {
            if (x <= 0) {
                throw new IllegalArgumentException("Expected " + name + " to be a positive integer, but got "
                        + Js.json(ConvUtils.list(v)) + ".");
            }
        }
    }

    /** MaxPooling1D / AveragePooling1D. */
    public abstract static class Pooling1D extends Layer {
        private final String mode;
        private final Object poolSizeRaw;
        private final Object stridesRaw;
        private final int[] poolSize;
        private final int[] strides;
        private final String padding;

        protected Pooling1D(String mode, Args args) {
            super(withDefault(args, "poolSize", 2.0));
            this.mode = mode;
            Object ps = args.get("poolSize");
            if (ps instanceof Number) {
                poolSize = new int[] {((Number) ps).intValue()};
                poolSizeRaw = ConvUtils.list(poolSize);
            } else if (ps instanceof List && ((List<?>) ps).size() == 1 && ((List<?>) ps).get(0) instanceof Number) {
                poolSize = new int[] {((Number) ((List<?>) ps).get(0)).intValue()};
                poolSizeRaw = ps;
            } else {
                throw new IllegalArgumentException("poolSize for 1D convolutional layer must be a number or an Array "
                        + "of a single number, but received " + Js.json(ps));
            }
            assertPositive(poolSize, "poolSize");
            Object st = args.get("strides");
            if (st == null) {
                strides = poolSize;
                stridesRaw = poolSizeRaw;
            } else if (st instanceof Number) {
                strides = new int[] {((Number) st).intValue()};
                stridesRaw = ConvUtils.list(strides);
            } else if (st instanceof List && ((List<?>) st).size() == 1 && ((List<?>) st).get(0) instanceof Number) {
                strides = new int[] {((Number) ((List<?>) st).get(0)).intValue()};
                stridesRaw = st;
            } else {
                throw new IllegalArgumentException("strides for 1D convolutional layer must be a number or an Array "
                        + "of a single number, but received " + Js.json(st));
            }
            assertPositive(strides, "strides");
            padding = args.getString("padding", "valid");
            ConvUtils.checkPaddingMode(padding);
            inputSpec = one(new InputSpec().ndim(3));
        }

        @Override
        public String getClassName() {
            return classNameOf(getClass());
        }

        @Override
        public List<int[]> computeOutputShape(List<int[]> inputShapes) {
            int[] s = oneShape(inputShapes);
            return one(new int[] {s[0], ConvUtils.convOutputLength(s[1], poolSize[0], padding, strides[0], 1), s[2]});
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return Engine.get().tidy(() -> {
                Tensor x = LayerOps.expandDims(oneTensor(inputs), 2);
                Tensor out = pool2d(x, new int[] {poolSize[0], 1}, new int[] {strides[0], 1}, padding, "channelsLast",
                        mode);
                return one(Transform.squeeze(out, new int[] {2}));
            });
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("poolSize", poolSizeRaw);
            config.put("padding", padding);
            config.put("strides", stridesRaw);
            return merge(config, super.getConfig());
        }
    }

    static String classNameOf(Class<?> c) {
        if (c == MaxPooling1D.class) {
            return "MaxPooling1D";
        } else if (c == AveragePooling1D.class) {
            return "AveragePooling1D";
        } else if (c == MaxPooling2D.class) {
            return "MaxPooling2D";
        } else if (c == AveragePooling2D.class) {
            return "AveragePooling2D";
        } else if (c == GlobalAveragePooling1D.class) {
            return "GlobalAveragePooling1D";
        } else if (c == GlobalMaxPooling1D.class) {
            return "GlobalMaxPooling1D";
        } else if (c == GlobalAveragePooling2D.class) {
            return "GlobalAveragePooling2D";
        }
        return "GlobalMaxPooling2D";
    }

    /** MaxPooling1D. */
    public static class MaxPooling1D extends Pooling1D {
        public MaxPooling1D(Args args) {
            super("max", args);
        }
    }

    /** AveragePooling1D. */
    public static class AveragePooling1D extends Pooling1D {
        public AveragePooling1D(Args args) {
            super("avg", args);
        }
    }

    /** MaxPooling2D. */
    public static class MaxPooling2D extends Pooling2D {
        public MaxPooling2D(Args args) {
            super("max", args);
        }
    }

    /** AveragePooling2D. */
    public static class AveragePooling2D extends Pooling2D {
        public AveragePooling2D(Args args) {
            super("avg", args);
        }
    }

    /** GlobalAveragePooling1D. */
    public static class GlobalAveragePooling1D extends GlobalPooling1D {
        public GlobalAveragePooling1D(Args args) {
            super(false, args);
        }
    }

    /** GlobalMaxPooling1D. */
    public static class GlobalMaxPooling1D extends GlobalPooling1D {
        public GlobalMaxPooling1D(Args args) {
            super(true, args);
        }
    }

    /** GlobalAveragePooling2D. */
    public static class GlobalAveragePooling2D extends GlobalPooling2D {
        public GlobalAveragePooling2D(Args args) {
            super(false, args);
        }
    }

    /** GlobalMaxPooling2D. */
    public static class GlobalMaxPooling2D extends GlobalPooling2D {
        public GlobalMaxPooling2D(Args args) {
            super(true, args);
        }
    }

    static Args withDefault(Args args, String key, Object value) {
        Args a = args == null ? new Args() : args;
        if (!a.has(key)) {
            a.set(key, value);
        }
        return a;
    }

    /** MaxPooling2D / AveragePooling2D. */
    public abstract static class Pooling2D extends Layer {
        private final String mode;
        private final Object poolSizeRaw;
        private final Object stridesRaw;
        private final int[] poolSize;
        private final int[] strides;
        private final String padding;
        private final String dataFormat;

        protected Pooling2D(String mode, Args args) {
            super(withDefault(args, "poolSize", ConvUtils.list(new int[] {2, 2})));
            this.mode = mode;
            Object ps = args.get("poolSize");
            if (ps instanceof List) {
                poolSize = ConvUtils.normalizeArray(ps, ((List<?>) ps).size(), "poolSize");
                poolSizeRaw = ps;
            } else {
                int p = ((Number) ps).intValue();
                poolSize = new int[] {p, p};
                poolSizeRaw = ConvUtils.list(poolSize);
            }
            Object st = args.get("strides");
            if (st == null) {
                strides = poolSize;
                stridesRaw = poolSizeRaw;
            } else if (st instanceof List) {
                if (((List<?>) st).size() != 2) {
                    throw new IllegalArgumentException("If the strides property of a 2D pooling layer is an Array, it "
                            + "is expected to have a length of 2, but received length " + ((List<?>) st).size() + ".");
                }
                strides = ConvUtils.normalizeArray(st, 2, "strides");
                stridesRaw = st;
            } else {
                int s = ((Number) st).intValue();
                strides = new int[] {s, s};
                stridesRaw = ConvUtils.list(strides);
            }
            assertPositive(poolSize, "poolSize");
            assertPositive(strides, "strides");
            padding = args.getString("padding", "valid");
            dataFormat = args.getString("dataFormat", "channelsLast");
            LayerOps.checkDataFormat(dataFormat);
            ConvUtils.checkPaddingMode(padding);
            inputSpec = one(new InputSpec().ndim(4));
        }

        @Override
        public String getClassName() {
            return classNameOf(getClass());
        }

        @Override
        public List<int[]> computeOutputShape(List<int[]> inputShapes) {
            int[] s = oneShape(inputShapes);
            boolean first = "channelsFirst".equals(dataFormat);
            int rows = ConvUtils.convOutputLength(first ? s[2] : s[1], poolSize[0], padding, strides[0], 1);
            int cols = ConvUtils.convOutputLength(first ? s[3] : s[2], poolSize[1], padding, strides[1], 1);
            return one(first ? new int[] {s[0], s[1], rows, cols} : new int[] {s[0], rows, cols, s[3]});
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return Engine.get().tidy(() -> one(pool2d(oneTensor(inputs), poolSize, strides, padding, dataFormat,
                    mode)));
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("poolSize", poolSizeRaw);
            config.put("padding", padding);
            config.put("strides", stridesRaw);
            config.put("dataFormat", dataFormat);
            return merge(config, super.getConfig());
        }
    }

    /** GlobalAveragePooling1D / GlobalMaxPooling1D. */
    public abstract static class GlobalPooling1D extends Layer {
        private final boolean max;

        protected GlobalPooling1D(boolean max, Args args) {
            super(args == null ? new Args() : args);
            this.max = max;
            inputSpec = one(new InputSpec().ndim(3));
        }

        @Override
        public String getClassName() {
            return classNameOf(getClass());
        }

        @Override
        public List<int[]> computeOutputShape(List<int[]> inputShapes) {
            int[] s = oneShape(inputShapes);
            return one(new int[] {s[0], s[2]});
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return Engine.get().tidy(() -> {
                Tensor x = oneTensor(inputs);
                return one(max ? Reduction.max(x, 1) : Reduction.mean(x, 1));
            });
        }
    }

    /** GlobalAveragePooling2D / GlobalMaxPooling2D. */
    public abstract static class GlobalPooling2D extends Layer {
        private final boolean max;
        private final String dataFormat;

        protected GlobalPooling2D(boolean max, Args args) {
            super(args == null ? new Args() : args);
            this.max = max;
            Args a = args == null ? new Args() : args;
            dataFormat = a.getString("dataFormat", "channelsLast");
            LayerOps.checkDataFormat(dataFormat);
            inputSpec = one(new InputSpec().ndim(4));
        }

        @Override
        public String getClassName() {
            return classNameOf(getClass());
        }

        @Override
        public List<int[]> computeOutputShape(List<int[]> inputShapes) {
            int[] s = oneShape(inputShapes);
            return one("channelsLast".equals(dataFormat) ? new int[] {s[0], s[3]} : new int[] {s[0], s[1]});
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return Engine.get().tidy(() -> {
                Tensor x = oneTensor(inputs);
                int[] axes = "channelsLast".equals(dataFormat) ? new int[] {1, 2} : new int[] {2, 3};
                return one(max ? Reduction.max(x, axes, false) : Reduction.mean(x, axes, false));
            });
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("dataFormat", dataFormat);
            return merge(config, super.getConfig());
        }
    }
}
