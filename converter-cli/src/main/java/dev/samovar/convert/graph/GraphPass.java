package dev.samovar.convert.graph;

/** One graph rewrite of the converter; {@link #apply} returns what it did, for the summary. */
public interface GraphPass {
    String name();

    /** Rewrites {@code g} in place; returns a one-line report ("removed 12 Identity nodes"), or "" when nothing changed. */
    String apply(TfGraph g);
}
