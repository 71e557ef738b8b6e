package dev.samovar.layers.merge;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Dims;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Linalg;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import dev.samovar.ops.Unary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's Merge base (layers/merge.js): inputs of different ranks are expanded (axis 1) to the
 * largest rank; output shapes broadcast as TF.js computes them. Subclasses: Add, Multiply,
 * Average, Maximum, Minimum, Concatenate, Dot.
 */
public abstract class Merge extends Layer {
    protected boolean reshapeRequired;

    protected Merge(Args args) {
        super(args == null ? new Args() : args);
        supportsMasking = true;
    }

    protected abstract Tensor mergeFunction(List<Tensor> inputs);

    static int[] elementwiseShape(int[] shape1, int[] shape2) {
        if (shape1 == null || shape2 == null) {
            return null;
        }
        if (shape1.length < shape2.length) {
            return elementwiseShape(shape2, shape1);
        }
        if (shape2.length == 0) {
            return shape1;
        }
        int[] out = new int[shape1.length];
        int lead = shape1.length - shape2.length;
        System.arraycopy(shape1, 0, out, 0, lead);
        for (int k = 0; k < shape2.length; k++) {
            int i = shape1[lead + k];
            int j = shape2[k];
            if (i < 0 || j < 0) {
                out[lead + k] = Dims.UNKNOWN;
            } else if (i == 1) {
                out[lead + k] = j;
            } else if (j == 1) {
                out[lead + k] = i;
            } else {
                if (i != j) {
                    throw new IllegalArgumentException("Operands could not be broadcast together with shapes "
                            + Dims.json(shape1) + " " + Dims.json(shape2));
                }
                out[lead + k] = i;
            }
        }
        return out;
    }

