package dev.samovar.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A memory scope, as TF.js's {@code tidy} in try-with-resources form: tensors made while the scope
 * is innermost are disposed when it closes, except those passed to {@link #escape} (which move to
 * the enclosing scope) and those kept with {@link Engine#keep}.
 *
 * <pre>{@code
 * Tensor y;
 * try (Scope s = Engine.get().startScope()) {
 *     Tensor h = Arithmetic.add(x, b);
 *     y = s.escape(Activations.relu(h));
 * } // h is disposed here, y is not
 * }</pre>
 */
public final class Scope implements AutoCloseable {
    final int id;
    final String name;
    final List<Tensor> tracked = new ArrayList<>();
    final List<Object> results = new ArrayList<>();
    boolean closed;

    Scope(int id, String name) {
        this.id = id;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Lets a result outlive this scope: it is handed to the enclosing scope on close. */
    public <T> T escape(T result) {
        results.add(result);
        return result;
    }

    @Override
    public void close() {
        Engine.get().endScope(this, results);
    }
}
