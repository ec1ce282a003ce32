package org.secretariat.website.impl.service;

/**
 * HTML that went through the sanitizer ({@link Markdown}): the one kind of value templates print
 * without escaping ({@code ${x.html?no_esc}}).
 */
public record SafeHtml(String html) {

    public static final SafeHtml EMPTY = new SafeHtml("");

    @Override
    public String toString() {
        return html;
    }
}
