package dev.samovar.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Maps (kernel name, backend name) to a kernel. */
public final class KernelRegistry {
    private static final Map<String, Kernel> KERNELS = new HashMap<>();

    private KernelRegistry() {
    }

    private static String key(String kernelName, String backendName) {
        return backendName + "_" + kernelName;
    }

    public static void register(String kernelName, String backendName, Kernel kernel) {
        KERNELS.put(key(kernelName, backendName), kernel);
    }

    /** Removes a kernel (TF.js's unregisterKernel); returns whether it was registered. */
    public static boolean unregister(String kernelName, String backendName) {
        return KERNELS.remove(key(kernelName, backendName)) != null;
    }

    public static Kernel get(String kernelName, String backendName) {
        return KERNELS.get(key(kernelName, backendName));
    }

    /** Names of the kernels registered for a backend, sorted. */
    public static Set<String> kernelNames(String backendName) {
        Set<String> names = new TreeSet<>();
        String prefix = backendName + "_";
        for (String k : KERNELS.keySet()) {
            if (k.startsWith(prefix)) {
                names.add(k.substring(prefix.length()));
            }
        }
        return names;
    }
}
