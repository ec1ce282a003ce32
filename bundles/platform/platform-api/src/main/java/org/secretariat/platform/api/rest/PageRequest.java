package org.secretariat.platform.api.rest;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The paging part of a list request, the same on every list: {@code ?page=0&size=50&sort=field,asc}, or, on the lists
 * that offer it, {@code ?after=<cursor>&size=50&sort=field,asc} (a {@link Cursor}: the page after the one whose
 * {@code next} it was; {@code after=} empty for the first). Built with {@link #parse}, which answers bad values with a
 * 400 naming the parameter.
 *
 * <p>A list read by cursor does not count its items ({@link #counted()} is false): a count scans the whole selection,
 * which at a hundred thousand items costs more than the page itself.
 */
public final class PageRequest {

    /** Default page size when {@code size} is not given. */
    public static final int DEFAULT_SIZE = 50;
    /** Largest page size a client may ask for. */
    public static final int MAX_SIZE = 500;

    private final int page;
    private final int size;
    private final String sortField;
    private final boolean ascending;
    private final boolean byCursor;
    private final Cursor after;

    private PageRequest(int page, int size, String sortField, boolean ascending, boolean byCursor, Cursor after) {
        this.page = page;
        this.size = size;
        this.sortField = sortField;
        this.ascending = ascending;
        this.byCursor = byCursor;
        this.after = after;
    }

    /**
     * Reads the query parameters of a list that may also be read by cursor: as {@link #parse(String, String, String, Set,
     * String)}, and {@code after} (null: numbered pages; empty: the first page by cursor; else a page's {@code next}).
     *
     * @throws ApiException 400 naming {@code page}, {@code size}, {@code sort} or {@code after}
     */
    public static PageRequest parse(String page, String size, String sort, String after, Set<String> sortable, String defaultSort) {
        PageRequest numbered = parse(page, size, sort, sortable, defaultSort);
        if (after == null) {
            return numbered;
        }
        if (page != null && !page.isBlank()) {
            throw ApiException.badRequest("page", "page and after cannot be combined: after continues from the page that gave it");
        }
        Cursor cursor = after.isBlank() ? null : Cursor.decode(after, numbered.sortField, numbered.ascending);
        return new PageRequest(0, numbered.size, numbered.sortField, numbered.ascending, true, cursor);
    }

    /**
     * Refuses a cursor on an order that cannot give one (a key that may be empty, or that no index serves).
     *
     * @throws ApiException 400 naming {@code after} when read by cursor in another order than these
     */
    public PageRequest cursorOnlyBy(Set<String> fields) {
        if (byCursor && !fields.contains(sortField)) {
            throw ApiException.badRequest("after", "this list is read by cursor when sorted by " + String.join(" or ", new java.util.TreeSet<>(fields))
                    + ", not by " + sortField);
        }
        return this;
    }

    /**
     * Reads the query parameters of a list request.
     *
     * @param page the {@code page} parameter (0-based), or {@code null} for 0
     * @param size the {@code size} parameter, or {@code null} for {@value #DEFAULT_SIZE}
     * @param sort the {@code sort} parameter ({@code field} or {@code field,asc|desc}), or {@code null}
     * @param sortable the fields this list can be sorted by
     * @param defaultSort the field used when {@code sort} is absent (ascending)
     * @throws ApiException 400 naming {@code page}, {@code size} or {@code sort}
     */
    public static PageRequest parse(String page, String size, String sort, Set<String> sortable, String defaultSort) {
        Objects.requireNonNull(sortable, "sortable");
        int pageNumber = parseInt("page", page, 0);
        if (pageNumber < 0) {
            throw ApiException.badRequest("page", "page must be 0 or more");
        }
        int pageSize = parseInt("size", size, DEFAULT_SIZE);
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw ApiException.badRequest("size", "size must be between 1 and " + MAX_SIZE);
        }
        if ((long) pageNumber * pageSize > Integer.MAX_VALUE) {
            throw ApiException.badRequest("page", "page is beyond any list: page × size must stay under " + Integer.MAX_VALUE);
        }
        String field = defaultSort;
        boolean ascending = true;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",", -1);
            if (parts.length > 2) {
                throw ApiException.badRequest("sort", "sort must be 'field' or 'field,asc' or 'field,desc'");
            }
            field = parts[0].trim();
            if (!sortable.contains(field)) {
                throw ApiException.badRequest("sort", "cannot sort by '" + field + "'; sortable fields: " + String.join(", ", new java.util.TreeSet<>(sortable)));
            }
            if (parts.length == 2) {
                String direction = parts[1].trim().toLowerCase(Locale.ROOT);
                if (direction.equals("desc")) {
                    ascending = false;
                } else if (!direction.equals("asc")) {
                    throw ApiException.badRequest("sort", "sort direction must be 'asc' or 'desc', not '" + parts[1].trim() + "'");
                }
            }
        }
        return new PageRequest(pageNumber, pageSize, field, ascending, false, null);
    }

    private static int parseInt(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number, not '" + value + "'");
        }
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    /** Index of the first item of this page, for {@code setFirstResult}. */
    public int offset() {
        return Math.multiplyExact(page, size);
    }

    /** The field to sort by, one of the sortable fields or the default. */
    public String sortField() {
        return sortField;
    }

    public boolean ascending() {
        return ascending;
    }

    /** Whether the list is read by cursor ({@code after} given, even empty): no page number, no count. */
    public boolean byCursor() {
        return byCursor;
    }

    /** Whether the answer counts the items the list selects: on numbered pages only. */
    public boolean counted() {
        return !byCursor;
    }

    /** The cursor to continue after, or null (numbered pages, or the first page by cursor). */
    public Cursor after() {
        return after;
    }
}
