package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Composite;
import dev.samovar.ops.Einsum;
import dev.samovar.ops.Sampling;
import org.teavm.jso.JSExport;

/**
 * tf.diag, dropout, multinomial, randomUniformInt, meshgrid, movingAverage, ensureShape, einsum,
 * basicLSTMCell. Shapes with TF.js's null dimensions arrive with {@link Composite#ANY} there;
 * seeds arrive as their JavaScript text (null: none).
 */
public final class MiscBridge {
    private MiscBridge() {
    }

    @JSExport
    public static int anyDim() {
        return Composite.ANY;
    }

    @JSExport
    public static Tensor diag(Tensor x) {
        return Composite.diag(x);
    }

    @JSExport
    public static Tensor dropout(Tensor x, double rate, int[] noiseShape, String seed) {
        return Sampling.dropout(x, rate, noiseShape, seed);
    }

    @JSExport
    public static Tensor multinomial(Tensor logits, double numSamples, String seed, boolean normalized) {
        return Sampling.multinomial(logits, (int) numSamples, seed, normalized);
    }

    @JSExport
    public static Tensor randomUniformInt(int[] shape, double minval, double maxval, String seed) {
        return Sampling.randomUniformInt(shape, minval, maxval, seed);
    }

    @JSExport
    public static Tensor[] meshgrid(Tensor x, Tensor y, String indexing) {
        return Composite.meshgrid(x, y, indexing);
    }

    @JSExport
    public static Tensor movingAverage(Tensor v, Tensor x, Tensor decay, Tensor step, boolean zeroDebias) {
        return Composite.movingAverage(v, x, decay, step, zeroDebias);
    }

    @JSExport
    public static Tensor ensureShape(Tensor x, int[] shape) {
        return Composite.ensureShape(x, shape);
    }

    @JSExport
    public static Tensor einsum(String equation, TensorList tensors) {
        return Einsum.einsum(equation, tensors.toArray());
    }

    @JSExport
    public static Tensor[] basicLSTMCell(Tensor forgetBias, Tensor lstmKernel, Tensor lstmBias, Tensor data,
            Tensor c, Tensor h) {
        return Composite.basicLSTMCell(forgetBias, lstmKernel, lstmBias, data, c, h);
    }

    @JSExport
    public static Tensor broadcastArgs(Tensor s0, Tensor s1) {
        return Composite.broadcastArgs(s0, s1);
    }
}
