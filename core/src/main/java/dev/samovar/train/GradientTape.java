package dev.samovar.train;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;

/**
 * A gradient-recording region in try-with-resources: kernels run between opening the tape and
 * {@link #gradients} are recorded; closing it frees what was recorded.
 *
 * <pre>{@code
 * try (GradientTape tape = GradientTape.start()) {
 *     Tensor loss = Reduction.sum(Unary.square(Arithmetic.sub(Linalg.matMul(x, w), y)));
 *     Tensor[] g = tape.gradients(loss, w);
 * }
 * }</pre>
 */
public final class GradientTape implements AutoCloseable {
    private final Engine engine = Engine.get();
    private boolean recording;

    private GradientTape() {
        engine.startTape();
        recording = true;
    }

    /** Starts recording. */
    public static GradientTape start() {
        return new GradientTape();
    }

    /** Stops recording and returns dy/dx for each x (ones as the seed); fails if y does not depend on an x. */
    public Tensor[] gradients(Tensor y, Tensor... xs) {
        return gradients(y, null, xs);
    }

    /** As {@link #gradients(Tensor, Tensor...)} with an explicit upstream gradient {@code dy}. */
    public Tensor[] gradients(Tensor y, Tensor dy, Tensor[] xs) {
        stop();
        engine.checkGradientArgs(xs, dy);
        Tensor[] grads = engine.backprop(y, xs, dy, false).grads;
        Gradients.checkGrads(grads);
        return grads;
    }

    private void stop() {
        if (!recording) {
            throw new IllegalStateException("This tape has already stopped recording: start a new one");
        }
        recording = false;
        engine.endTape();
    }

    @Override
    public void close() {
        if (recording) {
            recording = false;
            engine.endTape();
        }
        engine.abandonTape();
    }
}
