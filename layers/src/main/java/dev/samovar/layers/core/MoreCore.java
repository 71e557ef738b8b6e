package dev.samovar.layers.core;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.engine.InputSpec;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Js;
import dev.samovar.ops.Transform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TF.js's Permute, RepeatVector and SpatialDropout1D (layers/core.js). */
public final class MoreCore {
    private MoreCore() {
    }

    /** Permutes the non-batch axes ({@code dims} counts from 1). */
    public static class Permute extends Layer {
        private final List<Object> dims;
        private final int[] perm;

        public Permute(Args args) {
            super(args);
            Object d = args.get("dims");
            if (d == null) {
                throw new IllegalArgumentException("Required configuration field `dims` is missing during Permute "
                        + "constructor call.");
            }
            if (!(d instanceof List)) {
                throw new IllegalArgumentException("Permute constructor requires `dims` to be an Array, but received "
                        + Js.str(d) + " instead.");
            }
            dims = new ArrayList<>((List<?>) d);
            perm = new int[dims.size() + 1];
            boolean[] seen = new boolean[dims.size() + 1];
            boolean ok = true;
            for (int i = 0; i < dims.size(); i++) {
                int v = ((Number) dims.get(i)).intValue();
                perm[i + 1] = v;
                if (v < 1 || v > dims.size() || seen[v]) {
                    ok = false;
                } else {
                    seen[v] = true;
                }
            }
            if (!ok) {
                throw new IllegalArgumentException("Invalid permutation `dims`: " + Js.json(dims) + " `dims` must "
                        + "contain consecutive integers starting from 1.");
            }
            inputSpec = one(new InputSpec().ndim(dims.size() + 1));
        }

        @Override
        public String getClassName() {
            return "Permute";
        }

        @Override
        public List<int[]> computeOutputShape(List<int[]> inputShapes) {
            int[] s = oneShape(inputShapes);
            int[] out = s.clone();
            for (int i = 0; i < dims.size(); i++) {
                out[i + 1] = s[perm[i + 1]];
            }
            return one(out);
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return one(Transform.transpose(oneTensor(inputs), perm));
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("dims", dims);
            return merge(c, super.getConfig());
        }
    }

    /** Repeats a [batch, features] input n times: [batch, n, features]. */
    public static class RepeatVector extends Layer {
        private final Object n;

        public RepeatVector(Args args) {
            super(args);
            n = args.get("n");
            inputSpec = one(new InputSpec().ndim(2));
        }

        @Override
        public String getClassName() {
            return "RepeatVector";
        }

        @Override
        public List<int[]> computeOutputShape(List<int[]> inputShapes) {
            int[] s = oneShape(inputShapes);
            return one(new int[] {s[0], ((Number) n).intValue(), s[1]});
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return Engine.get().tidy(() -> {
                Tensor x = oneTensor(inputs);
                if (x.rank() != 2) {
                    throw new IllegalArgumentException("repeat() expects a rank-2 tensor, but received a rank-"
                            + x.rank() + " tensor.");
                }
                return one(Transform.tile(LayerOps.expandDims(x, 1), 1, ((Number) n).intValue(), 1));
            });
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("n", n);
            return merge(c, super.getConfig());
        }
    }

    /** Dropout of whole channels of a [batch, steps, channels] input. */
    public static class SpatialDropout1D extends Dropout {
        public SpatialDropout1D(Args args) {
            super(args);
            inputSpec = one(new InputSpec().ndim(3));
        }

        @Override
        public String getClassName() {
            return "SpatialDropout1D";
        }

        @Override
        protected int[] getNoiseShape(Tensor input) {
            int[] s = input.shapeRef();
            return new int[] {s[0], 1, s[2]};
        }
    }
}
