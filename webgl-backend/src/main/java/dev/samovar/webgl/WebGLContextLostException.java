package dev.samovar.webgl;

/** Thrown by every WebGL operation once the browser has taken the GPU context away. */
public final class WebGLContextLostException extends IllegalStateException {
    public static final String MESSAGE = "WebGL context lost: the GPU copies of tensors are gone (the browser "
            + "reclaimed the GPU, or the page asked it to). Tensors already read back are intact; others cannot "
            + "be read. Call samovar.webgl.restore() (or tf.setBackend('cpu')) and recompute them.";

    public WebGLContextLostException() {
        super(MESSAGE);
    }
}
