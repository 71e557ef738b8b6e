package dev.samovar.graph;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Conv;
import dev.samovar.ops.Fused;
import dev.samovar.ops.Linalg;
import dev.samovar.ops.Nn;
import dev.samovar.ops.Pool;
import dev.samovar.ops.Reduction;

/**
 * Matrices, convolutions, pooling, normalization and reductions (TF.js's "matrices",
 * "convolution", "normalization", "reduction" and "evaluation" categories), with the attribute
 * handling of TF.js's executors (fused_ops lower-cased, explicit paddings, NHWC by default).
 */
final class NnOps {
    private NnOps() {
    }

    /** The padding attribute as the ops take it: "same", "valid" or explicit [[top, bottom], ...]. */
    static Object padding(GraphNode n) {
        String pad = n.getString("padding", "valid").toLowerCase();
        if (pad.equals("explicit")) {
            int[] p = n.getInts("explicit_paddings", new int[8]);
            int[][] out = new int[4][2];
            for (int i = 0; i < 4; i++) {
                out[i][0] = i * 2 < p.length ? p[i * 2] : 0;
                out[i][1] = i * 2 + 1 < p.length ? p[i * 2 + 1] : 0;
            }
            return out;
        }
        return pad;
    }

    private static int[] hw(int[] four) {
        return new int[] {four[1], four[2]};
    }

    private static String dataFormat(GraphNode n) {
        return n.getString("data_format", "NHWC").toUpperCase();
    }

    /** [extraOp, activation] of a fused node, lower-cased; activation null when absent. */
    private static String[] fusedOps(GraphNode n) {
        String[] ops = n.getStrings("fused_ops", new String[0]);
        String extra = ops.length > 0 ? ops[0].toLowerCase() : null;
        String act = ops.length > 1 ? ops[1].toLowerCase() : null;
        return new String[] {extra, act};
    }

    /** bias, prelu weights of a fused conv / depthwise node (TF.js's fusedConvAndDepthWiseParams). */
    private static Tensor[] fusedArgs(GraphNode n, Tensor[] in, String[] fused) {
        boolean isBiasAdd = "biasadd".equals(fused[0]);
        boolean isPrelu = "prelu".equals(fused[1]);
        int numArgs = n.getInt("num_args", 0);
        if (isBiasAdd) {
            if (isPrelu && numArgs != 2) {
                throw new IllegalArgumentException("FusedConv2d and DepthwiseConv2d with BiasAdd and Prelu "
                        + "must have two extra arguments: bias and alpha.");
            }
            if (!isPrelu && numArgs != 1) {
                throw new IllegalArgumentException("FusedConv2d and DepthwiseConv2d with BiasAdd must have "
                        + "one extra argument: bias.");
            }
        }
        if ("fusedbatchnorm".equals(fused[0])) {
            throw new IllegalArgumentException("FusedConv2d and DepthwiseConv2d with FusedBatchNorm is not supported");
        }
        Tensor a0 = in.length > 2 ? in[2] : null;
        Tensor a1 = in.length > 3 ? in[3] : null;
        return isBiasAdd ? new Tensor[] {a0, a1} : new Tensor[] {null, a0};
    }

    private static int[] axes(Tensor t) {
        return ExecutionContext.ints(t);
    }

