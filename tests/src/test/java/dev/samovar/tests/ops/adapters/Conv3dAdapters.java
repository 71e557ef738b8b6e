package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Conv;
import dev.samovar.ops.Pool;
import dev.samovar.tests.ops.Args;
import java.util.LinkedHashMap;
import java.util.Map;

/** Java API calls for the 3-D convolution and pooling cases (conv3d.mjs) and morphology.mjs. */
public final class Conv3dAdapters {
    private Conv3dAdapters() {
    }

    public static void install() {
        registerWithMethod("conv3d", a -> Conv.conv3d(a.t(0), a.t(1), Args.intsOf(a.get(2)),
                ConvAdapters.pad(a.get(3)), a.s(4, "NDHWC"), ConvAdapters.tuple(a.get(5), new int[] {1, 1, 1})));
        registerWithMethod("conv3dTranspose", a -> Conv.conv3dTranspose(a.t(0), a.t(1), a.ints(2),
                Args.intsOf(a.get(3)), ConvAdapters.pad(a.get(4))));
        registerWithMethod("maxPool3d", a -> Pool.maxPool3d(a.t(0), ConvAdapters.tuple(a.get(1), null),
                Args.intsOf(a.get(2)), ConvAdapters.pad(a.get(3)), a.s(4, null), a.s(5, "NDHWC")));
        registerWithMethod("avgPool3d", a -> Pool.avgPool3d(a.t(0), ConvAdapters.tuple(a.get(1), null),
                Args.intsOf(a.get(2)), ConvAdapters.pad(a.get(3)), a.s(4, null), a.s(5, "NDHWC")));
        registerWithMethod("dilation2d", a -> Conv.dilation2d(a.t(0), a.t(1), Args.intsOf(a.get(2)),
                ConvAdapters.pad(a.get(3)), ConvAdapters.tuple(a.get(4), new int[] {1, 1}), a.s(5, "NHWC")));
        registerWithMethod("maxPoolWithArgmax", a -> {
            Tensor[] r = Pool.maxPoolWithArgmax(a.t(0), Args.intsOf(a.get(1)), Args.intsOf(a.get(2)),
                    ConvAdapters.pad(a.get(3)), a.b(4, false));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("result", r[0]);
            out.put("indexes", r[1]);
            return out;
        });
    }
}
