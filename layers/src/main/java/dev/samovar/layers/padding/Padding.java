package dev.samovar.layers.padding;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.engine.InputSpec;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Dims;
import dev.samovar.ops.Image;
import dev.samovar.ops.Transform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TF.js's ZeroPadding2D, Cropping2D and UpSampling2D. */
public final class Padding {
    private Padding() {
    }

    static int num(Object o) {
        return ((Number) o).intValue();
    }

    static List<Object> pairs(int[][] p) {
        List<Object> out = new ArrayList<>();
        for (int[] x : p) {
            List<Object> l = new ArrayList<>();
            l.add(x[0]);
            l.add(x[1]);
            out.add(l);
        }
        return out;
    }

    /** [[top, bottom], [left, right]] from a number, [h, w] or [[t, b], [l, r]]. */
    static int[][] twoByTwo(Object v, String layer, String what, int dflt) {
        if (v == null) {
            return new int[][] {{dflt, dflt}, {dflt, dflt}};
        }
        if (v instanceof Number) {
            int p = num(v);
            return new int[][] {{p, p}, {p, p}};
        }
        List<?> l = (List<?>) v;
        if (l.size() != 2) {
            throw new IllegalArgumentException(layer + " expects " + what + " to be a length-2 array, but received a "
                    + "length-" + l.size() + " array.");
        }
        if (l.get(0) instanceof Number) {
            return new int[][] {{num(l.get(0)), num(l.get(0))}, {num(l.get(1)), num(l.get(1))}};
        }
        List<?> h = (List<?>) l.get(0);
        List<?> w = (List<?>) l.get(1);
        if (h.size() != 2) {
            throw new IllegalArgumentException(layer + " expects height " + what + " to be a length-2 array, but "
                    + "received a length-" + h.size() + " array.");
        }
        if (w.size() != 2) {
            throw new IllegalArgumentException(layer + " expects width " + what + " to be a length-2 array, but "
                    + "received a length-" + w.size() + " array.");
        }
        return new int[][] {{num(h.get(0)), num(h.get(1))}, {num(w.get(0)), num(w.get(1))}};
    }

    /** ZeroPadding2D (padding 1 by default). */
    public static class ZeroPadding2D extends Layer {
        private final String dataFormat;
        private final int[][] padding;

        public ZeroPadding2D(Args args) {
            super(args == null ? new Args() : args);
            Args a = args == null ? new Args() : args;
            dataFormat = a.getString("dataFormat", "channelsLast");
            padding = twoByTwo(a.get("padding"), "ZeroPadding2D", "padding", 1);
            inputSpec = one(new InputSpec().ndim(4));
        }

        @Override
        public String getClassName() {
            return "ZeroPadding2D";
        }

        @Override
        public List<int[]> computeOutputShape(List<int[]> inputShapes) {
            int[] s = oneShape(inputShapes);
            boolean first = "channelsFirst".equals(dataFormat);
            int r = first ? s[2] : s[1];
            int c = first ? s[3] : s[2];
            int rows = r >= 0 ? r + padding[0][0] + padding[0][1] : Dims.UNKNOWN;
            int cols = c >= 0 ? c + padding[1][0] + padding[1][1] : Dims.UNKNOWN;
            return one(first ? new int[] {s[0], s[1], rows, cols} : new int[] {s[0], rows, cols, s[3]});
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return Engine.get().tidy(() -> {
                Tensor x = oneTensor(inputs);
                if (x.rank() != 4) {
                    throw new IllegalArgumentException("temporalPadding expects input tensor to be 4-D, but received a "
                            + x.rank() + "-D tensor.");
                }
                int[][] pattern = "channelsFirst".equals(dataFormat)
                        ? new int[][] {{0, 0}, {0, 0}, padding[0], padding[1]}
                        : new int[][] {{0, 0}, padding[0], padding[1], {0, 0}};
                return one(Transform.pad(x, pattern));
            });
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("padding", pairs(padding));
            c.put("dataFormat", dataFormat);
            return merge(c, super.getConfig());
        }
    }

    /** Cropping2D. */
    public static class Cropping2D extends Layer {
        private final String dataFormat;
        private final int[][] cropping;

        public Cropping2D(Args args) {
            super(args);
            Object c = args.get("cropping");
            if (c instanceof Number || c instanceof List && ((List<?>) c).get(0) instanceof Number) {
                cropping = twoByTwo(c, "Cropping2D", "cropping", 0);
            } else {
                cropping = twoByTwo(c, "Cropping2D", "cropping", 0);
            }
            Object df = args.raw("dataFormat");
            dataFormat = df == dev.samovar.layers.serialization.Undefined.INSTANCE ? "channelsLast" : (String) df;
            inputSpec = one(new InputSpec().ndim(4));
        }

