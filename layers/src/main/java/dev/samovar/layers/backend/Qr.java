package dev.samovar.layers.backend;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Linalg;
import dev.samovar.ops.Logic;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import dev.samovar.ops.Unary;

/**
 * TF.js's {@code tf.linalg.qr} of a matrix (Householder reflections, composed of ops in TF.js's
 * order), for the orthogonal initializer. Returns {q, r}; reduced unless {@code fullMatrices}.
 */
public final class Qr {
    private Qr() {
    }

    public static Tensor[] qr2d(Tensor x, boolean fullMatrices) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("qr2d() requires a 2D Tensor, but got a " + x.rank() + "D Tensor.");
        }
        return Engine.get().tidy(() -> {
            int m = x.dim(0);
            int n = x.dim(1);
            Tensor q = Creation.eye(m);
            Tensor r = x.clone();
            Tensor one2D = Creation.tensor(new float[] {1}, 1, 1);
            Tensor w = one2D.clone();
            int iters = m >= n ? n : m;
            for (int j = 0; j < iters; ++j) {
                Tensor rTemp = r;
                Tensor wTemp = w;
                Tensor qTemp = q;
                final int jj = j;
                final Tensor rIn = r;
                final Tensor qIn = q;
                Tensor[] wrq = Engine.get().tidy(() -> {
                    Tensor rjEnd1 = Transform.slice(rIn, new int[] {jj, jj}, new int[] {m - jj, 1});
                    Tensor normX = Reduction.norm(rjEnd1);
                    Tensor rjj = Transform.slice(rIn, new int[] {jj, jj}, new int[] {1, 1});
                    Tensor s = Logic.where(Logic.greater(rjj, Creation.scalar(0f)),
                            Creation.tensor(new float[] {-1}, 1, 1), Creation.tensor(new float[] {1}, 1, 1));
                    Tensor u1 = Arithmetic.sub(rjj, Arithmetic.mul(s, normX));
                    Tensor wPre = Arithmetic.div(rjEnd1, u1);
                    Tensor wNew;
                    if (wPre.dim(0) == 1) {
                        wNew = one2D.clone();
                    } else {
                        wNew = Transform.concat(new Tensor[] {one2D,
                            Transform.slice(wPre, new int[] {1, 0}, new int[] {wPre.dim(0) - 1, wPre.dim(1)})}, 0);
                    }
                    Tensor tau = Unary.neg(Arithmetic.div(Linalg.matMul(s, u1), normX));
                    Tensor rjEndAll = Transform.slice(rIn, new int[] {jj, 0}, new int[] {m - jj, n});
                    Tensor tauTimesW = Arithmetic.mul(tau, wNew);
                    Tensor wT = Transform.transpose(wNew);
                    Tensor rNew;
                    if (jj == 0) {
                        rNew = Arithmetic.sub(rjEndAll, Linalg.matMul(tauTimesW, Linalg.matMul(wT, rjEndAll)));
                    } else {
                        Tensor rTimesTau = Arithmetic.sub(rjEndAll,
                                Linalg.matMul(tauTimesW, Linalg.matMul(wT, rjEndAll)));
                        rNew = Transform.concat(new Tensor[] {
                            Transform.slice(rIn, new int[] {0, 0}, new int[] {jj, n}), rTimesTau}, 0);
                    }
                    Tensor tawTimesWT = Transform.transpose(tauTimesW);
                    Tensor qAllJEnd = Transform.slice(qIn, new int[] {0, jj}, new int[] {m, qIn.dim(1) - jj});
                    Tensor qNew;
                    if (jj == 0) {
                        qNew = Arithmetic.sub(qAllJEnd, Linalg.matMul(Linalg.matMul(qAllJEnd, wNew), tawTimesWT));
                    } else {
                        Tensor qTimesTau = Arithmetic.sub(qAllJEnd,
                                Linalg.matMul(Linalg.matMul(qAllJEnd, wNew), tawTimesWT));
                        qNew = Transform.concat(new Tensor[] {
                            Transform.slice(qIn, new int[] {0, 0}, new int[] {m, jj}), qTimesTau}, 1);
                    }
                    return new Tensor[] {wNew, rNew, qNew};
                });
                w = wrq[0];
                r = wrq[1];
                q = wrq[2];
                rTemp.dispose();
                wTemp.dispose();
                qTemp.dispose();
            }
            if (!fullMatrices && m > n) {
                q = Transform.slice(q, new int[] {0, 0}, new int[] {m, n});
                r = Transform.slice(r, new int[] {0, 0}, new int[] {n, n});
            }
            return new Tensor[] {q, r};
        });
    }
}
