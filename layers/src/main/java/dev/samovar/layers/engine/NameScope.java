package dev.samovar.layers.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The naming state of TF.js's layers (backend/state.js and common.js), global as in TF.js:
 * per-prefix uid counters ({@code getUid('Dense')} gives {@code Dense1}, {@code Dense2}, ...: layer
 * names {@code dense_Dense1}, models {@code model1}, inputs {@code input1}, sequentials
 * {@code sequential_1}), the stack of name scopes (a layer's {@code apply} runs in a scope named
 * after the layer, so its weights are {@code dense_Dense1/kernel}), and unique tensor names
 * ({@code x}, {@code x_1}, {@code x_2} for weights and symbolic tensors).
 */
public final class NameScope {
    private static final Map<String, Integer> UIDS = new HashMap<>();
    private static final Map<String, Integer> TENSOR_NAMES = new HashMap<>();
    private static final List<String> STACK = new ArrayList<>();
    private static int nextUniqueTensorId;

    private NameScope() {
    }

    /** TF.js's getUid(prefix): prefix followed by how many times it was asked for. */
    public static String getUid(String prefix) {
        Integer n = UIDS.get(prefix);
        int next = n == null ? 1 : n + 1;
        UIDS.put(prefix, next);
        return prefix + next;
    }

    /** An id for symbolic tensors and layer variables. */
    public static int nextUniqueTensorId() {
        return nextUniqueTensorId++;
    }

    /** Runs fn inside a name scope (nested scopes join with '/'). */
    public static <T> T nameScope(String name, Supplier<T> fn) {
        STACK.add(name);
        try {
            return fn.get();
        } finally {
            STACK.remove(STACK.size() - 1);
        }
    }

    private static String prefix() {
        if (STACK.isEmpty()) {
            return "";
        }
        return String.join("/", STACK) + "/";
    }

    /** The name a tensor or variable would have in the current scope (before uniqueness). */
    public static String scopedTensorName(String tensorName) {
        checkValid(tensorName);
        return prefix() + tensorName;
    }

    /** A unique version of a scoped name: the name itself the first time, then name_1, name_2, ... */
    public static String uniqueTensorName(String scopedName) {
        checkValid(scopedName);
        Integer index = TENSOR_NAMES.get(scopedName);
        int i = index == null ? 0 : index;
        TENSOR_NAMES.put(scopedName, i + 1);
        if (i > 0) {
            String result = scopedName + "_" + i;
            TENSOR_NAMES.put(result, 1);
            return result;
        }
        return scopedName;
    }

    /** TF.js's isValidTensorName: /^[A-Za-z0-9][-A-Za-z0-9\._\/]*$/. */
    public static boolean isValidTensorName(String name) {
        if (name == null || name.isEmpty() || !isAlnum(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAlnum(c) && c != '-' && c != '.' && c != '_' && c != '/') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static void checkValid(String name) {
        if (!isValidTensorName(name)) {
            throw new IllegalArgumentException("Not a valid tensor name: '" + name + "'");
        }
    }

    /**
     * Forgets every counter and name, as a freshly loaded page has none. For tests that compare
     * generated names with TF.js's; layers made before keep their names.
     */
    public static void reset() {
        UIDS.clear();
        TENSOR_NAMES.clear();
        STACK.clear();
        nextUniqueTensorId = 0;
    }
}
