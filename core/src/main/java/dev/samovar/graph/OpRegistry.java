package dev.samovar.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The runtime's mapping from TensorFlow op names to Samovar ops. It is filled from the op families
 * ({@link BasicMathOps}, {@link ArithmeticOps}, ...); the test {@code GraphOpListTest} checks it
 * against the one op list ({@code dev/samovar/graph/ops.tsv}) from which the docs' table and the
 * converter's op check are generated.
 */
public final class OpRegistry {
    private static final Map<String, GraphOp> OPS = new LinkedHashMap<>();
    /** Ops whose result depends on data (TF.js's dynamic ops): they need executeAsync. */
    private static final Map<String, Boolean> DYNAMIC = new LinkedHashMap<>();
    private static boolean loaded;

    private OpRegistry() {
    }

    static void register(String tfOp, GraphOp op) {
        OPS.put(tfOp, op);
    }

    static void registerDynamic(String tfOp, GraphOp op) {
        OPS.put(tfOp, op);
        DYNAMIC.put(tfOp, Boolean.TRUE);
    }

    private static synchronized void ensureLoaded() {
        if (!loaded) {
            loaded = true;
            GraphOps.register();
            BasicMathOps.register();
            ArithmeticOps.register();
            NnOps.register();
            TransformOps.register();
            ControlFlowOps.register();
            ImageOps.register();
            VolumeOps.register();
        }
    }

    /** The op's implementation, or null when the runtime does not support it. */
    public static GraphOp get(String tfOp) {
        ensureLoaded();
        return OPS.get(tfOp);
    }

    public static boolean isDynamic(String tfOp) {
        ensureLoaded();
        return DYNAMIC.containsKey(tfOp);
    }

    /** Every supported TensorFlow op name. */
    public static Set<String> supportedOps() {
        ensureLoaded();
        return Collections.unmodifiableSet(OPS.keySet());
    }
}
