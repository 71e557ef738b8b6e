package dev.samovar.tests.ops;

import dev.samovar.tests.ops.adapters.ArithmeticAdapters;
import dev.samovar.tests.ops.adapters.CoreAdapters;
import dev.samovar.tests.ops.adapters.CreationAdapters;
import dev.samovar.tests.ops.adapters.LinalgAdapters;
import dev.samovar.tests.ops.adapters.LossesAdapters;
import dev.samovar.tests.ops.adapters.FusedAdapters;
import dev.samovar.tests.ops.adapters.ImageAdapters;
import dev.samovar.tests.ops.adapters.PoolAdapters;
import dev.samovar.tests.ops.adapters.ConvAdapters;
import dev.samovar.tests.ops.adapters.Conv3dAdapters;
import dev.samovar.tests.ops.adapters.SignalAdapters;
import dev.samovar.tests.ops.adapters.NnAdapters;
import dev.samovar.tests.ops.adapters.RandomAdapters;
import dev.samovar.tests.ops.adapters.LogicAdapters;
import dev.samovar.tests.ops.adapters.ReductionAdapters;
import dev.samovar.tests.ops.adapters.SelectionAdapters;
import dev.samovar.tests.ops.adapters.MiscAdapters;
import dev.samovar.tests.ops.adapters.ScatterAdapters;
import dev.samovar.tests.ops.adapters.NamespaceAdapters;
import dev.samovar.tests.ops.adapters.TransformAdapters;
import dev.samovar.tests.ops.adapters.UnaryAdapters;
import java.util.HashMap;
import java.util.Map;

/**
 * How each TF.js call of the op cases is made with the Java API: one adapter per op path (or
 * ".method"), registered by one file per op family.
 */
public final class JavaOps {
    /** Maps a case's TF.js arguments onto a Java API call and returns its result. */
    @FunctionalInterface
    public interface Adapter {
        Object apply(Args a);
    }

    /** Returned by adapters of JS-only behaviour (conversion of JS values); the case is skipped on the JVM. */
    public static final Object JS_ONLY = new Object();

    private static final Map<String, Adapter> ADAPTERS = new HashMap<>();

    static {
        CoreAdapters.install();
        CreationAdapters.install();
        UnaryAdapters.install();
        ArithmeticAdapters.install();
        ReductionAdapters.install();
        TransformAdapters.install();
        LinalgAdapters.install();
        LossesAdapters.install();
        FusedAdapters.install();
        PoolAdapters.install();
        ConvAdapters.install();
        NnAdapters.install();
        RandomAdapters.install();
        LogicAdapters.install();
        ImageAdapters.install();
        Conv3dAdapters.install();
        SignalAdapters.install();
        SelectionAdapters.install();
        MiscAdapters.install();
        ScatterAdapters.install();
        NamespaceAdapters.install();
    }

    private JavaOps() {
    }

    public static void register(String key, Adapter adapter) {
        if (ADAPTERS.put(key, adapter) != null) {
            throw new IllegalStateException("two adapters for " + key);
        }
    }

    /** Registers an op and its Tensor method (x.op(...) == tf.op(x, ...)). */
    public static void registerWithMethod(String op, Adapter adapter) {
        register(op, adapter);
        register("." + op, adapter);
    }

    public static Adapter get(String key) {
        return ADAPTERS.get(key);
    }
}
