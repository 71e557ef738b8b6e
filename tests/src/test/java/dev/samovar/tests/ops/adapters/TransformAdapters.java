package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.register;
import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Transform;
import dev.samovar.tests.ops.Args;
import java.util.ArrayList;
import java.util.List;

/** Shape and layout ops. */
public final class TransformAdapters {
    private TransformAdapters() {
    }

    /** A list of rows of numbers (paddings, crops) as int[][]; a row that is not a list is empty. */
    static int[][] rows(Object v) {
        if (v == null) {
            return null;
        }
        List<?> l = (List<?>) v;
        int[][] out = new int[l.size()][];
        for (int i = 0; i < out.length; i++) {
            Object row = l.get(i);
            out[i] = row instanceof List ? Args.intsOf(row) : new int[0];
        }
        return out;
    }

    /** A tensor list argument (tensors or tensor-likes); null when it is not a list. */
    static Tensor[] list(Args a, int i) {
        return a.get(i) instanceof List ? a.tensorArray(i) : null;
    }

    public static void install() {
        registerWithMethod("reshape", a -> Transform.reshape(a.t(0), a.ints(1)));
        register(".reshapeAs", a -> Transform.reshape(a.t(0), a.t(1).shape()));
        register(".flatten", a -> Transform.reshape(a.t(0), a.t(0).size()));
        register(".as2D", a -> Transform.reshape(a.t(0), a.i(1, 0), a.i(2, 0)));
        register(".asScalar", a -> Transform.reshape(a.t(0)));
        registerWithMethod("transpose", a -> Transform.transpose(a.t(0), a.ints(1)));
        registerWithMethod("cast", a -> Transform.cast(a.t(0), a.s(1, null)));
        register(".toInt", a -> Transform.cast(a.t(0), DType.INT32));
        register(".toBool", a -> Transform.cast(a.t(0), DType.BOOL));
        register(".toFloat", a -> Transform.cast(a.t(0), DType.FLOAT32));

        registerWithMethod("expandDims", a -> Transform.expandDims(a.t(0), a.i(1, 0)));
        registerWithMethod("squeeze", a -> Transform.squeeze(a.t(0), a.ints(1)));

        register("concat", a -> {
            Tensor[] ts = list(a, 0);
            return Transform.concat(ts == null ? new Tensor[0] : ts, a.i(1, 0));
        });
        register(".concat", a -> {
            List<Tensor> ts = new ArrayList<>();
            ts.add(a.t(0));
            if (a.get(1) instanceof Tensor) {
                ts.add(a.t(1));
            } else {
                ts.addAll(a.tensors(1));
            }
            return Transform.concat(ts.toArray(new Tensor[0]), a.i(2, 0));
        });
        register("concat1d", a -> Transform.concat1d(a.tensorArray(0)));
        register("concat2d", a -> Transform.concat2d(a.tensorArray(0), a.i(1, 0)));
        register("concat3d", a -> Transform.concat3d(a.tensorArray(0), a.i(1, 0)));
        register("concat4d", a -> Transform.concat4d(a.tensorArray(0), a.i(1, 0)));
        register("stack", a -> Transform.stack(a.tensorArray(0), a.i(1, 0)));
        register(".stack", a -> {
            List<Tensor> ts = new ArrayList<>();
            ts.add(a.t(0));
            if (a.get(1) instanceof Tensor) {
                ts.add(a.t(1));
            } else {
                ts.addAll(a.tensors(1));
            }
            return Transform.stack(ts.toArray(new Tensor[0]), a.i(2, 0));
        });
        registerWithMethod("unstack", a -> Transform.unstack(a.t(0), a.i(1, 0)));
        registerWithMethod("split", a -> a.get(1) instanceof Number
                ? Transform.split(a.t(0), a.i(1, 0), a.i(2, 0))
                : Transform.split(a.t(0), a.ints(1), a.i(2, 0)));

        registerWithMethod("slice", a -> Transform.slice(a.t(0), a.ints(1), a.ints(2)));
        register("slice1d", a -> Transform.slice1d(a.t(0), a.i(1, 0), a.i(2, 0)));
        register("slice2d", a -> Transform.slice2d(a.t(0), a.ints(1), a.ints(2)));
        register("slice3d", a -> Transform.slice3d(a.t(0), a.ints(1), a.ints(2)));
        register("slice4d", a -> Transform.slice4d(a.t(0), a.ints(1), a.ints(2)));
        registerWithMethod("stridedSlice", a -> Transform.stridedSlice(a.t(0), a.ints(1), a.ints(2), a.ints(3),
                a.i(4, 0), a.i(5, 0), a.i(6, 0), a.i(7, 0), a.i(8, 0)));

        registerWithMethod("gather", a -> Transform.gather(a.t(0), a.t(1, DType.INT32), a.i(2, 0), a.i(3, 0)));
        register("gatherND", a -> Transform.gatherND(a.t(0), a.t(1, DType.INT32)));

        registerWithMethod("pad", a -> Transform.pad(a.t(0), rows(a.get(1)), a.d(2, 0)));
        register("pad1d", a -> Transform.pad1d(a.t(0), flatOrEmpty(a.get(1)), a.d(2, 0)));
        register("pad2d", a -> Transform.pad2d(a.t(0), rows(a.get(1)), a.d(2, 0)));
        register("pad3d", a -> Transform.pad3d(a.t(0), rows(a.get(1)), a.d(2, 0)));
        register("pad4d", a -> Transform.pad4d(a.t(0), rows(a.get(1)), a.d(2, 0)));
        registerWithMethod("mirrorPad", a -> Transform.mirrorPad(a.t(0), rows(a.get(1)), a.s(2, null)));

        registerWithMethod("tile", a -> Transform.tile(a.t(0), a.ints(1)));
        registerWithMethod("reverse", a -> Transform.reverse(a.t(0), a.ints(1)));
        register("reverse1d", a -> Transform.reverse1d(a.t(0)));
        register("reverse2d", a -> Transform.reverse2d(a.t(0), a.ints(1)));
        register("reverse3d", a -> Transform.reverse3d(a.t(0), a.ints(1)));
        register("reverse4d", a -> Transform.reverse4d(a.t(0), a.ints(1)));

        registerWithMethod("batchToSpaceND", a -> Transform.batchToSpaceND(a.t(0), a.ints(1), rows(a.get(2))));
        registerWithMethod("spaceToBatchND", a -> Transform.spaceToBatchND(a.t(0), a.ints(1), rows(a.get(2))));
        registerWithMethod("depthToSpace",
                a -> Transform.depthToSpace(a.t(0, DType.FLOAT32), a.i(1, 0), a.s(2, "NHWC")));
        registerWithMethod("broadcastTo", a -> Transform.broadcastTo(a.t(0), a.ints(1)));
    }

    /** pad1d's [before, after]; a list of lists (a wrong call) becomes a list of that many zeros. */
    private static int[] flatOrEmpty(Object v) {
        List<?> l = (List<?>) v;
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            Object x = l.get(i);
            out[i] = x instanceof Number ? ((Number) x).intValue() : 0;
        }
        return out;
    }
}
