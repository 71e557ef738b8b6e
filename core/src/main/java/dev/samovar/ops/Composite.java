package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;

/**
 * TF.js ops built from other ops, plus Diag: tf.diag, meshgrid, movingAverage, ensureShape,
 * basicLSTMCell, each composed of the ops TF.js uses, in its order (so values match).
 */
public final class Composite {
    /** A dimension of an expected shape that matches anything (TF.js's null). */
    public static final int ANY = Integer.MIN_VALUE;

    private Composite() {
    }

    /** tf.diag(x): kernel Diag, shape [...x.shape, ...x.shape] with x on the diagonal. */
    public static Tensor diag(Tensor x) {
        OpSupport.check(x, "x", "diag");
        return OpSupport.op("diag", () -> OpSupport.run("Diag", Attrs.EMPTY, x));
    }

    /**
     * tf.meshgrid(x, y, {indexing}): 'xy' (default) gives [h, w] grids, 'ij' [w, h] ones, made as
     * TF.js makes them (matMul with ones). A null y gives [x]; the inputs are flattened.
     */
    public static Tensor[] meshgrid(Tensor x, Tensor y, String indexing) {
        String ix = indexing == null ? "xy" : indexing;
        if (!ix.equals("xy") && !ix.equals("ij")) {
            throw new IllegalArgumentException(ix + " is not a valid third argument to meshgrid");
        }
        if (x == null) {
            return new Tensor[0];
        }
        if (y == null) {
            return new Tensor[] {x};
        }
        int w = x.size();
        int h = y.size();
        return OpSupport.op("meshgrid", () -> {
            if (ix.equals("xy")) {
                Tensor rx = Transform.reshape(x, 1, -1);
                Tensor ry = Transform.reshape(y, -1, 1);
                return new Tensor[] {Linalg.matMul(Creation.ones(new int[] {h, 1}, rx.dtype()), rx),
                    Linalg.matMul(ry, Creation.ones(new int[] {1, w}, ry.dtype()))};
            }
            Tensor rx = Transform.reshape(x, -1, 1);
            Tensor ry = Transform.reshape(y, 1, -1);
            return new Tensor[] {Linalg.matMul(rx, Creation.ones(new int[] {1, h}, rx.dtype())),
                Linalg.matMul(Creation.ones(new int[] {w, 1}, ry.dtype()), ry)};
        });
    }

    /**
     * tf.movingAverage(v, x, decay, step, zeroDebias = true): v + (x - v) * (1 - decay), divided by
     * 1 - decay^step when zeroDebias. {@code step} may be null when zeroDebias is false.
     */
    public static Tensor movingAverage(Tensor v, Tensor x, Tensor decay, Tensor step, boolean zeroDebias) {
        OpSupport.check(v, "v", "movingAverage");
        OpSupport.check(x, "x", "movingAverage");
        OpSupport.check(decay, "decay", "movingAverage");
        return OpSupport.op("movingAverage", () -> {
            OpSupport.require(v.dtype() == x.dtype(), "The dtypes of the first(" + v.dtype()
                    + ") and second(" + x.dtype() + ") input must match");
            OpSupport.require(java.util.Arrays.equals(v.shape(), x.shape()), "Shape mismatch in v and x");
            Tensor one = Creation.scalar(1f);
            Tensor oneMinusDecay = Arithmetic.sub(one, decay);
            Tensor update = Arithmetic.mul(Arithmetic.sub(x, v), oneMinusDecay);
            if (zeroDebias) {
                OpSupport.require(step != null, "When using zeroDebias: true, step is required.");
                update = Arithmetic.div(update, Arithmetic.sub(one, Arithmetic.pow(decay, step)));
            }
            return Arithmetic.add(v, update);
        });
    }

    /**
     * tf.ensureShape(x, shape): x itself when its shape matches ({@link #ANY} matches any size),
     * TF.js's error otherwise.
     */
    public static Tensor ensureShape(Tensor x, int[] shape) {
        OpSupport.check(x, "x", "ensureShape");
        int[] s = x.shape();
        boolean ok = shape != null && shape.length == s.length;
        for (int i = 0; ok && i < s.length; i++) {
            ok = shape[i] == ANY || shape[i] == s[i];
        }
        if (!ok) {
            StringBuilder e = new StringBuilder();
            for (int i = 0; shape != null && i < shape.length; i++) {
                if (i > 0) {
                    e.append(',');
                }
                if (shape[i] != ANY) {
                    e.append(shape[i]);
                }
            }
            throw new IllegalArgumentException("EnsureShape: Shape of tensor " + Shapes.join(s)
                    + " is not compatible with expected shape " + e);
        }
        return x;
    }

    /**
     * tf.basicLSTMCell(forgetBias, lstmKernel, lstmBias, data, c, h): [newC, newH] of one LSTM step,
     * computed as TF.js does (concat, matMul, add, slices i j f o).
     */
    public static Tensor[] basicLSTMCell(Tensor forgetBias, Tensor lstmKernel, Tensor lstmBias, Tensor data,
            Tensor c, Tensor h) {
        OpSupport.check(forgetBias, "forgetBias", "basicLSTMCell");
        OpSupport.check(lstmKernel, "lstmKernel", "basicLSTMCell");
        OpSupport.check(lstmBias, "lstmBias", "basicLSTMCell");
        OpSupport.check(data, "data", "basicLSTMCell");
        OpSupport.check(c, "c", "basicLSTMCell");
        OpSupport.check(h, "h", "basicLSTMCell");
        return OpSupport.op("basicLSTMCell", () -> {
            Tensor combined = Transform.concat(new Tensor[] {data, h}, 1);
            Tensor weighted = Linalg.matMul(combined, lstmKernel);
            Tensor res = Arithmetic.add(weighted, lstmBias);
            int batchSize = res.dim(0);
            int sliceCols = res.dim(1) / 4;
            int[] size = {batchSize, sliceCols};
            Tensor i = Transform.slice(res, new int[] {0, 0}, size);
            Tensor j = Transform.slice(res, new int[] {0, sliceCols}, size);
            Tensor f = Transform.slice(res, new int[] {0, sliceCols * 2}, size);
            Tensor o = Transform.slice(res, new int[] {0, sliceCols * 3}, size);
            Tensor newC = Arithmetic.add(Arithmetic.mul(Unary.sigmoid(i), Unary.tanh(j)),
                    Arithmetic.mul(c, Unary.sigmoid(Arithmetic.add(forgetBias, f))));
            Tensor newH = Arithmetic.mul(Unary.tanh(newC), Unary.sigmoid(o));
            return new Tensor[] {newC, newH};
        });
    }

    /** tf.broadcastArgs(s0, s1): the broadcast shape of two int32 shape vectors (kernel BroadcastArgs). */
    public static Tensor broadcastArgs(Tensor s0, Tensor s1) {
        OpSupport.checkDtype(s0, "s0", "broadcastArgs", dev.samovar.core.DType.INT32);
        OpSupport.checkDtype(s1, "s1", "broadcastArgs", dev.samovar.core.DType.INT32);
        return OpSupport.op("broadcastArgs", () -> {
            OpSupport.require(s0.rank() == 1, "broadcastArgs(): first input must be a vector (rank=1). Has rank "
                    + s0.rank());
            OpSupport.require(s1.rank() == 1, "broadcastArgs(): second input must be a vector (rank=1). Has rank "
                    + s1.rank());
            return OpSupport.run("BroadcastArgs", Attrs.EMPTY, s0, s1);
        });
    }
}
