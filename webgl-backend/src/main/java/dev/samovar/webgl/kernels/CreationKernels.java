package dev.samovar.webgl.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.webgl.Program;

/**
 * Fill, ZerosLike, OnesLike and OneHot as programs (the value is stored as the output dtype's
 * typed array would store it). Range and LinSpace stay with the cpu kernels, as in TF.js's webgl
 * backend: each value is the previous stored value plus the step, a sequential sum.
 */
final class CreationKernels {
    private CreationKernels() {
    }

    static void register() {
        Gpu.register("Fill", (inputs, attrs, backend) -> Gpu.one(fill(attrs.getInts("shape"),
                attrs.getDouble("value"), attrs.getDType("dtype"))));
        Gpu.register("ZerosLike", (inputs, attrs, backend) -> Gpu.one(fill(inputs[0].shapeRef(), 0, inputs[0].dtype())));
        Gpu.register("OnesLike", (inputs, attrs, backend) -> Gpu.one(fill(inputs[0].shapeRef(), 1, inputs[0].dtype())));
        Gpu.register("OneHot", CreationKernels::oneHot);
    }

    static Tensor fill(int[] shape, double value, DType dtype) {
        Program p = Program.element("Fill", shape, dtype).body("return fillv;");
        return Glsl.valueParam(p, "fillv", value, dtype).run();
    }

    private static Tensor[] oneHot(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor indices = inputs[0];
        if (indices.dtype() != DType.INT32) {
            return Gpu.onCpu("OneHot", inputs, attrs);
        }
        int depth = attrs.getInt("depth");
        DType dtype = attrs.getDType("dtype");
        int[] ishape = indices.shapeRef();
        int[] shape = new int[ishape.length + 1];
        System.arraycopy(ishape, 0, shape, 0, ishape.length);
        shape[ishape.length] = depth;
        // As TF.js: the values are first stored as float32, then as the output dtype.
        double on = (float) attrs.getDouble("onValue");
        double off = (float) attrs.getDouble("offValue");
        Program p = Program.element("OneHot", shape, dtype).constantShapes().input("I", indices).shapeInt("ohd", Math.max(1, depth))
                .body("  int e = idx / ohd;\n  return I_at(e) == idx - e * ohd ? ohon : ohoff;");
        Glsl.valueParam(p, "ohon", on, dtype);
        Glsl.valueParam(p, "ohoff", off, dtype);
        return Gpu.one(p.run());
    }
}
