package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.register;
import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.core.DType;
import dev.samovar.ops.Logic;

/** Java API calls for the logic op cases. */
public final class LogicAdapters {
    private LogicAdapters() {
    }

    public static void install() {
        registerWithMethod("equal", a -> Logic.equal(a.t(0), a.t(1)));
        registerWithMethod("notEqual", a -> Logic.notEqual(a.t(0), a.t(1)));
        registerWithMethod("less", a -> Logic.less(a.t(0), a.t(1)));
        registerWithMethod("lessEqual", a -> Logic.lessEqual(a.t(0), a.t(1)));
        registerWithMethod("greater", a -> Logic.greater(a.t(0), a.t(1)));
        registerWithMethod("greaterEqual", a -> Logic.greaterEqual(a.t(0), a.t(1)));
        registerWithMethod("logicalAnd", a -> Logic.logicalAnd(a.t(0, DType.BOOL), a.t(1, DType.BOOL)));
        registerWithMethod("logicalOr", a -> Logic.logicalOr(a.t(0, DType.BOOL), a.t(1, DType.BOOL)));
        registerWithMethod("logicalXor", a -> Logic.logicalXor(a.t(0, DType.BOOL), a.t(1, DType.BOOL)));
        registerWithMethod("logicalNot", a -> Logic.logicalNot(a.t(0, DType.BOOL)));
        register("where", a -> Logic.where(a.t(0, DType.BOOL), a.t(1), a.t(2)));
        // x.where(condition, b) is where(condition, x, b).
        register(".where", a -> Logic.where(a.t(1, DType.BOOL), a.t(0), a.t(2)));
    }
}