    @Override
    public void build(List<int[]> inputShapes) {
        if (inputShapes.size() < 2) {
            throw new IllegalArgumentException("A merge layer should be called on an Array of at least 2 inputs. Got "
                    + inputShapes.size() + " input(s).");
        }
        List<Integer> batchSizes = new ArrayList<>();
        for (int[] s : inputShapes) {
            if (s != null && s[0] != Dims.UNKNOWN && !batchSizes.contains(s[0])) {
                batchSizes.add(s[0]);
            }
        }
        if (batchSizes.size() > 1) {
            throw new IllegalArgumentException("Can not merge tensors with different batch sizes. Got tensors with "
                    + "shapes: " + Dims.json(inputShapes) + ".");
        }
        int[] out = Arrays.copyOfRange(inputShapes.get(0), 1, inputShapes.get(0).length);
        for (int i = 1; i < inputShapes.size(); i++) {
            int[] s = inputShapes.get(i);
            out = elementwiseShape(out, Arrays.copyOfRange(s, 1, s.length));
        }
        int rank0 = inputShapes.get(0).length;
        boolean same = true;
        for (int[] s : inputShapes) {
            same &= s.length == rank0;
        }
        reshapeRequired = !same;
        built = true;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            if (reshapeRequired) {
                int maxNDim = 0;
                for (Tensor x : inputs) {
                    maxNDim = Math.max(maxNDim, x.rank());
                }
                List<Tensor> reshaped = new ArrayList<>();
                for (Tensor x : inputs) {
                    Tensor y = x;
                    for (int k = 0; k < maxNDim - x.rank(); k++) {
                        y = LayerOps.expandDims(y, 1);
                    }
                    reshaped.add(y);
                }
                return one(mergeFunction(reshaped));
            }
            return one(mergeFunction(inputs));
        });
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        int[] s0 = inputShapes.get(0);
        int[] out = s0 == null ? null : Arrays.copyOfRange(s0, 1, s0.length);
        for (int i = 1; i < inputShapes.size(); i++) {
            int[] s = inputShapes.get(i);
            out = elementwiseShape(out, s == null ? null : Arrays.copyOfRange(s, 1, s.length));
        }
        List<Integer> batchSizes = new ArrayList<>();
        for (int[] s : inputShapes) {
            if (s != null && s[0] != Dims.UNKNOWN && !batchSizes.contains(s[0])) {
                batchSizes.add(s[0]);
            }
        }
        return one(Dims.prepend(batchSizes.size() == 1 ? batchSizes.get(0) : Dims.UNKNOWN, out));
    }

    /**
     * TF.js's Merge.computeMask, as it is: each mask gets a leading axis of 1 and the output mask is
     * the first mask AND-ed with the masks after it but the last (so with two inputs, the first
     * input's mask, of shape {@code [1, ...mask]}); null when no input is masked.
     */
    @Override
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        if (masks == null) {
            return null;
        }
        if (masks.size() != inputs.size()) {
            throw new IllegalArgumentException("The Array 'inputs' and 'mask' are expected to have the same length, "
                    + "but have different lengths (" + inputs.size() + " vs " + masks.size() + ")");
        }
        if (masks.stream().allMatch(m -> m == null)) {
            return null;
        }
        return Engine.get().tidy(() -> {
            List<Tensor> m = new ArrayList<>();
            for (Tensor t : masks) {
                m.add(t == null ? null : Transform.expandDims(t, 0));
            }
            Tensor output = m.get(0);
            for (int i = 1; i < m.size() - 1; ++i) {
                output = dev.samovar.ops.Logic.logicalAnd(output, m.get(i));
            }
            List<Tensor> out = new ArrayList<>();
            out.add(output);
            return out;
        });
    }

    /** Add, Multiply, Average, Maximum, Minimum. */
    public abstract static class Elementwise extends Merge {
        protected Elementwise(Args args) {
            super(args);
        }

        /** Makes Add, Multiply, Average, Maximum or Minimum. */
        public static Elementwise of(String className, Args args) {
            switch (className) {
                case "Add":
                    return new Elementwise(args) {
                        @Override
                        public String getClassName() {
                            return "Add";
                        }
                    };
                case "Multiply":
                    return new Elementwise(args) {
                        @Override
                        public String getClassName() {
                            return "Multiply";
                        }
                    };
                case "Average":
                    return new Elementwise(args) {
                        @Override
                        public String getClassName() {
                            return "Average";
                        }
                    };
                case "Maximum":
                    return new Elementwise(args) {
                        @Override
                        public String getClassName() {
                            return "Maximum";
                        }
                    };
                default:
                    return new Elementwise(args) {
                        @Override
                        public String getClassName() {
                            return "Minimum";
                        }
                    };
            }
        }

        @Override
        protected Tensor mergeFunction(List<Tensor> inputs) {
            String kind = getClassName();
            return Engine.get().tidy(() -> {
                switch (kind) {
                    case "Add": {
                        Tensor out = inputs.get(0).clone();
                        for (int i = 1; i < inputs.size(); i++) {
                            out = Arithmetic.add(out, inputs.get(i));
                        }
                        return out;
                    }
                    case "Multiply": {
                        Tensor out = inputs.get(0).clone();
                        for (int i = 1; i < inputs.size(); i++) {
                            out = Arithmetic.mul(out, inputs.get(i));
                        }
                        return out;
                    }
                    case "Average": {
                        Tensor out = inputs.get(0).clone();
                        for (int i = 1; i < inputs.size(); i++) {
                            out = Arithmetic.add(out, inputs.get(i));
                        }
                        return Arithmetic.mul(Creation.scalar(1.0 / inputs.size(), DType.FLOAT32), out);
                    }
                    case "Maximum": {
                        Tensor out = inputs.get(0);
                        for (int i = 1; i < inputs.size(); i++) {
                            out = Arithmetic.maximum(out, inputs.get(i));
                        }
                        return out;
                    }
                    case "Minimum": {
                        Tensor out = inputs.get(0);
                        for (int i = 1; i < inputs.size(); i++) {
                            out = Arithmetic.minimum(out, inputs.get(i));
                        }
                        return out;
                    }
                    default:
                        throw new IllegalStateException(kind);
                }
            });
        }
    }

    /** Concatenate along an axis (default -1). */
    public static class Concatenate extends Merge {
        private final int axis;

        public Concatenate(Args args) {
            super(args);
            Args a = args == null ? new Args() : args;
            axis = a.getInt("axis", -1);
            reshapeRequired = false;
        }

        @Override
        public String getClassName() {
            return "Concatenate";
        }

        @Override
        public void build(List<int[]> inputShapes) {
            if (inputShapes.size() == 1) {
                throw new IllegalArgumentException("A `Concatenate` layer should be called on a list of at least 2 "
                        + "inputs");
            }
            List<String> set = new ArrayList<>();
            for (int[] s : inputShapes) {
                List<Integer> l = new ArrayList<>();
                for (int d : s) {
                    l.add(d);
                }
                int at = axis < 0 ? l.size() + axis : axis;
                if (at >= 0 && at < l.size()) {
                    l.remove(at);
                }
                String key = l.toString();
                if (!set.contains(key)) {
                    set.add(key);
                }
            }
            if (set.size() > 1) {
                throw new IllegalArgumentException("A `Concatenate` layer requires inputs with matching shapes except "
                        + "for the concat axis. Got input shapes: " + Dims.json(inputShapes));
            }
            built = true;
        }

        @Override
        protected Tensor mergeFunction(List<Tensor> inputs) {
            return Engine.get().tidy(() -> {
                int ax = axis;
                if (ax < 0) {
                    int rank = inputs.get(0).rank();
                    ax = rank != 0 ? rank : 0;
                }
                if (ax == inputs.get(0).rank()) {
                    ax = -1;
                }
                return Transform.concat(inputs.toArray(new Tensor[0]), ax);
            });
        }

        @Override
        public List<int[]> computeOutputShape(List<int[]> inputShapes) {
            int[] out = inputShapes.get(0).clone();
            int at = axis < 0 ? out.length + axis : axis;
            for (int i = 1; i < inputShapes.size(); i++) {
                int[] s = inputShapes.get(i);
                if (out[at] == Dims.UNKNOWN || s[at] == Dims.UNKNOWN) {
                    out[at] = Dims.UNKNOWN;
                    break;
                }
                out[at] += s[at];
            }
            return one(out);
        }

        /**
         * TF.js's Concatenate.computeMask: unmasked inputs count as all-true, masks of lower rank get
         * a last axis, the masks are concatenated on the layer's axis and reduced with all() over
         * the last axis.
         */
        @Override
        public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
            if (masks == null) {
                return null;
            }
            if (masks.size() != inputs.size()) {
                throw new IllegalArgumentException("Mismatch in the length of mask (" + masks.size()
                        + ") and the legnth of inputs (" + inputs.size() + ")");
            }
            if (masks.stream().allMatch(m -> m == null)) {
                return null;
            }
            return Engine.get().tidy(() -> {
                Tensor[] outputMasks = new Tensor[inputs.size()];
                for (int i = 0; i < inputs.size(); ++i) {
                    Tensor m = masks.get(i);
                    if (m == null) {
                        outputMasks[i] = Transform.cast(Creation.onesLike(inputs.get(i)), DType.BOOL);
                    } else if (m.rank() < inputs.get(i).rank()) {
                        outputMasks[i] = Transform.expandDims(m, -1);
                    } else {
                        outputMasks[i] = m;
                    }
                }
                Tensor concatenated = Transform.concat(outputMasks, axis);
                List<Tensor> out = new ArrayList<>();
                out.add(Reduction.all(concatenated, new int[] {-1}, false));
                return out;
            });
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("axis", axis);
            return merge(config, super.getConfig());
        }
    }

    /** Dot: batched dot product of two inputs along axes. */
    public static class Dot extends Merge {
        private final Object axes;
        private final boolean normalize;

        public Dot(Args args) {
            super(args);
            axes = args.get("axes");
            normalize = args.getBoolean("normalize", false);
            reshapeRequired = false;
        }

        @Override
        public String getClassName() {
            return "Dot";
        }

        private int[] interpretAxes(int rank1, int rank2) {
            if (axes instanceof List) {
                List<?> l = (List<?>) axes;
                return new int[] {interpret(((Number) l.get(0)).intValue(), rank1),
                    interpret(((Number) l.get(1)).intValue(), rank2)};
            }
            int a = ((Number) axes).intValue();
            return new int[] {interpret(a, rank1), interpret(a, rank2)};
        }

        private static int interpret(int axis, int dim) {
            while (axis < 0) {
                axis += dim;
            }
            return axis;
        }

        @Override
        public void build(List<int[]> inputShapes) {
            if (inputShapes.size() != 2) {
                throw new IllegalArgumentException("A `Dot` layer should be called on a list of exactly 2 inputs.");
            }
            int[] s1 = inputShapes.get(0);
            int[] s2 = inputShapes.get(1);
            if (s1.length > 3 || s2.length > 3) {
                throw new UnsupportedOperationException("Dot layer does not support tensors of 4D or higher rank yet.");
            }
            int[] ax = axes instanceof List ? new int[] {((Number) ((List<?>) axes).get(0)).intValue(),
                ((Number) ((List<?>) axes).get(1)).intValue()} : interpretAxes(s1.length, s2.length);
            int d1 = ax[0] >= 0 && ax[0] < s1.length ? s1[ax[0]] : Dims.UNKNOWN;
            int d2 = ax[1] >= 0 && ax[1] < s2.length ? s2[ax[1]] : Dims.UNKNOWN;
            if (d1 != d2) {
                throw new IllegalArgumentException("Dimension incompatibility: " + dimStr(d1) + " !== " + dimStr(d2));
            }
            built = true;
        }

        private static String dimStr(int d) {
            return d == Dims.UNKNOWN ? "null" : String.valueOf(d);
        }

        @Override
        protected Tensor mergeFunction(List<Tensor> inputs) {
            if (inputs.size() != 2) {
                throw new IllegalArgumentException("A `Dot` layer must be called on exactly 2 inputs, but received "
                        + inputs.size() + " input(s).");
            }
            Tensor x1 = inputs.get(0);
            Tensor x2 = inputs.get(1);
            int[] ax = interpretAxes(x1.rank(), x2.rank());
            if (normalize) {
                x1 = l2Normalize(x1, ax[0]);
                x2 = l2Normalize(x2, ax[1]);
            }
            return batchDot(x1, x2, ax);
        }

        static Tensor l2Normalize(Tensor x, int axis) {
            return Engine.get().tidy(() -> {
                Tensor squareSum = Reduction.sum(LayerOps.square(x), new int[] {axis}, true);
                Tensor eps = Creation.fill(squareSum.shape(), LayerOps.EPSILON, DType.FLOAT32);
                Tensor norm = Unary.sqrt(Arithmetic.maximum(squareSum, eps));
                return Arithmetic.div(x, norm);
            });
        }

        static Tensor batchDot(Tensor x0, Tensor y0, int[] axes) {
            if (x0.rank() > 3 || y0.rank() > 3) {
                throw new UnsupportedOperationException("batchDot is not implemented for tensors of 4D or higher rank "
                        + "yet");
            }
            int xNDim = x0.rank();
            int yNDim = y0.rank();
            return Engine.get().tidy(() -> {
                Tensor x = x0;
                Tensor y = y0;
                int diff;
                if (xNDim > yNDim) {
                    diff = xNDim - yNDim;
                    int[] s = Arrays.copyOf(y.shapeRef(), yNDim + diff);
                    Arrays.fill(s, yNDim, s.length, 1);
                    y = Transform.reshape(y, s);
                } else if (yNDim > xNDim) {
                    diff = yNDim - xNDim;
                    int[] s = Arrays.copyOf(x.shapeRef(), xNDim + diff);
                    Arrays.fill(s, xNDim, s.length, 1);
                    x = Transform.reshape(x, s);
                } else {
                    diff = 0;
                }
                Tensor out;
                if (x.rank() == 2 && y.rank() == 2) {
                    if (axes[0] == axes[1]) {
                        out = Reduction.sum(Arithmetic.mul(x, y), axes[0]);
                    } else {
                        out = Reduction.sum(Arithmetic.mul(Transform.transpose(x, 1, 0), y), axes[1]);
                    }
                } else {
                    boolean adjX = axes[0] != x.rank() - 1;
                    boolean adjY = axes[1] == y.rank() - 1;
                    out = Linalg.matMul(x, y, adjX, adjY);
                }
                if (diff > 0) {
                    int idx = xNDim > yNDim ? xNDim + yNDim - 3 : xNDim - 1;
                    int[] sq = new int[diff];
                    for (int i = 0; i < diff; i++) {
                        sq[i] = idx + i;
                    }
                    out = Transform.squeeze(out, sq);
                }
                if (out.rank() == 1) {
                    out = LayerOps.expandDims(out, 1);
                }
                return out;
            });
        }

        @Override
        public List<int[]> computeOutputShape(List<int[]> inputShapes) {
            int[] s1 = inputShapes.get(0);
            int[] s2 = inputShapes.get(1);
            int[] ax = axes instanceof List ? new int[] {((Number) ((List<?>) axes).get(0)).intValue(),
                ((Number) ((List<?>) axes).get(1)).intValue()} : interpretAxes(s1.length, s2.length);
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < s1.length; i++) {
                if (i != ax[0]) {
                    out.add(s1[i]);
                }
            }
            List<Integer> l2 = new ArrayList<>();
            for (int i = 0; i < s2.length; i++) {
                if (i != ax[1]) {
                    l2.add(s2[i]);
                }
            }
            l2.remove(0);
            out.addAll(l2);
            if (out.size() == 1) {
                out.add(1);
            }
            return one(out.stream().mapToInt(Integer::intValue).toArray());
        }

        @Override
        public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
            return null;
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("axes", axes);
            config.put("normalize", normalize);
            return merge(config, super.getConfig());
        }
    }
}
