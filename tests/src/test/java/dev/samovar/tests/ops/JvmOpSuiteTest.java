package dev.samovar.tests.ops;

import dev.samovar.core.Engine;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The op suite on the JVM: every case of every fixture file, through the Java API. */
class JvmOpSuiteTest {
    @TestFactory
    Stream<DynamicNode> opSuiteOnJvm() {
        return Fixtures.files().stream().map(file -> DynamicContainer.dynamicContainer(file,
                Fixtures.load(file).stream().flatMap(c -> {
                    DynamicTest run = DynamicTest.dynamicTest(c.name, () -> {
                        int before = Engine.get().numTensors();
                        Outcome o = JvmOpRunner.run(c);
                        Assertions.assertEquals(before, Engine.get().numTensors(),
                                "tensors leaked by the case (inputs and results were disposed)");
                        o.check(c);
                    });
                    if (c.grad == null || !c.finiteDifferences || c.expectedError() != null) {
                        return Stream.of(run);
                    }
                    return Stream.of(run, DynamicTest.dynamicTest(c.name + " (finite differences)",
                            () -> FiniteDifferences.check(c)));
                })));
    }
}
