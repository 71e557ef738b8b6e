package dev.samovar.web;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.MemoryInfo;
import dev.samovar.core.Scope;
import dev.samovar.core.Tensor;
import java.util.List;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;

/** Tensors, scopes, memory and backends for the JS API. */
public final class EngineBridge {
    private EngineBridge() {
    }

    /** A new empty list, for ops that take several tensors (concat, stack, addN). */
    @JSExport
    public static TensorList list() {
        return new TensorList();
    }

    /**
     * A float32 tensor that takes over {@code values}: the JS side passes a fresh array it will not
     * touch again (on TeaVM's JS target the Java array wraps the same buffer, no copy).
     */
    @JSExport
    public static Tensor fromFloats(Float32Array values, int[] shape) {
        return Engine.get().makeTensor(values.copyToJavaArray(), shape, DType.FLOAT32);
    }

    /** int32 or bool values (bool already 0/1), taken over as {@link #fromFloats}. */
    @JSExport
    public static Tensor fromInts(Int32Array values, int[] shape, String dtype) {
        return Engine.get().makeTensor(values.copyToJavaArray(), shape, DType.of(dtype));
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
     * A view of a float32 tensor's values (the backend's buffer itself on the CPU), which is what
     * TF.js's cpu backend hands out from dataSync(). (TeaVM's own conversion of a returned float[]
     * would copy element by element: ~10 ms per million values.)
     */
    @JSExport
    public static Float32Array floats(Tensor t) {
        Object v = read(t);
        return Float32Array.fromJavaArray(v instanceof float[] ? (float[]) v : t.dataSync());
    }

    /** A view of an int32 / bool tensor's values. */
    @JSExport
    public static Int32Array ints(Tensor t) {
        Object v = read(t);
        return Int32Array.fromJavaArray(v instanceof int[] ? (int[]) v : t.dataSyncInt());
    }

    /** Receives the values of an asynchronous read (a typed array), or an error message. */
    @JSFunctor
    public interface ReadCallback extends JSObject {
        void done(JSObject values, String error);
    }

    /**
     * Reads a tensor's values without blocking where the backend can (webgl: a fence, polled from
     * timers); calls back with a Float32Array (float32) or Int32Array (int32, bool) view.
     */
    @JSExport
    public static void read(Tensor t, ReadCallback callback) {
        t.assertNotDisposed();
        dev.samovar.core.DataId id = t.dataId();
        id.backend().expose(id);
        java.util.function.Consumer<Object> ok = v -> callback.done(
                v instanceof float[] ? Float32Array.fromJavaArray((float[]) v) : Int32Array.fromJavaArray((int[]) v),
                null);
        if (id.backend() instanceof dev.samovar.webgl.WebGLBackend) {
            ((dev.samovar.webgl.WebGLBackend) id.backend()).read(id, ok, e -> callback.done(null, e.getMessage()));
        } else {
            try {
                id.backend().read(id, ok);
            } catch (RuntimeException e) {
                callback.done(null, e.getMessage());
            }
        }
    }

    /** The buffer, marked as exposed: the backend will not recycle it once freed. */
    private static Object read(Tensor t) {
        t.assertNotDisposed();
        t.dataId().backend().expose(t.dataId());
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

    /** Names of the active backend's own memory() fields (webgl: numBytesInGPU, ...). */
    @JSExport
    public static String[] memoryFieldNames() {
        return Engine.get().memory().backendFields.keySet().toArray(new String[0]);
    }

    /** Values of those fields, in the same order. */
    @JSExport
    public static double[] memoryFieldValues() {
        java.util.Collection<Double> v = Engine.get().memory().backendFields.values();
        double[] out = new double[v.size()];
        int i = 0;
        for (Double d : v) {
            out[i++] = d;
        }
        return out;
    }

    /** The active backend's float precision (TF.js's backend.floatPrecision()): 32. */
    @JSExport
    public static int floatPrecision() {
        return Engine.get().backend().floatPrecision();
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
