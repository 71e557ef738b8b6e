package dev.samovar.webgl.kernels;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;

/** Shape and layout kernels: reshapes share the texture (the layout is flat); the others are gather programs. */
final class TransformKernels {
    private TransformKernels() {
    }

    static void register() {
        Gpu.registerDirect("Reshape", (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            return Gpu.one(Engine.get().makeTensorFromDataId(x.dataId(), attrs.getInts("shape"), x.dtype()));
        });
        Gpu.registerDirect("Identity", (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            return Gpu.one(Engine.get().makeTensorFromDataId(x.dataId(), x.shapeRef(), x.dtype()));
        });
    }
}
