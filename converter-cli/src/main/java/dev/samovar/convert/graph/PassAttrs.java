package dev.samovar.convert.graph;

import org.tensorflow.proto.AttrValue;

/** Attribute builders shared by the passes. */
final class PassAttrs {
    private PassAttrs() {
    }

    static AttrValue ints(int[] v) {
        AttrValue.ListValue.Builder l = AttrValue.ListValue.newBuilder();
        for (int x : v) {
            l.addI(x);
        }
        return AttrValue.newBuilder().setList(l).build();
    }
}
