package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Selection;
import org.teavm.jso.JSExport;

/** Data-dependent ops (whereAsync, booleanMaskAsync, setdiff1dAsync, unique, inTopKAsync). */
public final class SelectionBridge {
    private SelectionBridge() {
    }

    @JSExport
    public static Tensor where(Tensor condition) {
        return Selection.where(condition);
    }

    @JSExport
    public static Tensor booleanMask(Tensor tensor, Tensor mask, boolean hasAxis, double axis) {
        return Selection.booleanMask(tensor, mask, hasAxis ? Integer.valueOf((int) axis) : null);
    }

    @JSExport
    public static Tensor[] setdiff1d(Tensor x, Tensor y) {
        return Selection.setdiff1d(x, y);
    }

    @JSExport
    public static Tensor[] unique(Tensor x, double axis) {
        return Selection.unique(x, (int) axis);
    }

    @JSExport
    public static Tensor inTopK(Tensor predictions, Tensor targets, double k) {
        return Selection.inTopK(predictions, targets, (int) k);
    }
}
