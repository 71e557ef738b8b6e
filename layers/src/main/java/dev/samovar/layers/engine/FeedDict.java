package dev.samovar.layers.engine;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Transform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Concrete values of symbolic tensors for one execution (TF.js's FeedDict). */
public final class FeedDict {
    private final Map<Integer, Tensor> id2Value = new HashMap<>();
    private final Map<Integer, Tensor> id2Mask = new HashMap<>();
    private final Map<String, Integer> name2Id = new LinkedHashMap<>();

    public FeedDict() {
    }

    /** A copy of another feed dict. */
    public FeedDict(FeedDict other) {
        id2Value.putAll(other.id2Value);
        id2Mask.putAll(other.id2Mask);
        name2Id.putAll(other.name2Id);
    }

    /** Feeds a value (cast to the key's dtype if they differ); a key may be fed once. */
    public FeedDict add(SymbolicTensor key, Tensor value, Tensor mask) {
        if (id2Value.get(key.id()) != null) {
            throw new IllegalArgumentException("Duplicate key: name=" + key.name() + ", id=" + key.id());
        }
        id2Value.put(key.id(), compatible(key, value));
        name2Id.put(key.name(), key.id());
        if (mask != null) {
            id2Mask.put(key.id(), mask);
        }
        return this;
    }

    public FeedDict add(SymbolicTensor key, Tensor value) {
        return add(key, value, null);
    }

    private static Tensor compatible(SymbolicTensor key, Tensor val) {
        if (key.dtype() == null || key.dtype().equals(val.dtype().jsName())) {
            return val;
        }
        DType target;
        try {
            target = DType.of(key.dtype());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The dtype of the feed (" + val.dtype() + ") can not be cast to the "
                    + "dtype of the key '" + key.name() + "' (" + key.dtype() + ").");
        }
        return Transform.cast(val, target);
    }

    public boolean hasKey(SymbolicTensor key) {
        return id2Value.get(key.id()) != null;
    }

    /** The names of the fed tensors, in the order fed. */
    public List<String> names() {
        return new ArrayList<>(name2Id.keySet());
    }

    public Tensor getValue(SymbolicTensor key) {
        Tensor v = id2Value.get(key.id());
        if (v == null) {
            throw new IllegalArgumentException("Nonexistent key: " + key.name());
        }
        return v;
    }

    public Tensor getValue(String name) {
        Integer id = name2Id.get(name);
        if (id == null) {
            throw new IllegalArgumentException("Feed dict has no SymbolicTensor name: " + name);
        }
        return id2Value.get(id);
    }

    public Tensor getMask(SymbolicTensor key) {
        if (id2Value.get(key.id()) == null) {
            throw new IllegalArgumentException("Nonexistent key: " + key.name());
        }
        return id2Mask.get(key.id());
    }

    /** Disposes the masks this dict holds. */
    public void disposeMasks() {
        for (Tensor m : id2Mask.values()) {
            m.dispose();
        }
    }
}
