package dev.flowcost.core;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * An immutable list whose elements are made when asked for (read again from their file, say) and not kept: a large
 * estate's inputs and results are walked one element at a time instead of all being in memory at once. Records
 * that copy their lists defensively keep a lazy list as it is ({@link #copyOf}), so the laziness survives them.
 * Each {@link #get} may be costly: callers walk such a list a few times, they do not search it.
 */
public abstract class LazyList<T> extends AbstractList<T> implements RandomAccess {

    /** A lazy list of {@code size} elements made by {@code element}. */
    public static <T> LazyList<T> of(int size, IntFunction<T> element) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        return new LazyList<>() {
            @Override
            public T get(int index) {
                if (index < 0 || index >= size) {
                    throw new IndexOutOfBoundsException("index " + index + " of " + size);
                }
                return element.apply(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** {@code list} itself when it is lazy, else {@link List#copyOf}. */
    public static <T> List<T> copyOf(List<T> list) {
        return list instanceof LazyList ? list : List.copyOf(list);
    }

    /** The elements of {@code list} mapped by {@code mapping} as they are asked for. */
    public static <T, R> LazyList<R> mapped(List<T> list, java.util.function.Function<T, R> mapping) {
        return of(list.size(), i -> mapping.apply(list.get(i)));
    }
}
