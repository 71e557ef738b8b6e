package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Softmax and LogSoftmax over the last axis, in one pass per row, with the rounding points of
 * TF.js's composition (max, sub, exp, sum, div / log, sub: each result stored in float32).
 * Softmax takes float32 logits; LogSoftmax also takes int32 and bool, whose shifted logits
 * {@code x - max} are stored in the input dtype first (int32 wraps, bool as a Uint8Array).
 */
public final class SoftmaxKernel {
    private SoftmaxKernel() {
    }

    static void register() {
        KernelRegistry.register("Softmax", CpuBackend.NAME, (in, at, be) -> run(in[0], be, false));
        KernelRegistry.register("LogSoftmax", CpuBackend.NAME, (in, at, be) -> run(in[0], be, true));
    }

    static Tensor[] run(Tensor x, Backend backend, boolean log) {
        int[] shape = x.shapeRef();
        int n = shape.length == 0 ? 1 : shape[shape.length - 1];
        int size = x.size();
        float[] out = Cpu.newFloats(size);
        // One-element float buffers: storing rounds to float32 on the JVM and in TeaVM alike.
        float[] r = Cpu.newFloats(2);
        float[] e = Cpu.newFloats(n);
        Object xv = x.dataId().payload;
        if (n > 0) {
            if (xv instanceof float[]) {
                float[] v = (float[]) xv;
                for (int off = 0; off < size; off += n) {
                    double max = v[off];
                    for (int j = 0; j < n; j++) {
                        double value = v[off + j];
                        if (Double.isNaN(value) || value > max) {
                            max = value;
                        }
                    }
                    for (int j = 0; j < n; j++) {
                        out[off + j] = (float) (v[off + j] - max);
                    }
                    finish(out, off, n, r, e, log, null);
                }
            } else {
                int[] v = (int[]) xv;
                boolean isBool = x.dtype() == DType.BOOL;
                int[] shifted = Cpu.newInts(n);
                for (int off = 0; off < size; off += n) {
                    double max = v[off];
                    for (int j = 0; j < n; j++) {
                        if (v[off + j] > max) {
                            max = v[off + j];
                        }
                    }
                    for (int j = 0; j < n; j++) {
                        double d = v[off + j] - max;
                        shifted[j] = isBool ? JsNumber.toUint8(d) : JsNumber.toInt32(d);
                        out[off + j] = shifted[j];
                    }
                    finish(out, off, n, r, e, log, shifted);
                }
            }
        }
        return new Tensor[] {Engine.get().makeTensor(out, shape, DType.FLOAT32, backend)};
    }

    /**
     * out[off..off+n) holds the shifted logits (float32); {@code ints}, when not null, the same
     * shifted logits before the cast (exp reads those). Replaces them with the (log-)softmax.
     */
    private static void finish(float[] out, int off, int n, float[] r, float[] e, boolean log, int[] ints) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            e[j] = (float) Math.exp(ints != null ? ints[j] : out[off + j]);
            sum += e[j];
        }
        r[1] = (float) sum;
        if (log) {
            r[1] = (float) Math.log(r[1]);
            double l = r[1];
            for (int j = 0; j < n; j++) {
                out[off + j] = (float) (out[off + j] - l);
            }
        } else {
            double s = r[1];
            for (int j = 0; j < n; j++) {
                out[off + j] = (float) (e[j] / s);
            }
        }
    }
}
