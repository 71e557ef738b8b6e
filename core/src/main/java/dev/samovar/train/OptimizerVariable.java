package dev.samovar.train;

import dev.samovar.core.Variable;

/**
 * A variable an optimizer owns (TF.js's {@code OptimizerVariable}): a slot such as a moment, with
 * the name it is saved under ({@code "<variable name>/m"}), which is not the variable's own
 * (automatically given) name.
 */
final class OptimizerVariable {
    final String originalName;
    final Variable variable;

    OptimizerVariable(String originalName, Variable variable) {
        this.originalName = originalName;
        this.variable = variable;
    }
}
