package dev.samovar.graph;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;
import java.util.HashMap;
import java.util.Map;

/** What an op sees while a graph runs: helpers to read small tensors, the loop frames, TensorLists. */
public final class ExecutionContext {
    final GraphModel model;
    /** Loop frames; null in a static (execute) run. */
    Frames frames;
    /** TensorLists by id; a list's handle is an int32 scalar holding the id. */
    final Map<Integer, TensorListValue> tensorLists = new HashMap<>();
    private int nextListId = 1;

    ExecutionContext(GraphModel model) {
        this.model = model;
    }

    Tensor addList(TensorListValue l) {
        int id = nextListId++;
        tensorLists.put(id, l);
        return Creation.scalar(id, DType.INT32);
    }

    TensorListValue list(Tensor handle) {
        TensorListValue l = tensorLists.get(scalarInt(handle));
        if (l == null) {
            throw new IllegalArgumentException("Cannot find TensorList " + scalarInt(handle));
        }
        return l;
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