    static void register() {
        OpRegistry.register("MatMul", (n, in, c) -> new Tensor[] {Linalg.matMul(in[0], in[1],
                n.getBool("transpose_a", false), n.getBool("transpose_b", false))});
        GraphOp batchMatMul = (n, in, c) -> new Tensor[] {Linalg.matMul(in[0], in[1],
                n.getBool("adj_x", false), n.getBool("adj_y", false))};
        OpRegistry.register("BatchMatMul", batchMatMul);
        OpRegistry.register("BatchMatMulV2", batchMatMul);
        OpRegistry.register("_FusedMatMul", (n, in, c) -> {
            String[] fused = fusedOps(n);
            boolean isBiasAdd = "biasadd".equals(fused[0]);
            boolean isPrelu = "prelu".equals(fused[1]);
            int numArgs = n.getInt("num_args", 0);
            if (isBiasAdd) {
                if (isPrelu && numArgs != 2) {
                    throw new IllegalArgumentException("Fused MatMul with BiasAdd and Prelu must have two "
                            + "extra arguments: bias and alpha.");
                }
                if (!isPrelu && numArgs != 1) {
                    throw new IllegalArgumentException("Fused MatMul with BiasAdd must have one extra argument: bias.");
                }
            }
            Tensor bias = in.length > 2 ? in[2] : null;
            Tensor prelu = in.length > 3 ? in[3] : null;
            return new Tensor[] {Fused.matMul(in[0], in[1], n.getBool("transpose_a", false),
                    n.getBool("transpose_b", false), bias, fused[1], prelu, n.getFloat("leakyrelu_alpha", 0.2))};
        });
        OpRegistry.register("Conv2D", (n, in, c) -> new Tensor[] {Conv.conv2d(in[0], in[1],
                hw(n.getInts("strides", new int[] {1, 1, 1, 1})), padding(n), dataFormat(n),
                hw(n.getInts("dilations", new int[] {1, 1, 1, 1})), null)});
        OpRegistry.register("_FusedConv2D", (n, in, c) -> {
            String[] fused = fusedOps(n);
            Tensor[] args = fusedArgs(n, in, fused);
            return new Tensor[] {Fused.conv2d(in[0], in[1], hw(n.getInts("strides", new int[] {1, 1, 1, 1})),
                    padding(n), dataFormat(n), hw(n.getInts("dilations", new int[] {1, 1, 1, 1})), null, args[0],
                    fused[1], args[1], n.getFloat("leakyrelu_alpha", 0.2))};
        });
        GraphOp depthwise = (n, in, c) -> new Tensor[] {Conv.depthwiseConv2d(in[0], in[1],
                hw(n.getInts("strides", new int[] {1, 1, 1, 1})), padding(n), dataFormat(n),
                hw(n.getInts("dilations", new int[] {1, 1, 1, 1})), null)};
        OpRegistry.register("DepthwiseConv2dNative", depthwise);
        OpRegistry.register("DepthwiseConv2d", depthwise);
        OpRegistry.register("FusedDepthwiseConv2dNative", (n, in, c) -> {
            String[] fused = fusedOps(n);
            Tensor[] args = fusedArgs(n, in, fused);
            return new Tensor[] {Fused.depthwiseConv2d(in[0], in[1],
                    hw(n.getInts("strides", new int[] {1, 1, 1, 1})), padding(n), dataFormat(n),
                    hw(n.getInts("dilations", new int[] {1, 1, 1, 1})), null, args[0], fused[1], args[1],
                    n.getFloat("leakyrelu_alpha", 0.2))};
        });
        OpRegistry.register("Conv2DBackpropInput", (n, in, c) -> new Tensor[] {Conv.conv2dTranspose(in[2], in[1],
                ExecutionContext.ints(in[0]), hw(n.getInts("strides", new int[] {1, 1, 1, 1})), padding(n), null)});
        OpRegistry.register("AvgPool", (n, in, c) -> new Tensor[] {Pool.avgPool(in[0],
                hw(n.getInts("ksize", new int[] {1, 1, 1, 1})), hw(n.getInts("strides", new int[] {1, 1, 1, 1})),
                n.getString("padding", "valid").toLowerCase(), null)});
        OpRegistry.register("MaxPool", (n, in, c) -> new Tensor[] {Pool.maxPool(in[0],
                hw(n.getInts("ksize", new int[] {1, 1, 1, 1})), hw(n.getInts("strides", new int[] {1, 1, 1, 1})),
                n.getString("padding", "valid").toLowerCase(), null)});
        // MaxPoolV2 (ksize and strides as inputs): not in TF.js; runs as MaxPool with the inputs' values.
        OpRegistry.register("MaxPoolV2", (n, in, c) -> new Tensor[] {Pool.maxPool(in[0],
                hw(ExecutionContext.ints(in[1])), hw(ExecutionContext.ints(in[2])),
                n.getString("padding", "valid").toLowerCase(), null)});
        // TF.js returns only y; the inference-mode batch_mean / batch_variance outputs (the mean and
        // variance inputs, as TensorFlow returns them) are added so graphs that read them run.
        // is_training (TF.js ignores it) normalizes with the batch's moments over N, H, W and returns
        // them (the variance Bessel-corrected, as TensorFlow does).
        GraphOp batchNorm = (n, in, c) -> {
            double eps = n.getFloat("epsilon", 0.001);
            if (!n.getBool("is_training", false)) {
                return new Tensor[] {Nn.batchNorm(in[0], in[3], in[4], in[2], in[1], eps), in[3].clone(), in[4].clone()};
            }
            Reduction.Moments m = Reduction.moments(in[0], new int[] {0, 1, 2}, false);
            int count = in[0].size() / Math.max(1, in[0].dim(3));
            Tensor y = Nn.batchNorm(in[0], m.mean(), m.variance(), in[2], in[1], eps);
            Tensor factor = dev.samovar.ops.Creation.scalar(count / (float) Math.max(1, count - 1));
            Tensor unbiased = dev.samovar.ops.Arithmetic.mul(m.variance(), factor);
            factor.dispose();
            m.variance().dispose();
            return new Tensor[] {y, m.mean(), unbiased};
        };
        OpRegistry.register("FusedBatchNorm", batchNorm);
        OpRegistry.register("FusedBatchNormV2", batchNorm);
        OpRegistry.register("FusedBatchNormV3", batchNorm);
        OpRegistry.register("LRN", (n, in, c) -> new Tensor[] {Nn.localResponseNormalization(in[0],
                n.getInt("depth_radius", 5), n.getFloat("bias", 1), n.getFloat("alpha", 1), n.getFloat("beta", 0.5))});
        OpRegistry.register("Softmax", (n, in, c) -> new Tensor[] {Nn.softmax(in[0])});
        OpRegistry.register("LogSoftmax", (n, in, c) -> new Tensor[] {Nn.logSoftmax(in[0])});

        OpRegistry.register("Sum", (n, in, c) -> new Tensor[] {Reduction.sum(in[0], axes(in[1]),
                n.getBool("keep_dims", false))});
        OpRegistry.register("Mean", (n, in, c) -> new Tensor[] {Reduction.mean(in[0], axes(in[1]),
                n.getBool("keep_dims", false))});
        OpRegistry.register("Max", (n, in, c) -> new Tensor[] {Reduction.max(in[0], axes(in[1]),
                n.getBool("keep_dims", false))});
        OpRegistry.register("Min", (n, in, c) -> new Tensor[] {Reduction.min(in[0], axes(in[1]),
                n.getBool("keep_dims", false))});
        OpRegistry.register("Prod", (n, in, c) -> new Tensor[] {Reduction.prod(in[0], axes(in[1]),
                n.getBool("keep_dims", false))});
        OpRegistry.register("All", (n, in, c) -> new Tensor[] {Reduction.all(in[0], axes(in[1]),
                n.getBool("keep_dims", false))});
        OpRegistry.register("Any", (n, in, c) -> new Tensor[] {Reduction.any(in[0], axes(in[1]),
                n.getBool("keep_dims", false))});
        OpRegistry.register("ArgMax", (n, in, c) -> new Tensor[] {Reduction.argMax(in[0], ExecutionContext.scalarInt(in[1]))});
        OpRegistry.register("ArgMin", (n, in, c) -> new Tensor[] {Reduction.argMin(in[0], ExecutionContext.scalarInt(in[1]))});
        OpRegistry.register("TopKV2", (n, in, c) -> {
            Reduction.TopK r = Reduction.topk(in[0], ExecutionContext.scalarInt(in[1]), n.getBool("sorted", true));
            return new Tensor[] {r.values(), r.indices()};
        });
    }
}
