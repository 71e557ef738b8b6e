package dev.samovar.graph;

import dev.samovar.core.Tensor;
import java.util.HashMap;
import java.util.Map;

/** What an op sees while a graph runs: helpers to read small tensors (shapes, axes) and TensorLists. */
public final class ExecutionContext {
    final GraphModel model;
    /** TensorLists by id (TensorListReserve / FromTensor make them; the handle is a scalar id tensor). */
    final Map<Integer, TensorListValue> tensorLists = new HashMap<>();
    int nextListId = 1;

    ExecutionContext(GraphModel model) {
        this.model = model;
    }

    static int[] ints(Tensor t) {
        return t.dataSyncInt();
    }

    static int scalarInt(Tensor t) {
        return t.dataSyncInt()[0];
    }

    static double scalar(Tensor t) {
        Object v = t.data();
        return v instanceof float[] ? ((float[]) v)[0] : ((int[]) v)[0];
    }
}
