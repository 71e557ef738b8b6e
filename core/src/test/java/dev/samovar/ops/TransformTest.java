package dev.samovar.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Scope;
import dev.samovar.core.Tensor;
import org.junit.jupiter.api.Test;

/** The Java API's overloads and tensor accounting of the shape and layout ops. */
class TransformTest {
    private static Tensor seq(int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return Creation.tensor(v, shape);
    }

    @Test
    void overloadsWithoutAxesTakeEveryAxis() {
        try (Scope s = Engine.get().startScope()) {
            Tensor x = seq(2, 3);
            assertArrayEquals(new int[] {3, 2}, Transform.transpose(x).shape());
            assertArrayEquals(new float[] {5, 4, 3, 2, 1, 0}, Transform.reverse(x).dataSync());
            assertArrayEquals(new int[] {3}, Transform.squeeze(seq(1, 3, 1)).shape());
            assertArrayEquals(new float[] {3, 4, 5}, Transform.slice(x, 1).dataSync());
        }
    }

    @Test
    void splitAndUnstackKeepOnlyTheirOutputs() {
        Engine e = Engine.get();
        try (Scope s = e.startScope()) {
            Tensor x = seq(4, 6);
            int before = e.numTensors();
            Tensor[] parts = Transform.split(x, new int[] {1, -1, 2}, 1);
            assertEquals(3, parts.length);
            assertArrayEquals(new int[] {4, 3}, parts[1].shape());
            assertEquals(before + 3, e.numTensors());
            Tensor[] rows = Transform.unstack(x, 0);
            assertEquals(before + 7, e.numTensors());
            assertArrayEquals(new float[] {6, 7, 8, 9, 10, 11}, rows[1].dataSync());
        }
    }

    @Test
    void compositesDisposeIntermediates() {
        Engine e = Engine.get();
        try (Scope s = e.startScope()) {
            Tensor x = seq(3);
            int before = e.numTensors();
            Tensor b = Transform.broadcastTo(x, 2, 2, 3);
            assertEquals(before + 1, e.numTensors());
            assertArrayEquals(new int[] {2, 2, 3}, b.shape());
            Tensor sb = Transform.spaceToBatchND(seq(1, 4, 4, 1), new int[] {2, 2}, new int[][] {{0, 0}, {0, 0}});
            assertArrayEquals(new int[] {4, 2, 2, 1}, sb.shape());
        }
    }

    @Test
    void concatStoresOtherDtypesAsTheFirst() {
        try (Scope s = Engine.get().startScope()) {
            Tensor i = Creation.tensor(new int[] {1, 2}, new int[] {2}, DType.INT32);
            Tensor f = Creation.tensor(new float[] {1.5f, -2.7f}, 2);
            Tensor c = Transform.concat(new Tensor[] {i, f}, 0);
            assertEquals(DType.INT32, c.dtype());
            assertArrayEquals(new int[] {1, 2, 1, -2}, c.dataSyncInt());
        }
    }

    @Test
    void messagesFollowTfjs() {
        try (Scope s = Engine.get().startScope()) {
            Tensor x = seq(3, 4);
            assertEquals("GatherV2: the index value 3 is not in [0, 2]", assertThrows(IllegalArgumentException.class,
                    () -> Transform.gather(x, Creation.tensor(new int[] {3}, new int[] {1}, DType.INT32))).getMessage());
            assertEquals("Padding in dimension 0 cannot be greater than or equal to 2 or less than 0 for input of shape 3,4",
                    assertThrows(IllegalArgumentException.class,
                            () -> Transform.mirrorPad(x, new int[][] {{3, 0}, {0, 0}}, "reflect")).getMessage());
        }
    }
}
