package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.CpuBackend;
import java.util.ArrayList;
import java.util.List;

/**
 * Einsum (attrs {@code equation} and the decoded plan {@code idDims} / {@code numDims} /
 * {@code summedDims} from {@code dev.samovar.ops.Einsum}): TF.js's CPU algorithm: for each step,
 * each term is transposed into global dimension order, reshaped with size-1 axes for the dimensions
 * it lacks and multiplied into the running product; then the step's summed dimension is reduced.
 */
final class EinsumKernel {
    private EinsumKernel() {
    }

    private static Tensor call(String kernel, Attrs attrs, Backend backend, Tensor... in) {
        return KernelRegistry.get(kernel, CpuBackend.NAME).run(in, attrs, backend)[0];
    }

    static void register() {
        KernelRegistry.register("Einsum", CpuBackend.NAME, (inputs, attrs, backend) -> {
            int[][] idDims = (int[][]) attrs.get("idDims");
            int numDims = attrs.getInt("numDims");
            int[] path = attrs.getInts("path");
            int[][] steps = (int[][]) attrs.get("steps");
            int nSteps = steps.length;
            Tensor out = null;
            int remaining = numDims;
            List<Tensor> temps = new ArrayList<>();
            for (int i = 0; i < nSteps; i++) {
                for (int term : steps[i]) {
                    int[] ids = idDims[term];
                    int[] where = new int[remaining];
                    java.util.Arrays.fill(where, -1);
                    for (int k = 0; k < ids.length; k++) {
                        where[ids[k]] = k;
                    }
                    List<Integer> perm = new ArrayList<>();
                    List<Integer> expand = new ArrayList<>();
                    for (int d = 0; d < remaining; d++) {
                        if (where[d] == -1) {
                            expand.add(d);
                        } else {
                            perm.add(where[d]);
                        }
                    }
                    boolean identity = true;
                    for (int k = 0; k < perm.size(); k++) {
                        identity &= perm.get(k) == k;
                    }
                    Tensor x = inputs[term];
                    if (!identity) {
                        int[] p = perm.stream().mapToInt(Integer::intValue).toArray();
                        x = call("Transpose", Attrs.of().put("perm", p), backend, x);
                        temps.add(x);
                    }
                    List<Integer> target = new ArrayList<>();
                    for (int d : x.shape()) {
                        target.add(d);
                    }
                    for (int e : expand) {
                        target.add(Math.min(e, target.size()), 1);
                    }
                    int[] ts = target.stream().mapToInt(Integer::intValue).toArray();
                    if (!java.util.Arrays.equals(ts, x.shape())) {
                        x = call("Reshape", Attrs.of().put("shape", ts), backend, x);
                        temps.add(x);
                    }
                    if (out == null) {
                        out = x;
                    } else {
                        out = call("Multiply", Attrs.EMPTY, backend, x, out);
                        temps.add(out);
                    }
                }
                if (i < nSteps - 1) {
                    if (path[i] >= 0) {
                        int axis = path[i] - (numDims - remaining);
                        out = call("Sum", Attrs.of().put("axis", new int[] {axis}).put("keepDims", false), backend, out);
                        temps.add(out);
                    }
                    remaining--;
                }
            }
            for (Tensor t : temps) {
                if (t != out) {
                    t.dispose();
                }
            }
            if (out == inputs[0] || (inputs.length > 1 && out == inputs[1])) {
                out = call("Identity", Attrs.EMPTY, backend, out);
            }
            return new Tensor[] {out};
        });
    }
}
