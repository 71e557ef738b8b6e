package dev.samovar.cpu.kernels;

import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/** Tile (attr {@code reps}) and Reverse (attr {@code dims}: normalized axes, repeats cancel out). */
public final class TileKernel {
    private TileKernel() {
    }

    static void register() {
        KernelRegistry.register("Tile", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int[] reps = attrs.getInts("reps");
            int[] shape = x.shapeRef();
            int[] outShape = Cpu.newInts(shape.length);
            int[][] maps = new int[shape.length][];
            for (int d = 0; d < shape.length; d++) {
                outShape[d] = shape[d] * reps[d];
                if (reps[d] != 1) {
                    int[] m = new int[outShape[d]];
                    for (int c = 0; c < m.length; c++) {
                        m[c] = c % shape[d];
                    }
                    maps[d] = m;
                }
            }
            Object out = Layout.mapCopy(x.dataId().payload, shape, maps, outShape, null);
            return new Tensor[] {Engine.get().makeTensor(out, outShape, x.dtype(), backend)};
        });
        KernelRegistry.register("Reverse", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int[] shape = x.shapeRef();
            boolean[] flip = new boolean[shape.length];
            for (int d : attrs.getInts("dims")) {
                flip[d] = !flip[d];
            }
            int[][] maps = new int[shape.length][];
            for (int d = 0; d < shape.length; d++) {
                if (flip[d]) {
                    int[] m = new int[shape[d]];
                    for (int c = 0; c < m.length; c++) {
                        m[c] = shape[d] - 1 - c;
                    }
                    maps[d] = m;
                }
            }
            Object out = Layout.mapCopy(x.dataId().payload, shape, maps, shape, null);
            return new Tensor[] {Engine.get().makeTensor(out, shape, x.dtype(), backend)};
        });
    }
}
