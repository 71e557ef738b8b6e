package dev.samovar.data;

/**
 * A stream of elements, pulled one at a time: {@link #next()} returns the next element, or
 * {@link #DONE} when the stream has ended (and keeps returning it). Pull-based and free of threads,
 * so a pipeline runs the same on the JVM and in the page (where a caller may run it inside a
 * Promise, between frames).
 */
public interface DataIterator<T> {
    /** The end-of-stream marker. */
    Object DONE = new Object() {
        @Override
        public String toString() {
            return "DONE";
        }
    };

    /** The next element, or {@link #DONE} (compare with {@code ==}). */
    Object next();
}
