package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Moves blocks between the batch, spatial and depth dimensions, checked by the ops:
 * BatchToSpaceND (attrs {@code blockShape}, {@code begin}, {@code size}, optional {@code flat}: the
 * resolved final slice), SpaceToBatchND (attrs {@code blockShape}, {@code paddings}: one [before,
 * after] per input dimension) and DepthToSpace (attr {@code blockSize}; NHWC).
 */
public final class SpaceKernel {
    private SpaceKernel() {
    }

    static void register() {
        KernelRegistry.register("BatchToSpaceND", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int[] block = attrs.getInts("blockShape");
            int[] shape = x.shapeRef();
            int m = block.length;
            int prod = 1;
            for (int b : block) {
                prod *= b;
            }
            // [b0, .., bm-1, N / prod, d1, .., dn]
            int[] reshaped = Cpu.newInts(m + shape.length);
            System.arraycopy(block, 0, reshaped, 0, m);
            reshaped[m] = shape[0] / prod;
            System.arraycopy(shape, 1, reshaped, m + 1, shape.length - 1);
            // [N / prod, d1, b0, d2, b1, .., rest]
            int[] perm = Cpu.newInts(reshaped.length);
            int k = 0;
            perm[k++] = m;
            for (int i = m + 1; i < reshaped.length; i++) {
                if (i <= 2 * m) {
                    perm[k++] = i;
                    perm[k++] = i - (m + 1);
                } else {
                    perm[k++] = i;
                }
            }
            int[] permutedShape = Cpu.newInts(shape.length);
            permutedShape[0] = shape[0] / prod;
            for (int i = 1; i < shape.length; i++) {
                permutedShape[i] = i <= m ? block[i - 1] * shape[i] : shape[i];
            }
            Object moved = TransposeKernel.transpose(x.dataId().payload, reshaped, perm);
            int[] begin = attrs.getInts("begin");
            int[] size = attrs.getInts("size");
            Object out;
            if (attrs.has("flat")) {
                int n = dev.samovar.core.Shapes.sizeFromShape(size);
                out = Layout.alloc(moved, n);
                System.arraycopy(moved, attrs.getInt("flat"), out, 0, n);
            } else {
                out = SliceKernel.slice(moved, permutedShape, begin, size);
            }
            return new Tensor[] {Engine.get().makeTensor(out, size, x.dtype(), backend)};
        });

        KernelRegistry.register("SpaceToBatchND", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int[] block = attrs.getInts("blockShape");
            int[][] paddings = (int[][]) attrs.get("paddings");
            int m = block.length;
            int prod = 1;
            for (int b : block) {
                prod *= b;
            }
            int[] padded = PadKernel.outShape(x.shapeRef(), paddings);
            Object values = PadKernel.pad(x.dataId().payload, x.shapeRef(), paddings, 0, x.dtype());
            // [N, d1 / b0, b0, .., dm / bm-1, bm-1, rest]
            int[] reshaped = Cpu.newInts(padded.length + m);
            int k = 0;
            reshaped[k++] = padded[0];
            for (int i = 0; i < m; i++) {
                reshaped[k++] = padded[i + 1] / block[i];
                reshaped[k++] = block[i];
            }
            for (int i = m + 1; i < padded.length; i++) {
                reshaped[k++] = padded[i];
            }
            // [b0, .., bm-1, N, d1 / b0, .., dm / bm-1, rest]
            int[] perm = Cpu.newInts(reshaped.length);
            k = 0;
            for (int i = 1; i < reshaped.length; i++) {
                if (!(i >= m * 2 + 1 || i % 2 == 1)) {
                    perm[k++] = i;
                }
            }
            perm[k++] = 0;
            for (int i = 1; i < reshaped.length; i++) {
                if (i >= m * 2 + 1 || i % 2 == 1) {
                    perm[k++] = i;
                }
            }
            int[] outShape = Cpu.newInts(padded.length);
            outShape[0] = padded[0] * prod;
            for (int i = 1; i < padded.length; i++) {
                outShape[i] = i <= m ? padded[i] / block[i - 1] : padded[i];
            }
            Object out = TransposeKernel.transpose(values, reshaped, perm);
            return new Tensor[] {Engine.get().makeTensor(out, outShape, x.dtype(), backend)};
        });

        KernelRegistry.register("DepthToSpace", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int bs = attrs.getInt("blockSize");
            int[] s = x.shapeRef();
            int batch = s[0];
            int h = s[1];
            int w = s[2];
            int depth = s[3];
            int oh = h * bs;
            int ow = w * bs;
            int od = depth / (bs * bs);
            float[] v = (float[]) x.dataId().payload;
            float[] out = Cpu.newFloats(batch * oh * ow * od);
            int p = 0;
            for (int b = 0; b < batch; b++) {
                for (int y = 0; y < oh; y++) {
                    int inH = y / bs;
                    int offH = y % bs;
                    for (int xx = 0; xx < ow; xx++) {
                        int inW = xx / bs;
                        int offD = (offH * bs + xx % bs) * od;
                        int base = depth * (inW + w * (inH + h * b)) + offD;
                        if (base + od <= v.length) {
                            System.arraycopy(v, base, out, p, od);
                            p += od;
                        } else {
                            // Only a rank-5 input with a trailing 0 gets here: TF.js reads undefined.
                            for (int d = 0; d < od; d++) {
                                out[p++] = base + d < v.length ? v[base + d] : Float.NaN;
                            }
                        }
                    }
                }
            }
            return new Tensor[] {Engine.get().makeTensor(out, new int[] {batch, oh, ow, od}, DType.FLOAT32, backend)};
        });
    }
}
