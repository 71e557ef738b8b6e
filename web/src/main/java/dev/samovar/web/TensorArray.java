package dev.samovar.web;

import dev.samovar.core.Tensor;
import org.teavm.jso.JSExport;

/**
 * Several tensors handed from Java to JS (split, unstack): JS reads them one at a time, since
 * TeaVM does not turn a Java array of Java objects into a JS array of the same objects.
 */
public final class TensorArray {
    private final Tensor[] items;

    public TensorArray(Tensor[] items) {
        this.items = items;
    }

    @JSExport
    public int size() {
        return items.length;
    }

    @JSExport
    public Tensor get(int i) {
        return items[i];
    }
}
