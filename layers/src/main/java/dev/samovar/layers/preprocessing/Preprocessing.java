package dev.samovar.layers.preprocessing;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Image;
import dev.samovar.ops.Transform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's image preprocessing layers: Rescaling (x * scale + offset, in float32), Resizing
 * (resizeBilinear / resizeNearestNeighbor with alignCorners = !cropToAspectRatio, and TF.js's
 * output shape [height, width, inputShape[2]]) and CenterCrop (a nearest-neighbour cropAndResize of
 * the centre, or a bilinear resize when the image is smaller than the crop), composed of the same
 * ops in the same order as TF.js.
 */
public final class Preprocessing {
    private Preprocessing() {
    }

    private static Tensor scalar(Object v) {
        return Creation.scalar(v == null ? Float.NaN : ((Number) v).floatValue());
    }

    /** Rescaling({scale, offset}). */
    public static class Rescaling extends Layer {
        private final Object scale;
        private final Object offset;

        public Rescaling(Args args) {
            super(args);
            scale = args.get("scale");
            Object o = args.get("offset");
            offset = o instanceof Number && ((Number) o).doubleValue() != 0
                    && !Double.isNaN(((Number) o).doubleValue()) ? o : (Object) 0;
        }

        @Override
        public String getClassName() {
            return "Rescaling";
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return Engine.get().tidy(() -> {
                Tensor x = oneTensor(inputs);
                if (x.dtype() != DType.FLOAT32) {
                    x = Transform.cast(x, DType.FLOAT32);
                }
                return one(Arithmetic.add(Arithmetic.mul(x, scalar(scale)), scalar(offset)));
            });
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("scale", scale);
            c.put("offset", offset);
            return merge(c, super.getConfig());
        }
    }

    /** Resizing({height, width, interpolation = 'bilinear', cropToAspectRatio = false}). */
    public static class Resizing extends Layer {
        private final Object height;
        private final Object width;
        private final String interpolation;
        private final boolean cropToAspectRatio;

        public Resizing(Args args) {
            super(args);
            height = args.get("height");
            width = args.get("width");
            String interp = args.getString("interpolation", "");
            if (!interp.isEmpty()) {
                if (!"bilinear".equals(interp) && !"nearest".equals(interp)) {
                    throw new IllegalArgumentException("Invalid interpolation parameter: " + interp
                            + " is not implemented");
                }
                interpolation = interp;
            } else {
                interpolation = "bilinear";
            }
            cropToAspectRatio = args.getBoolean("cropToAspectRatio", false);
        }

        @Override
        public String getClassName() {
            return "Resizing";
        }

        @Override
        public List<int[]> computeOutputShape(List<int[]> inputShapes) {
            int[] s = oneShape(inputShapes);
            // TF.js takes the channels from dimension 2, whatever the rank.
            return one(new int[] {num(height), num(width), s.length > 2 ? s[2] : -1});
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return Engine.get().tidy(() -> {
                Tensor x = oneTensor(inputs);
                int[] size = {num(height), num(width)};
                if ("bilinear".equals(interpolation)) {
                    return one(Image.resizeBilinear(x, size, !cropToAspectRatio, false));
                }
                return one(Image.resizeNearestNeighbor(x, size, !cropToAspectRatio, false));
            });
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("height", height);
            c.put("width", width);
            c.put("interpolation", interpolation);
            c.put("cropToAspectRatio", cropToAspectRatio);
            return merge(c, super.getConfig());
        }
    }

    /** CenterCrop({height, width}). */
    public static class CenterCrop extends Layer {
        private final Object height;
        private final Object width;

        public CenterCrop(Args args) {
            super(args);
            height = args.get("height");
            width = args.get("width");
        }

        @Override
        public String getClassName() {
            return "CenterCrop";
        }

        @Override
        public List<int[]> computeOutputShape(List<int[]> inputShapes) {
            int[] s = oneShape(inputShapes).clone();
            s[s.length - 3] = num(height);
            s[s.length - 2] = num(width);
            return one(s);
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return Engine.get().tidy(() -> {
                Tensor x = oneTensor(inputs);
                DType dtype = x.dtype();
                int[] s = x.shape();
                int inH = s[s.length - 3];
                int inW = s[s.length - 2];
                int h = num(height);
                int w = num(width);
                int hBuffer = inH != h ? (int) Math.floor((inH - h) / 2.0) : 0;
                int wBuffer = 0;
                if (inW != w) {
                    wBuffer = (int) Math.floor((inW - w) / 2.0);
                    if (wBuffer == 0) {
                        wBuffer = 1;
                    }
                }
                if (hBuffer >= 0 && wBuffer >= 0) {
                    return one(crop(x, hBuffer, wBuffer, h, w, inH, inW, dtype));
                }
                return one(Transform.cast(Image.resizeBilinear(x, new int[] {h, w}), dtype));
            });
        }

        private static Tensor crop(Tensor x, int hBuffer, int wBuffer, int h, int w, int inH, int inW, DType dtype) {
            double top = (double) hBuffer / inH;
            double left = (double) wBuffer / inW;
            double bottom = (double) (h + hBuffer) / inH;
            double right = (double) (w + wBuffer) / inW;
            boolean rank3 = x.rank() == 3;
            Tensor input = rank3 ? Transform.stack(x) : x;
            int n = input.dim(0);
            float[] b = new float[n * 4];
            for (int i = 0; i < n; i++) {
                b[i * 4] = (float) top;
                b[i * 4 + 1] = (float) left;
                b[i * 4 + 2] = (float) bottom;
                b[i * 4 + 3] = (float) right;
            }
            Tensor boxes = Creation.tensor(b, n, 4);
            Tensor boxInd = Creation.range(0, n, 1, DType.INT32);
            Tensor cropped = Image.cropAndResize(input, boxes, boxInd, new int[] {h, w}, "nearest", 0);
            if (rank3) {
                Tensor[] parts = Transform.unstack(cropped, 0);
                if (parts.length != 1) {
                    throw new IllegalArgumentException("Expected Tensor length to be 1; got " + parts.length);
                }
                return Transform.cast(parts[0], dtype);
            }
            return Transform.cast(cropped, dtype);
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("height", height);
            c.put("width", width);
            return merge(c, super.getConfig());
        }
    }

    static int num(Object v) {
        return v == null ? -1 : ((Number) v).intValue();
    }
}
