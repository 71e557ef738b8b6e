package dev.samovar.tests.ops;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;
import dev.samovar.train.Gradients;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/**
 * Checks a gradient case against central finite differences of the op itself: for sampled input
 * elements, (S(x + h) - S(x - h)) / 2h with S = sum(f(x) * dy) in double. A reference that does not
 * depend on TF.js or on the gradient code.
 */
final class FiniteDifferences {
    private static final int MAX_ELEMENTS = 40;

    private FiniteDifferences() {
    }

    static void check(OpCase c) {
        JavaOps.Adapter adapter = JvmOpRunner.adapter(c);
        Engine engine = Engine.get();
        Args args = Args.decode(c.args);
        List<String> problems = new ArrayList<>();
        try {
            Tensor[] xs = new Tensor[c.grad.length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = args.t(c.grad[i]);
            }
            Tensor dy = c.dy == null ? null : args.decodeTensor(c.dy);
            Tensor[] analytic = Gradients.grads(v -> (Tensor) JvmOpRunner.pick(adapter.apply(args), c.gradPick), xs, dy);
            float[] dyv = dy == null ? null : dy.dataSync();
            for (int k = 0; k < xs.length; k++) {
                if (xs[k].dtype() != DType.FLOAT32) {
                    continue;
                }
                float[] x = xs[k].dataSync();
                float[] g = analytic[k].dataSync();
                int step = Math.max(1, x.length / MAX_ELEMENTS);
                for (int e = 0; e < x.length; e += step) {
                    double h = 1e-2 * Math.max(1, Math.abs(x[e]));
                    float xp = (float) (x[e] + h);
                    float xm = (float) (x[e] - h);
                    double sp = value(adapter, args, c, k, xs[k], e, xp, dyv);
                    double sm = value(adapter, args, c, k, xs[k], e, xm, dyv);
                    double numeric = (sp - sm) / ((double) xp - xm);
                    double tol = 2e-2 * Math.max(1, Math.max(Math.abs(numeric), Math.abs(g[e])));
                    if (!(Math.abs(numeric - g[e]) <= tol)) {
                        problems.add("d/dx" + c.grad[k] + "[" + e + "]: gradient " + g[e] + ", finite differences "
                                + numeric);
                    }
                }
            }
            for (Tensor t : analytic) {
                t.dispose();
            }
        } finally {
            args.created().forEach(Tensor::dispose);
        }
        if (!problems.isEmpty()) {
            Assertions.fail(problems.size() + " elements disagree: "
                    + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
        }
    }

    /** S = sum(f(x) * dy) with element e of argument k set to v. */
    private static double value(JavaOps.Adapter adapter, Args args, OpCase c, int k, Tensor x, int e, float v,
            float[] dy) {
        return Engine.get().tidy(() -> {
            float[] values = x.dataSync();
            values[e] = v;
            Tensor perturbed = Creation.tensor(values, x.shape());
            Tensor out = (Tensor) JvmOpRunner.pick(adapter.apply(args.with(c.grad[k], perturbed)), c.gradPick);
            float[] o = out.dataSync();
            double s = 0;
            for (int i = 0; i < o.length; i++) {
                s += (double) o[i] * (dy == null ? 1 : dy[i]);
            }
            return s;
        });
    }
}
