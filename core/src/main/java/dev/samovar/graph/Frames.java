package dev.samovar.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The while-loop frames of TF1 control flow, as TF.js's ExecutionContext keeps them: a stack of
 * (id, frame name, iteration); a value computed in a frame is stored under
 * {@code node-frame-iteration/...} and looked up from the innermost frame outwards.
 */
final class Frames {
    static final class Ctx {
        final int id;
        final String frameName;
        final int iterationId;

        Ctx(int id, String frameName, int iterationId) {
            this.id = id;
            this.frameName = frameName;
            this.iterationId = iterationId;
        }
    }

    Ctx[] contexts = {new Ctx(0, "", 0)};
    /** Context ids from the innermost frame to the root (""). */
    List<String> currentIds = new ArrayList<>();
    int lastId;

    Frames() {
        currentIds.add("");
    }

    static String contextId(Ctx[] cs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cs.length; i++) {
            Ctx c = cs[i];
            if (i > 0) {
                sb.append('/');
            }
            if (!(c.id == 0 && c.iterationId == 0)) {
                sb.append(c.frameName).append('-').append(c.iterationId);
            }
        }
        return sb.toString();
    }

    void setContexts(Ctx[] cs) {
        if (cs != contexts) {
            contexts = cs;
            currentIds = new ArrayList<>();
            for (int i = 0; i < cs.length; i++) {
                Ctx[] prefix = new Ctx[cs.length - i];
                System.arraycopy(cs, 0, prefix, 0, prefix.length);
                currentIds.add(contextId(prefix));
            }
        }
    }

    void enterFrame(String frameName) {
        lastId++;
        Ctx[] next = new Ctx[contexts.length + 1];
        System.arraycopy(contexts, 0, next, 0, contexts.length);
        next[contexts.length] = new Ctx(lastId, frameName, 0);
        contexts = next;
        List<String> ids = new ArrayList<>();
        ids.add(contextId(contexts));
        ids.addAll(currentIds);
        currentIds = ids;
    }

    void exitFrame() {
        if (contexts.length <= 1) {
            throw new IllegalStateException("Cannot exit frame, the context is empty");
        }
        Ctx[] next = new Ctx[contexts.length - 1];
        System.arraycopy(contexts, 0, next, 0, next.length);
        contexts = next;
        List<String> ids = new ArrayList<>(currentIds);
        ids.remove(0);
        currentIds = ids;
    }

    void nextIteration() {
        lastId++;
        Ctx[] next = contexts.clone();
        Ctx last = next[next.length - 1];
        next[next.length - 1] = new Ctx(lastId, last.frameName, last.iterationId + 1);
        contexts = next;
        List<String> ids = new ArrayList<>(currentIds);
        ids.set(0, contextId(contexts));
        currentIds = ids;
    }

    static String withContext(String name, String contextId) {
        return contextId.isEmpty() ? name : name + "-" + contextId;
    }

    String current(String name) {
        return withContext(name, currentIds.get(0));
    }
}
