package dev.samovar.web;

import dev.samovar.core.Engine;
import dev.samovar.cpu.CpuBackendProvider;
import org.teavm.jso.JSExport;

/**
 * The TeaVM entry point of samovar.js. Its exports hand the hand-written JS API (src/main/js/api)
 * one bridge object per op family; a bridge converts nothing but dtype names and forwards to the
 * Java ops, so every rule and every number lives in Java.
 */
public final class Bridge {
    private Bridge() {
    }

    public static void main(String[] args) {
        // Nothing runs at load time; the JS API calls the exports below.
    }

    private static void init() {
        // ServiceLoader finds the CPU backend on the JVM; in the page the provider is named here.
        Engine.get().registerBackend(new CpuBackendProvider());
    }

    static {
        init();
    }

    @JSExport
    public static EngineBridge engine() {
        return new EngineBridge();
    }

    @JSExport
    public static CreationBridge creation() {
        return new CreationBridge();
    }

    @JSExport
    public static UnaryBridge unary() {
        return new UnaryBridge();
    }

    @JSExport
    public static ArithmeticBridge arithmetic() {
        return new ArithmeticBridge();
    }

    @JSExport
    public static ReductionBridge reduction() {
        return new ReductionBridge();
    }

    @JSExport
    public static TransformBridge transform() {
        return new TransformBridge();
    }

    @JSExport
    public static LinalgBridge linalg() {
        return new LinalgBridge();
    }

    @JSExport
    public static LogicBridge logic() {
        return new LogicBridge();
    }

    @JSExport
    public static RandomBridge random() {
        return new RandomBridge();
    }

    @JSExport
    public static NnBridge nn() {
        return new NnBridge();
    }

    @JSExport
    public static ConvBridge conv() {
        return new ConvBridge();
    }

    @JSExport
    public static PoolBridge pool() {
        return new PoolBridge();
    }

    @JSExport
    public static FusedBridge fused() {
        return new FusedBridge();
    }
}
