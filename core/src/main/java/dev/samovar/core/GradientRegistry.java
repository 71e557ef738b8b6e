package dev.samovar.core;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Gradients by kernel name, with the tensors each needs saved from the forward pass. Filled by the
 * {@link GradientProvider}s found through ServiceLoader (the gradients live in a package that
 * builds them from ops, which {@code core} cannot import).
 */
public final class GradientRegistry {
    /** One kernel's gradient and what it needs saved. */
    public static final class Entry {
        final int[] inputsToSave;
        final boolean saveAllInputs;
        final boolean[] outputsToSave;
        final GradientFunction function;

        Entry(int[] inputsToSave, boolean saveAllInputs, boolean[] outputsToSave, GradientFunction function) {
            this.inputsToSave = inputsToSave;
            this.saveAllInputs = saveAllInputs;
            this.outputsToSave = outputsToSave;
            this.function = function;
        }
    }

    private static final Map<String, Entry> GRADIENTS = new HashMap<>();
    private static boolean loaded;

    private GradientRegistry() {
    }

    /**
     * Registers the gradient of a kernel. {@code inputsToSave}: indices of inputs the gradient
     * reads with {@link GradientContext#saved}; {@code outputsToSave}: which outputs it reads (after
     * the inputs), or null.
     */
    public static void register(String kernelName, int[] inputsToSave, boolean[] outputsToSave,
            GradientFunction function) {
        GRADIENTS.put(kernelName, new Entry(inputsToSave == null ? new int[0] : inputsToSave, false, outputsToSave,
                function));
    }

    /** Registers a gradient that needs every input saved (AddN, Concat, Pack...). */
    public static void registerSavingAllInputs(String kernelName, boolean[] outputsToSave, GradientFunction function) {
        GRADIENTS.put(kernelName, new Entry(new int[0], true, outputsToSave, function));
    }

    static Entry get(String kernelName) {
        if (!loaded) {
            loaded = true;
            for (GradientProvider p : ServiceLoader.load(GradientProvider.class)) {
                p.registerGradients();
            }
        }
        return GRADIENTS.get(kernelName);
    }

    /** Removes a kernel's gradient (TF.js's unregisterGradient); returns whether there was one. */
    public static boolean unregister(String kernelName) {
        get(kernelName);
        return GRADIENTS.remove(kernelName) != null;
    }

    /** Whether a gradient is registered for the kernel. */
    public static boolean has(String kernelName) {
        return get(kernelName) != null;
    }
}
