package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.ops.Conv;
import dev.samovar.tests.ops.Args;
import java.util.List;

/** Java API calls for the conv op cases. */
public final class ConvAdapters {
    private ConvAdapters() {
    }

    /** A padding argument: a string, a number, or explicit [[..],[..],..] as double[][]. */
    static Object pad(Object v) {
        if (v instanceof List) {
            List<?> rows = (List<?>) v;
            double[][] out = new double[rows.size()][];
            for (int i = 0; i < out.length; i++) {
                List<?> row = (List<?>) rows.get(i);
                out[i] = new double[row.size()];
                for (int j = 0; j < out[i].length; j++) {
                    out[i][j] = ((Number) row.get(j)).doubleValue();
                }
            }
            return out;
        }
        if (v == null) {
            return "undefined";
        }
        return v;
    }

    static int[] tuple(Object v, int[] dflt) {
        return v == null ? dflt : Args.intsOf(v);
    }

    public static void install() {
        registerWithMethod("conv2d", a -> Conv.conv2d(a.t(0), a.t(1), Args.intsOf(a.get(2)), pad(a.get(3)),
                a.s(4, "NHWC"), tuple(a.get(5), new int[] {1, 1}), a.s(6, null)));
        registerWithMethod("conv1d", a -> Conv.conv1d(a.t(0), a.t(1), a.i(2, 1), pad(a.get(3)), a.s(4, "NWC"),
                a.i(5, 1), a.s(6, null)));
        registerWithMethod("depthwiseConv2d", a -> Conv.depthwiseConv2d(a.t(0), a.t(1), Args.intsOf(a.get(2)),
                pad(a.get(3)), a.s(4, "NHWC"), tuple(a.get(5), new int[] {1, 1}), a.s(6, null)));
        registerWithMethod("separableConv2d", a -> Conv.separableConv2d(a.t(0), a.t(1), a.t(2),
                Args.intsOf(a.get(3)), pad(a.get(4)), tuple(a.get(5), new int[] {1, 1}), a.s(6, "NHWC")));
        registerWithMethod("conv2dTranspose", a -> Conv.conv2dTranspose(a.t(0), a.t(1), a.ints(2),
                Args.intsOf(a.get(3)), pad(a.get(4)), a.s(5, null)));
    }
}
