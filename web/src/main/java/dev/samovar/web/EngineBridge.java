package dev.samovar.web;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.MemoryInfo;
import dev.samovar.core.Scope;
import dev.samovar.core.Tensor;
import java.util.List;
import org.teavm.jso.JSExport;

/** Tensors, scopes, memory and backends for the JS API. */
public final class EngineBridge {
    private EngineBridge() {
    }

    /** A new empty list, for ops that take several tensors (concat, stack, addN). */
    @JSExport
    public static TensorList list() {
        return new TensorList();
    }

    @JSExport
    public static Tensor fromFloats(float[] values, int[] shape) {
        return Engine.get().makeTensor(values, shape, DType.FLOAT32);
    }

    /** int32 or bool values (bool already 0/1). */
    @JSExport
    public static Tensor fromInts(int[] values, int[] shape, String dtype) {
        return Engine.get().makeTensor(values, shape, DType.of(dtype));
    }

    /** [id, dtype code (0 float32, 1 int32, 2 bool), ...shape]: what a JS wrapper needs, in one call. */
    @JSExport
    public static int[] info(Tensor t) {
        int[] shape = t.shapeRef();
        int[] out = new int[2 + shape.length];
        out[0] = t.id();
        out[1] = t.dtype().ordinal();
        System.arraycopy(shape, 0, out, 2, shape.length);
        return out;
    }

    @JSExport
    public static boolean isDisposed(Tensor t) {
        return t.isDisposed();
    }

    @JSExport
    public static boolean isKept(Tensor t) {
        return t.isKept();
    }

    @JSExport
    public static void dispose(Tensor t) {
        t.dispose();
    }

    @JSExport
    public static void keep(Tensor t) {
        t.keep();
    }

    @JSExport
    public static Tensor clone(Tensor t) {
        return t.clone();
    }

    /**
     * A float32 tensor's values. The backend's buffer is handed to TeaVM's export wrapper, which
     * copies it into a fresh Float32Array: one copy in all.
     */
    @JSExport
    public static float[] floats(Tensor t) {
        Object v = read(t);
        return v instanceof float[] ? (float[]) v : t.dataSync();
    }

    /** An int32 / bool tensor's values (one copy, made by the export wrapper). */
    @JSExport
    public static int[] ints(Tensor t) {
        Object v = read(t);
        return v instanceof int[] ? (int[]) v : t.dataSyncInt();
    }

    private static Object read(Tensor t) {
        t.assertNotDisposed();
        return t.dataId().backend().readSync(t.dataId());
    }

    @JSExport
    public static String format(Tensor t, boolean verbose) {
        return t.toString(verbose);
    }

    @JSExport
    public static Scope startScope() {
        return Engine.get().startScope("js");
    }

    /** Closes a scope; {@code results} (may be null) outlive it and move to the enclosing scope. */
    @JSExport
    public static void endScope(Scope scope, TensorList results) {
        if (results != null) {
            for (Tensor t : results.items()) {
                scope.escape(t);
            }
        }
        scope.close();
    }

    /** Closes a scope whose one result outlives it. */
    @JSExport
    public static void endScopeWith(Scope scope, Tensor result) {
        scope.escape(result);
        scope.close();
    }

    /** numTensors, numDataBuffers, numBytes, unreliable (0/1). */
    @JSExport
    public static double[] memory() {
        MemoryInfo m = Engine.get().memory();
        return new double[] {m.numTensors, m.numDataBuffers, m.numBytes, m.unreliable ? 1 : 0};
    }

    @JSExport
    public static String[] memoryReasons() {
        List<String> r = Engine.get().memory().reasons;
        return r.toArray(new String[0]);
    }

    @JSExport
    public static boolean setBackend(String name) {
        return Engine.get().setBackend(name);
    }

    @JSExport
    public static String getBackend() {
        return Engine.get().backendName();
    }

    @JSExport
    public static String[] backendNames() {
        return Engine.get().backendNames().toArray(new String[0]);
    }
}
