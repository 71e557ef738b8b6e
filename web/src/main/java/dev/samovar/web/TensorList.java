package dev.samovar.web;

import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSExport;

/**
 * A list of tensors handed from JS to Java. TeaVM 0.16 turns the elements of a JS array passed as
 * a Java object array into JSO wrappers (identity and type are lost), so JS fills this list one
 * tensor at a time instead.
 */
public final class TensorList {
    private final List<Tensor> items = new ArrayList<>();

    @JSExport
    public void add(Tensor t) {
        items.add(t);
    }

    public Tensor[] toArray() {
        return items.toArray(new Tensor[0]);
    }

    public List<Tensor> items() {
        return items;
    }
}
