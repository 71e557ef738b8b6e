package dev.samovar.layers.advanced;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.constraints.Constraint;
import dev.samovar.layers.constraints.Constraints;
import dev.samovar.layers.engine.InputSpec;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.initializers.Initializer;
import dev.samovar.layers.initializers.Initializers;
import dev.samovar.layers.regularizers.Regularizer;
import dev.samovar.layers.regularizers.Regularizers;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Js;
import dev.samovar.layers.serialization.Undefined;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Logic;
import dev.samovar.ops.Nn;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import dev.samovar.ops.Unary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TF.js's advanced activation layers (layers/advanced_activations.js). */
public final class AdvancedActivations {
    private AdvancedActivations() {
    }

    static Args args(Args a) {
        return a == null ? new Args() : a;
    }

    /** ReLU with an optional maxValue (relu then clipByValue, not in a tidy, as TF.js). */
    public static class ReLU extends Layer {
        private final Object maxValue;

        public ReLU(Args args) {
            super(args(args));
            supportsMasking = true;
            maxValue = args(args).raw("maxValue");
        }

        @Override
        public String getClassName() {
            return "ReLU";
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            Tensor out = Unary.relu(oneTensor(inputs));
            if (!Undefined.isAbsent(maxValue)) {
                out = Unary.clipByValue(out, 0, ((Number) maxValue).doubleValue());
            }
            return one(out);
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("maxValue", maxValue);
            return merge(c, super.getConfig());
        }
    }

    /** LeakyReLU (alpha 0.3). */
    public static class LeakyReLU extends Layer {
        private final Object alpha;

        public LeakyReLU(Args args) {
            super(args(args));
            alpha = args(args).has("alpha") ? args(args).get("alpha") : 0.3;
        }

        @Override
        public String getClassName() {
            return "LeakyReLU";
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return one(Unary.leakyRelu(oneTensor(inputs), ((Number) alpha).doubleValue()));
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("alpha", alpha);
            return merge(c, super.getConfig());
        }
    }

    /** PReLU: a learned alpha of the input's shape (without batch; shared axes of size 1). */
    public static class PReLU extends Layer {
        private final Initializer alphaInitializer;
        private final Regularizer alphaRegularizer;
        private final Constraint alphaConstraint;
        private final List<Object> sharedAxes;
        private LayerVariable alpha;

        public PReLU(Args args) {
            super(args(args));
            Args a = args(args);
            supportsMasking = true;
            Object init = a.get("alphaInitializer");
            alphaInitializer = Initializers.get(init == null || "".equals(init) ? "zeros" : init);
            alphaRegularizer = Regularizers.get(a.get("alphaRegularizer"));
            alphaConstraint = Constraints.get(a.get("alphaConstraint"));
            Object sa = a.get("sharedAxes");
            if (sa == null) {
                sharedAxes = null;
            } else if (sa instanceof List) {
                sharedAxes = new ArrayList<>((List<?>) sa);
            } else if (sa instanceof Number) {
                sharedAxes = new ArrayList<>();
                sharedAxes.add(sa);
            } else {
                throw new IllegalArgumentException("Expected sharedAxes to be a number or an array of numbers, but got "
                        + Js.str(sa));
            }
        }

        @Override
        public String getClassName() {
            return "PReLU";
        }

        @Override
        public void build(List<int[]> inputShapes) {
            int[] s = oneShape(inputShapes);
            int[] param = java.util.Arrays.copyOfRange(s, 1, s.length);
            if (sharedAxes != null) {
                for (Object i : sharedAxes) {
                    param[((Number) i).intValue() - 1] = 1;
                }
            }
            alpha = addWeight("alpha", param, DType.FLOAT32, alphaInitializer, alphaRegularizer, true, alphaConstraint);
            InputSpec spec = new InputSpec().ndim(s.length);
            if (sharedAxes != null) {
                for (int i = 1; i < s.length; i++) {
                    spec.axis(i, s[i]);
                }
            }
            inputSpec = one(spec);
            built = true;
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return one(Unary.prelu(oneTensor(inputs), alpha.read()));
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("alphaInitializer", Initializers.serialize(alphaInitializer));
            c.put("alphaRegularizer", Regularizers.serialize(alphaRegularizer));
            c.put("alphaConstraint", Constraints.serialize(alphaConstraint));
            c.put("sharedAxes", sharedAxes);
            return merge(c, super.getConfig());
        }
    }

    /** ELU (alpha must be 1). */
    public static class ELU extends Layer {
        private final Object alpha;

        public ELU(Args args) {
            super(args(args));
            Args a = args(args);
            if (a.has("alpha") && a.getDouble("alpha", 1) != 1.0) {
                throw new UnsupportedOperationException("Non-default alpha value (" + Js.str(a.get("alpha"))
                        + ") is not supported by the ELU layer yet.");
            }
            alpha = a.has("alpha") ? a.get("alpha") : 1.0;
        }

        @Override
        public String getClassName() {
            return "ELU";
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return one(Unary.elu(oneTensor(inputs)));
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("alpha", alpha);
            return merge(c, super.getConfig());
        }
    }

    /** ThresholdedReLU: x where x &gt; theta, else 0. */
    public static class ThresholdedReLU extends Layer {
        private final Object theta;

        public ThresholdedReLU(Args args) {
            super(args(args));
            theta = args(args).has("theta") ? args(args).get("theta") : 1.0;
        }

        @Override
        public String getClassName() {
            return "ThresholdedReLU";
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            Tensor x = oneTensor(inputs);
            Tensor th = Creation.scalar(((Number) theta).doubleValue(), DType.FLOAT32);
            Tensor mask = Transform.cast(Logic.greater(x, th), DType.FLOAT32);
            th.dispose();
            return one(Arithmetic.mul(x, mask));
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("theta", theta);
            return merge(c, super.getConfig());
        }
    }

    /** Softmax layer (axis 1 by default; an axis list of several axes uses exp(x - logSumExp)). */
    public static class Softmax extends Layer {
        private final Object axis;

        public Softmax(Args args) {
            super(args(args));
            axis = args(args).has("axis") ? args(args).get("axis") : 1.0;
        }

        @Override
        public String getClassName() {
            return "Softmax";
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return Engine.get().tidy(() -> {
                Tensor x = oneTensor(inputs);
                Object mask = kwargs == null ? null : kwargs.get("mask");
                if (mask instanceof Tensor) {
                    Tensor adder = Arithmetic.mul(Arithmetic.sub(Creation.ones(x.shape(), DType.FLOAT32),
                            Transform.cast((Tensor) mask, x.dtype())), Creation.scalar(-1e9, DType.FLOAT32));
                    x = Arithmetic.add(x, adder);
                }
                if (axis instanceof List) {
                    List<?> l = (List<?>) axis;
                    if (l.size() > 1) {
                        int[] ax = new int[l.size()];
                        for (int i = 0; i < ax.length; i++) {
                            ax[i] = ((Number) l.get(i)).intValue();
                        }
                        return one(Unary.exp(Arithmetic.sub(x, Reduction.logSumExp(x, ax, true))));
                    }
                    return one(Nn.softmax(x, ((Number) l.get(0)).intValue()));
                }
                return one(Nn.softmax(x, ((Number) axis).intValue()));
            });
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("axis", axis);
            return merge(c, super.getConfig());
        }
    }
}
