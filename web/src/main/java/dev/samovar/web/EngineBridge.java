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
    /** A new empty list, for ops that take several tensors (concat, stack, addN). */
    @JSExport
    public TensorList list() {
        return new TensorList();
    }

    @JSExport
    public Tensor fromFloats(float[] values, int[] shape) {
        return Engine.get().makeTensor(values, shape, DType.FLOAT32);
    }

    /** int32 or bool values (bool already 0/1). */
    @JSExport
    public Tensor fromInts(int[] values, int[] shape, String dtype) {
        return Engine.get().makeTensor(values, shape, DType.of(dtype));
    }

    @JSExport
    public int[] shape(Tensor t) {
        return t.shape();
    }

    @JSExport
    public String dtype(Tensor t) {
        return t.dtype().jsName();
    }

    @JSExport
    public int id(Tensor t) {
        return t.id();
    }

    @JSExport
    public boolean isDisposed(Tensor t) {
        return t.isDisposed();
    }

    @JSExport
    public boolean isKept(Tensor t) {
        return t.isKept();
    }

    @JSExport
    public void dispose(Tensor t) {
        t.dispose();
    }

    @JSExport
    public void keep(Tensor t) {
        t.keep();
    }

    @JSExport
    public Tensor clone(Tensor t) {
        return t.clone();
    }

    /** A fresh copy of a float32 tensor's values. */
    @JSExport
    public float[] floats(Tensor t) {
        return t.dataSync();
    }

    /** A fresh copy of an int32 / bool tensor's values. */
    @JSExport
    public int[] ints(Tensor t) {
        return t.dataSyncInt();
    }

    @JSExport
    public String format(Tensor t, boolean verbose) {
        return t.toString(verbose);
    }

    @JSExport
    public Scope startScope(String name) {
        return Engine.get().startScope(name);
    }

    /** Closes a scope; {@code results} outlive it and move to the enclosing scope. */
    @JSExport
    public void endScope(Scope scope, TensorList results) {
        for (Tensor t : results.items()) {
            scope.escape(t);
        }
        scope.close();
    }

    /** numTensors, numDataBuffers, numBytes, unreliable (0/1). */
    @JSExport
    public double[] memory() {
        MemoryInfo m = Engine.get().memory();
        return new double[] {m.numTensors, m.numDataBuffers, m.numBytes, m.unreliable ? 1 : 0};
    }

    @JSExport
    public String[] memoryReasons() {
        List<String> r = Engine.get().memory().reasons;
        return r.toArray(new String[0]);
    }

    @JSExport
    public boolean setBackend(String name) {
        return Engine.get().setBackend(name);
    }

    @JSExport
    public String getBackend() {
        return Engine.get().backendName();
    }

    @JSExport
    public String[] backendNames() {
        return Engine.get().backendNames().toArray(new String[0]);
    }
}
