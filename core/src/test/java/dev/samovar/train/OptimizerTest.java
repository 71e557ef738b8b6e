package dev.samovar.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.core.Variable;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Linalg;
import dev.samovar.ops.Reduction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The optimizers' contract on small problems: memory, state round trips, slot naming, TF.js's
 * quirks. Their values against TF.js 4.22 are checked by the optimizer fixture suites in the
 * tests module (JvmOptimizerSuiteTest, BrowserOptimizerTest).
 */
class OptimizerTest {
    private final Engine engine = Engine.get();
    private final List<Tensor> owned = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        engine.disposeVariables();
        owned.forEach(Tensor::dispose);
        owned.clear();
    }

    /** All the optimizers, with non-default arguments. */
    private static List<Supplier<Optimizer>> all() {
        List<Supplier<Optimizer>> out = new ArrayList<>();
        out.add(() -> Train.sgd(0.05));
        out.add(() -> Train.momentum(0.05, 0.9));
        out.add(() -> Train.momentum(0.05, 0.9, true));
        out.add(() -> Train.adagrad(0.1, 0.2));
        out.add(() -> Train.adadelta(1.0, 0.9, null));
        out.add(() -> Train.adam(0.05));
        out.add(() -> Train.adamax(0.05, 0.9, 0.999, null, 0.01));
        out.add(() -> Train.rmsprop(0.01));
        out.add(() -> Train.rmsprop(0.01, 0.9, 0.5, 1e-9, true));
        return out;
    }

    private Tensor keep(Tensor t) {
        owned.add(t);
        return t;
    }

    /** A least-squares problem; returns its loss, with w and b registered as "w" and "b". */
    private Supplier<Tensor> problem() {
        Tensor x = keep(Creation.tensor(new float[] {1, 2, 3, 4, 5, 6, 0.5f, -1}, 4, 2));
        Tensor y = keep(Creation.tensor(new float[] {1, -1, 0.5f, 2}, 4, 1));
        Tensor w0 = Creation.tensor(new float[] {0.1f, -0.2f}, 2, 1);
        Tensor b0 = Creation.scalar(0.3f);
        Variable w = Gradients.variable(w0, true, "w", null);
        Variable b = Gradients.variable(b0, true, "b", null);
        w0.dispose();
        b0.dispose();
        return () -> {
            Tensor r = Arithmetic.sub(Arithmetic.add(Linalg.matMul(x, w), b), y);
            return Arithmetic.mul(Reduction.sum(Arithmetic.mul(r, r)), Creation.scalar(0.05f));
        };
    }

    private float[] values(String name) {
        return engine.registeredVariables().get(name).dataSync();
    }

    @Test
    void stepsKeepTheTensorCountFlatAndDisposeFreesTheState() {
        for (Supplier<Optimizer> make : all()) {
            Supplier<Tensor> f = problem();
            int start = engine.numTensors();
            Optimizer opt = make.get();
            opt.minimize(f);
            int afterFirst = engine.numTensors();
            for (int i = 0; i < 500; i++) {
                Tensor cost = opt.minimize(f, true, null);
                cost.dispose();
            }
            String name = opt.getClassName() + " " + opt.getConfig();
            assertEquals(afterFirst, engine.numTensors(), name + ": tensors alive after 1 and after 501 steps");
            assertEquals(501, opt.iterations(), name);
            opt.dispose();
            // As in TF.js, Momentum's dispose() leaves the SGD base's -learningRate constant.
            int left = opt instanceof MomentumOptimizer ? 1 : 0;
            assertEquals(start + left, engine.numTensors(), name + ": left after dispose");
            if (left == 1) {
                ((SGDOptimizer) opt).c.dispose();
            }
            cleanUp();
        }
    }

    @Test
    void resumingFromSavedWeightsMatchesUninterruptedTraining() {
        for (Supplier<Optimizer> make : all()) {
            if (make.get() instanceof AdamaxOptimizer) {
                continue;
            }
            Supplier<Tensor> f = problem();
            Optimizer straight = make.get();
            for (int i = 0; i < 20; i++) {
                straight.minimize(f);
            }
            float[] w = values("w");
            float[] b = values("b");
            straight.dispose();
            cleanUp();

            f = problem();
            Optimizer first = make.get();
            for (int i = 0; i < 8; i++) {
                first.minimize(f);
            }
            List<NamedTensor> saved = first.getWeights();
            assertEquals("iter", saved.get(0).name());
            assertEquals(DType.INT32, saved.get(0).tensor().dtype());
            assertEquals(8, saved.get(0).tensor().dataSyncInt()[0]);
            Optimizer second = make.get();
            second.setWeights(saved);
            saved.get(0).tensor().dispose();
            first.dispose();
            assertEquals(8, second.iterations());
            for (int i = 0; i < 12; i++) {
                second.minimize(f);
            }
            String name = second.getClassName() + " " + second.getConfig();
            assertClose(w, values("w"), name + ": w");
            assertClose(b, values("b"), name + ": b");
            second.dispose();
            cleanUp();
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 * Math.max(1, Math.abs(expected[i])), what + "[" + i + "]");
        }
    }

    @Test
    void slotsAreNamedAndOrderedAsTfjsSavesThem() {
        Supplier<Tensor> f = problem();
        Variable unused = Gradients.variable(keep(Creation.tensor1d(1, 2)), true, "unused", null);
        Variable frozen = Gradients.variable(keep(Creation.scalar(2)), false, "frozen", null);
        Optimizer adam = Train.adam();
        adam.minimize(f, false, List.of(engine.registeredVariables().get("w"), frozen, unused,
                engine.registeredVariables().get("b")));
        List<String> names = new ArrayList<>();
        List<NamedTensor> weights = adam.getWeights();
        weights.forEach(w -> names.add(w.name()));
        assertEquals(List.of("iter", "w/m", "frozen/m", "unused/m", "b/m", "w/v", "frozen/v", "unused/v", "b/v"), names);
        assertArrayEquals(new float[] {1, 2}, unused.dataSync(), "no gradient: unchanged");
        assertTrue(weights.get(1).tensor() instanceof Variable, "the slots themselves, not copies");
        assertTrue(!((Variable) weights.get(1).tensor()).trainable(), "slots are not trainable");
        weights.get(0).tensor().dispose();
        adam.dispose();

        Optimizer rms = Train.rmsprop(0.01, 0.9, 0, null, true);
        rms.minimize(f);
        weights = rms.getWeights();
        names.clear();
        weights.forEach(w -> names.add(w.name()));
        assertEquals(List.of("iter", "w/rms", "b/rms", "w/momentum", "b/momentum", "w/mg", "b/mg"), names);
        weights.get(0).tensor().dispose();
        rms.dispose();
    }

    @Test
    void mapKeysAreVisitedInJavaScriptOrder() {
        assertEquals(List.of("2", "10", "b", "a", "01", "-1", "4294967295"),
                Optimizer.jsKeyOrder(List.of("b", "10", "a", "2", "01", "-1", "4294967295")));
        Variable a = Gradients.variable(keep(Creation.tensor1d(1)), true, "a", null);
        Variable n = Gradients.variable(keep(Creation.tensor1d(1)), true, "31337", null);
        Map<String, Tensor> grads = new LinkedHashMap<>();
        grads.put("a", keep(Creation.tensor1d(1)));
        grads.put("31337", keep(Creation.tensor1d(2)));
        Optimizer opt = Train.momentum(0.1, 0.5);
        opt.applyGradients(grads);
        List<NamedTensor> weights = opt.getWeights();
        assertEquals("31337/momentum", weights.get(1).name());
        assertEquals("a/momentum", weights.get(2).name());
        assertArrayEquals(new float[] {1 - 0.1f * 2}, n.dataSync(), 1e-7f);
        assertArrayEquals(new float[] {1 - 0.1f}, a.dataSync(), 1e-7f);
        weights.get(0).tensor().dispose();
        opt.dispose();
    }

    @Test
    void anOptimizerMadeInsideAScopeKeepsItsConstants() {
        Supplier<Tensor> f = problem();
        Optimizer[] opts = engine.tidy(() -> new Optimizer[] {Train.sgd(0.1), Train.momentum(0.1, 0.9), Train.adam()});
        for (Optimizer o : opts) {
            o.minimize(f);
            o.dispose();
        }
        ((SGDOptimizer) opts[1]).c.dispose();
    }

    @Test
    void tfjsQuirksAreKept() {
        Supplier<Tensor> f = problem();
        // setMomentum changes the config, not the momentum the steps use.
        MomentumOptimizer m = Train.momentum(0.1, 0.9);
        m.setMomentum(0);
        assertEquals(0.0, m.getConfig().get("momentum"));
        m.minimize(f);
        m.minimize(f);
        float[] quirk = values("w");
        m.dispose();
        ((SGDOptimizer) m).c.dispose();
        cleanUp();
        f = problem();
        MomentumOptimizer plain = Train.momentum(0.1, 0.9);
        plain.minimize(f);
        plain.minimize(f);
        assertArrayEquals(values("w"), quirk);
        plain.dispose();
        ((SGDOptimizer) plain).c.dispose();
        cleanUp();

        // SGD: assigning the field leaves the rate of the steps; setLearningRate changes it.
        SGDOptimizer sgd = Train.sgd(0.1);
        sgd.setLearningRateField(5);
        assertEquals(5.0, sgd.getConfig().get("learningRate"));
        assertEquals(-0.1f, sgd.c.dataSync()[0]);
        sgd.setLearningRate(0.2);
        assertEquals(-0.2f, sgd.c.dataSync()[0]);
        sgd.dispose();
    }

    @Test
    void configsAndDefaultsAreTfjs() {
        assertEquals("{learningRate=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-7}", config(Train.adam()));
        assertEquals("{learningRate=0.002, beta1=0.9, beta2=0.999, epsilon=1.0E-7, decay=0.0}", config(Train.adamax()));
        assertEquals("{learningRate=0.001, rho=0.95, epsilon=1.0E-7}", config(Train.adadelta()));
        assertEquals("{learningRate=0.1, initialAccumulatorValue=0.1}", config(Train.adagrad(0.1)));
        assertEquals("{learningRate=0.1, decay=0.9, momentum=0.0, epsilon=1.0E-7, centered=false}",
                config(Train.rmsprop(0.1)));
        assertEquals("{learningRate=0.1, momentum=0.5, useNesterov=false}", config(Train.momentum(0.1, 0.5)));
        assertEquals("{learningRate=0.1}", config(Train.sgd(0.1)));
        assertEquals("RMSProp", Train.rmsprop(1).getClassName());
    }

    private static String config(Optimizer o) {
        String s = o.getConfig().toString();
        o.dispose();
        return s;
    }

    @Test
    void errorsAreTfjsMessages() {
        Optimizer adamax = Train.adamax();
        assertEquals("getWeights() is not implemented for Adamax yet.",
                assertThrows(UnsupportedOperationException.class, adamax::getWeights).getMessage());
        adamax.dispose();

        SGDOptimizer sgd = Train.sgd(0.1);
        Tensor iter = keep(Creation.scalar(3, DType.INT32));
        Tensor extra = keep(Creation.scalar(1));
        assertEquals("SGD optimizer does not have settable weights.", assertThrows(IllegalArgumentException.class,
                () -> sgd.setWeights(List.of(new NamedTensor("iter", iter), new NamedTensor("x", extra)))).getMessage());
        sgd.dispose();

        Optimizer adam = Train.adam();
        Tensor g = keep(Creation.tensor1d(1));
        assertEquals("Argument 'x' passed to 'zerosLike' must be a Tensor or TensorLike, but got 'undefined'",
                assertThrows(IllegalArgumentException.class,
                        () -> adam.applyGradients(List.of(new NamedTensor("nope", g)))).getMessage());
        adam.dispose();

        Variable v = Gradients.variable(keep(Creation.tensor1d(1, 2)), true, "v", null);
        Optimizer sgd2 = Train.sgd(0.1);
        Tensor wrongShape = keep(Creation.tensor1d(1, 2, 3));
        assertThrows(IllegalArgumentException.class,
                () -> sgd2.applyGradients(List.of(new NamedTensor("v", wrongShape))));
        assertArrayEquals(new float[] {1, 2}, v.dataSync());
        sgd2.dispose();
    }

    @Test
    void minimizeWithoutVariablesFailsAsTfjs() {
        Variable v = Gradients.variable(keep(Creation.tensor1d(1)), false, "frozen", null);
        Optimizer sgd = Train.sgd(0.1);
        assertEquals("variableGrads() expects at least one of the input variables to be trainable, but none of the "
                + "1 variables is trainable.", assertThrows(IllegalArgumentException.class,
                        () -> sgd.minimize(() -> Reduction.sum(v), false, List.of(v))).getMessage());
        Variable t = Gradients.variable(keep(Creation.tensor1d(2)), true, "t", null);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sgd.minimize(
                () -> Reduction.sum(Arithmetic.mul(v, v)), false, List.of(v, t))).getMessage()
                .startsWith("Cannot find a connection between any variable and the result of the loss function"));
        assertNull(sgd.minimize(() -> Reduction.sum(Arithmetic.mul(t, t)), false, List.of(v, t)));
        assertArrayEquals(new float[] {2 - 0.1f * 4}, t.dataSync(), 1e-7f);
        sgd.dispose();
    }
}
