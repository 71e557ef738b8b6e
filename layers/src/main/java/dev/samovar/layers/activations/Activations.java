package dev.samovar.layers.activations;

import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.serialization.ClassRegistry;
import dev.samovar.layers.serialization.Undefined;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Nn;
import dev.samovar.ops.OpSupport;
import dev.samovar.ops.Unary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every activation of TF.js's layers (activations.js), by name, computed with the same ops in the
 * same order: elu, selu, relu, relu6 (min(6, relu)), linear, sigmoid, hardSigmoid, softplus,
 * softsign, tanh, softmax and logSoftmax (last axis), gelu (erf form), gelu_new (tanh form), mish,
 * swish. {@link #get} takes a name, a {@code {className, config}} map, an Activation, or null
 * (linear).
 */
public final class Activations {
    public static final ClassRegistry<Activation> REGISTRY = new ClassRegistry<>("activation");

    static {
        add("elu", Unary::elu);
        add("selu", Unary::selu);
        add("relu", Unary::relu);
        add("relu6", x -> OpSupport.op("relu6", () -> Arithmetic.minimum(LayerOps.scalar(6.0), Unary.relu(x))));
        add("linear", x -> x);
        add("sigmoid", Unary::sigmoid);
        add("hardSigmoid", LayerOps::hardSigmoid);
        add("softplus", Unary::softplus);
        add("softsign", LayerOps::softsign);
        add("tanh", Unary::tanh);
        add("softmax", x -> Nn.softmax(x, -1));
        add("logSoftmax", x -> Nn.logSoftmax(x, -1));
        add("gelu", x -> OpSupport.op("gelu", () -> {
            Tensor cdf = Arithmetic.mul(LayerOps.scalar(0.5), Arithmetic.add(LayerOps.scalar(1),
                    Unary.erf(Arithmetic.div(x, LayerOps.scalar(Math.sqrt(2))))));
            return Arithmetic.mul(x, cdf);
        }));
        add("gelu_new", x -> OpSupport.op("geluNew", () -> {
            Tensor c = Unary.sqrt(Arithmetic.div(LayerOps.scalar(2), LayerOps.scalar(Math.PI)));
            Tensor inner = Arithmetic.add(x, Arithmetic.mul(LayerOps.scalar(0.044715),
                    Arithmetic.pow(x, LayerOps.scalar(3))));
            return Arithmetic.mul(LayerOps.scalar(0.5), Arithmetic.mul(x,
                    Arithmetic.add(LayerOps.scalar(1), Unary.tanh(Arithmetic.mul(c, inner)))));
        }));
        add("mish", x -> OpSupport.op("mish", () -> Arithmetic.mul(x, Unary.tanh(Unary.softplus(x)))));
        add("swish", x -> OpSupport.op("swish",
                () -> Arithmetic.mul(Unary.sigmoid(Arithmetic.mul(x, LayerOps.scalar(1))), x)));
    }

    private Activations() {
    }

    private static void add(String name, UnaryOperator<Tensor> fn) {
        Activation a = new Activation(name, fn);
        REGISTRY.register(name, (c, ctx) -> a);
    }

    /** The names, in TF.js's order. */
    public static List<String> names() {
        return REGISTRY.classNames();
    }

    /** TF.js's getActivation: null → linear; a name; a {@code {className, config}} map; an Activation. */
    @SuppressWarnings("unchecked")
    public static Activation get(Object identifier) {
        if (Undefined.isAbsent(identifier)) {
            return byName("linear");
        }
        if (identifier instanceof Activation) {
            return (Activation) identifier;
        }
        if (identifier instanceof String) {
            return byName((String) identifier);
        }
        if (identifier instanceof Map) {
            return REGISTRY.deserialize((Map<String, Object>) identifier, null);
        }
        throw new IllegalArgumentException("Not an activation: " + identifier);
    }

    private static Activation byName(String name) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("className", name);
        config.put("config", new LinkedHashMap<String, Object>());
        return REGISTRY.deserialize(config, null);
    }

    /** TF.js's serializeActivation: the name. */
    public static String serialize(Activation a) {
        return a.getClassName();
    }
}
