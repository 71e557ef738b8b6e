package dev.samovar.web;

import org.teavm.jso.JSExportClasses;

/**
 * The TeaVM entry point of samovar.js. It exports one bridge class per op family, whose static
 * methods the hand-written JS API (src/main/js/api) calls as {@code N.ArithmeticBridge.add(a, b)}.
 * A bridge converts nothing but dtype names and forwards to the Java ops, so every rule and every
 * number lives in Java. (Static exports: TeaVM's exported instance methods cost ~7x more per call.)
 */
@JSExportClasses({EngineBridge.class, TensorList.class, CreationBridge.class, RandomBridge.class, UnaryBridge.class,
    ArithmeticBridge.class, LogicBridge.class, ReductionBridge.class, TransformBridge.class, LinalgBridge.class,
    NnBridge.class, ConvBridge.class, PoolBridge.class, FusedBridge.class, LossesBridge.class, TrainBridge.class,
    OptimizerBridge.class, LayersBridge.class, RefList.class, ModelBridge.class, TrainingBridge.class, IoBridge.class,
    IoBridge.Buffers.class, DataBridge.class, GraphModelBridge.class, WebGLBridge.class,
    RecurrentBridge.class, ImageBridge.class,
    SelectionBridge.class, MiscBridge.class, ScatterBridge.class, NamespaceOpsBridge.class, KernelsBridge.class})
public final class Bridge {
    private Bridge() {
    }

    public static void main(String[] args) {
        // Nothing runs at load time: the JS API calls the bridges' static exports. The CPU backend
        // is found through ServiceLoader, which TeaVM resolves at build time.
    }
}
