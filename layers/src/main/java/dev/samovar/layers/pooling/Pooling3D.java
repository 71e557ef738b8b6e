package dev.samovar.layers.pooling;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.convolutional.ConvUtils;
import dev.samovar.layers.engine.InputSpec;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Pool;
import dev.samovar.ops.Transform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TF.js's Pooling3D (layers/pooling.js): MaxPooling3D and AveragePooling3D, NDHWC inside. */
public abstract class Pooling3D extends Layer {
    private final String mode;
    private final Object poolSizeRaw;
    private final Object stridesRaw;
    private final int[] poolSize;
    private final int[] strides;
    private final String padding;
    private final String dataFormat;

    protected Pooling3D(String mode, Args args) {
        super(Pooling.withDefault(args, "poolSize", ConvUtils.list(new int[] {2, 2, 2})));
        this.mode = mode;
        Object ps = args.get("poolSize");
        if (ps instanceof List) {
            poolSize = ConvUtils.normalizeArray(ps, ((List<?>) ps).size(), "poolSize");
            poolSizeRaw = ps;
        } else {
            int p = ((Number) ps).intValue();
            poolSize = new int[] {p, p, p};
            poolSizeRaw = ConvUtils.list(poolSize);
        }
        Object st = args.get("strides");
        if (st == null) {
            strides = poolSize;
            stridesRaw = poolSizeRaw;
        } else if (st instanceof List) {
            if (((List<?>) st).size() != 3) {
                throw new IllegalArgumentException("If the strides property of a 3D pooling layer is an Array, it "
                        + "is expected to have a length of 3, but received length " + ((List<?>) st).size() + ".");
            }
            strides = ConvUtils.normalizeArray(st, 3, "strides");
            stridesRaw = st;
        } else {
            int s = ((Number) st).intValue();
            strides = new int[] {s, s, s};
            stridesRaw = ConvUtils.list(strides);
        }
        Pooling.assertPositive(poolSize, "poolSize");
        Pooling.assertPositive(strides, "strides");
        padding = args.getString("padding", "valid");
        dataFormat = args.getString("dataFormat", "channelsLast");
        LayerOps.checkDataFormat(dataFormat);
        ConvUtils.checkPaddingMode(padding);
        inputSpec = one(new InputSpec().ndim(5));
    }

    /** TF.js's pool3d helper (NDHWC inside; channelsFirst transposed in and out). */
    static Tensor pool3d(Tensor x, int[] poolSize, int[] strides, String padding, String dataFormat, String mode) {
        return Engine.get().tidy(() -> {
            LayerOps.checkDataFormat(dataFormat);
            ConvUtils.checkPoolMode(mode);
            ConvUtils.checkPaddingMode(padding);
            boolean first = "channelsFirst".equals(dataFormat);
            Tensor y = first ? Transform.transpose(x, 0, 2, 3, 4, 1) : x;
            String pad = "same".equals(padding) ? "same" : "valid";
            y = "max".equals(mode) ? Pool.maxPool3d(y, poolSize, strides, pad, null, "NDHWC")
                    : Pool.avgPool3d(y, poolSize, strides, pad, null, "NDHWC");
            return first ? Transform.transpose(y, 0, 4, 1, 2, 3) : y;
        });
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        int[] s = oneShape(inputShapes);
        boolean first = "channelsFirst".equals(dataFormat);
        int d = ConvUtils.convOutputLength(first ? s[2] : s[1], poolSize[0], padding, strides[0], 1);
        int r = ConvUtils.convOutputLength(first ? s[3] : s[2], poolSize[1], padding, strides[1], 1);
        int c = ConvUtils.convOutputLength(first ? s[4] : s[3], poolSize[2], padding, strides[2], 1);
        return one(first ? new int[] {s[0], s[1], d, r, c} : new int[] {s[0], d, r, c, s[4]});
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> one(pool3d(oneTensor(inputs), poolSize, strides, padding, dataFormat, mode)));
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

    /** MaxPooling3D. */
    public static class MaxPooling3D extends Pooling3D {
        public MaxPooling3D(Args args) {
            super("max", args);
        }

        @Override
        public String getClassName() {
            return "MaxPooling3D";
        }
    }

    /** AveragePooling3D. */
    public static class AveragePooling3D extends Pooling3D {
        public AveragePooling3D(Args args) {
            super("avg", args);
        }

        @Override
        public String getClassName() {
            return "AveragePooling3D";
        }
    }
}
