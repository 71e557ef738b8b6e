package dev.samovar.graph;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;

/** Graph ops (TF.js's "graph" category): constants, placeholders, identities, shapes. */
final class GraphOps {
    private GraphOps() {
    }

    static void register() {
        // Const, Placeholder and PlaceholderWithDefault are resolved by the executor itself.
        OpRegistry.register("Const", (n, in, c) -> {
            throw new IllegalStateException("Const node '" + n.name + "' has no weight");
        });
        OpRegistry.register("Placeholder", (n, in, c) -> {
            throw new IllegalArgumentException("The placeholder '" + n.name + "' was not fed");
        });
        OpRegistry.register("PlaceholderWithDefault", (n, in, c) -> new Tensor[] {in[0].clone()});
        GraphOp identity = (n, in, c) -> new Tensor[] {in[0].clone()};
        OpRegistry.register("Identity", identity);
        OpRegistry.register("StopGradient", identity);
        OpRegistry.register("Snapshot", identity);
        OpRegistry.register("FakeQuantWithMinMaxVars", identity);
        OpRegistry.register("IdentityN", (n, in, c) -> {
            Tensor[] out = new Tensor[in.length];
            for (int i = 0; i < in.length; i++) {
                out[i] = in[i].clone();
            }
            return out;
        });
        OpRegistry.register("Shape", (n, in, c) -> new Tensor[] {shapeOf(in[0])});
        OpRegistry.register("ShapeN", (n, in, c) -> {
            Tensor[] out = new Tensor[in.length];
            for (int i = 0; i < in.length; i++) {
                int[] s = in[i].shape();
                float[] f = new float[s.length];
                for (int j = 0; j < s.length; j++) {
                    f[j] = s[j];
                }
                out[i] = Creation.tensor1d(f);
            }
            return out;
        });
        OpRegistry.register("Size", (n, in, c) -> new Tensor[] {Creation.scalar(in[0].size(), DType.INT32)});
        OpRegistry.register("Rank", (n, in, c) -> new Tensor[] {Creation.scalar(in[0].rank(), DType.INT32)});
        OpRegistry.register("NoOp", (n, in, c) -> new Tensor[] {Creation.scalar(1)});
    }

    static Tensor shapeOf(Tensor x) {
        int[] s = x.shape();
        return Creation.tensor(s, new int[] {s.length}, DType.INT32);
    }
}
