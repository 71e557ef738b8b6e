package dev.samovar.webgl.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Engine;
import dev.samovar.core.Kernel;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.webgl.TexData;
import dev.samovar.webgl.WebGLBackend;

/** What the webgl kernels share: registration (with CPU forwarding of tiny inputs) and small helpers. */
public final class Gpu {
    private Gpu() {
    }

    /**
     * Registers a webgl kernel. While {@code WEBGL_CPU_FORWARD} is on (the default, as in TF.js), a
     * call whose inputs are all small (at most {@code CPU_HANDOFF_SIZE_THRESHOLD} elements) and all
     * only on the CPU runs the cpu kernel instead: uploading a handful of values and drawing costs
     * more than the arithmetic. Its outputs become webgl tensors holding CPU values.
     */
    static void register(String name, Kernel kernel) {
        KernelRegistry.register(name, WebGLBackend.NAME, (inputs, attrs, backend) -> {
            if (shouldForward(inputs) && KernelRegistry.get(name, Engine.FALLBACK_BACKEND) != null) {
                return forward(name, inputs, attrs);
            }
            return kernel.run(inputs, attrs, backend);
        });
    }

    /** Registers a kernel that never forwards to the cpu (reshapes: free on any backend). */
    static void registerDirect(String name, Kernel kernel) {
        KernelRegistry.register(name, WebGLBackend.NAME, kernel);
    }

    private static boolean shouldForward(Tensor[] inputs) {
        WebGLBackend b = WebGLBackend.get();
        if (!b.cpuForward() || inputs.length == 0) {
            return false;
        }
        int limit = b.cpuHandoffSize();
        for (Tensor t : inputs) {
            TexData d = (TexData) t.dataId().payload;
            if (t.size() > limit || !d.onlyOnCpu()) {
                return false;
            }
        }
        return true;
    }

    /** Runs the cpu kernel of {@code name} and brings its outputs back as webgl tensors (values on the CPU). */
    static Tensor[] forward(String name, Tensor[] inputs, Attrs attrs) {
        Tensor[] outs = Engine.get().runKernelOn(Engine.FALLBACK_BACKEND, name, inputs, attrs);
        WebGLBackend b = WebGLBackend.get();
        for (Tensor o : outs) {
            Engine.get().moveData(o.dataId(), b);
        }
        return outs;
    }

    /**
     * Runs the cpu kernel for a case this webgl kernel leaves to the CPU (an unusual dtype or
     * attribute); outputs stay on the CPU until a webgl kernel needs them.
     */
    static Tensor[] onCpu(String name, Tensor[] inputs, Attrs attrs) {
        Engine.get().recordFallback(name + " (some inputs)");
        return Engine.get().runKernelOn(Engine.FALLBACK_BACKEND, name, inputs, attrs);
    }

    static Tensor[] one(Tensor t) {
        return new Tensor[] {t};
    }

    static int size(int[] shape) {
        int s = 1;
        for (int d : shape) {
            s *= d;
        }
        return s;
    }

    static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = stride;
            stride *= shape[i];
        }
        return s;
    }

    /** "c0, c1, c2" for the first n output coordinates, with an offset. */
    static String coords(int from, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('c').append(from + i);
        }
        return sb.toString();
    }

    /**
     * The call reading input {@code name} of shape {@code in} at the output coordinates, broadcast
     * as NumPy does (missing leading axes dropped, axes of size 1 read at 0): {@code getB(c1, 0)}.
     */
    static String broadcastGet(String name, int[] in, int[] out) {
        StringBuilder sb = new StringBuilder("get").append(name).append('(');
        int off = out.length - in.length;
        for (int i = 0; i < in.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (in[i] == 1 && out[off + i] != 1) {
                sb.append('0');
            } else {
                sb.append('c').append(off + i);
            }
        }
        return sb.append(')').toString();
    }
}
