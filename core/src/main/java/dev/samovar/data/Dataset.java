package dev.samovar.data;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A lazy, typed pipeline of elements, as TF.js's {@code tf.data.Dataset}: nothing runs until
 * {@link #iterator()} (or {@link #forEach}, {@link #toList}) pulls elements, and each call starts a
 * fresh stream from the sources. Sizes follow TF.js ({@link #size()}: NaN when unknown, infinity for
 * endless streams). Tensors are handled as TF.js does: {@code map} runs in a tidy scope and disposes
 * input tensors not in its output; {@code filter} and {@code skip} dispose what they drop;
 * {@code array} hands out clones; {@code shuffle} with a seed gives TF.js's order.
 */
public abstract class Dataset<T> {
    /** The number of elements: NaN when unknown, {@code Double.POSITIVE_INFINITY} when endless. */
    public abstract double size();

    /** A new stream of the elements. */
    public abstract DataIterator<T> iterator();

    // ------------------------------------------------------------------------------ sources

    private static <T> Dataset<T> of(double size, Supplier<DataIterator<T>> fn) {
        return new Dataset<T>() {
            @Override
            public double size() {
                return size;
            }

            @Override
            public DataIterator<T> iterator() {
                return fn.get();
            }
        };
    }

    /** TF.js's {@code tf.data.array}: the items in order; tensors are cloned on the way out. */
    public static <T> Dataset<T> array(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        return of(copy.size(), () -> new DataIterator<T>() {
            int i;

            @Override
            public Object next() {
                return i < copy.size() ? Elements.cloneTensors(copy.get(i++)) : DONE;
            }
        });
    }

    /** TF.js's {@code tf.data.generator}: each stream calls {@code generator} for a fresh iterator. */
    public static <T> Dataset<T> generator(Supplier<? extends Iterator<? extends T>> generator) {
        return of(Double.NaN, () -> {
            Iterator<? extends T> it = generator.get();
            return () -> it.hasNext() ? it.next() : DataIterator.DONE;
        });
    }

    /** TF.js's {@code tf.data.zip} of a list: lists of one element of each, until the shortest ends. */
    public static Dataset<List<Object>> zip(List<? extends Dataset<?>> datasets) {
        double size = Double.NaN;
        for (int i = 0; i < datasets.size(); i++) {
            double s = datasets.get(i).size();
            size = i == 0 ? s : Math.min(size, s);
        }
        List<Dataset<?>> ds = new ArrayList<>(datasets);
        return of(size, () -> {
            List<DataIterator<?>> its = new ArrayList<>();
            for (Dataset<?> d : ds) {
                its.add(d.iterator());
            }
            return () -> {
                List<Object> row = new ArrayList<>();
                boolean anyDone = false;
                for (DataIterator<?> it : its) {
                    Object v = it.next();
                    if (v == DataIterator.DONE) {
                        anyDone = true;
                        v = null;
                    }
                    row.add(v);
                }
                return anyDone ? DataIterator.DONE : row;
            };
        });
    }

    /** CSV text as TF.js's {@code tf.data.csv} reads it (see {@link CsvConfig}). */
    public static Dataset<Map<String, Object>> csv(String text, CsvConfig config) {
        return CsvDataset.of(text, config);
    }

    // ------------------------------------------------------------------------------ transforms

    /** A 1-to-1 transform run in a tidy scope; input tensors not in the output are disposed. */
    public <R> Dataset<R> map(Function<? super T, ? extends R> transform) {
        Dataset<T> base = this;
        return of(size(), () -> {
            DataIterator<T> it = base.iterator();
            return () -> {
                Object v = it.next();
                if (v == DataIterator.DONE) {
                    return v;
                }
                @SuppressWarnings("unchecked")
                T x = (T) v;
                R mapped = Engine.get().tidy(() -> transform.apply(x));
                Elements.disposeUnless(x, mapped);
                return mapped;
            };
        });
    }

    /** Keeps the elements for which {@code predicate} is true; the others' tensors are disposed. */
    public Dataset<T> filter(Predicate<? super T> predicate) {
        Dataset<T> base = this;
        return of(size() == Double.POSITIVE_INFINITY ? size() : Double.NaN, () -> {
            DataIterator<T> it = base.iterator();
            return () -> {
                while (true) {
                    Object v = it.next();
                    if (v == DataIterator.DONE) {
                        return v;
                    }
                    @SuppressWarnings("unchecked")
                    T x = (T) v;
                    if (Engine.get().tidy(() -> predicate.test(x))) {
                        return x;
                    }
                    Elements.disposeAll(x);
                }
            };
        });
    }

    /** Groups elements into lists of {@code batchSize} (the last one shorter when {@code smallLastBatch}). */
    public Dataset<List<T>> batchRows(int batchSize, boolean smallLastBatch) {
        if (!(batchSize > 0)) {
            throw new IllegalArgumentException("batchSize needs to be positive, but it is\n      " + batchSize);
        }
        double s = size();
        double size = Double.isNaN(s) || Double.isInfinite(s) ? s
                : smallLastBatch ? Math.ceil(s / batchSize) : Math.floor(s / batchSize);
        Dataset<T> base = this;
        return of(size, () -> {
            DataIterator<T> it = base.iterator();
            return () -> {
                List<T> batch = new ArrayList<>();
                while (batch.size() < batchSize) {
                    Object v = it.next();
                    if (v == DataIterator.DONE) {
                        return smallLastBatch && !batch.isEmpty() ? batch : DataIterator.DONE;
                    }
                    @SuppressWarnings("unchecked")
                    T x = (T) v;
                    batch.add(x);
                }
                return batch;
            };
        });
    }

    /**
     * TF.js's {@code batch}: rows of the same structure become one structure of batched tensors
     * (tensors stacked on a new first axis, numbers and booleans into a 1-D tensor, nested number
     * lists into an n+1-D tensor, maps and non-numeric lists batched per key); the rows' tensors
     * are disposed.
     */
    public Dataset<Object> batch(int batchSize, boolean smallLastBatch) {
        return batchRows(batchSize, smallLastBatch).map(Elements::batchConcat);
    }

    public Dataset<Object> batch(int batchSize) {
        return batch(batchSize, true);
    }

    /** This dataset followed by {@code other}. */
    public Dataset<T> concatenate(Dataset<? extends T> other) {
        double a = size();
        double b = other.size();
        double size = a == Double.POSITIVE_INFINITY || b == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY
                : Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : a + b;
        Dataset<T> base = this;
        return of(size, () -> {
            DataIterator<T> first = base.iterator();
            DataIterator<? extends T> second = other.iterator();
            return new DataIterator<T>() {
                boolean inSecond;

                @Override
                public Object next() {
                    if (!inSecond) {
                        Object v = first.next();
                        if (v != DONE) {
                            return v;
                        }
                        inSecond = true;
                    }
                    return second.next();
                }
            };
        });
    }

    /** Repeats {@code count} times (negative: endlessly); each repetition starts a fresh stream. */
    public Dataset<T> repeat(int count) {
        double s = size();
        double size = !Double.isNaN(s) && count > 0 ? s * count : count == 0 ? 0
                : !Double.isNaN(s) && count < 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        Dataset<T> base = this;
        return of(size, () -> new DataIterator<T>() {
            int started;
            DataIterator<T> current;

            @Override
            public Object next() {
                while (true) {
                    if (current == null) {
                        if (count >= 0 && started >= count) {
                            return DONE;
                        }
                        current = base.iterator();
                        started++;
                    }
                    Object v = current.next();
                    if (v != DONE) {
                        return v;
                    }
                    current = null;
                }
            }
        });
    }

    /** Endless repetition. */
    public Dataset<T> repeat() {
        return repeat(-1);
    }

    /** At most {@code count} elements (negative: all). */
    public Dataset<T> take(long count) {
        double s = size();
        double size = !Double.isNaN(s) && s > count ? count : !Double.isNaN(s) ? s : Double.NaN;
        if (count < 0) {
            size = s;
        }
        Dataset<T> base = this;
        return of(size, () -> {
            DataIterator<T> it = base.iterator();
            if (count < 0) {
                return it;
            }
            long[] n = {0};
            return () -> n[0]++ >= count ? DataIterator.DONE : it.next();
        });
    }

    /** Skips {@code count} elements (their tensors are disposed); negative skips everything. */
    public Dataset<T> skip(long count) {
        double s = size();
        double size = !Double.isNaN(s) && count >= 0 && s >= count ? s - count
                : !Double.isNaN(s) && (s < count || count < 0) ? 0 : Double.NaN;
        Dataset<T> base = this;
        return of(size, () -> {
            DataIterator<T> it = base.iterator();
            if (count < 0) {
                return it;
            }
            long[] n = {0};
            return () -> {
                while (n[0]++ < count) {
                    Object v = it.next();
                    if (v == DataIterator.DONE) {
                        return v;
                    }
                    Elements.disposeAll(v);
                }
                return it.next();
            };
        });
    }

    /** Reads {@code bufferSize} elements ahead (in a single thread this only changes when sources are pulled). */
    public Dataset<T> prefetch(int bufferSize) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("Can't create ring buffer of capacity < 1.");
        }
        Dataset<T> base = this;
        return of(size(), () -> {
            DataIterator<T> it = base.iterator();
            java.util.ArrayDeque<Object> buffer = new java.util.ArrayDeque<>();
            return () -> {
                while (buffer.size() < bufferSize) {
                    buffer.add(it.next());
                }
                return buffer.poll();
            };
        });
    }

    /**
     * Shuffles within a window of {@code bufferSize} elements. With a seed the order equals TF.js's
     * for the same seed (seedrandom alea; the window filled and drawn from as TF.js's ring buffer).
     * {@code seed} null: seeded from the clock. {@code reshuffleEachIteration}: each stream draws a
     * new order (still determined by the seed).
     */
    public Dataset<T> shuffle(int bufferSize, String seed, boolean reshuffleEachIteration) {
        if (bufferSize < 0) {
            throw new IllegalArgumentException(Double.isNaN(size())
                    ? "`Dataset.shuffle()` requires bufferSize to be specified."
                    : "`Dataset.shuffle()` requires bufferSize to be specified.  If your data fits in main memory "
                            + "(for regular JS objects), and/or GPU memory (for `tf.Tensor`s), consider setting "
                            + "bufferSize to the dataset size (" + dev.samovar.core.JsNumber.toString(size())
                            + " elements)");
        }
        ShuffleRandom random = new ShuffleRandom(seed == null || seed.isEmpty()
                ? String.valueOf(System.currentTimeMillis()) : seed);
        Dataset<T> base = this;
        return of(size(), () -> {
            String seed2 = random.iterationSeed(reshuffleEachIteration);
            return new ShuffleIterator<>(base.iterator(), bufferSize, new ShuffleRandom(seed2));
        });
    }

    public Dataset<T> shuffle(int bufferSize, String seed) {
        return shuffle(bufferSize, seed, true);
    }

    // ------------------------------------------------------------------------------ consuming

    /** Calls {@code f} on every element; the element's tensors are disposed afterwards. */
    public void forEach(Consumer<? super T> f) {
        DataIterator<T> it = iterator();
        while (true) {
            Object v = it.next();
            if (v == DataIterator.DONE) {
                return;
            }
            @SuppressWarnings("unchecked")
            T x = (T) v;
            Engine.get().tidy(() -> {
                f.accept(x);
                return null;
            });
            Elements.disposeAll(x);
        }
    }

    /** Every element, in order. */
    public List<T> toList() {
        if (size() == Double.POSITIVE_INFINITY) {
            throw new IllegalStateException("Can not convert infinite data stream to array.");
        }
        List<T> out = new ArrayList<>();
        DataIterator<T> it = iterator();
        while (true) {
            Object v = it.next();
            if (v == DataIterator.DONE) {
                return out;
            }
            @SuppressWarnings("unchecked")
            T x = (T) v;
            out.add(x);
        }
    }

    /** TF.js's shuffle iterator: a window refilled from upstream (end markers included), drawn at random. */
    private static final class ShuffleIterator<T> implements DataIterator<T> {
        private final DataIterator<T> upstream;
        private final int window;
        private final ShuffleRandom random;
        private final List<Object> buffer = new ArrayList<>();
        private boolean upstreamExhausted;

        ShuffleIterator(DataIterator<T> upstream, int window, ShuffleRandom random) {
            if (window < 1) {
                throw new IllegalArgumentException("Can't create ring buffer of capacity < 1.");
            }
            this.upstream = upstream;
            this.window = window;
            this.random = random;
        }

        private void refill() {
            while (buffer.size() < window) {
                buffer.add(upstream.next());
            }
        }

        @Override
        public Object next() {
            if (!upstreamExhausted) {
                refill();
            }
            while (!buffer.isEmpty()) {
                int i = random.index(buffer.size());
                Object chosen = buffer.get(i);
                Object last = buffer.remove(buffer.size() - 1);
                if (i < buffer.size()) {
                    buffer.set(i, last);
                }
                if (chosen == DONE) {
                    upstreamExhausted = true;
                } else {
                    refill();
                    return chosen;
                }
            }
            return DONE;
        }
    }

    /** Tensors inside an element (a tensor, a collection, a map, nested). */
    static final class Elements {
        private Elements() {
        }

        static void collect(Object x, Set<Tensor> out) {
            if (x instanceof Tensor) {
                out.add((Tensor) x);
            } else if (x instanceof Collection) {
                for (Object o : (Collection<?>) x) {
                    collect(o, out);
                }
            } else if (x instanceof Map) {
                for (Object o : ((Map<?, ?>) x).values()) {
                    collect(o, out);
                }
            } else if (x instanceof Object[]) {
                for (Object o : (Object[]) x) {
                    collect(o, out);
                }
            }
        }

        static Set<Tensor> tensors(Object x) {
            Set<Tensor> s = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            collect(x, s);
            return s;
        }

        static void disposeAll(Object x) {
            for (Tensor t : tensors(x)) {
                t.dispose();
            }
        }

        static void disposeUnless(Object input, Object output) {
            Set<Tensor> keep = tensors(output);
            for (Tensor t : tensors(input)) {
                if (!keep.contains(t)) {
                    t.dispose();
                }
            }
        }

        @SuppressWarnings("unchecked")
        static <T> T cloneTensors(T x) {
            if (x instanceof Tensor) {
                return (T) ((Tensor) x).clone();
            }
            if (x instanceof List) {
                List<Object> out = new ArrayList<>();
                for (Object o : (List<?>) x) {
                    out.add(cloneTensors(o));
                }
                return (T) out;
            }
            if (x instanceof Map) {
                Map<Object, Object> out = new java.util.LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) x).entrySet()) {
                    out.put(e.getKey(), cloneTensors(e.getValue()));
                }
                return (T) out;
            }
            return x;
        }

        /** TF.js's deepBatchConcat over a list of rows of the same structure. */
        static Object batchConcat(List<?> rows) {
            return Batching.concat(rows);
        }
    }
}
