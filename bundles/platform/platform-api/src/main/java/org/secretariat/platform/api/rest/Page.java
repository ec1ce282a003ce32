package org.secretariat.platform.api.rest;

import java.util.List;
import java.util.Objects;

/**
 * One page of a list, answered as {@code {"items":[...],"total":N,"page":0,"size":50}}; on the lists that can be read
 * by cursor, with {@code "next":"<cursor>"} too when more items follow (pass it as {@code after}). A page read by cursor
 * has no {@code total} and no {@code page}: {@link #getTotal()} and {@link #getPage()} are {@link #UNCOUNTED} and the JSON
 * leaves them out.
 *
 * @param <T> the item type
 */
public final class Page<T> {

    /** {@link #getTotal()} and {@link #getPage()} of a page read by cursor, which counts nothing and has no number. */
    public static final int UNCOUNTED = -1;

    private final List<T> items;
    private final long total;
    private final int page;
    private final int size;
    private final String next;

    public Page(List<T> items, long total, int page, int size) {
        this(items, total, page, size, null);
    }

    private Page(List<T> items, long total, int page, int size, String next) {
        this.items = List.copyOf(Objects.requireNonNull(items, "items"));
        this.total = total;
        this.page = page;
        this.size = size;
        this.next = next;
    }

    /** The page of {@code items} asked for by {@code request}, out of {@code total}. */
    public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
        return new Page<>(items, total, request.page(), request.size());
    }

    /**
     * The page of {@code items} asked for by {@code request} (numbered or by cursor), with the cursor to the next page.
     *
     * @param total the items the list selects, ignored when read by cursor ({@link PageRequest#counted()} false)
     * @param next where the next page starts, or null when this page is the last
     */
    public static <T> Page<T> of(List<T> items, long total, PageRequest request, Cursor next) {
        boolean counted = request.counted();
        return new Page<>(items, counted ? total : UNCOUNTED, counted ? request.page() : UNCOUNTED, request.size(),
                next == null ? null : next.encode());
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

    /** The {@code after} of the next page, or null (the last page, or a list that is not read by cursor). */
    public String getNext() {
        return next;
    }
}
