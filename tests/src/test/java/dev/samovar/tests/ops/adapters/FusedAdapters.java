package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.register;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Fused;
import dev.samovar.tests.ops.Args;
import java.util.Map;

/** Java API calls for the fused op cases (one options object). */
public final class FusedAdapters {
    private FusedAdapters() {
    }

    private static Tensor t(Args a, Map<String, Object> o, String key) {
        return a.toTensor(o.get(key), null);
    }

    private static double num(Map<String, Object> o, String key, double dflt) {
        Object v = o.get(key);
        return v == null ? dflt : ((Number) v).doubleValue();
    }

    private static String str(Map<String, Object> o, String key, String dflt) {
        Object v = o.get(key);
        return v == null ? dflt : (String) v;
    }

    private static int[] tuple(Map<String, Object> o, String key, int[] dflt) {
        Object v = o.get(key);
        return v == null ? dflt : Args.intsOf(v);
    }

    public static void install() {
        register("fused.matMul", a -> {
            Map<String, Object> o = a.opts(0);
            return Fused.matMul(t(a, o, "a"), t(a, o, "b"), Boolean.TRUE.equals(o.get("transposeA")),
                    Boolean.TRUE.equals(o.get("transposeB")), t(a, o, "bias"), str(o, "activation", "linear"),
                    t(a, o, "preluActivationWeights"), num(o, "leakyreluAlpha", 0.2));
        });
        register("fused.conv2d", a -> {
            Map<String, Object> o = a.opts(0);
            return Fused.conv2d(t(a, o, "x"), t(a, o, "filter"), tuple(o, "strides", null),
                    ConvAdapters.pad(o.get("pad")), str(o, "dataFormat", "NHWC"), tuple(o, "dilations", new int[] {1, 1}),
                    str(o, "dimRoundingMode", null), t(a, o, "bias"), str(o, "activation", "linear"),
                    t(a, o, "preluActivationWeights"), num(o, "leakyreluAlpha", Double.NaN));
        });
        register("fused.depthwiseConv2d", a -> {
            Map<String, Object> o = a.opts(0);
            return Fused.depthwiseConv2d(t(a, o, "x"), t(a, o, "filter"), tuple(o, "strides", null),
                    ConvAdapters.pad(o.get("pad")), str(o, "dataFormat", "NHWC"), tuple(o, "dilations", new int[] {1, 1}),
                    str(o, "dimRoundingMode", null), t(a, o, "bias"), str(o, "activation", "linear"),
                    t(a, o, "preluActivationWeights"), num(o, "leakyreluAlpha", Double.NaN));
        });
    }
}
