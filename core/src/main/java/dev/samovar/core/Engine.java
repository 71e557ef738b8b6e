package dev.samovar.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * The engine: backends, the scope stack, tensor bookkeeping and kernel dispatch. One per JVM (or
 * page); not thread-safe: use it from one thread at a time.
 */
public final class Engine {
    private static final Engine INSTANCE = new Engine();

    private final Map<String, BackendProvider> providers = new LinkedHashMap<>();
    private final Map<String, Backend> backends = new LinkedHashMap<>();
    private boolean providersLoaded;
    private Backend active;

    private final Deque<Scope> scopes = new ArrayDeque<>();
    private int nextScopeId = 1;
    private int nextTensorId;
    private int numTensors;
    private int numDataBuffers;
    /** A double, not a long: TeaVM emulates long with BigInt, which is slow on this hot path. */
    private double numBytes;

    private Engine() {
    }

    public static Engine get() {
        return INSTANCE;
    }

    // ---------------------------------------------------------------- backends

    private void loadProviders() {
        if (providersLoaded) {
            return;
        }
        providersLoaded = true;
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            registerBackend(p);
        }
    }

    /** Registers a backend provider (also found automatically through ServiceLoader). */
    public void registerBackend(BackendProvider provider) {
        if (!providers.containsKey(provider.name())) {
            providers.put(provider.name(), provider);
            provider.registerKernels();
        }
    }

    /** Names of the registered backends, highest priority first. */
    public List<String> backendNames() {
        loadProviders();
        List<BackendProvider> ps = new ArrayList<>(providers.values());
        ps.sort((a, b) -> Integer.compare(b.priority(), a.priority()));
        List<String> names = new ArrayList<>();
        for (BackendProvider p : ps) {
            names.add(p.name());
        }
        return names;
    }

    /** The backend of that name, made on first use; null if unknown or unable to run here. */
    public Backend findBackend(String name) {
        loadProviders();
        Backend b = backends.get(name);
        if (b == null) {
            BackendProvider p = providers.get(name);
            if (p == null) {
                return null;
            }
            b = p.create();
            if (b == null) {
                return null;
            }
            backends.put(name, b);
        }
        return b;
    }

    /**
     * Makes the named backend active, as TF.js's {@code setBackend}: false when it is unknown or
     * cannot run here. Tensors already made stay where they are and move when a kernel needs them.
     */
    public boolean setBackend(String name) {
        Backend b = findBackend(name);
        if (b == null) {
            return false;
        }
        active = b;
        return true;
    }

    /** The active backend, choosing the highest-priority one that runs here on first use. */
    public Backend backend() {
        if (active == null) {
            for (String name : backendNames()) {
                if (setBackend(name)) {
                    break;
                }
            }
            if (active == null) {
                throw new IllegalStateException("No backend found in registry: register one, e.g. the cpu backend");
            }
        }
        return active;
    }

    public String backendName() {
        return backend().name();
    }

    // ---------------------------------------------------------------- tensors

    /**
     * Makes a tensor on the active backend. The engine owns {@code values} and {@code shape} from
     * now on: callers must not modify either afterwards (shapes may be shared between tensors).
     */
    public Tensor makeTensor(Object values, int[] shape, DType dtype) {
        return makeTensor(values, shape, dtype, backend());
    }

    /** Makes a tensor on the given backend (a kernel's outputs live on the kernel's backend). */
    public Tensor makeTensor(Object values, int[] shape, DType dtype, Backend backend) {
        int size = Shapes.sizeFromShape(shape);
        int length = values instanceof float[] ? ((float[]) values).length : ((int[]) values).length;
        if (length != size) {
            throw new IllegalArgumentException("Based on the provided shape, [" + Shapes.join(shape)
                    + "], the tensor should have " + size + " values but has " + length);
        }
        if (dtype == DType.FLOAT32 ? !(values instanceof float[]) : !(values instanceof int[])) {
            throw new IllegalArgumentException("Values of a " + dtype + " tensor must be a "
                    + (dtype == DType.FLOAT32 ? "float[]" : "int[]"));
        }
        DataId id = new DataId(backend, size, dtype);
        backend.write(id, values, shape, dtype);
        return makeTensorFromDataId(id, shape, dtype);
    }

    /** Makes a tensor that shares an existing buffer (reshape, clone). */
    public Tensor makeTensorFromDataId(DataId id, int[] shape, DType dtype) {
        if (id.refCount == 0) {
            numDataBuffers++;
        }
        id.refCount++;
        Tensor t = new Tensor(nextTensorId++, shape, dtype, id);
        numTensors++;
        numBytes += (double) t.size() * dtype.bytesPerElement();
        Scope s = scopes.peek();
        if (s != null) {
            s.tracked.add(t);
            t.scopeId = s.id;
        }
        return t;
    }

    void disposeTensor(Tensor t) {
        if (t.disposed) {
            return;
        }
        t.disposed = true;
        numTensors--;
        numBytes -= (double) t.size() * t.dtype().bytesPerElement();
        DataId id = t.dataId;
        if (--id.refCount == 0) {
            numDataBuffers--;
            id.backend.disposeData(id);
            id.payload = null;
        }
    }

    /** Moves a buffer to another backend; every tensor sharing it follows. */
    public void moveData(DataId id, Backend to) {
        if (id.backend == to) {
            return;
        }
        Object values = id.backend.readSync(id);
        Object copy = values instanceof float[] ? ((float[]) values).clone() : ((int[]) values).clone();
        id.backend.disposeData(id);
        id.payload = null;
        id.backend = to;
        to.write(id, copy, new int[] {id.size}, id.dtype);
    }

    // ---------------------------------------------------------------- scopes

    /** Opens a scope; close it (try-with-resources) to dispose what was made inside. */
    public Scope startScope() {
        return startScope("scope");
    }

    public Scope startScope(String name) {
        Scope s = new Scope(nextScopeId++, name);
        scopes.push(s);
        return s;
    }

    void endScope(Scope scope, Object result) {
        if (scope.closed) {
            return;
        }
        if (scopes.peek() != scope) {
            throw new IllegalStateException("Scope '" + scope.name + "' closed out of order: close inner scopes first");
        }
        scope.closed = true;
        List<Tensor> keepers = new ArrayList<>();
        collectTensors(result, keepers);
        // A result is marked by moving it to the enclosing scope first (scopeId), so the loop
        // below needs no set.
        scopes.pop();
        Scope parent = scopes.peek();
        int parentId = parent == null ? 0 : parent.id;
        for (int i = 0; i < keepers.size(); i++) {
            Tensor t = keepers.get(i);
            if (!t.kept && !t.disposed && t.scopeId == scope.id) {
                t.scopeId = parentId;
                if (parent != null) {
                    parent.tracked.add(t);
                }
            }
        }
        List<Tensor> tracked = scope.tracked;
        for (int i = 0; i < tracked.size(); i++) {
            Tensor t = tracked.get(i);
            if (!t.kept && t.scopeId == scope.id) {
                disposeTensor(t);
            }
        }
    }

    private static void collectTensors(Object o, List<Tensor> out) {
        if (o instanceof Tensor) {
            out.add((Tensor) o);
        } else if (o instanceof Object[]) {
            for (Object e : (Object[]) o) {
                collectTensors(e, out);
            }
        } else if (o instanceof Iterable) {
            for (Object e : (Iterable<?>) o) {
                collectTensors(e, out);
            }
        } else if (o instanceof Map) {
            for (Object e : ((Map<?, ?>) o).values()) {
                collectTensors(e, out);
            }
        }
    }

    /**
     * TF.js's {@code tidy}: runs {@code fn} in a new scope and disposes every tensor it made except
     * the tensors in its result (a tensor, an array, a collection or a map of them).
     */
    public <T> T tidy(Supplier<T> fn) {
        return tidy("tidy", fn);
    }

    public <T> T tidy(String name, Supplier<T> fn) {
        Scope s = startScope(name);
        T result;
        try {
            result = fn.get();
        } catch (RuntimeException | Error e) {
            endScope(s, null);
            throw e;
        }
        endScope(s, result);
        return result;
    }

    /** Keeps a tensor from being disposed by any enclosing scope, as TF.js's {@code keep}. */
    public Tensor keep(Tensor t) {
        t.kept = true;
        return t;
    }

    /** Depth of the scope stack (0 outside any scope). */
    public int scopeDepth() {
        return scopes.size();
    }

    // ---------------------------------------------------------------- kernels

    /** Runs a kernel on the active backend. */
    public Tensor[] runKernel(String kernelName, Tensor[] inputs, Attrs attrs) {
        Backend b = backend();
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = inputs[i];
            if (t == null) {
                throw new IllegalArgumentException("Kernel '" + kernelName + "': input " + i + " is null");
            }
            t.assertNotDisposed();
            if (t.dataId.backend != b) {
                moveData(t.dataId, b);
            }
        }
        Kernel k = KernelRegistry.get(kernelName, b.name());
        if (k == null) {
            throw new IllegalStateException("Kernel '" + kernelName + "' not registered for backend '" + b.name() + "'");
        }
        return k.run(inputs, attrs == null ? Attrs.EMPTY : attrs, b);
    }

    /** Runs a single-output kernel. */
    public Tensor runKernel1(String kernelName, Attrs attrs, Tensor... inputs) {
        return runKernel(kernelName, inputs, attrs)[0];
    }

    // ---------------------------------------------------------------- memory

    public int numTensors() {
        return numTensors;
    }

    /** TF.js's {@code memory()}. */
    public MemoryInfo memory() {
        Map<String, double[]> per = new LinkedHashMap<>();
        boolean unreliable = false;
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<String, Backend> e : backends.entrySet()) {
            per.put(e.getKey(), new double[] {e.getValue().numDataIds(), e.getValue().numBytes()});
            if (e.getValue() == active && "cpu".equals(e.getKey())) {
                unreliable = true;
                reasons.add("The reported memory is an upper bound. Due to automatic garbage collection, "
                        + "the true allocated memory may be less.");
            }
        }
        return new MemoryInfo(numTensors, numDataBuffers, numBytes, unreliable, reasons, per);
    }

    /** Names of live scopes, innermost first (for diagnostics). */
    public List<String> scopeNames() {
        List<String> names = new ArrayList<>();
        for (Scope s : scopes) {
            names.add(s.name);
        }
        return names;
    }
}
