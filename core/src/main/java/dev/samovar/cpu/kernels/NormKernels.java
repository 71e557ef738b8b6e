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
 * FusedBatchNorm (inputs x, mean, variance, offset|null, scale|null; attr
 * {@code varianceEpsilon}) and LRN (attrs {@code depthRadius}, {@code bias}, {@code alpha},
 * {@code beta}). As TF.js's CPU kernels: computed in double, stored in float32, then in x's dtype
 * (int32 truncates, bool as a Uint8Array); batchNorm's parameters are read cyclically (index
 * modulo their length), not broadcast.
 */
public final class NormKernels {
    private NormKernels() {
    }

    static void register() {
        KernelRegistry.register("FusedBatchNorm", CpuBackend.NAME, NormKernels::batchNorm);
        KernelRegistry.register("LRN", CpuBackend.NAME, NormKernels::lrn);
    }

    private static double[] doubles(Tensor t, double dflt) {
        if (t == null) {
            return new double[] {dflt};
        }
        Object v = t.dataId().payload;
        int n = t.size();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = v instanceof float[] ? ((float[]) v)[i] : ((int[]) v)[i];
        }
        return out;
    }

    static Tensor[] batchNorm(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        double[] m = doubles(inputs[1], 0);
        double[] var = doubles(inputs[2], 0);
        boolean noOffset = attrs.getBool("noOffset", false);
        double[] off = doubles(inputs.length > 3 && !noOffset ? inputs[3] : null, 0);
        double[] sc = doubles(noOffset ? inputs[3] : inputs.length > 4 ? inputs[4] : null, 1);
        double eps = attrs.getDouble("varianceEpsilon");
        Object xv = x.dataId().payload;
        int n = x.size();
        float[] vals = Cpu.newFloats(n);
        int mi = 0;
        int vi = 0;
        int oi = 0;
        int si = 0;
        // Each parameter read cycles through its values; an empty one reads undefined (NaN).
        for (int i = 0; i < n; i++) {
            double xi = xv instanceof float[] ? ((float[]) xv)[i] : ((int[]) xv)[i];
            double mv = m.length == 0 ? Double.NaN : m[mi];
            double vv = var.length == 0 ? Double.NaN : var[vi];
            double ov = off.length == 0 ? Double.NaN : off[oi];
            double sv = sc.length == 0 ? Double.NaN : sc[si];
            vals[i] = (float) (ov + (xi - mv) * sv / Math.sqrt(vv + eps));
            if (++oi >= off.length) {
                oi = 0;
            }
            if (++mi >= m.length) {
                mi = 0;
            }
            if (++si >= sc.length) {
                si = 0;
            }
            if (++vi >= var.length) {
                vi = 0;
            }
        }
        return new Tensor[] {Engine.get().makeTensor(toDtype(vals, x.dtype()), x.shapeRef(), x.dtype(), backend)};
    }

    /** Float32 results stored in another dtype, as TF.js's makeTensorInfo with a Float32Array does. */
    static Object toDtype(float[] vals, DType dtype) {
        if (dtype == DType.FLOAT32) {
            return vals;
        }
        int[] out = Cpu.newInts(vals.length);
        boolean isBool = dtype == DType.BOOL;
        for (int i = 0; i < vals.length; i++) {
            out[i] = isBool ? JsNumber.toUint8(vals[i]) : JsNumber.toInt32(vals[i]);
        }
        return out;
    }

    static Tensor[] lrn(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int radius = attrs.getInt("depthRadius");
        double bias = attrs.getDouble("bias");
        double alpha = attrs.getDouble("alpha");
        double beta = attrs.getDouble("beta");
        int channels = x.shapeRef()[3];
        int size = x.size();
        Object xv = x.dataId().payload;
        float[] xf = xv instanceof float[] ? (float[]) xv : null;
        int[] xi = xf == null ? (int[]) xv : null;
        float[] out = Cpu.newFloats(size);
        int maxD = channels - 1;
        for (int base = 0; base < size; base += channels) {
            for (int c = 0; c < channels; c++) {
                int begin = base + Math.max(0, c - radius);
                int end = base + Math.min(c + radius, maxD);
                double sum = 0;
                for (int k = begin; k <= end; k++) {
                    double z = xf != null ? xf[k] : xi[k];
                    sum += z * z;
                }
                double v = xf != null ? xf[base + c] : xi[base + c];
                out[base + c] = (float) (v * Math.pow(bias + alpha * sum, -beta));
            }
        }
        return new Tensor[] {Engine.get().makeTensor(toDtype(out, x.dtype()), x.shapeRef(), x.dtype(), backend)};
    }
}
