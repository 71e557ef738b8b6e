package dev.samovar.graph;

import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.List;

/** A TensorList of the TensorList* ops: element tensors (kept), element shape and dtype. */
final class TensorListValue {
    final List<Tensor> items = new ArrayList<>();
    int[] elementShape;

    void dispose() {
        for (Tensor t : items) {
            if (t != null && !t.isDisposed()) {
                t.dispose();
            }
        }
        items.clear();
    }
}
