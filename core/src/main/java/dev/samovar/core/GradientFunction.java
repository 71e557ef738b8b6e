package dev.samovar.core;

/**
 * A kernel's gradient: the gradient of one of its inputs given the gradients of its outputs. It
 * is asked once per input that leads from the differentiated tensors, and builds its result from
 * ops (so gradients of gradients are recorded too).
 */
@FunctionalInterface
public interface GradientFunction {
    /** The gradient of input {@code input} (its index in the kernel's inputs). */
    Tensor gradient(int input, GradientContext g);
}
