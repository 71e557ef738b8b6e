package dev.samovar.tests.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.graph.GraphModel;
import dev.samovar.ops.Creation;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The memory plan: intermediates released after their last use lower the peak, and change no value. */
class GraphMemoryPlanTest {
    @Test
    void releasingIntermediatesLowersThePeakAndKeepsTheResult() throws Exception {
        Path root = Corpus.models();
        Assumptions.assumeTrue(root != null, "shared/models is not present");
        GraphModel m = GraphModelCorpusTest.load(root.resolve("tfjs/npm/human/emotion/emotion.json"));
        Tensor x = Creation.tensor(Corpus.inputFloats(0, 64 * 64, 0), 1, 64, 64, 1);
        try {
            int before = Engine.get().numTensors();
            Tensor a = m.predict(x)[0];
            double withPlan = m.peakIntermediateBytes();
            assertEquals(before + 1, Engine.get().numTensors(), "only the output is left");
            m.setMemoryPlan(false);
            Tensor b = m.predict(x)[0];
            double without = m.peakIntermediateBytes();
            assertEquals(before + 2, Engine.get().numTensors(), "without the plan the scope still frees everything");
            assertArrayEquals(b.dataSync(), a.dataSync());
            assertTrue(withPlan > 0 && withPlan < without / 2, "peak " + withPlan + " with the plan, " + without + " without");
            a.dispose();
            b.dispose();
        } finally {
            x.dispose();
            m.dispose();
        }
    }
}