        @Override
        public String getClassName() {
            return "Cropping2D";
        }

        private static int sub(int d, int a, int b) {
            return d == Dims.UNKNOWN ? Dims.UNKNOWN : d - a - b;
        }

        @Override
        public List<int[]> computeOutputShape(List<int[]> inputShapes) {
            int[] s = oneShape(inputShapes);
            if ("channelsFirst".equals(dataFormat)) {
                return one(new int[] {s[0], s[1], sub(s[2], cropping[0][0], cropping[0][1]),
                    sub(s[3], cropping[1][0], cropping[1][1])});
            }
            return one(new int[] {s[0], sub(s[1], cropping[0][0], cropping[0][1]),
                sub(s[2], cropping[1][0], cropping[1][1]), s[3]});
        }

        static Tensor sliceAlongAxis(Tensor x, int start, int size, int axis) {
            int[] begin = new int[x.rank()];
            int[] sz = x.shape();
            begin[axis - 1] = start;
            sz[axis - 1] = size;
            return Transform.slice(x, begin, sz);
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return Engine.get().tidy(() -> {
                Tensor x = oneTensor(inputs);
                int[] s = x.shapeRef();
                if ("channelsLast".equals(dataFormat)) {
                    Tensor h = sliceAlongAxis(x, cropping[0][0], s[1] - cropping[0][0] - cropping[0][1], 2);
                    return one(sliceAlongAxis(h, cropping[1][0], s[2] - cropping[1][1] - cropping[1][0], 3));
                }
                Tensor h = sliceAlongAxis(x, cropping[0][0], s[2] - cropping[0][0] - cropping[0][1], 3);
                return one(sliceAlongAxis(h, cropping[1][0], s[3] - cropping[1][1] - cropping[1][0], 4));
            });
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("cropping", pairs(cropping));
            c.put("dataFormat", dataFormat);
            return merge(c, super.getConfig());
        }
    }

    /** UpSampling2D: tf.image.resizeNearestNeighbor or resizeBilinear to size[0] x size[1] times the image, as TF.js. */
    public static class UpSampling2D extends Layer {
        private final Object size;
        private final int[] sz;
        private final String dataFormat;
        private final String interpolation;

        public UpSampling2D(Args args) {
            super(args);
            inputSpec = one(new InputSpec().ndim(4));
            size = args.has("size") ? args.get("size") : dev.samovar.layers.convolutional.ConvUtils.list(
                    new int[] {2, 2});
            List<?> l = (List<?>) size;
            sz = new int[] {num(l.get(0)), num(l.get(1))};
            dataFormat = args.getString("dataFormat", "channelsLast");
            LayerOps.checkDataFormat(dataFormat);
            interpolation = args.getString("interpolation", "nearest");
            if (!"nearest".equals(interpolation) && !"bilinear".equals(interpolation)) {
                throw new IllegalArgumentException(interpolation + " is not a valid InterpolationFormat.  Valid values "
                        + "are nearest,bilinear or null/undefined.");
            }
        }

        @Override
        public String getClassName() {
            return "UpSampling2D";
        }

        private static int mul(int a, int d) {
            return d == Dims.UNKNOWN ? Dims.UNKNOWN : a * d;
        }

        @Override
        public List<int[]> computeOutputShape(List<int[]> inputShapes) {
            int[] s = oneShape(inputShapes);
            if ("channelsFirst".equals(dataFormat)) {
                return one(new int[] {s[0], s[1], mul(sz[0], s[2]), mul(sz[1], s[3])});
            }
            return one(new int[] {s[0], mul(sz[0], s[1]), mul(sz[1], s[2]), s[3]});
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return Engine.get().tidy(() -> {
                Tensor x = oneTensor(inputs);
                int[] s = x.shape();
                if ("channelsFirst".equals(dataFormat)) {
                    Tensor t = Transform.transpose(x, 0, 2, 3, 1);
                    Tensor y = resize(t, sz[0] * s[2], sz[1] * s[3]);
                    return one(Transform.transpose(y, 0, 3, 1, 2));
                }
                return one(resize(x, sz[0] * s[1], sz[1] * s[2]));
            });
        }

        private Tensor resize(Tensor x, int height, int width) {
            return "nearest".equals(interpolation) ? Image.resizeNearestNeighbor(x, new int[] {height, width})
                    : Image.resizeBilinear(x, new int[] {height, width});
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("size", size);
            c.put("dataFormat", dataFormat);
            c.put("interpolation", interpolation);
            return merge(c, super.getConfig());
        }
    }
}
