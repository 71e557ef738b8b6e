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

    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private int nextVariableId;

    private List<TapeNode> activeTape;
    private int gradientDepth;
    private int kernelDepth;
    private int nextTapeNodeId;
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

    /**
     * Makes a tensor around storage a backend already made ({@code payload}: a texture on WebGL):
     * the backend has counted the buffer; nothing is written.
     */
    public Tensor makeTensorFromPayload(Object payload, int[] shape, DType dtype, Backend backend) {
        DataId id = new DataId(backend, Shapes.sizeFromShape(shape), dtype);
        id.payload = payload;
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

    /** Counts a tensor that starts sharing buffer {@code id} (a variable's new value). */
    private void retain(Tensor t, DataId id) {
        if (id.refCount == 0) {
            numDataBuffers++;
        }
        id.refCount++;
        t.dataId = id;
        numTensors++;
        numBytes += (double) t.size() * t.dtype().bytesPerElement();
    }

    /** Uncounts a tensor's buffer without marking the tensor disposed. */
    private void release(Tensor t) {
        numTensors--;
        numBytes -= (double) t.size() * t.dtype().bytesPerElement();
        DataId id = t.dataId;
        if (--id.refCount == 0) {
            numDataBuffers--;
            id.backend.disposeData(id);
            id.payload = null;
        }
    }

    // ---------------------------------------------------------------- variables

    /**
     * TF.js's {@code tf.variable}: a variable sharing {@code initial}'s buffer (cast to {@code dtype}
     * when given); {@code name} null picks a fresh one; names are unique.
     */
    public Variable makeVariable(Tensor initial, boolean trainable, String name, DType dtype) {
        initial.assertNotDisposed();
        if (name == null) {
            name = String.valueOf(nextVariableId++);
        }
        if (variables.containsKey(name)) {
            throw new IllegalArgumentException("Variable with name " + name + " was already registered");
        }
        Tensor init = initial;
        if (dtype != null && dtype != initial.dtype()) {
            init = runKernel1("Cast", Attrs.of().put("dtype", dtype), initial);
        }
        Variable v = new Variable(nextTensorId++, init, trainable, name);
        init.dataId.refCount++;
        numTensors++;
        numBytes += (double) v.size() * v.dtype().bytesPerElement();
        variables.put(name, v);
        return v;
    }

    void reassign(Variable v, DataId newData) {
        if (v.dataId == newData) {
            return;
        }
        release(v);
        retain(v, newData);
    }

    void disposeVariable(Variable v) {
        if (variables.get(v.name()) == v) {
            variables.remove(v.name());
        }
        disposeTensor(v);
    }

    /** The registered variables, by name (TF.js's registeredVariables). */
    public Map<String, Variable> registeredVariables() {
        return java.util.Collections.unmodifiableMap(variables);
    }

    /** Disposes every registered variable (TF.js's disposeVariables). */
    public void disposeVariables() {
        for (Variable v : new ArrayList<>(variables.values())) {
            disposeVariable(v);
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

    /** The backend that runs kernels missing on the active one. */
    public static final String FALLBACK_BACKEND = "cpu";

    /** Kernel name to the number of calls that ran on {@link #FALLBACK_BACKEND} instead of the active backend. */
    private final Map<String, Integer> fallbacks = new java.util.TreeMap<>();

    /**
     * Counts a call of {@code kernelName} that ran on the {@value #FALLBACK_BACKEND} backend although
     * another was active (the engine's fallback, or a kernel handing an unusual case over).
     */
    public void recordFallback(String kernelName) {
        fallbacks.merge(kernelName, 1, Integer::sum);
    }

    /** Kernel name to the number of calls that fell back to {@value #FALLBACK_BACKEND}, sorted by name. */
    public Map<String, Integer> fallbackCounts() {
        return java.util.Collections.unmodifiableMap(fallbacks);
    }

    /** Forgets the fallback counts. */
    public void resetFallbackCounts() {
        fallbacks.clear();
    }

    /**
     * Runs a kernel on the active backend. A kernel that the active backend lacks runs on the
     * {@value #FALLBACK_BACKEND} backend instead, on copies of its inputs; its outputs stay there
     * until a kernel of the active backend needs them (then they move, as any tensor does).
     */
    public Tensor[] runKernel(String kernelName, Tensor[] inputs, Attrs attrs) {
        Backend b = backend();
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = inputs[i];
            if (t == null) {
                throw new IllegalArgumentException("Kernel '" + kernelName + "': input " + i + " is null");
            }
            t.assertNotDisposed();
        }
        Kernel k = KernelRegistry.get(kernelName, b.name());
        Backend runOn = b;
        if (k == null && !b.name().equals(FALLBACK_BACKEND)) {
            k = KernelRegistry.get(kernelName, FALLBACK_BACKEND);
            runOn = k == null ? b : findBackend(FALLBACK_BACKEND);
            if (k != null) {
                recordFallback(kernelName);
            }
        }
        if (k == null) {
            throw new IllegalStateException("Kernel '" + kernelName + "' not registered for backend '" + b.name() + "'");
        }
        if (runOn == b) {
            for (Tensor t : inputs) {
                if (t.dataId.backend != b) {
                    moveData(t.dataId, b);
                }
            }
        }
        Attrs a = attrs == null ? Attrs.EMPTY : attrs;
        boolean tapeOn = isTapeOn();
        Tensor[] outputs;
        kernelDepth++;
        try {
            outputs = runOn == b ? k.run(inputs, a, b) : runWithCopies(k, inputs, a, runOn);
        } finally {
            kernelDepth--;
        }
        if (tapeOn) {
            GradientRegistry.Entry g = GradientRegistry.get(kernelName);
            Tensor[] originals = g == null ? new Tensor[0] : tensorsToSave(g, inputs, outputs);
            Tensor[] saved = saveClones(originals);
            activeTape.add(new TapeNode(nextTapeNodeId++, kernelName, inputs.clone(), outputs, a, saved,
                    g == null ? null : g.function));
            recordClones(originals, saved);
        }
        return outputs;
    }

    // ---------------------------------------------------------------- gradients

    /** Whether kernels run now are recorded: inside a gradient computation, not inside a kernel. */
    public boolean isTapeOn() {
        return gradientDepth > 0 && kernelDepth == 0;
    }

    /** Starts recording (nested calls share the outermost tape, for gradients of gradients). */
    public void startTape() {
        if (gradientDepth == 0) {
            activeTape = new ArrayList<>();
        }
        gradientDepth++;
    }

    /** Stops one level of recording. */
    public void endTape() {
        gradientDepth--;
    }

    /** Gives up a recording that will not be backpropagated (an exception in f): frees what it saved. */
    public void abandonTape() {
        if (gradientDepth == 0 && activeTape != null) {
            disposeSaved();
            activeTape = null;
        }
    }

    private void disposeSaved() {
        for (TapeNode node : activeTape) {
            for (Tensor t : node.saved) {
                t.dispose();
            }
        }
    }

    /** A saved tensor's gradient flows back to the tensor it copies (TF.js's clone node). */
    private static final GradientFunction IDENTITY_GRADIENT =
            (i, g) -> Engine.get().runKernel1("Cast", Attrs.of().put("dtype", DType.FLOAT32), g.dy());

    private Tensor[] saveClones(Tensor[] originals) {
        Tensor[] saved = new Tensor[originals.length];
        for (int i = 0; i < saved.length; i++) {
            saved[i] = keep(copyOf(originals[i]));
        }
        return saved;
    }

    /** A new tensor sharing t's buffer, not recorded. */
    private Tensor copyOf(Tensor t) {
        return makeTensorFromDataId(t.dataId, t.shapeRef(), t.dtype());
    }

    /**
     * TF.js's clone(): the Identity kernel, a new tensor sharing x's buffer; like any kernel it is
     * recorded while a gradient is being computed, so gradients flow through it.
     */
    public Tensor cloneTensor(Tensor x) {
        x.assertNotDisposed();
        return runKernel1("Identity", Attrs.EMPTY, x);
    }

    /**
     * Records each saved copy as an identity of its original, after the kernel's own node, so that
     * gradients computed from saved tensors stay connected for gradients of gradients.
     */
    private void recordClones(Tensor[] originals, Tensor[] saved) {
        for (int i = 0; i < saved.length; i++) {
            activeTape.add(new TapeNode(nextTapeNodeId++, "Identity", new Tensor[] {originals[i]},
                    new Tensor[] {saved[i]}, Attrs.EMPTY, new Tensor[0], IDENTITY_GRADIENT));
        }
    }

    private Tensor[] tensorsToSave(GradientRegistry.Entry g, Tensor[] inputs, Tensor[] outputs) {
        List<Tensor> toSave = new ArrayList<>();
        if (g.saveAllInputs) {
            for (Tensor t : inputs) {
                toSave.add(t);
            }
        } else {
            for (int i : g.inputsToSave) {
                toSave.add(inputs[i]);
            }
        }
        if (g.outputsToSave != null) {
            for (int i = 0; i < outputs.length && i < g.outputsToSave.length; i++) {
                if (g.outputsToSave[i]) {
                    toSave.add(outputs[i]);
                }
            }
        }
        return toSave.toArray(new Tensor[0]);
    }

    /** What a custom op's forward function may save for its gradient. */
    @FunctionalInterface
    public interface Saver {
        void save(Tensor... tensors);
    }

    /** The forward computation of a custom op. */
    @FunctionalInterface
    public interface CustomForward {
        Tensor run(Saver save);
    }

    /** The gradient of a custom op: one gradient per input, given dy and the saved tensors. */
    @FunctionalInterface
    public interface CustomBackward {
        Tensor[] gradients(Tensor dy, Tensor[] saved);
    }

    /**
     * Runs a custom op (TF.js's customGrad): {@code forward} runs unrecorded in its own scope; while
     * a gradient is being computed, the op is recorded with {@code backward} as its gradient.
     */
    public Tensor runCustom(Tensor[] inputs, CustomForward forward, CustomBackward backward) {
        boolean tapeOn = isTapeOn();
        List<Tensor> originals = new ArrayList<>();
        List<Tensor> saved = new ArrayList<>();
        Saver saver = ts -> {
            if (tapeOn) {
                for (Tensor t : ts) {
                    originals.add(t);
                    saved.add(keep(copyOf(t)));
                }
            }
        };
        Tensor out;
        kernelDepth++;
        try {
            out = tidy("customGrad", () -> forward.run(saver));
        } finally {
            kernelDepth--;
        }
        if (tapeOn) {
            Tensor[] savedArr = saved.toArray(new Tensor[0]);
            TapeNode node = new TapeNode(nextTapeNodeId++, "customGrad", inputs.clone(), new Tensor[] {out},
                    Attrs.EMPTY, savedArr, null);
            node.custom = backward;
            activeTape.add(node);
            recordClones(originals.toArray(new Tensor[0]), savedArr);
        }
        return out;
    }

    /** The result of {@link #gradients}: f's value and one gradient per x (null where none flows). */
    public static final class ValueAndGrads {
        public final Tensor value;
        public final Tensor[] grads;

        ValueAndGrads(Tensor value, Tensor[] grads) {
            this.value = value;
            this.grads = grads;
        }
    }

    /**
     * TF.js's {@code ENGINE.gradients}: records f, then backpropagates from its result to each x.
     * {@code dy} (float32, f's shape) seeds the backward pass, ones when null. Without
     * {@code allowNoGradients}, f must depend on some x.
     */
    public ValueAndGrads gradients(java.util.function.Supplier<Tensor> f, Tensor[] xs, Tensor dy,
            boolean allowNoGradients) {
        checkGradientArgs(xs, dy);
        Tensor y;
        startTape();
        boolean ok = false;
        try {
            y = tidy("forward", f);
            ok = true;
        } finally {
            endTape();
            if (!ok) {
                abandonTape();
            }
        }
        if (y == null) {
            abandonTape();
            throw new IllegalArgumentException("The result y returned by f() must be a tensor.");
        }
        return backprop(y, xs, dy, allowNoGradients);
    }

    /** Checks the arguments of a gradient computation as TF.js does. */
    public void checkGradientArgs(Tensor[] xs, Tensor dy) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("gradients() received an empty list of xs.");
        }
        if (dy != null && dy.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("dy must have 'float32' dtype, but has '" + dy.dtype() + "'");
        }
    }

    /**
     * Backpropagates from y (recorded since the matching {@link #startTape}, which has ended) to
     * each x; frees the recording when this was the outermost one.
     */
    public ValueAndGrads backprop(Tensor y, Tensor[] xs, Tensor dy, boolean allowNoGradients) {
        List<TapeNode> filtered = filterTape(activeTape == null ? new ArrayList<>() : activeTape, xs, y);
        if (!allowNoGradients && filtered.isEmpty() && xs.length > 0) {
            abandonTape();
            throw new IllegalArgumentException("Cannot compute gradient of y=f(x) with respect to x. Make sure that "
                    + "the f you passed encloses all operations that lead from x to y.");
        }
        Tensor[] grads;
        try {
            grads = tidy("backward", () -> {
                Map<Tensor, Tensor> acc = new java.util.IdentityHashMap<>();
                acc.put(y, dy == null ? onesLike(y) : dy);
                backpropagate(acc, filtered);
                Tensor[] out = new Tensor[xs.length];
                for (int i = 0; i < xs.length; i++) {
                    out[i] = acc.get(xs[i]);
                }
                return out;
            });
        } finally {
            abandonTape();
        }
        return new ValueAndGrads(y, grads);
    }

    private Tensor onesLike(Tensor y) {
        float[] ones = new float[y.size()];
        java.util.Arrays.fill(ones, 1f);
        return makeTensor(ones, y.shapeRef(), DType.FLOAT32);
    }

    private static List<TapeNode> filterTape(List<TapeNode> tape, Tensor[] xs, Tensor y) {
        java.util.Set<Tensor> fromX = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Collections.addAll(fromX, xs);
        java.util.Set<TapeNode> nodesFromX = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (TapeNode node : tape) {
            for (Tensor in : node.inputs) {
                if (fromX.contains(in)) {
                    java.util.Collections.addAll(fromX, node.outputs);
                    nodesFromX.add(node);
                    break;
                }
            }
        }
        java.util.Set<Tensor> leadToY = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        leadToY.add(y);
        java.util.Set<TapeNode> nodesToY = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = tape.size() - 1; i >= 0; i--) {
            TapeNode node = tape.get(i);
            for (Tensor out : node.outputs) {
                if (leadToY.contains(out)) {
                    java.util.Collections.addAll(leadToY, node.inputs);
                    nodesToY.add(node);
                    break;
                }
            }
        }
        List<TapeNode> filtered = new ArrayList<>();
        for (TapeNode node : tape) {
            if (nodesFromX.contains(node) && nodesToY.contains(node)) {
                node.inputsFromX = new boolean[node.inputs.length];
                for (int i = 0; i < node.inputs.length; i++) {
                    node.inputsFromX[i] = fromX.contains(node.inputs[i]);
                }
                filtered.add(node);
            }
        }
        return filtered;
    }

    private void backpropagate(Map<Tensor, Tensor> acc, List<TapeNode> filtered) {
        for (int n = filtered.size() - 1; n >= 0; n--) {
            TapeNode node = filtered.get(n);
            Tensor[] dys = new Tensor[node.outputs.length];
            for (int i = 0; i < dys.length; i++) {
                Tensor g = acc.get(node.outputs[i]);
                if (g == null) {
                    Tensor o = node.outputs[i];
                    g = o.dtype() == DType.FLOAT32 ? makeTensor(new float[o.size()], o.shapeRef(), o.dtype())
                            : makeTensor(new int[o.size()], o.shapeRef(), o.dtype());
                }
                dys[i] = g;
            }
            if (node.gradient == null && node.custom == null) {
                throw new IllegalArgumentException(
                        "Cannot compute gradient: gradient function not found for " + node.kernelName + ".");
            }
            GradientContext ctx = new GradientContext(dys, node.saved, node.attrs, node.inputs, node.outputs);
            Tensor[] customGrads = null;
            if (node.custom != null) {
                customGrads = node.custom.gradients(dys[0], node.saved);
                if (customGrads == null || customGrads.length != node.inputs.length) {
                    throw new IllegalArgumentException("The function f passed in customGrad(f) must return an object "
                            + "where `obj.gradFunc` is a function that returns the same number of tensors as inputs "
                            + "passed to f(...).");
                }
            }
            for (int i = 0; i < node.inputs.length; i++) {
                if (!node.inputsFromX[i]) {
                    continue;
                }
                int input = i;
                Tensor dx = customGrads != null ? customGrads[i] : tidy(() -> node.gradient.gradient(input, ctx));
                if (dx == null) {
                    throw new IllegalArgumentException("Cannot backprop through input " + input + " of "
                            + node.kernelName + ": its gradient function returned nothing.");
                }
                if (dx.dtype() != DType.FLOAT32) {
                    throw new IllegalArgumentException("Error in gradient for op " + node.kernelName
                            + ". The gradient of input " + input + " must have 'float32' dtype, but has '" + dx.dtype()
                            + "'");
                }
                Tensor x = node.inputs[i];
                if (!Shapes.equal(dx.shapeRef(), x.shapeRef())) {
                    throw new IllegalArgumentException("Error in gradient for op " + node.kernelName
                            + ". The gradient of input '" + input + "' has shape '" + Shapes.join(dx.shapeRef())
                            + "', which does not match the shape of the input '" + Shapes.join(x.shapeRef()) + "'");
                }
                Tensor cur = acc.get(x);
                if (cur == null) {
                    acc.put(x, dx);
                } else {
                    acc.put(x, runKernel1("Add", Attrs.EMPTY, cur, dx));
                    cur.dispose();
                }
            }
        }
    }

    /**
     * Runs backend {@code backendName}'s kernel from inside a kernel of another backend (a WebGL
     * kernel handing an unusual dtype or attribute to the CPU): inputs held elsewhere are copied,
     * outputs stay on that backend. Not recorded on the tape (the calling kernel is).
     */
    public Tensor[] runKernelOn(String backendName, String kernelName, Tensor[] inputs, Attrs attrs) {
        Backend target = findBackend(backendName);
        Kernel k = target == null ? null : KernelRegistry.get(kernelName, backendName);
        if (k == null) {
            throw new IllegalStateException("Kernel '" + kernelName + "' not registered for backend '" + backendName + "'");
        }
        kernelDepth++;
        try {
            return runWithCopies(k, inputs, attrs == null ? Attrs.EMPTY : attrs, target);
        } finally {
            kernelDepth--;
        }
    }

    /**
     * Runs {@code k} on {@code target} with the inputs held by other backends replaced by temporary
     * copies on {@code target} (the originals stay where they are, so a weight on the GPU is not
     * moved back and forth).
     */
    private Tensor[] runWithCopies(Kernel k, Tensor[] inputs, Attrs a, Backend target) {
        Tensor[] local = new Tensor[inputs.length];
        List<Tensor> temps = new ArrayList<>();
        Tensor[] outputs;
        try {
            for (int i = 0; i < inputs.length; i++) {
                Tensor t = inputs[i];
                if (t.dataId.backend == target) {
                    local[i] = t;
                } else {
                    Object v = t.dataId.backend.readSync(t.dataId);
                    Object copy = v instanceof float[] ? ((float[]) v).clone() : ((int[]) v).clone();
                    local[i] = makeTensor(copy, t.shapeRef(), t.dtype(), target);
                    temps.add(local[i]);
                }
            }
            outputs = k.run(local, a, target);
        } finally {
            for (Tensor t : temps) {
                t.dispose();
            }
        }
        for (Tensor o : outputs) {
            if (o.disposed) {
                throw new IllegalStateException("a kernel returned its input tensor itself");
            }
        }
        return outputs;
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
        Map<String, Double> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Backend> e : backends.entrySet()) {
            per.put(e.getKey(), new double[] {e.getValue().numDataIds(), e.getValue().numBytes()});
            if (e.getValue() == active) {
                String reason = active.memoryUnreliableReason();
                if (reason != null) {
                    unreliable = true;
                    reasons.add(reason);
                }
                fields.putAll(active.memoryFields());
            }
        }
        return new MemoryInfo(numTensors, numDataBuffers, numBytes, unreliable, reasons, per, fields);
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
