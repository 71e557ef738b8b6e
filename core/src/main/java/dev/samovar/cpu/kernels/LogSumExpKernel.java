package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * LogSumExp (Samovar's fused kernel for tf.logSumExp): attrs {@code axis} (normalized),
 * {@code keepDims}; float32 output. It computes what TF.js's composition
 * {@code max(x) + log(sum(exp(x - max(x))))} computes on its CPU backend, with the same rounding
 * at every intermediate tensor: the difference is stored in x's dtype (int32 wraps, bool keeps
 * the low byte), each exponential, the sum and the log in float32.
 */
public final class LogSumExpKernel {
    private LogSumExpKernel() {
    }

    static void register() {
        KernelRegistry.register("LogSumExp", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            Reduce r = Reduce.of(x, attrs);
            int n = r.reduceSize;
            float[] out = Cpu.newFloats(r.outSize);
            if (r.values instanceof float[]) {
                float[] v = (float[]) r.values;
                for (int i = 0, off = 0; i < r.outSize; i++, off += n) {
                    double mx = Double.NaN;
                    if (n > 0) {
                        mx = v[off];
                        for (int j = 0; j < n; j++) {
                            double a = v[off + j];
                            if (a != a || a > mx) {
                                mx = a;
                            }
                        }
                    }
                    double sum = 0;
                    for (int j = 0; j < n; j++) {
                        sum += F32.round(StrictMath.exp(F32.round(v[off + j] - mx)));
                    }
                    out[i] = (float) finish(mx, sum);
                }
            } else {
                int[] v = (int[]) r.values;
                boolean isBool = x.dtype() == DType.BOOL;
                for (int i = 0, off = 0; i < r.outSize; i++, off += n) {
                    int mx = 0;
                    if (n > 0) {
                        mx = v[off];
                        for (int j = 1; j < n; j++) {
                            if (v[off + j] > mx) {
                                mx = v[off + j];
                            }
                        }
                    }
                    double sum = 0;
                    for (int j = 0; j < n; j++) {
                        double diff = (double) v[off + j] - mx;
                        int a = isBool ? JsNumber.toUint8(diff) : JsNumber.toInt32(diff);
                        sum += F32.round(StrictMath.exp(a));
                    }
                    out[i] = (float) finish(F32.round(mx), sum);
                }
            }
            return new Tensor[] {Engine.get().makeTensor(out, r.outShape(attrs), DType.FLOAT32, backend)};
        });
    }

    /** max + log(sum), rounded to float32 at each of TF.js's intermediate tensors. */
    private static double finish(double mx, double sum) {
        double log = F32.round(StrictMath.log(F32.round(sum)));
        return mx + log;
    }
}
