package dev.samovar.core;

/**
 * One backend's implementation of one named kernel (TensorFlow op names: {@code Add},
 * {@code BatchMatMul}, {@code Conv2D}, ...). Inputs arrive checked and on this kernel's backend;
 * outputs are new tensors made with {@link Engine#makeTensor}.
 */
@FunctionalInterface
public interface Kernel {
    Tensor[] run(Tensor[] inputs, Attrs attrs, Backend backend);
}
