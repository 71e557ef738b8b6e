package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Select (tf.where): inputs {@code condition} (bool), {@code t}, {@code e}; the output takes
 * {@code t} where the condition is 1 and {@code e} elsewhere, in the wider dtype of {@code t} and
 * {@code e}. TF.js's op broadcasts the three inputs first; this kernel broadcasts them itself
 * through index maps, which gives the same result without the intermediate tensors.
 */
final class SelectKernel {
    private SelectKernel() {
    }

    static void register() {
        KernelRegistry.register("Select", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor c = inputs[0];
            Tensor t = inputs[1];
            Tensor e = inputs[2];
            int[] shape = Shapes.broadcastShapes(Shapes.broadcastShapes(c.shapeRef(), t.shapeRef()), e.shapeRef());
            int n = Shapes.sizeFromShape(shape);
            int[] ci = c.size() == n ? null : Broadcast.indexMap(c.shapeRef(), shape, n);
            int[] ti = t.size() == n ? null : Broadcast.indexMap(t.shapeRef(), shape, n);
            int[] ei = e.size() == n ? null : Broadcast.indexMap(e.shapeRef(), shape, n);
            int[] cond = (int[]) c.dataId().payload;
            Object tv = t.dataId().payload;
            Object ev = e.dataId().payload;
            DType dtype = DType.upcast(t.dtype(), e.dtype());
            Object out;
            if (dtype == DType.FLOAT32) {
                float[] o = Cpu.newFloats(n);
                if (tv instanceof float[] && ev instanceof float[] && ci == null && ti == null && ei == null) {
                    float[] x = (float[]) tv;
                    float[] y = (float[]) ev;
                    for (int i = 0; i < n; i++) {
                        o[i] = cond[i] == 1 ? x[i] : y[i];
                    }
                } else {
                    float[] xf = tv instanceof float[] ? (float[]) tv : null;
                    int[] xi = xf == null ? (int[]) tv : null;
                    float[] yf = ev instanceof float[] ? (float[]) ev : null;
                    int[] yi = yf == null ? (int[]) ev : null;
                    for (int i = 0; i < n; i++) {
                        if (cond[ci == null ? i : ci[i]] == 1) {
                            int k = ti == null ? i : ti[i];
                            o[i] = xf != null ? xf[k] : xi[k];
                        } else {
                            int k = ei == null ? i : ei[i];
                            o[i] = yf != null ? yf[k] : yi[k];
                        }
                    }
                }
                out = o;
            } else {
                int[] o = Cpu.newInts(n);
                int[] x = (int[]) tv;
                int[] y = (int[]) ev;
                for (int i = 0; i < n; i++) {
                    o[i] = cond[ci == null ? i : ci[i]] == 1 ? x[ti == null ? i : ti[i]] : y[ei == null ? i : ei[i]];
                }
                out = o;
            }
            return new Tensor[] {Engine.get().makeTensor(out, shape, dtype, backend)};
        });
    }
}
