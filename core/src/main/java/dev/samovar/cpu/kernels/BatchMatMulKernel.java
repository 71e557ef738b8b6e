package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * BatchMatMul: inputs of rank &gt;= 2 whose leading (batch) dimensions broadcast; attrs
 * {@code transposeA}, {@code transposeB}.
 */
public final class BatchMatMulKernel {
    private BatchMatMulKernel() {
    }

    static void register() {
        KernelRegistry.register("BatchMatMul", CpuBackend.NAME, BatchMatMulKernel::run);
    }

    static Tensor[] run(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor a = inputs[0];
        Tensor b = inputs[1];
        boolean ta = attrs.getBool("transposeA", false);
        boolean tb = attrs.getBool("transposeB", false);
        int[] as = a.shapeRef();
        int[] bs = b.shapeRef();
        int ar = as.length;
        int br = bs.length;
        int innerA = ta ? as[ar - 2] : as[ar - 1];
        int innerB = tb ? bs[br - 1] : bs[br - 2];
        int m = ta ? as[ar - 1] : as[ar - 2];
        int n = tb ? bs[br - 2] : bs[br - 1];
        int[] batchA = java.util.Arrays.copyOf(as, ar - 2);
        int[] batchB = java.util.Arrays.copyOf(bs, br - 2);
        int[] batchOut = Shapes.broadcastShapes(batchA, batchB);
        if (innerA != innerB) {
            throw new IllegalArgumentException("Error in matMul: inner shapes (" + innerA + ") and (" + innerB
                    + ") of Tensors with shapes " + Shapes.join(as) + " and " + Shapes.join(bs) + " and transposeA="
                    + ta + " and transposeB=" + tb + " must match.");
        }
        int k = innerA;
        int batch = Shapes.sizeFromShape(batchOut);
        int[] aBatchIdx = Broadcast.indexMap(batchA, batchOut, batch);
        int[] bBatchIdx = Broadcast.indexMap(batchB, batchOut, batch);
        int[] outShape = Shapes.concat(batchOut, new int[] {m, n});
        int aSize = m * k;
        int bSize = k * n;
        int aRs = ta ? 1 : k;
        int aCs = ta ? m : 1;
        int bRs = tb ? 1 : n;
        int bCs = tb ? k : 1;
        if (a.dtype() == DType.FLOAT32) {
            float[] av = (float[]) a.dataId().payload;
            float[] bv = (float[]) b.dataId().payload;
            float[] out = Cpu.newFloats(batch * m * n);
            for (int bi = 0; bi < batch; bi++) {
                Gemm.gemm(m, n, k, av, aBatchIdx[bi] * aSize, aRs, aCs, bv, bBatchIdx[bi] * bSize, bRs, bCs, out,
                        bi * m * n);
            }
            return new Tensor[] {Engine.get().makeTensor(out, outShape, DType.FLOAT32, backend)};
        }
        int[] av = (int[]) a.dataId().payload;
        int[] bv = (int[]) b.dataId().payload;
        int[] out = Cpu.newInts(batch * m * n);
        for (int bi = 0; bi < batch; bi++) {
            int aOff = aBatchIdx[bi] * aSize;
            int bOff = bBatchIdx[bi] * bSize;
            int cOff = bi * m * n;
            for (int k0 = 0; k0 < k; k0 += Gemm.KB) {
                int kEnd = Math.min(k, k0 + Gemm.KB);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double sum = 0;
                        for (int kk = k0; kk < kEnd; kk++) {
                            sum += (double) av[aOff + i * aRs + kk * aCs] * bv[bOff + kk * bRs + j * bCs];
                        }
                        out[cOff + i * n + j] = JsNumber.toInt32(out[cOff + i * n + j] + sum);
                    }
                }
            }
        }
        return new Tensor[] {Engine.get().makeTensor(out, outShape, a.dtype(), backend)};
    }
}
