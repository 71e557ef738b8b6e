package dev.samovar.graph;

/** TF1 control flow (Enter / Exit / Merge / Switch / NextIteration / LoopCond); run by {@link ControlFlowExecutor}. */
final class ControlFlowOps {
    private ControlFlowOps() {
    }

    static boolean isControlFlow(String op) {
        switch (op) {
            case "Enter":
            case "Exit":
            case "Merge":
            case "Switch":
            case "NextIteration":
            case "LoopCond":
            case "If":
            case "StatelessIf":
            case "While":
            case "StatelessWhile":
                return true;
            default:
                return false;
        }
    }

    static void register() {
    }
}
