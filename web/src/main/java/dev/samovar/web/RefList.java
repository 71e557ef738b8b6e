package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.layers.activations.Activation;
import dev.samovar.layers.constraints.Constraint;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.engine.SymbolicTensor;
import dev.samovar.layers.initializers.Initializer;
import dev.samovar.layers.regularizers.Regularizer;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSExport;

/**
 * Java objects handed from JS to Java (as {@link TensorList} does for tensors): arguments such as
 * {@code {kernelInitializer: tf.initializers.ones(), weights: [t]}} cross as JSON in which each
 * Java-backed value is {@code {"$ref": i}}, item i of this list. One typed add per kind, so the
 * exported signatures stay plain Java classes.
 */
public final class RefList {
    private final List<Object> items = new ArrayList<>();

    @JSExport
    public void addTensor(Tensor t) {
        items.add(t);
    }

    @JSExport
    public void addSymbolic(SymbolicTensor t) {
        items.add(t);
    }

    @JSExport
    public void addLayer(Layer l) {
        items.add(l);
    }

    @JSExport
    public void addInitializer(Initializer i) {
        items.add(i);
    }

    @JSExport
    public void addRegularizer(Regularizer r) {
        items.add(r);
    }

    @JSExport
    public void addConstraint(Constraint c) {
        items.add(c);
    }

    @JSExport
    public void addActivation(Activation a) {
        items.add(a);
    }

    @JSExport
    public void addVariable(LayerVariable v) {
        items.add(v);
    }

    @JSExport
    public int size() {
        return items.size();
    }

    public Object get(int i) {
        return items.get(i);
    }

    public List<Object> items() {
        return items;
    }
}
