package org.secretariat.platform.api.rest;

import java.util.List;
import java.util.Objects;

/**
 * One page of a list, answered as {@code {"items":[...],"total":N,"page":0,"size":50}}.
 *
 * @param <T> the item type
 */
public final class Page<T> {

    private final List<T> items;
    private final long total;
    private final int page;
    private final int size;

    public Page(List<T> items, long total, int page, int size) {
        this.items = List.copyOf(Objects.requireNonNull(items, "items"));
        this.total = total;
        this.page = page;
        this.size = size;
    }

    /** The page of {@code items} asked for by {@code request}, out of {@code total}. */
    public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
        return new Page<>(items, total, request.page(), request.size());
    }

    public List<T> getItems() {
        return items;
    }

    public long getTotal() {
        return total;
    }

    public int getPage() {
        return page;
    }

    public int getSize() {
        return size;
    }
}
